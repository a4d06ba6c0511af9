import { describe, expect, test } from '@jest/globals';
import type { Root } from 'mdast';
import { fastFragment } from '../../src/render/fast-html.js';
import { parseSimpleMarkdown } from '../../src/render/fast-markdown.js';
import { type MarkdownContext, MarkdownRenderer } from '../../src/render/markdown.js';
import { exampleFiles } from '../helpers/ladder-files.js';
import { ladderOf } from './helpers.js';

const context: MarkdownContext = { file: 'levels/ic/E4.md', scope: 'md-E4-delivery', headings: 4 };
const resolve = (href: string) => (href === '../em/M1.md' ? '/base/levels/M1/' : undefined);

/**
 * The HTML of one piece of Markdown, through the fast parser when it accepts it (written directly,
 * fast-html.ts), and through remark-parse only. The whole fragments must agree too: the text the
 * search index takes and the parts the "what changes" pages compare.
 */
function both(markdown: string, ctx: MarkdownContext = context): { fast: string; remark: string; tookFast: boolean } {
  const fast = new MarkdownRenderer(resolve);
  const remark = new MarkdownRenderer(resolve, { fastPath: false });
  const a = fast.render(markdown, ctx);
  const b = remark.render(markdown, ctx);
  if (a.html === b.html) expect({ markdown, text: a.text, parts: a.parts }).toEqual({ markdown, text: b.text, parts: b.parts });
  return { fast: a.html, remark: b.html, tookFast: fast.stats.fast === 1 };
}

/** mulberry32: a small seeded generator, so the fuzz corpus is the same on every run. */
function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Pieces of ladder-like Markdown, plain and tricky, for the fuzz test.
const WORDS = [
  'team',
  'owns',
  'design',
  'Reviews',
  'incident',
  'roadmap',
  "team's",
  'E4',
  'SLOs',
  '1:1s',
  'data-integrity',
  'Ingénieure',
  'équipe',
  '日本語',
  'naïve',
  'x',
];
const INLINE = [
  '**bold**',
  '**two words**',
  '`code`',
  '`a b`',
  '*em*',
  '_em_',
  '**',
  '*',
  '`',
  '``x``',
  '<b>',
  '&amp;',
  '&',
  '\\*',
  '[a](b)',
  '[^1]',
  'www.example.com',
  'https://example.com',
  'a@b.co',
  '~~gone~~',
  '|',
  '(**x**)',
  '**x**.',
  'a**b**',
  '**x**y',
  '"**q**"',
  '# not',
  '#5',
  '2. item',
  ':',
  '!',
  '?',
  '—',
];
const STARTS = ['', '', '', '- ', '- ', '* ', '1. ', '> ', '# ', '## ', '    ', '  ', ' ', '\t', '---', '===', '```', '| a | b |', '-', '+ '];

const PLAIN_INLINE = ['**bold**', '**two words**', '`code`', '`a b`', '(**x**)', '**x**.', '"**q**"', ':', '!', '?', '#5', '—'];

/** A document: half of them plain (what the fast parser should take), half with anything in them. */
function fuzzDoc(next: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const plain = next() < 0.5;
  const lines: string[] = [];
  const count = 1 + Math.floor(next() * 6);
  for (let i = 0; i < count; i++) {
    const words: string[] = [];
    const n = 1 + Math.floor(next() * 8);
    for (let j = 0; j < n; j++) words.push(next() < 0.2 ? pick(plain ? PLAIN_INLINE : INLINE) : pick(WORDS));
    const start = plain || next() < 0.6 ? (next() < 0.5 ? '' : '- ') : pick(STARTS);
    const end = !plain && next() < 0.1 ? pick(['  ', ' ', '\\', '\t']) : '';
    lines.push(start + words.join(plain || next() < 0.9 ? ' ' : '') + end);
    if (next() < 0.3) lines.push(plain || next() < 0.8 ? '' : pick(['', ' ', '\t', '   ']));
  }
  return lines.join('\n');
}

