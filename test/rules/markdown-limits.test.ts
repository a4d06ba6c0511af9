import { describe, expect, test } from '@jest/globals';
import { MARKDOWN_LIMITS as L } from '../../src/core/markdown-limits.js';
import type { SourceFile } from '../../src/core/source-file.js';
import { diagnosticsOf, diagnosticsOfRule, edit, exampleFiles, positionOf, textOf, where, withFile, withPolicy } from '../helpers/ladder-files.js';
import { examplePacketFiles, PROMOTION } from '../helpers/packet-files.js';

const RULE = 'markdown-limits';
const E4 = 'levels/ic/E4.md';

/** The example with `markdown` as the first paragraph of E4's "Delivery" section. */
function inDelivery(markdown: string, files: SourceFile[] = exampleFiles()): SourceFile[] {
  return edit(files, E4, '## Delivery\n\n', `## Delivery\n\n${markdown}\n\n`);
}
/** Line of the first line of E4's "Delivery" section body. */
const deliveryLine = () => positionOf(exampleFiles(), E4, '## Delivery').line + 2;

describe(RULE, () => {
  test('passes: the example ladder and its packets', () => {
    expect(diagnosticsOfRule(examplePacketFiles(), RULE)).toEqual([]);
  });

  // Each case: the Markdown, and where in it (line within the piece, column) the limit is exceeded.
  const cases: Array<[string, string, number, number, RegExp]> = [
    [
      'nesting',
      `${'>'.repeat(L.nesting + 1)} deep`,
      1,
      L.nesting + 1,
      /^This line nests 33 levels deep .*at most 32 can be rendered.*Use fewer levels of lists or block quotes/,
    ],
    // A marker and the space after it: the 33rd level is the space after the 22nd "-".
    ['nesting of lists', `${'- '.repeat(30)}deep`, 1, 44, /^This line nests 45 levels deep/],
    [
      'line length',
      `${'word '.repeat(2_001)}`,
      1,
      L.lineLength + 1,
      /^This line is 10,00\d characters long; lines may be at most 10,000\. Break it into shorter lines/,
    ],
    [
      'paragraph lines',
      'a\n'.repeat(L.paragraphLines + 1).trim(),
      L.paragraphLines + 1,
      1,
      /runs on for 501 lines without a blank line; at most 500 .*Split it with blank lines/,
    ],
    [
      'emphasis',
      '*a'.repeat(600),
      1,
      2 * L.emphasis + 1,
      /has 600 "\*", "_" and "~" characters; at most 512 .*escape the characters meant literally \(\\\*, \\_, \\~\)/,
    ],
    ['brackets', '[a]('.repeat(300), 1, 0, /has 600 "\[" and "\]" characters; at most 256/],
    [
      'code spans',
      Array.from({ length: 60 }, (_, i) => `${'`'.repeat(i + 1)}a`).join(''),
      1,
      1,
      /opens a code span that never closes.*escape stray backticks as \\`/,
    ],
    ['table columns', `|${' a |'.repeat(150)}\n|${' - |'.repeat(150)}`, 2, 4 * L.tableColumns + 1, /^This table has 150 columns; at most 100/],
    [
      'table cells',
      `|${' a |'.repeat(60)}\n|${'-|'.repeat(60)}\n${'x\n'.repeat(90)}`.trim(),
      85,
      1,
      /^The tables in section "Delivery" have 5,460 cells.*at most 5,000/,
    ],
  ];

  test.each(cases)('%s: reported as an error where the limit is exceeded, with a fix', (_, markdown, line, column, message) => {
    const found = diagnosticsOfRule(inDelivery(markdown), RULE);
    expect(found).toHaveLength(1);
    const d = found[0];
    // Brackets: `[a](` is 4 characters with 2 brackets; the 257th bracket is the "[" of the 129th.
    const col = column === 0 ? 4 * 128 + 1 : column;
    expect(d && where(d)).toEqual({ rule: RULE, file: E4, line: deliveryLine() + line - 1, column: col });
    expect(d?.severity).toBe('error');
    expect(d?.message).toMatch(message);
  });

  test('the other rules still run on the file, and every other file is still checked', () => {
    const files = edit(inDelivery('*a'.repeat(600)), 'levels/em/M1.md', 'band: senior', 'band: senoir');
    expect(
      diagnosticsOf(files)
        .map((d) => `${d.file} ${d.rule}`)
        .sort(),
    ).toEqual(['levels/em/M1.md unknown-reference', `${E4} ${RULE}`]);
  });

  test('positions: in the introduction, after indentation, and with CRLF line ends', () => {
    const intro = textOf(exampleFiles(), E4).indexOf('\nAn E4 moves');
    const files = withFile(
      exampleFiles(),
      E4,
      `${textOf(exampleFiles(), E4).slice(0, intro + 1)}   ${'>'.repeat(40)} x\n\n${textOf(exampleFiles(), E4).slice(intro + 1)}`,
    );
    const line = positionOf(files, E4, '>>>').line;
    expect(diagnosticsOfRule(files, RULE).map(where)).toEqual([{ rule: RULE, file: E4, line, column: 4 + L.nesting }]);
    const crlf = withFile(files, E4, textOf(files, E4).replace(/\n/g, '\r\n'));
    expect(diagnosticsOfRule(crlf, RULE).map(where)).toEqual([{ rule: RULE, file: E4, line, column: 4 + L.nesting }]);
  });

  test('packets are checked too, and their text is not echoed', () => {
    const secret = 'SECRET-EVIDENCE';
    const files = edit(examplePacketFiles(), PROMOTION, '## System design\n\n', `## System design\n\n${secret} ${'[a]('.repeat(300)}\n\n`);
    const found = diagnosticsOfRule(files, RULE);
    expect(found.map(where)).toEqual([{ rule: RULE, file: PROMOTION, line: positionOf(files, PROMOTION, secret).line, column: 529 }]);
    expect(found[0]?.message).not.toContain(secret);
  });

  test('each limit is reported once per section, several limits and sections each on their own', () => {
    const files = edit(
      inDelivery(`${'*a'.repeat(600)}\n\n${'*a'.repeat(700)}\n\n${'>'.repeat(40)} x`),
      E4,
      '## Technical craft\n\n',
      `## Technical craft\n\n${'[a]'.repeat(150)}\n\n`,
    );
    expect(diagnosticsOfRule(files, RULE).map((d) => d.message.slice(0, 40))).toEqual([
      'This paragraph (or list item) has 300 "[',
      'This paragraph (or list item) has 600 "*',
      'This line nests 40 levels deep (each ">"',
    ]);
  });

  test('prose at the limits passes', () => {
    const atLimits = [
      `${'>'.repeat(L.nesting)} deep`,
      'word '.repeat(L.lineLength / 5).trim(),
      'a\n'.repeat(L.paragraphLines).trim(),
      '*a'.repeat(L.emphasis),
      '[a]'.repeat(L.brackets / 2),
      `|${' a |'.repeat(L.tableColumns)}\n|${' - |'.repeat(L.tableColumns)}`,
    ].join('\n\n');
    expect(diagnosticsOfRule(inDelivery(atLimits), RULE)).toEqual([]);
  });

  test('policy can make it a warning or turn it off', () => {
    const files = inDelivery('*a'.repeat(600));
    expect(diagnosticsOfRule(withPolicy(files, { [RULE]: 'warning' }), RULE).map((d) => d.severity)).toEqual(['warning']);
    expect(diagnosticsOfRule(withPolicy(files, { [RULE]: 'off' }), RULE)).toEqual([]);
  });
});
