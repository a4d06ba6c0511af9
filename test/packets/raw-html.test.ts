import { describe, expect, test } from '@jest/globals';
import { checkLadder } from '../../src/check.js';
import type { SourceFile } from '../../src/core/source-file.js';
import { diagnosticsOfRule, edit, where } from '../helpers/ladder-files.js';
import { EXAMPLE_PACKETS, examplePacketFiles, PROMOTION, withRules } from '../helpers/packet-files.js';

const RULE = 'raw-html';
/** The first evidence line of the example promotion's "System design" section is line 45. */
const LINE = 45;

/** The example promotion with `markdown` inserted at the start of its "System design" evidence (line 45 on). */
function withEvidence(markdown: string): SourceFile[] {
  return edit(examplePacketFiles(), PROMOTION, '## System design\n\n', `## System design\n\n${markdown}\n`);
}

/** Where this rule reports, and what it says it found. */
function found(files: SourceFile[]): Array<{ line: number; column: number; what: string }> {
  return diagnosticsOfRule(files, RULE).map((d) => {
    expect(d.file).toBe(PROMOTION);
    return { line: d.line, column: d.column, what: /^Raw HTML \((.*?)\) is not allowed/.exec(d.message)?.[1] ?? d.message };
  });
}

describe(RULE, () => {
  test.each(EXAMPLE_PACKETS)('passes: %s is plain Markdown', (path) => {
    expect(diagnosticsOfRule(examplePacketFiles(), RULE).filter((d) => d.file === path)).toEqual([]);
  });

  test('a tag is reported where it opens and where it closes, as a warning that says what to do', () => {
    const files = withEvidence('See <div class="note">this</div> now.');
    expect(found(files)).toEqual([
      { line: LINE, column: 5, what: '<div>' },
      { line: LINE, column: 27, what: '<div>' },
    ]);
    const d = diagnosticsOfRule(files, RULE)[0];
    expect(d && where(d)).toEqual({ rule: RULE, file: PROMOTION, line: LINE, column: 5 });
    expect(d?.severity).toBe('warning');
    expect(d?.message).toContain('it is removed when rendered and never runs. Write it as Markdown instead (code in backticks).');
  });

  test.each([
    [
      '<script>alert(1)</script>',
      [
        { line: LINE, column: 1, what: '<script>' },
        { line: LINE, column: 17, what: '<script>' },
      ],
    ],
    [
      'Demo: <iframe src="https://example.com"></iframe>',
      [
        { line: LINE, column: 7, what: '<iframe>' },
        { line: LINE, column: 41, what: '<iframe>' },
      ],
    ],
    ['<img src=x onerror=alert(1)>', [{ line: LINE, column: 1, what: '<img>' }]],
    ['<SCRIPT >x', [{ line: LINE, column: 1, what: '<script>' }]],
    ['[design doc](javascript:alert(1))', [{ line: LINE, column: 14, what: 'javascript: link' }]],
    ['[doc]( JavaScript :alert(1))', [{ line: LINE, column: 7, what: 'javascript: link' }]],
    ['[chart](data:text/html;base64,PHNjcmlwdD4=)', [{ line: LINE, column: 9, what: 'data: link' }]],
    ['[x](vbscript:msgbox)', [{ line: LINE, column: 5, what: 'vbscript: link' }]],
    ['![pixel](<javascript:x>)', [{ line: LINE, column: 10, what: 'javascript: link' }]],
  ])('%s is flagged at its position', (markdown, expected) => {
    expect(found(withEvidence(markdown))).toEqual(expected);
  });

  test('several on one line, and on later lines, keep their own positions', () => {
    expect(found(withEvidence('a <b>b</b> <i>c</i>\n\nthen [x](data:,hi)'))).toEqual([
      { line: LINE, column: 3, what: '<b>' },
      { line: LINE, column: 7, what: '<b>' },
      { line: LINE, column: 12, what: '<i>' },
      { line: LINE, column: 16, what: '<i>' },
      { line: LINE + 2, column: 10, what: 'data: link' },
    ]);
  });

  test('in the summary and in a heading too', () => {
    let files = edit(examplePacketFiles(), PROMOTION, 'Jo Rivera has been', 'Jo <b>Rivera</b> has been');
    files = edit(files, PROMOTION, '## Delivery', '## Delivery <span>x</span>');
    expect(found(files)).toEqual([
      { line: 19, column: 4, what: '<b>' },
      { line: 19, column: 13, what: '<b>' },
      { line: 57, column: 13, what: '<span>' },
      { line: 57, column: 20, what: '<span>' },
    ]);
  });

  test.each([
    ['a tag in backticks', 'Use `<div>` and ``<script>`` for layout; `[x](javascript:y)` is a link.'],
    ['a fenced code block', '```html\n<div onclick="x()">hi</div>\n<script>alert(1)</script>\n[x](javascript:y)\n```'],
    ['a tilde-fenced block', '~~~\n<iframe src=x></iframe>\n~~~'],
    ['an HTML comment', '<!-- reviewers: see the design doc -->'],
    ['a tag inside an HTML comment', '<!-- old: <div class="x">hi</div> -->'],
    ['an HTML comment over several lines', '<!-- What E5 expects:\n\n<script>x</script> and [x](javascript:y)\n\nWrite the evidence. -->'],
    ['an autolink', 'See <https://example.com/design> and <mailto:jo@example.com>.'],
    ['comparisons in prose', 'latency < 35 ms and 3 <4 and a->b'],
    ['an ordinary https link', '[doc](https://example.com/data:x)'],
  ])('not flagged: %s', (_, markdown) => {
    expect(found(withEvidence(markdown))).toEqual([]);
  });

  test('text after a comment closes is checked again; a comment opened later on the line hides only the rest of its HTML block', () => {
    // The first line is an HTML block (it starts with "<!--") that ends on that line, where a "-->"
    // is: the second line is a paragraph, and its tags are raw HTML, as the renderer reads them.
    expect(found(withEvidence('<!-- a --> <b>x</b> <!-- <i>\nstill <i>comment</i> -->\n\n<u>after</u>'))).toEqual([
      { line: LINE, column: 12, what: '<b>' },
      { line: LINE, column: 16, what: '<b>' },
      { line: LINE + 1, column: 7, what: '<i>' },
      { line: LINE + 1, column: 17, what: '<i>' },
      { line: LINE + 3, column: 1, what: '<u>' },
      { line: LINE + 3, column: 9, what: '<u>' },
    ]);
  });

  test('level files are checked as well', () => {
    const files = edit(examplePacketFiles(), 'levels/ic/E5.md', '## Technical craft\n\n', '## Technical craft\n\n<script>alert(1)</script>\n');
    const d = diagnosticsOfRule(files, RULE);
    expect(d.map((x) => x.file)).toEqual(['levels/ic/E5.md', 'levels/ic/E5.md']);
  });

  test('a warning by default: the check still passes', () => {
    const { diagnostics } = checkLadder(withEvidence('<script>alert(1)</script>'));
    expect(diagnostics.map((d) => d.severity)).toEqual(['warning', 'warning']);
  });

  test('policy can make it an error, for packets too, or turn it off', () => {
    const files = withEvidence('<iframe src=x>');
    const strict = diagnosticsOfRule(withRules(files, { [RULE]: 'error' }), RULE);
    expect(strict.map(where)).toEqual([{ rule: RULE, file: PROMOTION, line: LINE, column: 1 }]);
    expect(strict[0]?.severity).toBe('error');
    expect(diagnosticsOfRule(withRules(files, { [RULE]: 'off' }), RULE)).toEqual([]);
  });
});
