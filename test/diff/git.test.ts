import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { CliIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import type { LadderDiff } from '../../src/core/diff.js';
import { changedFiles, changedFilesAsync, readLadderAtRef, readLadderAtRefAsync } from '../../src/node/git.js';
import { GitError, git as git_, gitAsync } from '../../src/node/git-runner.js';
import { readLadderDir } from '../../src/node/read-ladder-dir.js';
import { exampleDir } from './helpers.js';

let root: string;
let repo: string;
let outside: string;

function git(...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
  });
}

function replaceIn(path: string, from: string, to: string): void {
  const full = join(repo, path);
  const text = readFileSync(full, 'utf8');
  if (!text.includes(from)) throw new Error(`test setup: ${from} not in ${path}`);
  writeFileSync(full, text.replace(from, to));
}

async function run(args: string[], cwd = repo): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { cwd, color: false, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) };
  const status = await main(args, io);
  return { status, stdout, stderr };
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'ladder-diff-'));
  repo = join(root, 'repo');
  outside = join(root, 'not-a-repo');
  mkdirSync(repo);
  mkdirSync(outside);
  git('init', '-q');
  cpSync(exampleDir, join(repo, 'ladder'), { recursive: true });
  writeFileSync(join(repo, 'README.md'), 'Our ladder.\n');
  writeFileSync(join(repo, 'ladder', 'notes.txt'), 'not a ladder file\n');
  mkdirSync(join(repo, 'ladder', '.drafts'));
  writeFileSync(join(repo, 'ladder', '.drafts', 'E9.md'), '---\nid: E9\n---\n');
  git('add', '-A');
  git('commit', '-q', '-m', 'first ladder');
  git('tag', 'v1');

  replaceIn('ladder/levels/ic/E4.md', 'toward simplicity and consistency.', 'toward simplicity, security and consistency.');
  replaceIn('ladder/levels/em/M1.md', 'title: Engineering Manager', 'title: Engineering Lead');
  writeFileSync(join(repo, 'README.md'), 'Our career ladder.\n');
  git('add', '-A');
  git('commit', '-q', '-m', 'ask for security');
  git('tag', 'v2');
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('readLadderAtRef', () => {
  test('reads exactly the ladder files at a ref, as readLadderDir reads a working tree', () => {
    const atV1 = readLadderAtRef(repo, 'v1', 'ladder');
    expect(atV1).toEqual(readLadderDir(exampleDir));
    expect(atV1.map((f) => f.path)).not.toContain('notes.txt');
    expect(atV1.some((f) => f.path.startsWith('.drafts'))).toBe(false);
    const e4 = atV1.find((f) => f.path === 'levels/ic/E4.md');
    expect(e4 && 'text' in e4 && e4.text).toContain('toward simplicity and consistency.');
    const atV2 = readLadderAtRef(repo, 'v2', './ladder/');
    const e4now = atV2.find((f) => f.path === 'levels/ic/E4.md');
    expect(e4now && 'text' in e4now && e4now.text).toContain('simplicity, security and consistency.');
  });

  test('a directory absent at the ref is an empty ladder; the repository top works too', () => {
    expect(readLadderAtRef(repo, 'v1', 'no-such-dir')).toEqual([]);
    const all = readLadderAtRef(repo, 'v1', '');
    expect(all.map((f) => f.path)).toContain('ladder/ladder.yml');
    expect(all.map((f) => f.path)).toContain('README.md'); // every .md under the directory, as readLadderDir
    expect(all.map((f) => f.path)).not.toContain('ladder/notes.txt');
  });

  test('with only, just those files are read, as the full read has them', () => {
    const full = readLadderAtRef(repo, 'v1', 'ladder');
    expect(readLadderAtRef(repo, 'v1', 'ladder', { only: ['ladder.yml'] })).toEqual(full.filter((f) => f.path === 'ladder.yml'));
    const two = readLadderAtRef(repo, 'v2', 'ladder', { only: ['levels/ic/E4.md', 'competencies.yml', 'no-such-file.yml'] });
    expect(two.map((f) => f.path)).toEqual(['competencies.yml', 'levels/ic/E4.md']);
    expect(readLadderAtRef(repo, 'v1', 'ladder', { only: [] })).toEqual([]);
    expect(readLadderAtRef(repo, 'v1', 'no-such-dir', { only: ['ladder.yml'] })).toEqual([]);
    // A file the full read skips is skipped here too.
    expect(readLadderAtRef(repo, 'v1', 'ladder', { only: ['notes.txt', '.drafts/E9.md'] })).toEqual([]);
  });

  test('binary and oversized files become problems, not text', () => {
    git('checkout', '-q', '-b', 'odd', 'v2');
    writeFileSync(join(repo, 'ladder', 'levels', 'ic', 'E0.md'), Buffer.from([0x2d, 0x00, 0x01]));
    writeFileSync(join(repo, 'ladder', 'levels', 'ic', 'E10.md'), 'x'.repeat(4 * 1024 * 1024 + 1));
    git('add', '-A');
    git('commit', '-q', '-m', 'odd files');
    const files = readLadderAtRef(repo, 'odd', 'ladder');
    expect(files.find((f) => f.path === 'levels/ic/E0.md')).toEqual({ path: 'levels/ic/E0.md', problem: expect.stringMatching(/NUL bytes/) });
    expect(files.find((f) => f.path === 'levels/ic/E10.md')).toEqual({ path: 'levels/ic/E10.md', problem: expect.stringMatching(/over the 4 MiB limit/) });
    git('checkout', '-q', '--detach', 'v2');
  });

  test('an unknown ref, an option-like ref, or a directory outside git is a clear error', () => {
    expect(() => readLadderAtRef(repo, 'no-such-ref', 'ladder')).toThrow(/Unknown git ref "no-such-ref"/);
    expect(() => readLadderAtRef(repo, '--output=/tmp/x', 'ladder')).toThrow(/Unknown git ref/);
    expect(() => readLadderAtRef(outside, 'HEAD', 'ladder')).toThrow(/not inside a git repository/);
    expect(() => readLadderAtRef(repo, 'v1', '../elsewhere')).toThrow(/inside the repository/);
  });

  test('readLadderAtRefAsync fails as readLadderAtRef fails', async () => {
    await expect(readLadderAtRefAsync(repo, 'no-such-ref', 'ladder')).rejects.toThrow(/Unknown git ref "no-such-ref"/);
    await expect(readLadderAtRefAsync(outside, 'HEAD', 'ladder')).rejects.toThrow(/not inside a git repository/);
    await expect(readLadderAtRefAsync(repo, 'v1', '../elsewhere')).rejects.toThrow(/inside the repository/);
  });
});

