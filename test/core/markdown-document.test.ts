import { describe, expect, test } from '@jest/globals';
import { parseMarkdown } from '../../src/core/markdown-document.js';

const names = (text: string) => parseMarkdown(text).sections.map((s) => s.name);

describe('parseMarkdown front matter', () => {
  test('splits front matter from the body, with positions in the whole file', () => {
    const md = parseMarkdown('---\nid: E4\ntrack: ic\n---\n\nIntro text.\n\n## Delivery\n\n- Ships.\n');
    expect(md.problem).toBeUndefined();
    expect(md.frontMatter?.value).toEqual({ id: 'E4', track: 'ic' });
    expect(md.frontMatter?.position('/track')).toEqual({ line: 3, column: 8 });
    expect(md.intro).toBe('Intro text.');
    expect(md.introAt).toEqual({ line: 6, column: 1 });
    expect(md.sections).toEqual([{ name: 'Delivery', at: { line: 8, column: 4 }, body: '- Ships.', bodyAt: { line: 10, column: 1 } }]);
  });

  test('no front matter, front matter that never closes, and front matter that does not parse', () => {
    expect(parseMarkdown('# Title\n## A\n').problem).toEqual({ kind: 'missing', at: { line: 1, column: 1 } });
    expect(parseMarkdown('').problem).toEqual({ kind: 'missing', at: { line: 1, column: 1 } });
    expect(parseMarkdown('---\nid: E4\n## A\n').problem).toEqual({ kind: 'unclosed', at: { line: 1, column: 1 } });
    expect(parseMarkdown('---\nid: E4\nid: E5\n---\n').problem).toEqual({
      kind: 'yaml',
      problem: { line: 3, column: 1, message: expect.stringContaining('Duplicated mapping key') },
    });
  });

  test('closes at end of file without a newline, or with "..."', () => {
    expect(parseMarkdown('---\nid: E4\n---').frontMatter?.value).toEqual({ id: 'E4' });
    expect(parseMarkdown('---\nid: E4\n...\n## A\nx\n').sections).toHaveLength(1);
  });

  test('CRLF', () => {
    const md = parseMarkdown('---\r\nid: E4\r\n---\r\n## A\r\nbody\r\n## B\r\nmore\r\n');
    expect(md.frontMatter?.value).toEqual({ id: 'E4' });
    expect(md.sections).toEqual([
      { name: 'A', at: { line: 4, column: 4 }, body: 'body', bodyAt: { line: 5, column: 1 } },
      { name: 'B', at: { line: 6, column: 4 }, body: 'more', bodyAt: { line: 7, column: 1 } },
    ]);
  });
});

describe('parseMarkdown sections', () => {
  const fm = '---\nid: X\n---\n';

  test('only level-2 headings start sections; deeper ones stay in the body', () => {
    const md = parseMarkdown(`${fm}## A\ntext\n### Sub\nmore\n#### Deeper\n## B\n`);
    expect(md.sections.map((s) => [s.name, s.body])).toEqual([
      ['A', 'text\n### Sub\nmore\n#### Deeper'],
      ['B', ''],
    ]);
  });

  test('a "## " line in a fenced code block is not a section', () => {
    const text = `${fm}## A\n\`\`\`markdown\n## Not a section\n\`\`\`\n## B\n~~~\n## Nor this\n~~~\n`;
    expect(names(text)).toEqual(['A', 'B']);
    expect(parseMarkdown(text).sections[0]?.body).toBe('```markdown\n## Not a section\n```');
  });

  test('a fence closes only with the same character, at least as long', () => {
    expect(names(`${fm}## A\n\`\`\`\`\n\`\`\`\n## in\n~~~\n## in\n\`\`\`\`\n## B\n`)).toEqual(['A', 'B']);
    expect(names(`${fm}## A\n~~~~\n~~~\n## in\n~~~~~\n## B\n`)).toEqual(['A', 'B']);
  });

  test('an unclosed fence runs to the end of the file', () => {
    expect(names(`${fm}## A\n\`\`\`\n## in\n`)).toEqual(['A']);
  });

  test('closing #s are not part of the name; a # inside the name is', () => {
    expect(names(`${fm}## Delivery ##\n## Growing others #####   \n## C#\n## Sharp #tag\n`)).toEqual(['Delivery', 'Growing others', 'C#', 'Sharp #tag']);
  });

  test('the position is that of the heading text', () => {
    const md = parseMarkdown(`${fm}## A\n   ## Indented\n##\tTabbed\n##   Spaced  \n`);
    expect(md.sections.map((s) => [s.name, s.at])).toEqual([
      ['A', { line: 4, column: 4 }],
      ['Indented', { line: 5, column: 7 }],
      ['Tabbed', { line: 6, column: 4 }],
      ['Spaced', { line: 7, column: 6 }],
    ]);
  });

  test('four spaces of indent, or no space after ##, is not a heading', () => {
    expect(names(`${fm}    ## Code\n##NoSpace\n## Real\n`)).toEqual(['Real']);
  });

  test('a setext heading is a heading as the renderer reads it: "---" under a paragraph line is level 2, "===" level 1', () => {
    const md = parseMarkdown(`${fm}Title\n=====\nSub\n---\nbody\n## Real\n`);
    expect(md.sections.map((s) => [s.name, s.at, s.body])).toEqual([
      ['Sub', { line: 6, column: 1 }, 'body'],
      ['Real', { line: 9, column: 4 }, ''],
    ]);
    // Over several lines, indented up to three spaces, with trailing spaces; the text before it stays in the intro.
    const multi = parseMarkdown(`${fm}intro\n\n  Growing\n others  \n   ------  \nb\n`);
    expect(multi.sections.map((s) => [s.name, s.at, s.body])).toEqual([['Growing others', { line: 6, column: 3 }, 'b']]);
    expect(multi.intro).toBe('intro');
    // "---" after a blank line, or after a list, a quote or code, is a thematic break.
    expect(names(`${fm}a\n\n---\n- b\n---\n> c\n---\n    d\n---\n\`\`\`\nx\n\`\`\`\n---\n`)).toEqual([]);
  });

  test('headings in block quotes, list items and HTML blocks are not sections', () => {
    expect(names(`${fm}> ## Quoted\n- ## Listed\n  ## Still listed\n1. Item\n   ---\n<div>\n## In HTML\n</div>\n\n## Real\n`)).toEqual(['Real']);
    // A lazy line continues the quote's paragraph; "---" under it ends the quote, as a thematic break.
    expect(names(`${fm}> a\nb\n---\n`)).toEqual([]);
    // Not indented enough for the item: the heading is back at the top level.
    expect(names(`${fm}- item\n## Out\n`)).toEqual(['Out']);
  });

  test('indented code: four spaces or a tab, not after a paragraph line; the section body keeps it', () => {
    expect(names(`${fm}    ## Code\n\t## Tabbed code\n## Real\n    ## Body code\n`)).toEqual(['Real']);
    expect(parseMarkdown(`${fm}## Real\n\n    ## Body code\n`).sections[0]?.body).toBe('    ## Body code');
    // After a paragraph line, four spaces continue the paragraph: that is a setext heading.
    expect(names(`${fm}Para\n    more\n---\n`)).toEqual(['Para more']);
  });

  test('an h1 ends the section before it', () => {
    const md = parseMarkdown(`${fm}## A\nbody\n# Title\nafter\n## B\nb\n`);
    expect(md.sections.map((s) => [s.name, s.body])).toEqual([
      ['A', 'body'],
      ['B', 'b'],
    ]);
  });

  test('bodies are trimmed', () => {
    expect(parseMarkdown(`${fm}\n\n## A\n\n\n  text  \n\n\n## B\n`).sections[0]?.body).toBe('text');
  });
});

