import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { colorFromEnv } from '../../src/cli/color.js';
import { type CliRun, type JsonReport, runCli } from '../helpers/cli.js';
import { edit, exampleFiles, positionOf, repoRoot, withPolicy, writeLadder } from '../helpers/ladder-files.js';

/** What ESLint and markdownlint users expect of a linter's command line (issue 11). */

const E4 = 'levels/ic/E4.md';
/** Two errors in two files: a misspelled key in ladder.yml, a misspelled section in E4 (which also lacks the right one). */
const broken = edit(edit(exampleFiles(), E4, '## System design', '## Sytem design'), 'ladder.yml', 'quorum: 3', 'quorom: 3');
/** Two warnings, no error. */
const warned = withPolicy(edit(exampleFiles(), E4, '## System design', '## Sytem design'), { 'level-sections': 'warning' });
/** One error (ladder.yml) and two warnings (E4). */
const mixed = edit(warned, 'ladder.yml', 'quorum: 3', 'quorom: 3');

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'ladder-habits-'));
  writeLadder(join(work, 'broken', 'ladder'), broken);
  writeLadder(join(work, 'warned', 'ladder'), warned);
  writeLadder(join(work, 'mixed', 'ladder'), mixed);
  writeLadder(join(work, 'clean', 'ladder'), exampleFiles());
  writeLadder(join(work, 'two', 'a'), exampleFiles());
  writeLadder(join(work, 'two', 'b'), exampleFiles());
  mkdirSync(join(work, 'fresh'));
  writeFileSync(join(work, 'broken', 'ladder', 'NOTES.txt'), 'not a ladder file\n');
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** As runCli, with the colour the shell would have decided. */
const runColored = (argv: string[], cwd: string, color: boolean): Promise<CliRun> => runCli(argv, cwd, { color });

const ESC = '\u001b[';

describe('"did you mean"', () => {
  test.each([
    ['a command', ['chekc'], /unknown command "chekc"\. Run ladder --help for the list\. Did you mean "check"\?/],
    ['a top-level option', ['--verison'], /unknown option "--verison"\. .*Did you mean "--version"\?/],
    ['an option of check', ['check', '--formt', 'json'], /^ladder check: there is no option --formt\. Did you mean "--format"\?/],
    ['an option of render', ['render', '--base-ulr', '/x/', '--out', 'site'], /there is no option --base-ulr\. Did you mean "--base-url"\?/],
    ['an option of diff', ['diff', 'main', '--dri', 'ladder'], /there is no option --dri\. Did you mean "--dir"\?/],
    ['an option of new', ['new', 'packet', '--candiate', 'jo'], /there is no option --candiate\. Did you mean "--candidate"\?/],
    ['a format of check', ['check', '--format', 'jsno'], /unknown --format "jsno"; use text, json, sarif, markdown or compact\. Did you mean "json"\?/],
    ['a format of diff', ['diff', 'main', '--format', 'mardown'], /unknown --format "mardown"; use text, markdown or json\. Did you mean "markdown"\?/],
    ['what to create', ['new', 'pakcet'], /Only "ladder new packet" exists\. Did you mean "packet"\?/],
    ['a kind of packet', ['new', 'packet', '--kind', 'promtion'], /Did you mean "promotion"\?/],
    ['the command after help', ['help', 'rendr'], /unknown command "rendr"\. .*Did you mean "render"\?/],
  ])('for %s', async (_, argv, message) => {
    const run = await runCli(argv, join(work, 'clean'));
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
  });

  test('nothing is suggested when nothing is close', async () => {
    const run = await runCli(['check', '--zzzzzz'], join(work, 'clean'));
    expect(run.stderr).toMatch(/^ladder check: there is no option --zzzzzz\.\n/);
  });
});

describe('flag errors in words, not parseArgs text', () => {
  test.each([
    ['a missing value', ['check', '--format'], 'ladder check: --format needs a value, as in --format VALUE'],
    ['a missing value after a short flag', ['check', '-f'], 'ladder check: -f (--format) needs a value, as in -f VALUE'],
    ['a flag taken for the value', ['check', '--format', '--quiet'], 'ladder check: --format needs a value, but --quiet follows it'],
    ['a value given to a flag', ['check', '--quiet=yes'], 'ladder check: --quiet takes no value; write --quiet alone, not --quiet=yes'],
    ['an unknown short flag', ['check', '-x'], 'ladder check: there is no option -x.'],
    ['a missing value in render', ['render', '--out'], 'ladder render: --out needs a value, as in --out VALUE'],
    ['a missing value in new', ['new', 'packet', '--kind'], 'ladder new: --kind needs a value, as in --kind VALUE'],
  ])('%s', async (_, argv, message) => {
    const run = await runCli(argv, join(work, 'clean'));
    expect(run.status).toBe(2);
    expect(run.stderr.startsWith(message)).toBe(true);
    // Node's own wording never reaches the user.
    expect(run.stderr).not.toMatch(/argument missing|To specify a positional argument|ambiguous|<value>|ERR_PARSE_ARGS|does not take an argument/);
    // The usage follows, as for every usage error.
    expect(run.stderr).toMatch(/\nUsage: ladder /);
  });
});

