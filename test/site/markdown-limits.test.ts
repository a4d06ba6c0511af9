import { describe, expect, test } from '@jest/globals';
import type { Element, ElementContent } from 'hast';
import { MARKDOWN_LIMITS as L } from '../../src/core/markdown-limits.js';
import { renderSite } from '../../src/render/index.js';
import { type MarkdownContext, MarkdownRenderer, textOf } from '../../src/render/markdown.js';
import { edit, exampleFiles } from '../helpers/ladder-files.js';
import { ladderOf } from './helpers.js';

// In-process, on inputs just beyond the limits (fast either way); the cases ten times the size of
// issue 8 run in child processes with a timeout in hostile-markdown.test.ts.

const context: MarkdownContext = { file: 'levels/ic/E4.md', scope: 'md-E4-delivery', headings: 4 };
const render = (markdown: string, options: ConstructorParameters<typeof MarkdownRenderer>[1] = {}) => {
  const renderer = new MarkdownRenderer(() => undefined, options);
  return { ...renderer.render(markdown, context), stats: renderer.stats };
};

describe('Markdown beyond the limits', () => {
  const beyond = `${'>'.repeat(L.nesting + 1)} <script>alert("x")</script> & <b>bold</b>\n\n**not bold**`;

  test('is shown as it is written, escaped in a <pre>, without being parsed', () => {
    const out = render(beyond);
    expect(out.html).toBe(
      `<pre>${'&gt;'.repeat(L.nesting + 1)} &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;\n\n**not bold**</pre>`,
    );
    expect(out.stats).toEqual({ fast: 0, remark: 0, plain: 1 });
    // One unit, so that "what changes" pages compare it like any paragraph; its text for search.
    expect(out.parts).toEqual([{ tag: 'pre', open: '<pre>', inner: expect.any(String), close: '</pre>', text: expect.stringContaining('<script>alert') }]);
    expect(out.text).toContain('**not bold**');
  });

  test('whatever the heading mode (a table cell of the matrix, a page section)', () => {
    const renderer = new MarkdownRenderer(() => undefined);
    const a = renderer.render(beyond, { ...context, headings: 'strong' });
    const b = renderer.render(beyond, { ...context, headings: 3 });
    expect(a.html).toBe(b.html);
    expect(renderer.stats.plain).toBe(1);
  });

  test('in a rendered site: on the level, matrix and "what changes" pages, inert', () => {
    const files = edit(exampleFiles(), 'levels/ic/E4.md', '## Delivery\n\n', `## Delivery\n\n${beyond}\n\n`);
    const site = renderSite(ladderOf(files, true));
    expect(site.markdown.plain).toBe(1);
    // ("What changes" pages may wrap the words E3 never uses in <ins>: "script" among them.)
    const pre = `<pre>${'&gt;'.repeat(L.nesting + 1)} &lt;`;
    for (const path of ['levels/E4/index.html', 'matrix/ic/index.html', 'changes/E3-E4/index.html', 'changes/E4-E5/index.html'])
      expect([path, site.files.get(path)?.includes(pre)]).toEqual([path, true]);
    for (const [path, contents] of site.files) expect([path, contents.includes('<script>alert')]).toEqual([path, false]);
  });

  test('a parsed tree deeper than the renderer allows is shown as text too', () => {
    const deep = `${'> '.repeat(10)}x`;
    expect(render(deep).html).toMatch(/^<blockquote>/);
    const guarded = render(deep, { maxDepth: 8 });
    expect(guarded.html).toBe(`<pre>${'&gt; '.repeat(10)}x</pre>`);
    expect(guarded.stats).toEqual({ fast: 0, remark: 0, plain: 1 });
  });
});

describe('Markdown at the limits renders as Markdown', () => {
  test.each([
    ['block quotes', `${'>'.repeat(L.nesting)} deep`, (html: string) => (html.match(/<blockquote>/g) ?? []).length === L.nesting],
    [
      'lists nested by indentation',
      Array.from({ length: L.nesting }, (_, i) => `${'  '.repeat(i)}- item`).join('\n'),
      (html: string) => (html.match(/<ul>/g) ?? []).length === L.nesting,
    ],
    ['emphasis', '*a* '.repeat(L.emphasis / 2), (html: string) => (html.match(/<em>a<\/em>/g) ?? []).length === L.emphasis / 2],
    [
      'links',
      '[a](https://example.com) '.repeat(L.brackets / 2),
      (html: string) => (html.match(/<a href="https:\/\/example.com">a<\/a>/g) ?? []).length === L.brackets / 2,
    ],
    [
      'a table',
      `|${' h |'.repeat(L.tableColumns)}\n|${' - |'.repeat(L.tableColumns)}\n|${' c |'.repeat(L.tableColumns)}`,
      (html: string) => (html.match(/<td>c<\/td>/g) ?? []).length === L.tableColumns,
    ],
    ['a long line', 'word '.repeat(L.lineLength / 5).trim(), (html: string) => html.startsWith('<p>word word')],
  ])('%s', (_, markdown, ok) => {
    const out = render(markdown);
    expect(out.stats.plain).toBe(0);
    expect(ok(out.html)).toBe(true);
  });
});

describe("the renderer's own tree walks do not recurse", () => {
  test('textOf a tree 200,000 elements deep', () => {
    let node: ElementContent = { type: 'text', value: 'x' };
    for (let i = 0; i < 200_000; i++)
      node = {
        type: 'element',
        tagName: i % 2 ? 'span' : 'p',
        properties: {},
        children: [node, { type: 'element', tagName: 'br', properties: {}, children: [] }],
      };
    const text = textOf(node as Element);
    expect(text.replace(/\s+/g, ' ').trim()).toBe('x');
    expect(text.length).toBe(1 + 100_000 * 2 + 200_000);
  });
});
