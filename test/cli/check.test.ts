import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { allRules } from '../../src/rules/index.js';
import { type JsonReport, runCli } from '../helpers/cli.js';
import { edit, exampleFiles, positionOf, repoRoot, withPolicy, writeLadder } from '../helpers/ladder-files.js';
import { codeScanningProblems, type SarifLog, sarifSchemaErrors } from '../helpers/sarif.js';

const E4 = 'levels/ic/E4.md';
/** The example with two problems in two files: a misspelled section in E4 and a misspelled key in ladder.yml. */
const broken = edit(edit(exampleFiles(), E4, '## System design', '## Sytem design'), 'ladder.yml', 'quorum: 3', 'quorom: 3');

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'ladder-cli-'));
  writeLadder(join(work, 'broken', 'ladder'), broken);
  writeLadder(join(work, 'warned', 'ladder'), withPolicy(edit(exampleFiles(), E4, '## System design', '## Sytem design'), { 'level-sections': 'warning' }));
  writeLadder(join(work, 'clean', 'ladder'), exampleFiles());
  writeFileSync(join(work, 'clean', 'notes.txt'), 'not a ladder file\n');
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('ladder check, text output', () => {
  test('groups problems under their file, relative to the working directory, and ends with a summary', async () => {
    const { status, stdout, stderr } = await runCli(['check', 'ladder'], join(work, 'broken'));
    expect(stderr).toBe('');
    expect(status).toBe(1);
    const sytem = positionOf(broken, E4, 'Sytem design');
    const quorom = positionOf(broken, 'ladder.yml', 'quorom');
    const lines = stdout.split('\n');
    expect(lines).toEqual([
      'ladder/ladder.yml',
      expect.stringMatching(
        new RegExp(`^ {2}${quorom.line}:${quorom.column} +error {4}Unknown key "quorom" in governance\\. Did you mean "quorum"\\?.* {2}schema$`),
      ),
      '',
      'ladder/levels/ic/E4.md',
      expect.stringMatching(/^ {2}3:5 +error {4}Level "E4" has no section for "System design".* {2}level-sections$/),
      expect.stringMatching(new RegExp(`^ {2}${sytem.line}:${sytem.column} +error {4}Unknown section "Sytem design".* {2}level-sections$`)),
      '',
      `✖ 3 problems (3 errors, 0 warnings) in ${broken.length} files checked`,
      '',
    ]);
  });

  test('a clean ladder prints one line', async () => {
    const { status, stdout } = await runCli(['check'], join(work, 'clean'));
    expect(stdout).toBe(`✔ ${exampleFiles().length} files checked, no problems\n`);
    expect(status).toBe(0);
  });

  test('warnings alone do not fail the check', async () => {
    const { status, stdout } = await runCli(['check', 'ladder'], join(work, 'warned'));
    expect(stdout).toMatch(/ warning {2}Unknown section "Sytem design"/);
    expect(stdout.trimEnd().split('\n').at(-1)).toBe(`✖ 2 problems (0 errors, 2 warnings) in ${exampleFiles().length} files checked`);
    expect(status).toBe(0);
  });

  test('DIR defaults to ./ladder, and paths are relative to where the command runs', async () => {
    const { stdout } = await runCli(['check'], join(work, 'broken'));
    expect(stdout.split('\n')[0]).toBe('ladder/ladder.yml');
    const inside = await runCli(['check'], join(work, 'broken', 'ladder', 'levels'));
    expect(inside.status).toBe(2); // there is no ./ladder there
    const levels = join(work, 'broken', 'ladder', 'levels');
    const fromInside = await runCli(['check', '..', '--format', 'json'], levels);
    // Each path, taken from where the command ran, opens the file.
    expect((JSON.parse(fromInside.stdout) as JsonReport).diagnostics.map((d) => resolve(levels, d.file))).toEqual([
      join(work, 'broken', 'ladder', 'ladder.yml'),
      join(levels, 'ic', 'E4.md'),
      join(levels, 'ic', 'E4.md'),
    ]);
  });
});