describe('--max-warnings N', () => {
  test('warnings up to N pass; more fail, and the summary line says so', async () => {
    expect((await runCli(['check', '--max-warnings', '2'], join(work, 'warned'))).status).toBe(0);
    const over = await runCli(['check', '--max-warnings', '1'], join(work, 'warned'));
    expect(over.status).toBe(1);
    expect(over.stdout.trimEnd().split('\n').at(-1)).toBe(
      `✖ 2 problems (0 errors, 2 warnings) in ${warned.length} files checked; too many warnings (2, --max-warnings 1)`,
    );
    expect(over.stderr).toBe('');
    expect((await runCli(['check', '--max-warnings=0'], join(work, 'clean'))).status).toBe(0);
  });

  test('with a machine format, the output stays clean and stderr says it', async () => {
    const over = await runCli(['check', '--max-warnings', '0', '--format', 'json'], join(work, 'warned'));
    expect(over.status).toBe(1);
    expect((JSON.parse(over.stdout) as JsonReport).summary.warnings).toBe(2);
    expect(over.stderr).toBe('ladder check: too many warnings (2, --max-warnings 0).\n');
  });

  test('N is a whole number', async () => {
    for (const n of ['-1', 'two', '1.5', '']) {
      const run = await runCli(['check', `--max-warnings=${n}`], join(work, 'warned'));
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/--max-warnings takes a whole number of warnings, 0 or more/);
    }
  });
});

describe('--quiet', () => {
  test('errors only: warnings are not shown, and do not fail the check', async () => {
    const quiet = await runCli(['check', '--quiet'], join(work, 'warned'));
    expect(quiet.status).toBe(0);
    expect(quiet.stdout).not.toMatch(/warning/);
    const mixedRun = await runCli(['check', '--quiet', '--format', 'json'], join(work, 'mixed'));
    expect(mixedRun.status).toBe(1);
    const report = JSON.parse(mixedRun.stdout) as JsonReport;
    expect(report.diagnostics.map((d) => [d.severity, d.rule])).toEqual([['error', 'schema']]);
    expect(report.summary).toMatchObject({ errors: 1, warnings: 0 });
  });

  test('with --max-warnings the hidden warnings still count, as in ESLint', async () => {
    const run = await runCli(['check', '--quiet', '--max-warnings', '1'], join(work, 'warned'));
    expect(run.status).toBe(1);
    expect(run.stdout).not.toMatch(/Sytem/);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toMatch(/too many warnings \(2, --max-warnings 1\)$/);
  });
});

describe('-o FILE, --output-file FILE', () => {
  test('writes the report to the file (creating its folder) and nothing to stdout', async () => {
    const run = await runColored(['check', '--format', 'json', '-o', 'out/report.json'], join(work, 'broken'), true);
    expect(run).toEqual({ status: 1, stdout: '', stderr: '' });
    const report = JSON.parse(readFileSync(join(work, 'broken', 'out', 'report.json'), 'utf8')) as JsonReport;
    expect(report.summary.errors).toBe(3);
    const text = await runColored(['check', '--output-file', 'report.txt'], join(work, 'broken'), true);
    expect(text.stdout).toBe('');
    const written = readFileSync(join(work, 'broken', 'report.txt'), 'utf8');
    // A file is not a terminal: no colour unless asked for.
    expect(written).not.toContain(ESC);
    expect(written).toMatch(/✖ 3 problems/);
    await runColored(['check', '--output-file', 'report.txt', '--color'], join(work, 'broken'), false);
    expect(readFileSync(join(work, 'broken', 'report.txt'), 'utf8')).toContain(ESC);
  });

  test('a file that cannot be written is a usage error', async () => {
    const run = await runCli(['check', '-o', 'ladder/ladder.yml/x.json'], join(work, 'clean'));
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^ladder check: cannot write --output-file ladder\/ladder\.yml\/x\.json: E[A-Z]+/);
  });
});

