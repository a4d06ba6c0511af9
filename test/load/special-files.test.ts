import { execFileSync, type SpawnSyncOptions, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { readLadderDir } from '../../src/node/read-ladder-dir.js';
import { repoRoot } from '../helpers/ladder-files.js';
import { PROMOTION, tempLadder } from '../helpers/packet-files.js';

/*
 * Hostile entries on disk, as a pull request can commit them: symbolic links out of the ladder
 * (to a credentials file, to /dev/zero), named pipes, links to folders and link loops, and folders
 * that cannot be read. Each run is the installed bin in a child process with a timeout, so that a
 * hang fails the test instead of hanging jest. No content of a link's target may be printed.
 */

const TOKEN = 'ghp_FAKE0TOKEN0d3adb33fd3adb33fd3adb33f';
const TIMEOUT = 20_000;

let root: string;
let dir: string;
let cleanup: () => void;
let credentials: string;

beforeEach(() => {
  ({ root, dir, cleanup } = tempLadder('ladder-special-'));
  credentials = join(root, 'credentials.env');
  writeFileSync(credentials, `TOKEN=${TOKEN}\n`);
});
afterEach(() => cleanup());

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `node bin/ladder.js ...args` in `root`; fails the test on a timeout rather than waiting forever. */
function bin(args: string[], options: SpawnSyncOptions = {}): Run {
  const run = spawnSync(process.execPath, [join(repoRoot, 'bin', 'ladder.js'), ...args], { cwd: root, encoding: 'utf8', timeout: TIMEOUT, ...options });
  if (run.error) throw new Error(`ladder ${args.join(' ')} did not finish: ${run.error.message}`);
  expect(run.signal).toBeNull();
  return { status: run.status, stdout: String(run.stdout), stderr: String(run.stderr) };
}

interface Place {
  rule: string;
  file: string;
  line: number;
  column: number;
}
const at = (d: Place) => ({ rule: d.rule, file: d.file, line: d.line, column: d.column });

/**
 * Runs `ladder check ladder` (with `extra` after it) in the three formats: each ends, exits with
 * `status`, prints neither the token nor the credentials file's name, and the JSON and SARIF agree.
 * Returns the JSON diagnostics.
 */
function checkAll(extra: string[], status: number, options: SpawnSyncOptions = {}): Array<Place & { message: string }> {
  const split = extra.indexOf('--changed');
  const argv = (format: string) =>
    split === -1 ? ['check', 'ladder', ...extra, '--format', format] : ['check', 'ladder', ...extra.slice(0, split), '--format', format, ...extra.slice(split)];
  const runs = ['text', 'json', 'sarif'].map((format) => bin(argv(format), options));
  for (const run of runs) {
    expect(run.status).toBe(status);
    expect(run.stdout + run.stderr).not.toContain(TOKEN);
    expect(run.stdout + run.stderr).not.toContain('credentials');
    expect(run.stdout + run.stderr).not.toContain('/dev/');
    expect(run.stdout + run.stderr).not.toContain(root);
  }
  const [, json, sarif] = runs as [Run, Run, Run];
  const diagnostics = JSON.parse(json.stdout).diagnostics as Array<Place & { message: string }>;
  const results = JSON.parse(sarif.stdout).runs[0].results as Array<{
    ruleId: string;
    locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }>;
  }>;
  expect(
    results.map((r) => ({
      rule: r.ruleId,
      file: r.locations[0]?.physicalLocation.artifactLocation.uri,
      line: r.locations[0]?.physicalLocation.region.startLine,
      column: r.locations[0]?.physicalLocation.region.startColumn,
    })),
  ).toEqual(diagnostics.map(at));
  return diagnostics;
}

const ladderPath = (path: string) => `ladder/${path}`;
/** Replaces a ladder file by a symbolic link to `target`. */
function link(path: string, target: string): void {
  rmSync(join(dir, path), { force: true });
  mkdirSync(join(dir, path, '..'), { recursive: true });
  symlinkSync(target, join(dir, path));
}
function fifo(path: string): void {
  rmSync(join(dir, path), { force: true });
  execFileSync('mkfifo', [join(dir, path)]);
}
/** An error planted in a file nobody touches, to prove the rest is still checked. */
function plantSchemaError(): void {
  const m3 = join(dir, 'levels/em/M3.md');
  writeFileSync(m3, readFileSync(m3, 'utf8').replace('summary:', 'summry:'));
}

