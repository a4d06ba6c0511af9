import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { runCli } from '../helpers/cli.js';
import { repoRoot } from '../helpers/ladder-files.js';

const SURVEY = `round: 2026-h2
minimumGroupSize: 5
questions:
  - id: listens
    text: My manager listens to me.
    kind: rating
    scale: { min: 1, max: 5 }
  - id: change
    text: What should your manager change?
    kind: text
`;

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'ladder-survey-'));
  cpSync(join(repoRoot, 'ladder'), join(root, 'ladder'), { recursive: true });
  mkdirSync(join(root, 'ladder', 'surveys'));
  writeFileSync(join(root, 'ladder', 'surveys', '2026-h2.yml'), SURVEY);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const HEADER = 'Timestamp,manager,listens,change,Email address';
/** A row of the export: a timestamp and an e-mail a form tool adds, which must never reach a report. */
const row = (i: number, manager: string, rating: number | string, comment = '') =>
  `2026-10-01 09:${String(i).padStart(2, '0')}:00 TS-TOKEN,${manager},${rating},${comment},person${i}@EMAIL-TOKEN.example`;
const good = [
  HEADER,
  ...[5, 4, 4, 2, 2, 3].map((r, i) => row(i, 'sam-okoye', r, `"he said ""fine"",\r\nthen left ${i}"`)),
  ...[1, 2, 5, 5, 4].map((r, i) => row(10 + i, 'lee-park', r)),
];

const write = (name: string, contents: string | Buffer) => {
  const path = join(root, name);
  writeFileSync(path, contents);
  return path;
};
const report = (responses: string, extra: string[] = []) =>
  runCli(['survey', 'report', '--survey', 'ladder/surveys/2026-h2.yml', '--responses', responses, '--out', 'reports', ...extra], root);
/** Every file under reports/, with its contents. */
const written = (): Record<string, string> => {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    const full = join(root, 'reports', rel);
    if (!existsSync(full)) return;
    for (const e of readdirSync(full, { withFileTypes: true })) {
      const path = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path);
      else out[path] = readFileSync(join(root, 'reports', path), 'utf8');
    }
  };
  walk('');
  return out;
};

describe('ladder survey report', () => {
  test('writes one report per manager and the summary; quotes and line breaks in the CSV survive; no other column reaches any file', async () => {
    write('answers.csv', `${good.join('\r\n')}\r\n`);
    const run = await report('answers.csv');
    expect(run).toMatchObject({ status: 0, stderr: '' });
    expect(run.stdout).toContain('Wrote 2 manager reports and the organization summary to reports/2026-h2/');
    const files = written();
    expect(Object.keys(files).sort()).toEqual(['2026-h2/managers/lee-park.md', '2026-h2/managers/sam-okoye.md', '2026-h2/summary.md', 'ledger.json']);
    expect(files['2026-h2/managers/sam-okoye.md']).toContain('- he said "fine", then left');
    for (const text of Object.values(files)) {
      expect(text).not.toMatch(/TS-TOKEN|EMAIL-TOKEN|09:0\d|person\d/);
    }
    // The organization figure is over both groups: 11 answers.
    expect(files['2026-h2/summary.md']).toContain('answered by 11.');
  });

  test('a manager with fewer than k answers gets no report; the summary says so without the count', async () => {
    write('answers.csv', [...good, row(30, 'kim-tan', 1, 'KIM-ONLY'), row(31, 'kim-tan', 2)].join('\n'));
    const run = await report('answers.csv');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('(one manager has fewer than 5 respondents and no report)');
    const files = written();
    expect(Object.keys(files)).not.toContain('2026-h2/managers/kim-tan.md');
    expect(Object.values(files).join('\n')).not.toMatch(/KIM-ONLY|kim-tan|\b2 respondents/);
    expect(files['2026-h2/summary.md']).toContain('One manager had fewer than 5 respondents, so has no report, by design.');
  });

  test('the ledger refuses a re-run that differs by one respondent, across runs of the command', async () => {
    write('answers.csv', good.join('\n'));
    expect((await report('answers.csv')).status).toBe(0);
    write('fewer.csv', good.slice(0, -1).join('\n'));
    expect((await report('fewer.csv')).status).toBe(0);
    const lee = written()['2026-h2/managers/lee-park.md'];
    expect(lee).toBeUndefined(); // 4 left: below k
    write('more.csv', [...good, row(40, 'sam-okoye', 5)].join('\n'));
    expect((await report('more.csv')).status).toBe(0);
    expect(written()['2026-h2/managers/sam-okoye.md']).toContain('Withheld: an earlier report on this question');
  });
});