describe('colour', () => {
  test('--color and --no-color override what the shell decided; the last one wins', async () => {
    expect((await runColored(['check'], join(work, 'broken'), false)).stdout).not.toContain(ESC);
    expect((await runColored(['check', '--color'], join(work, 'broken'), false)).stdout).toContain(ESC);
    expect((await runColored(['check', '--no-color'], join(work, 'broken'), true)).stdout).not.toContain(ESC);
    expect((await runColored(['check', '--no-color', '--color'], join(work, 'broken'), false)).stdout).toContain(ESC);
    expect((await runColored(['check', '--color', '--no-color'], join(work, 'broken'), true)).stdout).not.toContain(ESC);
  });

  test.each([
    [{}, true, true],
    [{}, false, false],
    [{ NO_COLOR: '1' }, true, false],
    [{ NO_COLOR: '' }, true, true],
    [{ FORCE_COLOR: '1' }, false, true],
    [{ FORCE_COLOR: '' }, false, true],
    [{ FORCE_COLOR: '0' }, true, false],
    [{ FORCE_COLOR: 'false' }, true, false],
    [{ FORCE_COLOR: '1', NO_COLOR: '1' }, false, true],
  ])('the environment %j on a %s terminal: colour %s', (env, tty, expected) => {
    expect(colorFromEnv(env, tty)).toBe(expected);
  });
});

describe('check FILE...', () => {
  test('checks the ladder above the files and reports only on them', async () => {
    const one = await runCli(['check', 'ladder/levels/ic/E4.md', '--format', 'json'], join(work, 'broken'));
    expect(one.status).toBe(1);
    expect((JSON.parse(one.stdout) as JsonReport).diagnostics.map((d) => [d.file, d.rule])).toEqual([
      ['ladder/levels/ic/E4.md', 'level-sections'],
      ['ladder/levels/ic/E4.md', 'level-sections'],
    ]);
    const config = await runCli(['check', 'ladder/ladder.yml', '-f', 'json'], join(work, 'broken'));
    expect((JSON.parse(config.stdout) as JsonReport).diagnostics.map((d) => d.file)).toEqual(['ladder/ladder.yml']);
    // A file with no problem of its own passes, though its ladder has problems elsewhere.
    const clean = await runCli(['check', 'ladder/levels/ic/E3.md'], join(work, 'broken'));
    expect(clean.status).toBe(0);
  });

  test('from inside the ladder, the ladder is found above, and paths open from where the command runs', async () => {
    const levels = join(work, 'broken', 'ladder', 'levels');
    const run = await runCli(['check', 'ic/E4.md', '-f', 'compact'], levels);
    const lines = run.stdout.split('\n').filter(Boolean);
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line.startsWith('../levels/ic/E4.md:')).toBe(true);
  });

  test('a file of the folder that is not a ladder file is named and ignored', async () => {
    const run = await runCli(['check', 'ladder/NOTES.txt', 'ladder/levels/ic/E4.md'], join(work, 'broken'));
    expect(run.stderr).toBe('ladder check: ignored 1 path, not a file of the ladder in ladder/: "ladder/NOTES.txt"\n');
    expect(run.stdout).toMatch(/Sytem design/);
  });

  test('--dir names the ladder of the files; files of two ladders, or a missing file, are usage errors', async () => {
    expect((await runCli(['check', '--dir', 'ladder', 'ladder/levels/ic/E4.md'], join(work, 'broken'))).status).toBe(1);
    const two = await runCli(['check', 'a/ladder.yml', 'b/ladder.yml'], join(work, 'two'));
    expect(two.status).toBe(2);
    expect(two.stderr).toMatch(/the files belong to 2 ladders \("a", "b"\); check one ladder at a time/);
    const missing = await runCli(['check', 'ladder/ladder.yml', 'ladder/levels/ic/E9.md'], join(work, 'broken'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/cannot read "ladder\/levels\/ic\/E9\.md": no such file/);
    const both = await runCli(['check', 'ladder/ladder.yml', '--changed', 'ladder/ladder.yml'], join(work, 'broken'));
    expect(both.stderr).toMatch(/give files to check or --changed, not both/);
  });
});

