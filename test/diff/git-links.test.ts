import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { SourceFile } from '../../src/core/source-file.js';
import { readLadderAtRef, readLadderAtRefAsync } from '../../src/node/git.js';
import { readLadderDir } from '../../src/node/read-ladder-dir.js';
import { exampleDir } from './helpers.js';

/*
 * Symbolic links committed to git: readLadderAtRef follows the same policy as readLadderDir, with
 * the same messages. The working tree of the commit is read both ways and must give the same files.
 */

const TOKEN = 'ghp_FAKE0TOKEN0d3adb33fd3adb33fd3adb33f';

let root: string;
let repo: string;
let ladder: string;

function git(...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
  });
}

function link(path: string, target: string): void {
  rmSync(join(ladder, path), { force: true });
  mkdirSync(join(ladder, path, '..'), { recursive: true });
  symlinkSync(target, join(ladder, path));
}

const find = (files: readonly SourceFile[], path: string) => files.find((f) => f.path === path);

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'ladder-git-links-'));
  repo = join(root, 'repo');
  ladder = join(repo, 'ladder');
  mkdirSync(repo);
  git('init', '-q');
  cpSync(exampleDir, ladder, { recursive: true });
  writeFileSync(join(repo, 'credentials.env'), `TOKEN=${TOKEN}\n`);
  writeFileSync(join(ladder, '.secret.yml'), `token: ${TOKEN}\n`);
  mkdirSync(join(ladder, 'config'));
  writeFileSync(join(ladder, 'config', 'ladder.yml'), readFileSync(join(ladder, 'ladder.yml')));
  link('ladder.yml', 'config/ladder.yml'); // inside, to a ladder file: followed
  link('levels/ic/E3.md', './../ic/../ic/E2.md'); // inside, spelled the long way: followed
  link('levels/ic/E2-alias.md', 'E3.md'); // a chain of two links, inside: followed
  link('competencies.yml', '../credentials.env'); // leaves the ladder
  link('levels/ic/E4.md', join(repo, 'credentials.env')); // absolute: leaves the ladder
  link('levels/ic/E5.md', '../../.secret.yml'); // inside, but hidden: the reader never reads it
  link('levels/ic/E6.md', '../../README'); // to nothing
  link('levels/ic/E7.md', 'E7.md'); // to itself
  link('levels/ic/E8.md', '../em'); // to a folder
  link('levels/again', '../levels'); // a folder link where ladder files live
  link('levels/loop', 'loop'); // a folder-like link that loops
  link('notes', 'levels'); // a folder link where no ladder file is read: ignored
  git('add', '-A');
  git('commit', '-q', '-m', 'links');
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('readLadderAtRef and links', () => {
  test('reads exactly what readLadderDir reads from the same working tree', () => {
    expect(readLadderAtRef(repo, 'HEAD', 'ladder')).toEqual(readLadderDir(ladder));
  });

  test('a link that stays inside the ladder, to a ladder file, reads that blob at the ref', () => {
    const files = readLadderAtRef(repo, 'HEAD', 'ladder');
    expect(find(files, 'ladder.yml')).toEqual({ path: 'ladder.yml', text: readFileSync(join(ladder, 'config', 'ladder.yml'), 'utf8') });
    const e2 = readFileSync(join(exampleDir, 'levels', 'ic', 'E2.md'), 'utf8');
    expect(find(files, 'levels/ic/E3.md')).toEqual({ path: 'levels/ic/E3.md', text: e2 });
    expect(find(files, 'levels/ic/E2-alias.md')).toEqual({ path: 'levels/ic/E2-alias.md', text: e2 });
  });

  test('with only, a link is followed as the full read follows it, and refused as it refuses it', () => {
    const full = readLadderAtRef(repo, 'HEAD', 'ladder');
    const only = ['ladder.yml', 'levels/ic/E3.md', 'competencies.yml', 'levels/ic/E7.md'];
    expect(readLadderAtRef(repo, 'HEAD', 'ladder', { only })).toEqual(full.filter((f) => only.includes(f.path)));
  });

  test('readLadderAtRefAsync reads what readLadderAtRef reads, links and all, with and without only', async () => {
    const only = ['ladder.yml', 'levels/ic/E3.md', 'competencies.yml'];
    expect(await readLadderAtRefAsync(repo, 'HEAD', 'ladder')).toEqual(readLadderAtRef(repo, 'HEAD', 'ladder'));
    expect(await readLadderAtRefAsync(repo, 'HEAD', 'ladder', { only })).toEqual(readLadderAtRef(repo, 'HEAD', 'ladder', { only }));
  });

  test('links that leave the ladder, or lead to something that is not a ladder file there, are refused and quote nothing', () => {
    const files = readLadderAtRef(repo, 'HEAD', 'ladder');
    const problems = Object.fromEntries(files.filter((f) => 'problem' in f).map((f) => [f.path, (f as { problem: string }).problem]));
    expect(Object.keys(problems).sort()).toEqual([
      'competencies.yml',
      'levels/again',
      'levels/ic/E4.md',
      'levels/ic/E5.md',
      'levels/ic/E6.md',
      'levels/ic/E7.md',
      'levels/ic/E8.md',
      'levels/loop',
    ]);
    expect(problems['competencies.yml']).toMatch(/symbolic link that leads out of the ladder's own files.*Commit the file itself/);
    expect(problems['levels/ic/E4.md']).toBe(problems['competencies.yml']);
    expect(problems['levels/ic/E5.md']).toBe(problems['competencies.yml']);
    expect(problems['levels/ic/E6.md']).toMatch(/whose target does not exist/);
    expect(problems['levels/ic/E7.md']).toMatch(/loops/);
    expect(problems['levels/ic/E8.md']).toMatch(/Links to folders are never followed/);
    expect(problems['levels/again']).toMatch(/Links to folders are never followed.*Commit the folder itself/);
    expect(problems['levels/loop']).toMatch(/loops/);
    for (const problem of Object.values(problems)) {
      for (const needle of [TOKEN, 'credentials', 'secret', 'README', '/etc']) expect(problem).not.toContain(needle);
    }
    expect(files.some((f) => f.path.startsWith('notes'))).toBe(false);
  });
});
