import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parseMarkdown } from '../../src/core/markdown-document.js';
import {
  clearlyWithin,
  type LimitProblem,
  MARKDOWN_LIMITS,
  type MarkdownLimits,
  scanMarkdownLimits,
  withinMarkdownLimits,
} from '../../src/core/markdown-limits.js';
import { exampleFiles } from '../helpers/ladder-files.js';
import { examplePacketFiles } from '../helpers/packet-files.js';

const L = MARKDOWN_LIMITS;
const scan = (text: string, limits?: MarkdownLimits) => scanMarkdownLimits(text, { limits });
const kinds = (text: string, limits?: MarkdownLimits) => scan(text, limits).map((p) => p.limit);
const where = (p: LimitProblem | undefined) => p && { limit: p.limit, line: p.line, column: p.column, value: p.value };

describe('scanMarkdownLimits: each limit, just within and just beyond', () => {
  const emphasis = (n: number) => 'a*'.repeat(n);
  const brackets = (n: number) => 'a]'.repeat(n);
  const row = (n: number, cell: string) => `|${` ${cell} |`.repeat(n)}`;
  const table = (columns: number, rows: number) => [row(columns, 'h'), row(columns, '-'), ...Array.from({ length: rows }, () => row(columns, 'x'))].join('\n');
  const cases: Array<[string, (over: boolean) => string, { limit: string; line: number; column: number; value: number }]> = [
    [
      'nesting: block quotes',
      (over) => `intro\n\n${'>'.repeat(L.nesting + (over ? 1 : 0))} deep`,
      { limit: 'nesting', line: 3, column: L.nesting + 1, value: L.nesting + 1 },
    ],
    [
      'nesting: list items by indentation',
      (over) => Array.from({ length: L.nesting + (over ? 1 : 0) }, (_, i) => `${'  '.repeat(i)}- item`).join('\n'),
      // Two columns of indentation per level, and the marker: the 33rd level is the 33rd line's marker.
      { limit: 'nesting', line: L.nesting + 1, column: 2 * L.nesting + 1, value: L.nesting + 1 },
    ],
    ['line length', (over) => 'a'.repeat(L.lineLength + (over ? 1 : 0)), { limit: 'lineLength', line: 1, column: L.lineLength + 1, value: L.lineLength + 1 }],
    [
      'paragraph lines',
      (over) => 'word\n'.repeat(L.paragraphLines + (over ? 1 : 0)),
      { limit: 'paragraphLines', line: L.paragraphLines + 1, column: 1, value: L.paragraphLines + 1 },
    ],
    [
      'emphasis characters',
      (over) => emphasis(L.emphasis + (over ? 1 : 0)),
      { limit: 'emphasis', line: 1, column: 2 * (L.emphasis + 1), value: L.emphasis + 1 },
    ],
    ['brackets', (over) => brackets(L.brackets + (over ? 1 : 0)), { limit: 'brackets', line: 1, column: 2 * (L.brackets + 1), value: L.brackets + 1 }],
    [
      'table columns',
      (over) => table(L.tableColumns + (over ? 1 : 0), 1),
      { limit: 'tableColumns', line: 2, column: 4 * L.tableColumns + 1, value: L.tableColumns + 1 },
    ],
    // 50 columns × (header + 99 rows) = 5,000 cells; one row more is over.
    ['table cells', (over) => table(50, 99 + (over ? 1 : 0)), { limit: 'tableCells', line: 102, column: 1, value: 5050 }],
  ];

  test.each(cases)('%s', (_, text, beyond) => {
    expect(scan(text(false))).toEqual([]);
    expect(withinMarkdownLimits(text(false))).toBe(true);
    expect(scan(text(true)).map(where)).toEqual([beyond]);
    expect(withinMarkdownLimits(text(true))).toBe(false);
  });

  test('code spans: closed ones cost nothing; backticks that never close, one run after another, do', () => {
    expect(scan('Use `kubectl` and ``a ` b`` and `x`.\n'.repeat(50))).toEqual([]);
    // A few stray backticks in a paragraph are fine.
    expect(scan(`${'word '.repeat(40)}\`${'word '.repeat(40)}\` \`\``)).toEqual([]);
    // Runs of 1, 2, 3… backticks each look to the paragraph's end for their match.
    const ticks = Array.from({ length: 60 }, (_, i) => `${'`'.repeat(i + 1)}a`).join('');
    expect(scan(`Intro.\n\n${ticks}`).map(where)).toEqual([{ limit: 'codeScan', line: 3, column: 1, value: expect.any(Number) }]);
  });

  test('each limit is reported once per piece, where it is first exceeded, with the largest measure of that place', () => {
    const text = `${'>'.repeat(40)} a\n\n${'>'.repeat(50)} b\n\n${'*a'.repeat(600)}\n\n${'*a'.repeat(700)}`;
    expect(scan(text).map(where)).toEqual([
      { limit: 'nesting', line: 1, column: 33, value: 40 },
      { limit: 'emphasis', line: 5, column: 1025, value: 600 },
    ]);
  });

  test('positions count lines at "\\n" only, as the rest of the engine does', () => {
    const deep = `${'>'.repeat(L.nesting + 1)} x`;
    expect(scan(`a\r\n\r\n${deep}`).map(where)).toEqual([{ limit: 'nesting', line: 3, column: 33, value: 33 }]);
    // A lone "\r" ends a line for Markdown (the quote is nested) but not for positions.
    expect(scan(`a\r${deep}`).map(where)).toEqual([{ limit: 'nesting', line: 1, column: 35, value: 33 }]);
  });
});

describe('scanMarkdownLimits never counts less than the parser reads', () => {
  test('escaped characters are literal, but a backslash does not hide the next line', () => {
    expect(scan('\\*'.repeat(L.emphasis + 1))).toEqual([]);
    expect(scan('\\['.repeat(L.brackets + 1))).toEqual([]);
    // "\\*" is an escaped backslash and then a real "*".
    expect(kinds('\\\\*'.repeat(L.emphasis + 1))).toEqual(['emphasis']);
  });

  test('code spans and code blocks are counted (where they end is not certain without parsing)', () => {
    expect(kinds(`\`${'*'.repeat(L.emphasis + 1)}\``)).toEqual(['emphasis']);
    expect(kinds(`\`\`\`\n${'*\n'.repeat(L.emphasis + 1)}\`\`\``)).toEqual(['paragraphLines', 'emphasis']);
  });

  test('a paragraph ends only where the parser is certain to end one', () => {
    const half = 'a*'.repeat(L.emphasis / 2 + 1);
    // A blank line, a bullet item or an item numbered 1 ends a paragraph…
    expect(scan(`${half}\n\n${half}`)).toEqual([]);
    expect(scan(`${half}\n- ${half}`)).toEqual([]);
    // (A block quote starts one too, but counting on is safe.)
    expect(kinds(`${half}\n> ${half}`)).toEqual(['emphasis']);
    expect(scan(`- ${half}\n1. ${half}`)).toEqual([]);
    expect(scan(`> ${half}\n>\n> ${half}`)).toEqual([]);
    // …these lines continue it: "*" alone, "2." (cannot interrupt a paragraph), a bullet indented 4,
    // a quote marker indented 4, an empty item.
    for (const between of ['*', '2. x', '    - x', '    > - x', '-', '\t- x'])
      expect([between, kinds(`${half}\n${between}\n${half}`)]).toEqual([between, ['emphasis']]);
  });

  test('tables count padded rows until a blank line, whatever the lines look like', () => {
    const header = `|${' h |'.repeat(100)}\n|${' - |'.repeat(100)}`;
    expect(kinds(`${header}\n${'x\n'.repeat(49)}`)).toEqual([]);
    expect(kinds(`${header}\n${'- x\n'.repeat(50)}`)).toEqual(['tableCells']);
    expect(kinds(`${header}\n\n${'x\n'.repeat(50)}`)).toEqual([]);
  });

  test('footnote definitions nest like list items', () => {
    expect(kinds(`${'[^a]: '.repeat(L.nesting + 1)}x`)).toEqual(['nesting']);
  });
});

describe('scanMarkdownLimits on real ladders', () => {
  test('no piece of the example ladder or its packets comes near a limit', () => {
    // A fraction of each limit: the example must be far inside, not just inside.
    const tenth = Object.fromEntries(Object.entries(L).map(([k, v]) => [k, Math.max(2, Math.floor(v / 8))])) as unknown as MarkdownLimits;
    const problems: string[] = [];
    for (const file of [...exampleFiles(), ...examplePacketFiles()]) {
      if (!('text' in file) || !file.path.endsWith('.md')) continue;
      const doc = parseMarkdown(file.text);
      for (const piece of [doc.intro, ...doc.sections.map((s) => s.body)])
        for (const p of scan(piece, tenth)) problems.push(`${file.path}: ${p.limit} ${p.value}`);
    }
    expect(problems).toEqual([]);
  });
});

// The renderer relies on this: Markdown within the limits builds a tree at most
// 6 + 2 × nesting + emphasis / 2 deep (2 levels per nested list, half the emphasis characters of a
// paragraph, and a few for the root, a paragraph or table, a link and the text).
describe('within the limits, the parsed tree stays within the depth the renderer allows', () => {
  const parser = unified().use(remarkParse).use(remarkGfm);
  const depthOf = (tree: Root): number => {
    let max = 0;
    const stack: Array<[{ children?: unknown[] }, number]> = [[tree, 1]];
    while (stack.length > 0) {
      const [node, depth] = stack.pop() as [{ children?: unknown[] }, number];
      max = Math.max(max, depth);
      for (const child of node.children ?? []) stack.push([child as { children?: unknown[] }, depth + 1]);
    }
    return max;
  };
  const unlimited = Object.fromEntries(Object.keys(L).map((k) => [k, Number.POSITIVE_INFINITY])) as unknown as MarkdownLimits;
  /** The smallest value of one limit that the text passes (what the scan measures for it). */
  const measure = (text: string, limit: 'nesting' | 'emphasis') => {
    let v = 0;
    while (kinds(text, { ...unlimited, [limit]: v }).includes(limit)) v++;
    return v;
  };

  // Lines of container markers and indentation, then inline text heavy in delimiters: the material deep trees are made of.
  const prefix = fc.array(fc.constantFrom('> ', '>', '- ', '* ', '+ ', '1. ', '2) ', '[^a]: ', ' ', '  ', '    ', '\t'), { maxLength: 8 });
  const inline = fc.array(fc.constantFrom('a', ' ', '*', '**', '_', '__', '~', '~~', '[', ']', '](u)', '![', '`', '\\', '|', '| - |', '---', '#', '<a>'), {
    maxLength: 24,
  });
  const line = fc.tuple(prefix, inline).map(([p, i]) => p.join('') + i.join(''));
  const markdown = fc
    .array(fc.tuple(line, fc.constantFrom('\n', '\n', '\n', '\n\n', '\r\n', '\r')), { maxLength: 12 })
    .map((ls) => ls.map(([l, end]) => l + end).join(''));

  // Lists and quotes nested by indentation, over several lines.
  const indented = fc
    .array(fc.tuple(fc.nat(12), fc.constantFrom('- ', '* ', '1. ', '> ', '[^a]: ', ''), fc.constantFrom('a', '**a**', '*a _a_*', '')), {
      minLength: 1,
      maxLength: 16,
    })
    .map((ls) => ls.map(([indent, marker, text]) => `${' '.repeat(indent)}${marker}${text}`).join('\n'));

  test('for random texts of Markdown constructs, at what the scan measures (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.oneof(markdown, indented),
        (text) => depthOf(parser.parse(text) as Root) <= 6 + 2 * measure(text, 'nesting') + measure(text, 'emphasis') / 2,
      ),
      { numRuns: 1500, seed: 8 },
    );
  });

  // Short texts that often pass the totals, with tight limits on what the totals only bound.
  const short = fc
    .array(
      fc.tuple(
        fc.array(
          fc.oneof({ arbitrary: fc.constant('\t'), weight: 3 }, { arbitrary: fc.constantFrom(' ', '  ', '> ', '>', '- ', '1. ', '* ', '10) '), weight: 5 }),
          {
            maxLength: 5,
            size: 'max',
          },
        ),
        fc.array(fc.constantFrom('a', ' ', '`', '``', '\\', '*', '['), { maxLength: 6 }),
        fc.constantFrom('\n', '\n\n'),
      ),
      { maxLength: 4 },
    )
    .map((ls) => ls.map(([p, i, end]) => p.join('') + i.join('') + end).join(''));
  test('the shortcut (totals over the whole text) never passes a text the scan line by line would flag (fast-check)', () => {
    const tight: MarkdownLimits = { ...L, nesting: 4, codeScan: 2, emphasis: 6, brackets: 4, paragraphLines: 6, lineLength: 60 };
    let shortcuts = 0;
    fc.assert(
      fc.property(short, (text) => {
        if (!clearlyWithin(text, tight)) return true;
        shortcuts++;
        return scanMarkdownLimits(text, { limits: tight, quick: false }).length === 0;
      }),
      { numRuns: 5000, seed: 8 },
    );
    expect(shortcuts).toBeGreaterThan(500);
  });

  test('at the real limits, for the deepest constructs', () => {
    const deepest = [
      `${'> '.repeat(L.nesting)}x`,
      `${'- '.repeat(Math.floor((L.nesting * 2) / 3))}x`,
      `${'*'.repeat(L.emphasis / 2)}a${'*'.repeat(L.emphasis / 2)}`,
      `${'*_'.repeat(L.emphasis / 4)}a${'_*'.repeat(L.emphasis / 4)}`,
      `${'> '.repeat(L.nesting - 1)}[${'*'.repeat(L.emphasis / 2 - 2)}a${'*'.repeat(L.emphasis / 2 - 2)}](u)`,
    ];
    for (const text of deepest) {
      expect(withinMarkdownLimits(text)).toBe(true);
      expect(depthOf(parser.parse(text) as Root)).toBeLessThanOrEqual(6 + 2 * L.nesting + L.emphasis / 2);
    }
  });
});