describe('hostile exports: a clear diagnostic, and nothing written', () => {
  const refused = async (name: string, contents: string | Buffer, expected: RegExp) => {
    const path = write(name, contents);
    const run = await report(name);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(expected);
    expect(run.stderr).toContain('nothing was written');
    expect(existsSync(join(root, 'reports'))).toBe(false);
    return { run, path };
  };

  test('no manager column (and a hint for a semicolon-separated export)', async () => {
    await refused(
      'a.csv',
      'Timestamp,boss,listens,change\n1,sam,4,x\n',
      /^a\.csv:1:1: error The export has no manager column .*Its columns are: "Timestamp", "boss", "listens", "change"\./m,
    );
    await refused('b.csv', 'manager;listens;change\nsam;4;x\n', /It looks separated by semicolons/);
  });

  test('a question without its column, with a did-you-mean', async () => {
    await refused('a.csv', 'manager,listen,change\nsam,4,x\n', /a\.csv:1:1: error The export has no column for question "listens".*Did you mean "listen"\?/);
  });

  test('duplicate rows name both lines (physical lines: the rows before hold quoted line breaks)', async () => {
    await refused('a.csv', [...good, good[3]].join('\n'), /a\.csv:19:1: error This row repeats line 6 exactly/);
  });

  test('a row with a field too many, an unclosed quote, a stray quote: line and column', async () => {
    await refused('a.csv', [HEADER, `${row(1, 'sam', 4)},extra`].join('\n'), /a\.csv:2:1: error This row has 6 fields and the header 5/);
    await refused('b.csv', [HEADER, row(1, 'sam', 4, '"never closed')].join('\n'), /b\.csv:2:\d+: error A quoted field opens here and never closes/);
    await refused('c.csv', [HEADER, row(1, 'sam', 4, 'a "quote"')].join('\n'), /c\.csv:2:\d+: error A double quote inside a field that is not quoted/);
  });

  test('a rating off the scale: its place, never its value', async () => {
    const { run } = await refused(
      'a.csv',
      [HEADER, row(1, 'sam-okoye', 4), row(2, 'sam-okoye', 'VALUE-7')].join('\n'),
      /a\.csv:3:\d+: error The answer to question "listens" is not a whole number from 1 to 5/,
    );
    expect(run.stderr).not.toContain('VALUE-7');
  });

  test('a manager cell that is no handle, or empty', async () => {
    await refused('a.csv', [HEADER, row(1, 'Sam Okoye', 4)].join('\n'), /a\.csv:2:\d+: error The manager column does not hold a GitHub handle/);
    await refused('b.csv', [HEADER, row(1, '', 4)].join('\n'), /b\.csv:2:\d+: error The manager column is empty/);
  });

  test('not UTF-8: Latin-1 with its line and column; UTF-16; binary', async () => {
    const latin1 = Buffer.concat([Buffer.from(`${HEADER}\n${row(1, 'sam', 4, 'caf')}`), Buffer.from([0xe9]), Buffer.from('\n')]);
    await refused('a.csv', latin1, /a\.csv:2:\d+: error The export is not valid UTF-8 from here on/);
    await refused('b.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(HEADER, 'utf16le')]), /b\.csv:1:1: error The export is UTF-16 text/);
    await refused('c.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), /c\.csv:1:1: error The export contains NUL bytes/);
  });

  test('a 50 MB export is refused unread, at once', async () => {
    const line = `${row(1, 'sam-okoye', 4, 'x'.repeat(900))}\n`;
    const big = `${HEADER}\n${line.repeat(Math.ceil((50 * 1024 * 1024) / line.length))}`;
    const started = Date.now();
    await refused('big.csv', big, /big\.csv:1:1: error The file is 50\.0 MiB, over the 16 MiB limit for one round's export; it was not read/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  test('a named pipe in place of the export is refused, without waiting for a writer', async () => {
    if (process.platform === 'win32') return;
    execFileSync('mkfifo', [join(root, 'pipe.csv')]);
    const run = await report('pipe.csv');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('pipe.csv:1:1: error This is not a regular file');
  });

  test('a failing run leaves the previous reports exactly as they were', async () => {
    write('answers.csv', good.join('\n'));
    expect((await report('answers.csv')).status).toBe(0);
    const before = written();
    write('bad.csv', [...good, `${row(50, 'sam-okoye', 9)}`].join('\n'));
    const run = await report('bad.csv');
    expect(run.status).toBe(1);
    expect(written()).toEqual(before);
    expect(readdirSync(join(root, 'reports')).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  test('a ledger that is not the command’s is refused, not overwritten', async () => {
    write('answers.csv', good.join('\n'));
    mkdirSync(join(root, 'reports'));
    writeFileSync(join(root, 'reports', 'ledger.json'), '{"entries": "no"}');
    const run = await report('answers.csv');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('reports/ledger.json:1:1: error The ledger is not one this command writes');
    expect(readdirSync(join(root, 'reports'))).toEqual(['ledger.json']);
  });
});

describe('where things may be', () => {
  test('reports never go into the ladder directory, and the export is refused there', async () => {
    write('answers.csv', good.join('\n'));
    const into = await runCli(['survey', 'report', '--survey', 'ladder/surveys/2026-h2.yml', '--responses', 'answers.csv', '--out', 'ladder/reports'], root);
    expect(into.status).toBe(2);
    expect(into.stderr).toContain('--out must be outside the ladder directory');
    write('ladder/answers.csv', good.join('\n'));
    const from = await runCli(['survey', 'report', '--survey', 'ladder/surveys/2026-h2.yml', '--responses', 'ladder/answers.csv', '--out', 'reports'], root);
    expect(from.status).toBe(2);
    expect(from.stderr).toContain('--responses is inside the ladder directory');
  });

  test('a survey with problems is refused with them', async () => {
    writeFileSync(join(root, 'ladder', 'surveys', '2026-h2.yml'), SURVEY.replace('minimumGroupSize: 5', 'minimumGroupSize: 2'));
    write('answers.csv', good.join('\n'));
    const run = await report('answers.csv');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('ladder/surveys/2026-h2.yml:2:19: error minimumGroupSize must be at least 3, not number 2. (schema)');
  });

  test('usage: the subcommand and the required options', async () => {
    expect((await runCli(['survey'], root)).stderr).toContain('say what to do: ladder survey report');
    expect((await runCli(['survey', 'report', '--survey', 'x'], root)).stderr).toContain('--responses is required');
    expect((await runCli(['help', 'survey'], root)).stdout).toContain('Usage: ladder survey report');
  });
});