describe('fragments written straight from the fast parser', () => {
  test('escape text as rehype-stringify does, even text the parser would never pass on', () => {
    const tree: Root = { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: 'a < b & <script>' }] }] };
    expect(fastFragment(tree)?.html).toBe('<p>a &#x3C; b &#x26; &#x3C;script></p>');
    expect(fastFragment(tree)?.text).toBe('a < b & <script>');
  });

  test('leave to the tree anything the fast parser does not make', () => {
    const link: Root = {
      type: 'root',
      children: [{ type: 'paragraph', children: [{ type: 'link', url: 'javascript:alert(1)', children: [{ type: 'text', value: 'x' }] }] }],
    };
    const heading: Root = { type: 'root', children: [{ type: 'heading', depth: 2, children: [{ type: 'text', value: 'x' }] }] };
    const task: Root = {
      type: 'root',
      children: [
        {
          type: 'list',
          ordered: false,
          children: [{ type: 'listItem', checked: true, children: [{ type: 'paragraph', children: [{ type: 'text', value: 'x' }] }] }],
        },
      ],
    };
    for (const tree of [link, heading, task]) expect(fastFragment(tree)).toBeUndefined();
  });
});

describe('the fast parser for plain Markdown', () => {
  test('renders exactly what remark-parse renders, for every piece of the example ladder', () => {
    const ladder = ladderOf(exampleFiles());
    let fast = 0;
    for (const level of ladder.levels) {
      for (const piece of [level.intro, ...level.sections.map((s) => s.body)]) {
        const r = both(piece, { file: level.origin.file, scope: 'md-x', headings: 4 });
        expect(r.fast).toBe(r.remark);
        if (r.tookFast) fast++;
      }
    }
    // The example is plain prose: the fast path should take nearly all of it.
    expect(fast).toBeGreaterThan(ladder.levels.length * 5);
  });

  test('renders exactly what remark-parse renders, for 3000 generated documents, plain and tricky', () => {
    const next = rng(20261123);
    let fast = 0;
    for (let i = 0; i < 3000; i++) {
      const doc = fuzzDoc(next);
      const r = both(doc);
      if (r.fast !== r.remark) throw new Error(`fast parser differs from remark on ${JSON.stringify(doc)}:\n  fast:   ${r.fast}\n  remark: ${r.remark}`);
      if (r.tookFast) fast++;
    }
    // Both kinds must be exercised: documents the fast parser takes, and documents it refuses.
    expect(fast).toBeGreaterThan(400);
    expect(fast).toBeLessThan(2400);
  });

  test.each([
    ['emphasis with stars', 'A *quiet* word'],
    ['emphasis with underscores', 'A _quiet_ word'],
    ['raw HTML', 'A <b>bold</b> word'],
    ['a link', 'See [the guide](https://example.com)'],
    ['an autolink literal', 'See www.example.com'],
    ['an email address', 'Write to a@b.co'],
    ['an ordered list', '1. one\n2. two'],
    ['a heading', '### Scope'],
    ['a block quote', '> quoted'],
    ['a hard line break', 'one  \ntwo'],
    ['an indented continuation', '- item\n  continued'],
    ['a table', '| a | b |\n| - | - |\n| 1 | 2 |'],
    ['strikethrough', '~~old~~'],
    ['a thematic break', 'text\n\n---'],
    ['an entity', 'R&amp;D'],
    ['a lone star', 'a * b'],
    ['strong glued to a word', 'a**b**c'],
  ])('leaves %s to remark-parse', (_, markdown) => {
    expect(parseSimpleMarkdown(markdown)).toBeUndefined();
    const r = both(markdown);
    expect(r.tookFast).toBe(false);
    expect(r.fast).toBe(r.remark);
  });

  test('takes paragraphs, bullet lists, strong and code', () => {
    const markdown = 'Owns the **roadmap** of the `ledger` service.\nKeeps it simple.\n\n- First thing.\n- Second **thing**.\n\n- A loose list item.';
    const r = both(markdown);
    expect(r.tookFast).toBe(true);
    expect(r.fast).toBe(r.remark);
    expect(r.fast).toContain('<strong>roadmap</strong>');
    expect(r.fast).toContain('<code>ledger</code>');
  });
});