describe('changedFiles', () => {
  test('lists the paths that differ between two commits, relative to the repository top', () => {
    expect(changedFiles(repo, 'v1', 'v2')?.sort()).toEqual(['README.md', 'ladder/levels/em/M1.md', 'ladder/levels/ic/E4.md']);
    expect(changedFiles(repo, 'v2', 'v2')).toEqual([]);
  });

  test('undefined when a commit is not here, or outside a repository', () => {
    expect(changedFiles(repo, '0123456789abcdef0123456789abcdef01234567', 'v2')).toBeUndefined();
    expect(changedFiles(repo, 'v1', 'nope')).toBeUndefined();
    expect(changedFiles(outside, 'v1', 'v2')).toBeUndefined();
  });

  test('changedFilesAsync answers as changedFiles does, without blocking', async () => {
    for (const [base, head, dir] of [
      ['v1', 'v2', repo],
      ['v2', 'v2', repo],
      ['v1', 'nope', repo],
      ['--output=/tmp/x', 'v2', repo],
      ['v1', 'v2', outside],
    ] as const) {
      expect(await changedFilesAsync(dir, base, head)).toEqual(changedFiles(dir, base, head));
    }
  });
});

describe('gitAsync', () => {
  test("fails as git() fails: a GitError with git's status and complaint, or the known cause", async () => {
    const sync = (() => {
      try {
        git_(repo, ['cat-file', '-e', 'nope']);
      } catch (error) {
        return error as GitError;
      }
    })();
    const later = (await gitAsync(repo, ['cat-file', '-e', 'nope']).catch((error: unknown) => error)) as GitError;
    expect(later).toBeInstanceOf(GitError);
    expect(sync).toBeInstanceOf(GitError);
    expect({ message: later.message, status: later.status }).toEqual({ message: sync?.message, status: sync?.status });
    const outsider = (await gitAsync(outside, ['rev-parse', 'HEAD']).catch((error: unknown) => error)) as GitError;
    expect(outsider.failure).toBe('not-a-repository');
    expect((await gitAsync(repo, ['rev-parse', 'v1'])).toString('utf8').trim()).toMatch(/^[0-9a-f]{40}$/);
    const tooMuch = (await gitAsync(repo, ['cat-file', '-p', 'v1:ladder/ladder.yml'], { maxBuffer: 10 }).catch((error: unknown) => error)) as GitError;
    expect(tooMuch.failure).toBe('too-much-output');
  });
});

