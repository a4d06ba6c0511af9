import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { readGitHistory } from '../../src/node/git-history.js';
import { GitError, git, gitText } from '../../src/node/git-runner.js';

let root: string;
let repo: string;
let empty: string;
let outside: string;

/** git as the tests' own setup runs it, without the machine's configuration. */
function setup(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
  });
}

/** The GitError that `run` throws. */
function failure(run: () => unknown): GitError {
  try {
    run();
  } catch (error) {
    if (error instanceof GitError) return error;
    throw error;
  }
  throw new Error('expected a GitError');
}

/** Runs `body` with environment variables set, then puts them back. */
function withEnv<T>(vars: Record<string, string>, body: () => T): T {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  try {
    return body();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'ladder-git-runner-'));
  repo = join(root, 'repo');
  empty = join(root, 'empty');
  outside = join(root, 'not-a-repo');
  for (const dir of [repo, empty, outside]) mkdirSync(dir);
  setup(repo, 'init', '-q');
  mkdirSync(join(repo, 'levels'));
  writeFileSync(join(repo, 'levels', 'Élan.md'), '# Élan\n');
  setup(repo, 'add', '-A');
  setup(repo, 'commit', '-q', '-m', 'Première échelle');
  setup(empty, 'init', '-q');
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('git', () => {
  test('returns the output, as bytes or as text', () => {
    expect(gitText(repo, ['rev-parse', '--is-inside-work-tree'])).toBe('true\n');
    expect(git(repo, ['cat-file', '--batch-check'], { input: 'HEAD\n' }).toString('utf8')).toMatch(/^[0-9a-f]{40} commit \d+\n$/);
  });

  test("a repository's configuration does not change what git writes for us", async () => {
    // Each of these, unless overridden, changes the changelog: quoted paths, no files for the
    // first commit, a message re-encoded in Latin-1, an external diff program that fails.
    const hostile = {
      'core.quotePath': 'true',
      'log.showRoot': 'false',
      'i18n.logOutputEncoding': 'ISO-8859-1',
      'diff.external': 'false',
      'color.ui': 'always',
    };
    for (const [key, value] of Object.entries(hostile)) setup(repo, 'config', key, value);
    try {
      expect(gitText(repo, ['ls-tree', '-r', '--name-only', 'HEAD'])).toBe('levels/Élan.md\n');
      const history = await readGitHistory(repo);
      expect(history).toMatchObject({ available: true, entries: [{ subject: 'Première échelle', files: [{ change: 'added', path: 'levels/Élan.md' }] }] });
    } finally {
      for (const key of Object.keys(hostile)) setup(repo, 'config', '--unset', key);
    }
  });

  test("a failure is a GitError with git's first line of complaint and its status", () => {
    const error = failure(() => git(repo, ['rev-parse', '--verify', 'no-such-ref']));
    expect(error.message).toBe('fatal: Needed a single revision');
    expect(error.status).toBe(128);
    expect(error.failure).toBeUndefined();
    expect(error.reason).toBe('Needed a single revision');
  });

  test('known causes are recognized, with a reason a reader can act on', () => {
    const notRepo = failure(() => git(outside, ['log']));
    expect(notRepo).toMatchObject({ failure: 'not-a-repository', reason: 'not a git repository' });
    expect(notRepo.message).toMatch(/^fatal: not a git repository/);

    expect(failure(() => git(empty, ['log']))).toMatchObject({ failure: 'no-commits', reason: 'the repository has no commits yet' });

    // git's own switch for "this repository belongs to someone else", as on a shared runner.
    const dubious = withEnv({ GIT_TEST_ASSUME_DIFFERENT_OWNER: '1' }, () => failure(() => git(repo, ['log'])));
    expect(dubious).toMatchObject({ failure: 'dubious-ownership' });
    expect(dubious.reason).toContain('safe.directory');

    const noGit = withEnv({ PATH: join(root, 'no-bin') }, () => failure(() => git(repo, ['log'])));
    expect(noGit).toMatchObject({ failure: 'not-installed', reason: 'git is not installed', message: 'git is not installed (or not on PATH).' });

    // A missing directory fails the same way as a missing git, to Node: it is told apart.
    const gone = join(root, 'gone');
    expect(failure(() => git(gone, ['log']))).toMatchObject({ failure: undefined, message: `${gone} does not exist.` });
  });

  test('a command is bounded in time and in output', () => {
    const slow = failure(() => git(repo, ['-c', 'alias.wait=!sleep 3', 'wait'], { timeout: 300 }));
    expect(slow).toMatchObject({ failure: 'timed-out', message: 'git wait was stopped after 0.3 s without an answer.' });
    const big = failure(() => git(repo, ['cat-file', '--batch'], { input: 'HEAD\n', maxBuffer: 16 }));
    expect(big).toMatchObject({ failure: 'too-much-output', message: 'git cat-file wrote more than 16 bytes; it was stopped.' });
  });
});

describe('readGitHistory', () => {
  test('never rejects: every failure is a reason', async () => {
    expect(await readGitHistory(outside)).toEqual({ available: false, reason: 'not a git repository' });
    expect(await readGitHistory(empty)).toEqual({ available: false, reason: 'the repository has no commits yet' });
    expect(await withEnv({ PATH: join(root, 'no-bin') }, () => readGitHistory(repo))).toEqual({ available: false, reason: 'git is not installed' });
  });

  test('a commit that touches packets/ too keeps its place and loses its subject', async () => {
    const ladder = mkdtempSync(join(root, 'history-'));
    setup(ladder, 'init', '-q');
    mkdirSync(join(ladder, 'levels'));
    mkdirSync(join(ladder, 'packets'));
    writeFileSync(join(ladder, 'levels', 'E1.md'), 'one\n');
    setup(ladder, 'add', '-A');
    setup(ladder, 'commit', '-q', '-m', 'First level');
    writeFileSync(join(ladder, 'levels', 'E1.md'), 'two\n');
    writeFileSync(join(ladder, 'packets', 'p.md'), 'personal\n');
    setup(ladder, 'add', '-A');
    setup(ladder, 'commit', '-q', '-m', 'Promote someone');
    expect(await readGitHistory(ladder)).toMatchObject({
      available: true,
      truncated: false,
      entries: [{ subject: undefined, files: [{ change: 'modified', path: 'levels/E1.md' }] }, { subject: 'First level' }],
    });
    expect(await readGitHistory(ladder, { limit: 1 })).toMatchObject({ available: true, truncated: true, entries: [{ subject: undefined }] });
  });
});