describe('the ladder directory, given the same way to every command', () => {
  test('check and render take --dir DIR as well as DIR', async () => {
    const positional = await runCli(['check', 'ladder', '-f', 'json'], join(work, 'broken'));
    const option = await runCli(['check', '--dir', 'ladder', '-f', 'json'], join(work, 'broken'));
    expect(option).toEqual(positional);
    const site = join(work, 'site');
    const render = await runCli(['render', '--dir', join(repoRoot, 'ladder'), '--out', site], work);
    expect(render.status).toBe(0);
    expect(existsSync(join(site, 'index.html'))).toBe(true);
    const init = await runCli(['init', '--dir', 'started'], join(work, 'fresh'));
    expect(init.status).toBe(0);
    expect(existsSync(join(work, 'fresh', 'started', 'ladder.yml'))).toBe(true);
  });

  test('two different directories are a usage error', async () => {
    for (const argv of [
      ['init', 'ladder', '--dir', 'other'],
      ['check', 'ladder', '--dir', 'other'],
      ['render', 'ladder', '--dir', 'other', '--out', 'site'],
    ]) {
      const run = await runCli(argv, join(work, 'clean'));
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/the ladder directory is given twice, as ladder and as --dir other; give it once/);
    }
  });

  test("every command's help documents --dir DIR", async () => {
    for (const command of ['init', 'check', 'render', 'new', 'diff']) {
      const { stdout } = await runCli([command, '--help'], repoRoot);
      expect(stdout).toMatch(/\n {2}--dir DIR {2,}the ladder directory/);
    }
  });
});

describe('help and version', () => {
  test('ladder help COMMAND is ladder COMMAND --help', async () => {
    for (const command of ['init', 'check', 'render', 'new', 'diff']) {
      const help = await runCli(['help', command], repoRoot);
      expect(help).toEqual(await runCli([command, '--help'], repoRoot));
      expect(help.status).toBe(0);
      expect(help.stdout).toMatch(/^Usage: ladder /);
    }
    expect((await runCli(['help'], repoRoot)).stdout).toContain('help COMMAND');
  });

  test('-V, -v and --version print the version', async () => {
    const version = await runCli(['--version'], repoRoot);
    expect(await runCli(['-V'], repoRoot)).toEqual(version);
    expect(await runCli(['-v'], repoRoot)).toEqual(version);
  });
});

describe('--format compact and the problem matcher', () => {
  const matcher = JSON.parse(readFileSync(join(repoRoot, '.github', 'ladder-problem-matcher.json'), 'utf8')) as {
    problemMatcher: Array<{ owner: string; pattern: Array<Record<string, string | number>> }>;
  };

  test('one file:line:col: severity message (rule) line per problem, nothing else', async () => {
    const run = await runCli(['check', '--format', 'compact'], join(work, 'broken'));
    expect(run.status).toBe(1);
    const quorom = positionOf(broken, 'ladder.yml', 'quorom');
    expect(run.stdout.split('\n')).toEqual([
      expect.stringMatching(
        new RegExp(
          `^ladder/ladder\\.yml:${quorom.line}:${quorom.column}: error Unknown key "quorom" in governance\\. Did you mean "quorum"\\?.* \\(schema\\)$`,
        ),
      ),
      expect.stringMatching(/^ladder\/levels\/ic\/E4\.md:3:5: error Level "E4" has no section for "System design".* \(level-sections\)$/),
      expect.stringMatching(/^ladder\/levels\/ic\/E4\.md:\d+:4: error Unknown section "Sytem design".* \(level-sections\)$/),
      '',
    ]);
    expect((await runCli(['check', '-f', 'compact'], join(work, 'clean'))).stdout).toBe('');
  });

  test("the matcher's regexp reads every field of every compact line back", async () => {
    const [entry] = matcher.problemMatcher;
    expect(entry?.owner).toBe('ladder-as-code');
    const pattern = entry?.pattern[0] as Record<string, string | number>;
    const regexp = new RegExp(pattern.regexp as string);
    for (const dir of ['broken', 'mixed']) {
      const compact = await runCli(['check', '-f', 'compact'], join(work, dir));
      const json = JSON.parse((await runCli(['check', '-f', 'json'], join(work, dir))).stdout) as JsonReport;
      const lines = compact.stdout.split('\n').filter(Boolean);
      expect(lines).toHaveLength(json.diagnostics.length);
      lines.forEach((line, i) => {
        const m = regexp.exec(line);
        expect(m).not.toBeNull();
        const field = (name: string) => (m as RegExpExecArray)[pattern[name] as number];
        const d = json.diagnostics[i] as JsonReport['diagnostics'][number];
        expect([field('file'), Number(field('line')), Number(field('column')), field('severity'), field('message'), field('code')]).toEqual([
          d.file,
          d.line,
          d.column,
          d.severity,
          d.message,
          d.rule,
        ]);
      });
    }
  });

  test('a message with parentheses, and a path with colons, still parse', () => {
    const pattern = matcher.problemMatcher[0]?.pattern[0] as Record<string, string | number>;
    const m = new RegExp(pattern.regexp as string).exec('C:/x/ladder.yml:3:5: warning Rename it (see docs) (level-sections)');
    expect(m && [m[1], m[2], m[3], m[4], m[5], m[6]]).toEqual(['C:/x/ladder.yml', '3', '5', 'warning', 'Rename it (see docs)', 'level-sections']);
  });
});
