import { mkdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { checkJson, PROMOTION, runCli, SWITCH_TO_IC, tempLadder } from '../helpers/packet-files.js';

/** The example ladder copied to a temporary directory: <root>/ladder, commands run in <root>. */
let root: string;
let dir: string;
let cleanup: () => void;

beforeEach(() => {
  ({ root, dir, cleanup } = tempLadder('ladder-changed-'));
});
afterEach(() => cleanup());

const read = (path: string) => readFileSync(join(dir, path), 'utf8');
function write(path: string, text: string): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
}
/** Replaces `from` (which must occur) in a ladder file. */
function change(path: string, from: string, to: string): void {
  const text = read(path);
  if (!text.includes(from)) throw new Error(`test setup: ${from} is not in ${path}`);
  write(path, text.replace(from, to));
}
/** As git prints it: relative to the repository root (here the temp root). */
const git = (path: string) => `ladder/${path}`;
const at = (d: { rule: string; file: string; line: number; column: number }) => ({ rule: d.rule, file: d.file, line: d.line, column: d.column });

/** Errors planted in files a pull request did not touch. */
function plantErrorsElsewhere(): void {
  change(SWITCH_TO_IC, 'to: E4', 'to: E3'); // same cycle, packet-track-switch
  write('packets/2025-h2/old-promotion.md', read(PROMOTION).replace('cycle: 2026-h2', 'cycle: 2025-h2').replace('to: E5', 'to: E7'));
}