describe('ladder check on links and special files', () => {
  test('a link to a credentials file outside the ladder is refused unread: no token anywhere', () => {
    link('competencies.yml', credentials);
    plantSchemaError();
    const found = checkAll([], 1);
    expect(found.filter((d) => d.file === ladderPath('competencies.yml')).map(at)).toEqual([
      { rule: 'file-read', file: ladderPath('competencies.yml'), line: 1, column: 1 },
    ]);
    const message = found.find((d) => d.file === ladderPath('competencies.yml'))?.message;
    expect(message).toMatch(/symbolic link/);
    expect(message).toMatch(/Commit the file itself/);
    expect(found.map(at)).toContainEqual(expect.objectContaining({ rule: 'schema', file: ladderPath('levels/em/M3.md') }));
  });

  test('a relative link that climbs out of the ladder is refused the same way', () => {
    link('levels/ic/E4.md', '../../../credentials.env');
    const found = checkAll([], 1);
    expect(found.filter((d) => d.file === ladderPath('levels/ic/E4.md')).map(at)).toEqual([
      { rule: 'file-read', file: ladderPath('levels/ic/E4.md'), line: 1, column: 1 },
    ]);
  });

  test('a link to a hidden file inside the ladder directory is refused (the reader never reads hidden files)', () => {
    writeFileSync(join(dir, '.env.yml'), `token: ${TOKEN}\n`);
    link('competencies.yml', '.env.yml');
    const found = checkAll([], 1);
    expect(found.map(at)).toEqual([{ rule: 'file-read', file: ladderPath('competencies.yml'), line: 1, column: 1 }]);
  });

  test('a link to /dev/zero ends at once with a diagnostic', () => {
    link('levels/ic/E4.md', '/dev/zero');
    const found = checkAll([], 1);
    expect(found.filter((d) => d.file === ladderPath('levels/ic/E4.md')).map(at)).toEqual([
      { rule: 'file-read', file: ladderPath('levels/ic/E4.md'), line: 1, column: 1 },
    ]);
  });

  test('a named pipe (FIFO) ends at once with a diagnostic that says what it is', () => {
    fifo('levels/ic/E9.md');
    plantSchemaError();
    const found = checkAll([], 1);
    expect(found.filter((d) => d.file === ladderPath('levels/ic/E9.md')).map(at)).toEqual([
      { rule: 'file-read', file: ladderPath('levels/ic/E9.md'), line: 1, column: 1 },
    ]);
    expect(found.find((d) => d.file === ladderPath('levels/ic/E9.md'))?.message).toMatch(/named pipe \(FIFO\), not a regular file/);
    expect(found.map(at)).toContainEqual(expect.objectContaining({ rule: 'schema', file: ladderPath('levels/em/M3.md') }));
  });

  test('a link that stays inside the ladder, to a ladder file, is followed', () => {
    mkdirSync(join(dir, 'config'));
    writeFileSync(join(dir, 'config', 'ladder.yml'), readFileSync(join(dir, 'ladder.yml')));
    link('ladder.yml', 'config/ladder.yml');
    expect(checkAll([], 0)).toEqual([]);
    const files = readLadderDir(dir);
    expect(files.find((f) => f.path === 'ladder.yml')).toEqual({ path: 'ladder.yml', text: readFileSync(join(dir, 'config', 'ladder.yml'), 'utf8') });
  });

  test('links to folders are never followed, and say so: outside, inside, and a loop', () => {
    const elsewhere = join(root, 'elsewhere');
    mkdirSync(elsewhere);
    writeFileSync(join(elsewhere, 'E9.md'), `---\nid: E9\nsummary: ${TOKEN}\n---\n`);
    link('levels/outside', elsewhere);
    link('levels/again', '.');
    link('levels/loop', 'loop');
    const found = checkAll([], 1);
    expect(found.map(at)).toEqual([
      { rule: 'file-read', file: ladderPath('levels/again'), line: 1, column: 1 },
      { rule: 'file-read', file: ladderPath('levels/loop'), line: 1, column: 1 },
      { rule: 'file-read', file: ladderPath('levels/outside'), line: 1, column: 1 },
    ]);
    expect(found[0]?.message).toMatch(/Links to folders are never followed/);
    expect(found[1]?.message).toMatch(/loops/);
    expect(found[2]?.message).toMatch(/Links to folders are never followed/);
  });
});