describe('parseMarkdown raw HTML', () => {
  const fm = '---\nid: X\n---\n';
  const tags = (body: string) => parseMarkdown(fm + body).html.map((h) => `${h.what}@${h.at.line}:${h.at.column}`);

  test('tags in paragraphs, headings and HTML blocks, at their positions', () => {
    expect(tags('a <b>x</b>\n## H <i>y</i>\n\n<div class="x">\n<p>\n</div>\n')).toEqual([
      '<b>@4:3',
      '<b>@4:7',
      '<i>@5:6',
      '<i>@5:10',
      '<div>@7:1',
      '<p>@8:1',
      '<div>@9:1',
    ]);
    // In a list item and a block quote too; a tag may span lines inside a paragraph.
    expect(tags('- <b>x</b>\n> <span\n> class="y">z\n')).toEqual(['<b>@4:3', '<b>@4:7', '<span>@5:3']);
  });

  test('not in code: code spans (over lines too), fenced and indented code', () => {
    expect(tags('`<b>` and ``a `<i>` b`` and `x\n<u>` y\n```\n<div>\n```\n~~~\n<p>\n~~~\n\n    <script>\n')).toEqual([]);
    // A backtick run that never closes is literal: what follows it is HTML.
    expect(tags('`unclosed <b>\n')).toEqual(['<b>@4:11']);
    // An escaped backtick opens nothing.
    expect(tags('\\`<b>`\n')).toEqual(['<b>@4:3']);
  });

  test('not what the renderer shows as text: escaped or incomplete tags, comparisons, autolinks, link destinations', () => {
    expect(tags('\\<b> and <div and a < b and 3 <4 and <https://example.com> and <jo@example.com> and [x](<dest>)\n')).toEqual([]);
    expect(tags('<!-- a <b> comment -->\n\ntext <!-- inline <i> --> and <?php <u> ?>\n')).toEqual([]);
  });

  test('an HTML block runs to a blank line (or its end marker), headings and all', () => {
    const md = parseMarkdown(`${fm}## A\n<div>\n## Not a section\n<b>\n\n## B\n<script>\n\n## Not either\n</script>\n`);
    expect(md.sections.map((s) => s.name)).toEqual(['A', 'B']);
    expect(md.html.map((h) => `${h.what}@${h.at.line}`)).toEqual(['<div>@5', '<b>@7', '<script>@10', '<script>@13']);
  });

  test('in linear time, on texts made of openers that never close', () => {
    const n = 40_000;
    for (const piece of ['<a x="', '<!--', '`', '<a b c d ', '](<', '<![CDATA[', '> ', '- ', '1. ', '<div>\n', '    \n', '>\n', 'a|b\n']) {
      const text = `${fm}${piece.repeat(n)}\n## End\n`;
      const started = performance.now();
      parseMarkdown(text);
      const ms = performance.now() - started;
      // 40,000 openers: a quadratic scan would take seconds; a linear one takes a few milliseconds.
      expect([piece, ms < 500]).toEqual([piece, true]);
    }
  });
});