const HOSTILE = [
  '<script>alert("x")</script>',
  'Text <script>alert(1)</script> inline',
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '[click](  javascript:alert(1) )',
  '[click](<javascript:alert(1)>)',
  '[click](vbscript:msgbox(1))',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '![pixel](data:image/svg+xml;base64,PHN2Zz48c2NyaXB0PmFsZXJ0KDEpPC9zY3JpcHQ+PC9zdmc+)',
  '<img src="x" onerror="alert(1)">',
  '<a href="javascript:alert(1)" onclick="alert(2)">link</a>',
  '<div onmouseover="alert(1)">hover</div>',
  '<iframe src="https://evil.example/"></iframe>',
  '<form action="https://evil.example/"><input name="q"><button>Go</button></form>',
  '<svg><script>alert(1)</script></svg>',
  '<svg onload="alert(1)"><circle r="1"/></svg>',
  '<math><mtext><script>alert(1)</script></mtext></math>',
  '<style>body { display: none }</style>',
  '<object data="x.swf"></object><embed src="x.swf">',
  '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
  '<base href="https://evil.example/"><link rel="stylesheet" href="https://evil.example/x.css">',
  '[ref]\n\n[ref]: javascript:alert(1)',
  '<javascript:alert(1)>',
  '![tracker](https://evil.example/pixel.gif)',
  '- [x] done\n- [ ] not yet',
  '<details open ontoggle="alert(1)"><summary>s</summary>d</details>',
];

describe('hostile Markdown is rendered inert', () => {
  test.each(HOSTILE)('%s', (markdown) => {
    for (const html of Object.values(both(markdown))) {
      if (typeof html !== 'string') continue;
      expect(html).not.toMatch(/<(?:script|iframe|form|input|button|svg|math|style|object|embed|meta|base|link|img|details)\b/i);
      expect(html).not.toMatch(/\son[a-z]+\s*=/i);
      expect(html).not.toMatch(/="[^"]*(?:javascript|vbscript|data):/i);
      expect(html).not.toMatch(/\s(?:src|style)=/i);
      // The site makes no request to another host: an image becomes a link to it.
      for (const m of html.matchAll(/href="([^"]*)"/g)) expect(m[1]).toMatch(/^(?:https?:\/\/|\/base\/|#)/);
    }
  });
});

describe('adjustments after sanitizing', () => {
  test('links to other level files point at their pages; other relative links become text', () => {
    const html = new MarkdownRenderer(resolve).render('See [M1](../em/M1.md), [a file](notes.md) and [the web](https://example.com/a?b=1).', context).html;
    expect(html).toContain('<a href="/base/levels/M1/">M1</a>');
    expect(html).toContain('a file');
    expect(html).not.toContain('notes.md');
    expect(html).toContain('<a href="https://example.com/a?b=1">the web</a>');
  });

  test('headings are renumbered under the page heading, without gaps', () => {
    const html = new MarkdownRenderer(resolve).render('Intro\n\n### Part\n\ntext\n\n###### Detail\n\nmore', context).html;
    expect(html).toContain('<h4>Part</h4>');
    expect(html).toContain('<h5>Detail</h5>');
    const cell = new MarkdownRenderer(resolve).render('### Part\n\ntext', { ...context, headings: 'strong' }).html;
    expect(cell).toContain('<p><strong>Part</strong></p>');
    expect(cell).not.toMatch(/<h\d/);
  });

  test('footnote ids are scoped to their section, and their links follow', () => {
    const html = new MarkdownRenderer(resolve).render('Claim.[^1]\n\n[^1]: Source.', context).html;
    const ids = [...html.matchAll(/id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(id).toMatch(/^md-E4-delivery-/);
    for (const m of html.matchAll(/href="#([^"]+)"/g)) expect(ids).toContain(m[1]);
  });

  test('task-list checkboxes become text, table alignment a class', () => {
    const html = new MarkdownRenderer(resolve).render('- [x] done\n- [ ] open\n\n| a | b |\n| :-: | -: |\n| 1 | 2 |', context).html;
    expect(html).toContain('☑ done');
    expect(html).toContain('☐ open');
    expect(html).toContain('class="align-center"');
    expect(html).not.toMatch(/\salign=/);
  });
});