describe('ladder diff', () => {
  test('text: the changes, then the verdict on the last line; exit 0', async () => {
    const { status, stdout, stderr } = await run(['diff', 'v1', 'v2']);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toContain('~ M1         retitled "Engineering Manager" → "Engineering Lead"');
    expect(stdout).toContain('[-simplicity-] {+simplicity, security+}');
    expect(stdout.trimEnd().split('\n').pop()).toMatch(/^Verdict: major/);
  });

  test('markdown and json', async () => {
    const md = await run(['diff', 'v1', 'v2', '--format', 'markdown']);
    expect(md.status).toBe(0);
    expect(md.stdout).toMatch(/^### Ladder diff: 🔴 major/);
    const json = await run(['diff', 'v1', 'v2', '-f', 'json']);
    expect(json.status).toBe(0);
    const diff = JSON.parse(json.stdout) as LadderDiff;
    expect(diff.verdict).toBe('major');
    expect(diff.levels.retitled).toEqual([{ id: 'M1', from: 'Engineering Manager', to: 'Engineering Lead' }]);
    expect(diff.expectations.map((e) => [e.level, e.competency, e.added])).toEqual([['E4', 'system-design', ['simplicity,', 'security']]]);
    expect(diff.version).toEqual({ base: '1.1.0', head: '1.1.0', suggested: '2.0.0' });
  });

  test('without HEAD it compares with the working tree; --dir is relative to where it runs', async () => {
    replaceIn('ladder/levels/ic/E5.md', 'title: Staff Engineer', 'title: Staff Software Engineer');
    try {
      const { status, stdout } = await run(['diff', 'v2', '--dir', '..', '-f', 'json'], join(repo, 'ladder', 'levels'));
      expect(status).toBe(0);
      const diff = JSON.parse(stdout) as LadderDiff;
      expect(diff.levels.retitled).toEqual([{ id: 'E5', from: 'Staff Engineer', to: 'Staff Software Engineer' }]);
      expect(diff.verdict).toBe('minor');
      expect((await run(['diff', 'v1', 'v1'])).stdout).toContain('Verdict: none');
    } finally {
      git('checkout', '--', 'ladder/levels/ic/E5.md');
    }
  });

  test('usage errors and unknown refs exit 2 with a message', async () => {
    const unknown = await run(['diff', 'no-such-ref']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('Unknown git ref "no-such-ref"');
    expect(unknown.stdout).toBe('');
    expect((await run(['diff', 'v1', 'nope'])).status).toBe(2);
    expect((await run(['diff'])).status).toBe(2);
    expect((await run(['diff', 'v1', 'v2', 'v3'])).status).toBe(2);
    expect((await run(['diff', 'v1', '--format', 'xml'])).status).toBe(2);
    const notRepo = await run(['diff', 'v1'], outside);
    expect(notRepo.status).toBe(2);
    expect(notRepo.stderr).toContain('not inside a git repository');
    const help = await run(['diff', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: ladder diff BASE [HEAD]');
  });
});
