import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import type { Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { codeSpan, escapeMarkdown } from '../../src/core/markdown-escape.js';

/** GitHub-flavoured Markdown as remark-gfm reads it: the closest thing to GitHub's renderer we can run. */
const parse = (markdown: string): Root => unified().use(remarkParse).use(remarkGfm).parse(markdown);

function nodes(tree: Root): RootContent[] {
  const out: RootContent[] = [];
  const walk = (n: RootContent | Root) => {
    if (n.type !== 'root') out.push(n);
    if ('children' in n) for (const c of n.children as RootContent[]) walk(c);
  };
  walk(tree);
  return out;
}

/** The text a reader sees, with the zero-width characters the escaper adds taken out. */
function visible(tree: Root): string {
  return nodes(tree)
    .map((n) => ('value' in n && typeof n.value === 'string' ? n.value : ''))
    .join('')
    .replace(/[\u200b\u200d]/g, '');
}

const ACTIVE = new Set(['link', 'linkReference', 'image', 'imageReference', 'html', 'footnoteReference', 'definition', 'emphasis', 'strong', 'delete']);

/** Text as it appears in the middle of a sentence (never at a line start, where list markers live). */
const inSentence = (escaped: string) => `Problem: ${escaped}`;
const inTableCell = (cell: string) => `| a | b |\n| --- | --- |\n| x | ${cell} |`;

// The escaper turns control characters into spaces, and the Unicode line and paragraph separators
// too (a terminal or log would break the line there): the same set as core/text.ts.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the escaper turns control characters into spaces
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** Normalizes what the escaper turns into spaces (control characters) and what paragraphs trim. */
const expected = (text: string) => text.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();

const hostile = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.constantFrom(
    'see https://evil.example/login?x=1 now',
    'HTTPS://EVIL.EXAMPLE',
    'ftp://files.example/x',
    'www.evil.example and WWW.EVIL.EXAMPLE',
    '(www.evil.example)',
    '*www.evil.example*',
    'mail jo@evil.example or mailto:jo@evil.example or xmpp:jo@evil.example',
    '<https://evil.example>',
    '[click](https://evil.example)',
    '![img](https://evil.example/x.png)',
    '[^1] and [ref]\n\n[ref]: https://evil.example',
    '<script>alert(1)</script> <img src=x onerror=alert(1)>',
    '&lt;b&gt; &copy; &#x3C;',
    '`code` ``double`` \\` back\\slash \\\\',
    '@someone and @org/team',
    '~~gone~~ **bold** _it_ | pipe',
  ),
  fc
    .array(fc.constantFrom('https://', 'http://', 'www.', '.', '@', 'a', 'example', '/', ':', ' ', '_', '*', '~', '(', '\\', '`', '|', '<', '>', '&'), {
      maxLength: 20,
    })
    .map((parts) => parts.join('')),
);

describe('escapeMarkdown', () => {
  test('URLs, www. addresses and e-mail addresses do not become links on GitHub', () => {
    for (const text of ['https://evil.example/login', 'www.evil.example', 'jo@evil.example', 'ftp://evil.example', 'mailto:jo@evil.example']) {
      const tree = parse(inSentence(escapeMarkdown(text)));
      expect(nodes(tree).filter((n) => ACTIVE.has(n.type))).toEqual([]);
      expect(visible(tree)).toBe(`Problem: ${text}`);
    }
  });

  test('any text stays inert and reads the same, in a sentence and in a table cell (property)', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const escaped = escapeMarkdown(text);
        for (const md of [inSentence(escaped), inTableCell(escaped)]) {
          const tree = parse(md);
          expect(nodes(tree).filter((n) => ACTIVE.has(n.type))).toEqual([]);
        }
        expect(expected(visible(parse(inSentence(escaped))))).toBe(expected(`Problem: ${text}`));
      }),
      { numRuns: 400 },
    );
  });
});

describe('codeSpan', () => {
  test('shows its text literally: no backslashes added, backticks kept', () => {
    const cases = ['ladder/packets/jo_rivera*draft*.md', 'a\\b', '`start', 'end`', 'a ``` b', ' padded ', '``', '<b>&amp;</b>', 'https://x.example'];
    for (const text of cases) {
      const tree = parse(inSentence(codeSpan(text)));
      const code = nodes(tree).filter((n) => n.type === 'inlineCode');
      expect(code).toHaveLength(1);
      expect((code[0] as { value: string }).value).toBe(text);
    }
  });

  test('inside a table cell, a pipe neither splits the cell nor shows a backslash', () => {
    const tree = parse(inTableCell(codeSpan('a|b', { table: true })));
    const row = nodes(tree).filter((n) => n.type === 'tableRow')[1] as { children: unknown[] };
    expect(row.children).toHaveLength(2);
    expect(nodes(tree).find((n) => n.type === 'inlineCode')).toMatchObject({ value: 'a|b' });
  });

  test('a line separator becomes a space, as other control characters do (found by the property below)', () => {
    const tree = parse(inTableCell(codeSpan('\u2028!', { table: true })));
    const code = nodes(tree).filter((n) => n.type === 'inlineCode');
    expect((code[0] as { value: string }).value).toBe(' !');
  });

  test('any text round-trips through a code span (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        const want = expected(text).length === 0 ? undefined : text.replace(/[\r\n]+/g, ' ');
        fc.pre(want !== undefined && /\S/.test(want) && !new RegExp(CONTROL.source).test(want as string));
        const tree = parse(inTableCell(codeSpan(want as string, { table: true })));
        const code = nodes(tree).filter((n) => n.type === 'inlineCode');
        expect(code).toHaveLength(1);
        expect((code[0] as { value: string }).value).toBe(want);
      }),
      { numRuns: 400 },
    );
  });
});