describe('ladder check --changed on links and special files in the cycle', () => {
  const cycle = 'packets/2026-h2';

  test('sibling packets that are a FIFO, a link to /dev/zero and a link to credentials: the check ends, passes, and leaks nothing', () => {
    fifo(`${cycle}/a-fifo.md`);
    link(`${cycle}/b-zero.md`, '/dev/zero');
    link(`${cycle}/c-token-link.md`, credentials);
    expect(checkAll(['--changed', ladderPath(PROMOTION)], 0)).toEqual([]);
    // The full check reports all three.
    const full = checkAll([], 1);
    expect(full.map(at)).toEqual(
      ['a-fifo.md', 'b-zero.md', 'c-token-link.md'].map((name) => ({ rule: 'file-read', file: ladderPath(`${cycle}/${name}`), line: 1, column: 1 })),
    );
  });

  test.each([
    ['a FIFO', (path: string) => fifo(path)],
    ['a link to /dev/zero', (path: string) => link(path, '/dev/zero')],
    ['a link to a credentials file', (path: string) => link(path, join(root, 'credentials.env'))],
    ['a link to nothing', (path: string) => link(path, 'no-such-packet.md')],
  ])('a changed packet that is %s is a file-read diagnostic, not skipped', (_, make) => {
    make(PROMOTION);
    const found = checkAll(['--changed', ladderPath(PROMOTION)], 1);
    expect(found.map(at)).toEqual([{ rule: 'file-read', file: ladderPath(PROMOTION), line: 1, column: 1 }]);
  });

  test('a changed packet in a cycle folder that is a link to a folder elsewhere is not read through it', () => {
    const elsewhere = join(root, 'elsewhere');
    mkdirSync(elsewhere);
    writeFileSync(join(elsewhere, 'x.md'), `---\nkind: promotion\ncandidate: ${TOKEN}\n---\n`);
    link('packets/2027-h1', elsewhere);
    const found = checkAll(['--changed', ladderPath('packets/2027-h1/x.md')], 1);
    expect(found.map(at)).toEqual([{ rule: 'file-read', file: ladderPath('packets/2027-h1/x.md'), line: 1, column: 1 }]);
    expect(found[0]?.message).toMatch(/folder that is a symbolic link/);
  });
});

describe('an unreadable folder', () => {
  // chmod 000 does not stop root from reading: as root, the bin runs as the unprivileged user 65534.
  const asRoot = process.getuid?.() === 0;
  const unprivileged: SpawnSyncOptions = asRoot ? { uid: 65534, gid: 65534 } : {};

  test('is a file-read diagnostic on its path, and every other file is still checked', () => {
    chmodSync(root, 0o755); // mkdtemp makes it private to its owner
    plantSchemaError();
    chmodSync(join(dir, 'levels', 'ic'), 0o000);
    try {
      // The premise: the user the bin runs as really cannot list the folder.
      const probe = spawnSync(process.execPath, ['-e', 'require("fs").readdirSync(process.argv[1])', join(dir, 'levels', 'ic')], {
        timeout: TIMEOUT,
        ...unprivileged,
      });
      expect(probe.status).not.toBe(0);
      const found = checkAll([], 1, unprivileged);
      expect(found.filter((d) => d.file === ladderPath('levels/ic')).map(at)).toEqual([
        { rule: 'file-read', file: ladderPath('levels/ic'), line: 1, column: 1 },
      ]);
      expect(found.find((d) => d.file === ladderPath('levels/ic'))?.message).toMatch(/This folder could not be read \(EACCES\)/);
      expect(found.map(at)).toContainEqual(expect.objectContaining({ rule: 'schema', file: ladderPath('levels/em/M3.md') }));
      expect(found.some((d) => d.file.startsWith(ladderPath('levels/ic/')))).toBe(false);
    } finally {
      chmodSync(join(dir, 'levels', 'ic'), 0o755);
    }
  });

  test('a ladder directory that cannot be listed is a usage error (exit 2), not "no ladder.yml"', () => {
    chmodSync(root, 0o755);
    chmodSync(dir, 0o311); // can be entered, not listed
    try {
      const run = bin(['check', 'ladder'], unprivileged);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/cannot read .*ladder: EACCES/);
    } finally {
      chmodSync(dir, 0o755);
    }
  });
});