describe('ladder check --format json', () => {
  test('prints one object: version, summary and diagnostics', async () => {
    const { status, stdout } = await runCli(['check', 'ladder', '--format', 'json'], join(work, 'broken'));
    expect(status).toBe(1);
    const report = JSON.parse(stdout) as JsonReport;
    expect(Object.keys(report).sort()).toEqual(['diagnostics', 'formatVersion', 'summary', 'version']);
    expect(report.formatVersion).toBe(1);
    expect(report.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(report.summary).toEqual({ files: broken.length, errors: 3, warnings: 0 });
    expect(report.diagnostics).toHaveLength(3);
    // Each diagnostic has these keys, and where the engine knows the end of what it points at
    // (the key "quorom", the value of id:), endLine and endColumn; not for a Markdown heading.
    const keys = ['column', 'file', 'line', 'message', 'rule', 'severity'];
    const ended = [...keys, 'endColumn', 'endLine'].sort();
    expect(report.diagnostics.map((d) => Object.keys(d).sort())).toEqual([ended, ended, keys]);
    const quorom = positionOf(broken, 'ladder.yml', 'quorom');
    expect(report.diagnostics[0]).toEqual({
      rule: 'schema',
      severity: 'error',
      message: expect.stringContaining('Did you mean "quorum"?'),
      file: 'ladder/ladder.yml',
      ...quorom,
      endLine: quorom.line,
      endColumn: quorom.column + 'quorom'.length,
    });
    expect(report.diagnostics.slice(1).map((d) => [d.rule, d.file, d.line, d.column])).toEqual([
      ['level-sections', 'ladder/levels/ic/E4.md', 3, 5],
      ['level-sections', 'ladder/levels/ic/E4.md', positionOf(broken, E4, 'Sytem design').line, 4],
    ]);
  });

  test('a clean ladder has an empty list', async () => {
    const { status, stdout } = await runCli(['check', 'ladder', '-f', 'json'], join(work, 'clean'));
    expect(JSON.parse(stdout)).toMatchObject({ summary: { files: exampleFiles().length, errors: 0, warnings: 0 }, diagnostics: [] });
    expect(status).toBe(0);
  });

  test('warnings are counted as warnings', async () => {
    const { stdout } = await runCli(['check', 'ladder', '--format=json'], join(work, 'warned'));
    const report = JSON.parse(stdout) as JsonReport;
    expect(report.summary).toMatchObject({ errors: 0, warnings: 2 });
    expect(report.diagnostics.map((d) => d.severity)).toEqual(['warning', 'warning']);
  });
});

describe('ladder check --format markdown', () => {
  test('prints the report the Action writes to its job summary: headline, then a table of problems', async () => {
    const { status, stdout } = await runCli(['check', 'ladder', '--format', 'markdown'], join(work, 'broken'));
    expect(status).toBe(1);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('## Ladder check: ❌ 3 errors, 0 warnings');
    expect(stdout).toContain('| | where | problem | rule |');
    expect(stdout).toContain('| ❌ | `ladder/ladder.yml:');
    expect(stdout).toContain('| `schema` |');
    // Escaped as in the Action: file text never becomes Markdown.
    expect(stdout).toContain('Unknown key "quorom" in governance');
  });

  test('a clean ladder says so', async () => {
    const { status, stdout } = await runCli(['check', 'ladder', '-f', 'markdown'], join(work, 'clean'));
    expect(status).toBe(0);
    expect(stdout).toMatch(/^## Ladder check: ✅ no problems\n\nChecked \d+ files \(repository\)\./);
  });
});

describe('ladder check --format sarif', () => {
  test('prints SARIF 2.1.0 with every rule and one result per diagnostic', async () => {
    const { status, stdout } = await runCli(['check', 'ladder', '--format', 'sarif'], join(work, 'broken'));
    expect(status).toBe(1);
    const sarif = JSON.parse(stdout);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toMatch(/sarif-2\.1\.0/);
    expect(sarif.runs).toHaveLength(1);
    const run = sarif.runs[0];
    expect(run.tool.driver.name).toBe('ladder-as-code');
    const rules = run.tool.driver.rules as Array<{ id: string; shortDescription: { text: string }; defaultConfiguration: { level: string } }>;
    expect(rules.map((r) => r.id)).toEqual(allRules.map((r) => r.id));
    for (const r of rules) {
      expect(r.shortDescription.text.length).toBeGreaterThan(10);
      expect(['error', 'warning', 'note']).toContain(r.defaultConfiguration.level);
    }
    const results = run.results as Array<{
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }>;
    }>;
    expect(results.map((r) => [r.ruleId, r.level, r.locations[0]?.physicalLocation.artifactLocation.uri, r.locations[0]?.physicalLocation.region])).toEqual([
      // The region ends where the engine knows the end (the key, the value; a heading has none); SARIF's endColumn is exclusive.
      [
        'schema',
        'error',
        'ladder/ladder.yml',
        { startLine: positionOf(broken, 'ladder.yml', 'quorom').line, startColumn: 3, endLine: positionOf(broken, 'ladder.yml', 'quorom').line, endColumn: 9 },
      ],
      ['level-sections', 'error', 'ladder/levels/ic/E4.md', { startLine: 3, startColumn: 5, endLine: 3, endColumn: 7 }],
      ['level-sections', 'error', 'ladder/levels/ic/E4.md', { startLine: positionOf(broken, E4, 'Sytem design').line, startColumn: 4 }],
    ]);
    for (const r of results) {
      expect(rules[r.ruleIndex]?.id).toBe(r.ruleId);
      expect(r.message.text.length).toBeGreaterThan(10);
    }
  });

  test('warnings are SARIF warnings', async () => {
    const { stdout } = await runCli(['check', 'ladder', '--format', 'sarif'], join(work, 'warned'));
    expect(JSON.parse(stdout).runs[0].results.map((r: { level: string }) => r.level)).toEqual(['warning', 'warning']);
  });

  test('a clean ladder has no results', async () => {
    const { status, stdout } = await runCli(['check', 'ladder', '--format', 'sarif'], join(work, 'clean'));
    expect(JSON.parse(stdout).runs[0].results).toEqual([]);
    expect(status).toBe(0);
  });
});

describe('ladder check --format sarif, for GitHub code scanning', () => {
  const sarifOf = async (argv: string[], cwd: string) => JSON.parse((await runCli(argv, cwd)).stdout) as SarifLog;

  test.each(['broken', 'warned', 'clean'])('the %s ladder: valid SARIF 2.1.0 (the official schema) that code scanning accepts', async (name) => {
    const log = await sarifOf(['check', 'ladder', '--format', 'sarif'], join(work, name));
    expect(sarifSchemaErrors(log)).toEqual([]);
    expect(codeScanningProblems(log)).toEqual([]);
  });

  test('paths are relative to the repository root, wherever in it the check runs', async () => {
    const repo = join(work, 'repo');
    writeLadder(join(repo, 'org', 'ladder'), broken);
    expect(spawnSync('git', ['init', '-q'], { cwd: repo }).status).toBe(0);
    for (const [cwd, dir] of [
      [join(repo, 'org', 'ladder'), '.'],
      [join(repo, 'org'), 'ladder'],
      [repo, 'org/ladder'],
    ] as const) {
      const uris = (await sarifOf(['check', dir, '--format', 'sarif'], cwd)).runs[0]?.results.map((r) => r.locations?.[0]?.physicalLocation?.artifactLocation);
      expect(uris).toEqual([
        { uri: 'org/ladder/ladder.yml', uriBaseId: '%SRCROOT%' },
        { uri: 'org/ladder/levels/ic/E4.md', uriBaseId: '%SRCROOT%' },
        { uri: 'org/ladder/levels/ic/E4.md', uriBaseId: '%SRCROOT%' },
      ]);
    }
    // The text format keeps paths as the reader opens them, from where the command ran.
    expect((await runCli(['check', '.'], join(repo, 'org', 'ladder'))).stdout.split('\n')[0]).toBe('ladder.yml');
  });

  test('partialFingerprints survive lines added above a problem; the line numbers change', async () => {
    writeLadder(join(work, 'moved', 'ladder'), edit(broken, E4, '## Technical craft', 'A new paragraph.\n\nAnd another.\n\n## Technical craft'));
    const [before, after] = await Promise.all(['broken', 'moved'].map((n) => sarifOf(['check', 'ladder', '--format', 'sarif'], join(work, n))));
    const lines = (log: SarifLog | undefined) => log?.runs[0]?.results.map((r) => r.locations?.[0]?.physicalLocation?.region?.startLine);
    const prints = (log: SarifLog | undefined) => log?.runs[0]?.results.map((r) => r.partialFingerprints);
    expect(lines(after)).not.toEqual(lines(before));
    expect(prints(after)).toEqual(prints(before));
    expect(new Set(prints(before)?.map((p) => JSON.stringify(p))).size).toBe(3);
  });
});

describe('exit status', () => {
  test.each([
    ['an unknown format', ['check', 'ladder', '--format', 'yaml'], /unknown --format "yaml"; use text, json, sarif, markdown or compact/],
    ['two directories', ['check', 'ladder', 'other'], /check takes one directory, got 2/],
    ['a directory that does not exist', ['check', 'no-such-dir'], /cannot read .*no-such-dir: ENOENT/],
    ['a file in no ladder', ['check', 'notes.txt'], /notes\.txt is in no ladder: no folder above it holds a ladder\.yml/],
    ['an unknown option', ['check', 'ladder', '--colour'], /--colour/],
    ['an unknown command', ['chekc'], /unknown command "chekc"\. Run ladder --help for the list\./],
  ])('2 for %s, with the reason on stderr and nothing on stdout', async (_, argv, reason) => {
    const { status, stdout, stderr } = await runCli(argv, join(work, 'clean'));
    expect(status).toBe(2);
    expect(stderr).toMatch(reason);
    expect(stdout).toBe('');
  });

  test('2 for no command at all, with the help', async () => {
    const { status, stdout } = await runCli([], repoRoot);
    expect(status).toBe(2);
    expect(stdout).toContain('Usage: ladder <command>');
  });

  test('0 for --help and --version', async () => {
    expect(await runCli(['--help'], repoRoot)).toMatchObject({ status: 0, stdout: expect.stringContaining('check [DIR]') });
    expect(await runCli(['check', '--help'], repoRoot)).toMatchObject({ status: 0, stdout: expect.stringContaining('--format') });
    expect(await runCli(['--version'], repoRoot)).toMatchObject({ status: 0, stdout: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });

  test('0 for the example ladder, 1 for errors', async () => {
    expect((await runCli(['check', 'ladder'], repoRoot)).status).toBe(0);
    expect((await runCli(['check', 'ladder'], join(work, 'broken'))).status).toBe(1);
  });
});