describe('ladder check --changed', () => {
  test("a changed packet with an error: exit 1, and only that file's diagnostics", async () => {
    plantErrorsElsewhere();
    change(PROMOTION, 'to: E5', 'to: E6');
    const full = await checkJson([], root);
    expect(full.report.diagnostics.map((d) => d.file)).toEqual(
      expect.arrayContaining([git('packets/2025-h2/old-promotion.md'), git(SWITCH_TO_IC), git(PROMOTION)]),
    );

    const { code, report } = await checkJson(['--changed', git(PROMOTION)], root);
    expect(code).toBe(1);
    expect(report.diagnostics.map(at)).toEqual([{ rule: 'packet-promotion', file: git(PROMOTION), line: 5, column: 5 }]);
    expect(report.diagnostics[0]?.message).toContain('Ask for E5 (Staff Engineer), the next level.');
    expect(report.summary.errors).toBe(1);
  });

  test('text output names only the changed file', async () => {
    plantErrorsElsewhere();
    change(PROMOTION, 'to: E5', 'to: E6');
    const { code, stdout } = await runCli(['check', '--changed', git(PROMOTION)], root);
    expect(code).toBe(1);
    expect(stdout).toMatch(new RegExp(`^${git(PROMOTION)}\n {2}5:5 +error +A promotion climbs one band at a time.*packet-promotion\n`, 'm'));
    expect(stdout).toContain('✖ 1 problem (1 error, 0 warnings) in 18 files checked');
    expect(stdout).not.toContain('marcus-bell');
    expect(stdout).not.toContain('2025-h2');
  });

  test('a clean changed packet passes though other packets are broken', async () => {
    plantErrorsElsewhere();
    const { code, report } = await checkJson(['--changed', git(PROMOTION)], root);
    expect(code).toBe(0);
    expect(report.diagnostics).toEqual([]);
  });

  test('another cycle is not read at all: its error and its unreadable 20 MB file are not reported, nor counted', async () => {
    plantErrorsElsewhere();
    const huge = join(dir, 'packets/2025-h2/huge.md');
    writeFileSync(huge, '');
    truncateSync(huge, 20 * 1024 * 1024); // a sparse 20 MB file: file-read if it were looked at
    const full = await checkJson([], root);
    expect(full.report.diagnostics.filter((d) => d.file === git('packets/2025-h2/huge.md')).map(at)).toEqual([
      { rule: 'file-read', file: git('packets/2025-h2/huge.md'), line: 1, column: 1 },
    ]);

    const { code, report } = await checkJson(['--changed', git(PROMOTION)], root);
    expect(code).toBe(0);
    expect(report.diagnostics).toEqual([]);
    // ladder.yml, competencies.yml, 12 levels and the 4 packets of 2026-h2; not the 2 files of 2025-h2
    expect(report.summary.files).toBe(full.report.summary.files - 2);
    expect(report.summary.files).toBe(18);
  });

  test('a second packet for the same candidate in the same cycle is caught (the new file sorts after the first)', async () => {
    const second = 'packets/2026-h2/jo-rivera-second.md';
    write(second, read(PROMOTION));
    const { code, report } = await checkJson(['--changed', git(second)], root);
    expect(code).toBe(1);
    expect(report.diagnostics.map(at)).toEqual([{ rule: 'packet-one-per-cycle', file: git(second), line: 3, column: 12 }]);
    expect(report.diagnostics[0]?.message).toContain(`(also ${PROMOTION})`);
  });

  test('a second packet for the same candidate is caught even when the new file sorts first', async () => {
    const first = 'packets/2026-h2/a-jo-rivera.md';
    write(first, read(PROMOTION));
    const { code, report } = await checkJson(['--changed', git(first)], root);
    expect(code).toBe(1);
    expect(report.diagnostics.map(at)).toEqual([{ rule: 'packet-one-per-cycle', file: git(first), line: 3, column: 12 }]);
    expect(report.diagnostics[0]?.message).toContain(`(also ${PROMOTION})`);
  });

  test("a changed level file brings in the whole ladder's diagnostics, never untouched packets'", async () => {
    plantErrorsElsewhere();
    change('levels/ic/E5.md', '## Delivery', '## Delivry');
    change('levels/ic/E3.md', '## Delivery', '## Delivry'); // not changed in the PR, but the ladder is one
    const { code, report } = await checkJson(['--changed', git('levels/ic/E5.md')], root);
    expect(code).toBe(1);
    const files = [...new Set(report.diagnostics.map((d) => d.file))];
    expect(files).toEqual([git('levels/ic/E3.md'), git('levels/ic/E5.md')]);
    expect(report.diagnostics.every((d) => d.rule === 'level-sections')).toBe(true);
    expect(report.diagnostics.map((d) => d.message).join('\n')).toContain('Did you mean "Delivery"?');
  });

  test("the README's example: moving M1 to band staff shows the same 3 errors with --changed as with a full check", async () => {
    change('levels/em/M1.md', 'band: senior', 'band: staff');
    const full = await checkJson([], root);
    const changed = await checkJson(['--changed', git('levels/em/M1.md')], root);
    expect(full.report.summary.errors).toBe(3);
    expect(changed.code).toBe(1);
    expect(changed.report.diagnostics).toEqual(full.report.diagnostics);
    expect(changed.report.diagnostics.map((d) => `${d.file} ${d.rule}`)).toEqual([
      `${git('levels/em/M2.md')} level-climb`,
      `${git('packets/2026-h2/lena-fischer-graduation.md')} packet-graduation`,
      `${git(SWITCH_TO_IC)} packet-track-switch`,
    ]);
  });

  test('a changed level re-checks the pending packets that start from or target it, in every cycle, and no other', async () => {
    plantErrorsElsewhere(); // SWITCH_TO_IC: M1 → E3; packets/2025-h2/old-promotion.md: E4 → E7
    write('packets/2024-h1/old-switch.md', read(SWITCH_TO_IC).replace('cycle: 2026-h2', 'cycle: 2024-h1').replace('to: E4', 'to: E5'));
    const decided = read(SWITCH_TO_IC)
      .replace('cycle: 2026-h2', 'cycle: 2023-h1')
      .replace('to: E4', 'to: E5')
      .replace('\n---\n', '\ndecision: { outcome: promoted, date: "2023-06-01", by: [ada-okafor, bjorn-lind, chen-wei] }\n---\n');
    write('packets/2023-h1/decided-switch.md', decided);
    change('levels/em/M1.md', 'title: Engineering Manager', 'title: Engineering Manager I');
    const { code, report } = await checkJson(['--changed', git('levels/em/M1.md')], root);
    expect(code).toBe(1);
    // From M1: the two pending switches (M1 → E3, M1 → E5: band up); never the E4 → E7 promotion nor the decided packet.
    expect([...new Set(report.diagnostics.map((d) => d.file))]).toEqual([git('packets/2024-h1/old-switch.md'), git(SWITCH_TO_IC)]);
  });

  test('a changed ladder.yml re-checks every pending packet, in every cycle, but not a decided one', async () => {
    plantErrorsElsewhere();
    write(
      'packets/2023-h1/decided.md',
      read(PROMOTION)
        .replace('cycle: 2026-h2', 'cycle: 2023-h1')
        .replace('to: E5', 'to: E7')
        .replace('\n---\n', '\ndecision: { outcome: withdrawn, date: "2023-06-01", by: [ada-okafor, bjorn-lind, chen-wei] }\n---\n'),
    );
    change('ladder.yml', 'organization: Northwind Engineering', 'organization: Northwind Engineering Inc');
    const { report } = await checkJson(['--changed', git('ladder.yml')], root);
    expect([...new Set(report.diagnostics.map((d) => d.file))]).toEqual([git('packets/2025-h2/old-promotion.md'), git(SWITCH_TO_IC)]);
  });

  test('a version bump re-checks the pending packets without warning each one that it is now older', async () => {
    change('ladder.yml', 'version: 1.1.0', 'version: 1.2.0');
    expect((await checkJson([], root)).report.diagnostics.filter((d) => d.rule === 'packet-ladder-version')).toHaveLength(4);
    const { code, report } = await checkJson(['--changed', git('ladder.yml')], root);
    expect(code).toBe(0);
    expect(report.diagnostics).toEqual([]);
  });

  test('a changed ladder.yml, and a changed packet: both kinds of diagnostics', async () => {
    change('ladder.yml', 'organization: Northwind Engineering', 'organization: Northwind Engineering\norganisation: typo');
    change(PROMOTION, 'to: E5', 'to: E6');
    const { code, report } = await checkJson(['--changed', git('ladder.yml'), git(PROMOTION)], root);
    expect(code).toBe(1);
    expect(report.diagnostics.map((d) => `${d.file} ${d.rule}`)).toEqual([`${git('ladder.yml')} schema`, `${git(PROMOTION)} packet-promotion`]);
  });

  test('--changed - reads the list from standard input (git diff --name-only), blank lines and CRLF included', async () => {
    plantErrorsElsewhere();
    change(PROMOTION, 'to: E5', 'to: E6');
    const stdin = `README.md\r\n${git(PROMOTION)}\r\n\r\n.github/workflows/ci.yml\n`;
    const { code, report } = await checkJson(['--changed', '-'], root, stdin);
    expect(code).toBe(1);
    expect(report.diagnostics.map(at)).toEqual([{ rule: 'packet-promotion', file: git(PROMOTION), line: 5, column: 5 }]);
  });

  test('--changed - with empty input checks nothing and passes', async () => {
    plantErrorsElsewhere();
    const { code, report } = await checkJson(['--changed', '-'], root, '');
    expect(code).toBe(0);
    expect(report.diagnostics).toEqual([]);
  });

  test('paths outside the ladder are ignored', async () => {
    plantErrorsElsewhere();
    mkdirSync(join(root, 'other', 'packets', '2026-h2'), { recursive: true });
    const { code, report, stderr } = await checkJson(['--changed', 'README.md', 'src/cli/main.ts', 'other/packets/2026-h2/x.md', '../ladder/ladder.yml'], root);
    expect(code).toBe(0);
    expect(report.diagnostics).toEqual([]);
    // Said, not silent: a typo in the list must not pass for a clean check.
    expect(stderr).toContain(
      'ignored 4 changed paths, not files of the ladder in ladder/: "README.md", "src/cli/main.ts", "other/packets/2026-h2/x.md", "../ladder/ladder.yml"',
    );
    expect(stderr).toContain('none of the changed paths is a file of the ladder in ladder/, so no file was checked for this change.');
  });

  test('a path inside the ladder of no kind it reads is ignored and named', async () => {
    write('notes.txt', 'scratch');
    const { code, stderr } = await checkJson(['--changed', git('notes.txt'), git(PROMOTION)], root);
    expect(code).toBe(0);
    expect(stderr).toBe('ladder check: ignored 1 changed path, not a file of the ladder in ladder/: "ladder/notes.txt"\n');
  });

  test('run inside the ladder directory, paths as git prints them (from the repository root) work too', async () => {
    mkdirSync(join(root, '.git'));
    change(PROMOTION, 'to: E5', 'to: E6');
    const { code, report, stderr } = await checkJson(['.', '--changed', '-'], dir, `${git(PROMOTION)}\nREADME.md\n`);
    expect(code).toBe(1);
    expect(report.diagnostics.map(at)).toEqual([{ rule: 'packet-promotion', file: PROMOTION, line: 5, column: 5 }]);
    expect(stderr).toContain('ignored 1 changed path, not a file of the ladder in ./: "README.md"');
  });

  test('absolute paths inside the ladder count', async () => {
    change(PROMOTION, 'to: E5', 'to: E6');
    const { code, report } = await checkJson(['--changed', join(dir, PROMOTION)], root);
    expect(code).toBe(1);
    expect(report.diagnostics.map((d) => d.rule)).toEqual(['packet-promotion']);
  });

  test('run inside the ladder directory, paths are relative to it', async () => {
    change(PROMOTION, 'to: E5', 'to: E6');
    const { code, report } = await checkJson(['.', '--changed', PROMOTION], dir);
    expect(code).toBe(1);
    expect(report.diagnostics.map(at)).toEqual([{ rule: 'packet-promotion', file: PROMOTION, line: 5, column: 5 }]);
  });

  test('--changed with nothing after it is a usage error (exit 2)', async () => {
    const { code, stdout, stderr } = await runCli(['check', '--changed'], root);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('--changed needs at least one file (or - to read them from standard input)');
  });

  test('an option after the file list is a usage error: --changed must come last', async () => {
    const { code, stderr } = await runCli(['check', '--changed', git(PROMOTION), '--format', 'json'], root);
    expect(code).toBe(2);
    expect(stderr).toContain('--changed must come last; "--format" follows it');
  });

  test('a deleted packet (it no longer exists) is no crash, and its cycle is still checked for the rest', async () => {
    const gone = await checkJson(['--changed', git('packets/2026-h2/deleted.md')], root);
    expect(gone.code).toBe(0);
    expect(gone.report.diagnostics).toEqual([]);
    const goneCycle = await checkJson(['--changed', git('packets/2099-h1/deleted.md')], root);
    expect(goneCycle.code).toBe(0);
    expect(goneCycle.report.summary.files).toBe(14);

    change(PROMOTION, 'to: E5', 'to: E6');
    const mixed = await checkJson(['--changed', git('packets/2026-h2/deleted.md'), git(PROMOTION)], root);
    expect(mixed.code).toBe(1);
    expect(mixed.report.diagnostics.map((d) => d.rule)).toEqual(['packet-promotion']);
  });

  test('a changed packet that is itself unreadable is reported (file-read), no crash', async () => {
    const path = 'packets/2026-h2/jo-rivera-promotion.md';
    rmSync(join(dir, path));
    writeFileSync(join(dir, path), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0xff]));
    const { code, report } = await checkJson(['--changed', git(path)], root);
    expect(code).toBe(1);
    expect(report.diagnostics.map(at)).toEqual([{ rule: 'file-read', file: git(path), line: 1, column: 1 }]);
  });
});
