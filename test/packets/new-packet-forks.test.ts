import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';
import { runCli } from '../helpers/cli.js';
import { fixturesDir } from '../helpers/ladder-files.js';

const work = mkdtempSync(join(tmpdir(), 'ladder-new-forks-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
/** A copy of the fork fixture (shared levels, declared moves into mgr-4) to write packets into. */
const ladder = (name: string) => {
  const dir = join(work, name);
  cpSync(join(fixturesDir, 'model', 'fork'), dir, { recursive: true });
  return dir;
};

describe('ladder new packet on a ladder with forks and level codes', () => {
  test('--to a level reached by declared moves names them, instead of calling it a first level', async () => {
    const { status, stderr } = await runCli(
      ['new', 'packet', '--dir', '.', '--kind', 'promotion', '--candidate', 'kim-lee', '--to', 'mgr-4'],
      ladder('declared'),
    );
    expect(stderr.split('\n')[0]).toBe('ladder new: several levels lead to mgr-4 (swe-3, sre-3); pass --from');
    expect(status).toBe(2);
  });

  test('a declared move onto another track is described as one, not as a promotion on the same track', async () => {
    const dir = ladder('move');
    const { status } = await runCli(
      ['new', 'packet', '--dir', '.', '--kind', 'promotion', '--candidate', 'kim-lee', '--from', 'swe-3', '--to', 'mgr-4', '--out', 'p.md'],
      dir,
    );
    expect(status).toBe(0);
    const text = readFileSync(join(dir, 'p.md'), 'utf8');
    expect(text).toContain('this packet asks for a promotion onto another track at a fork the ladder declares: one band up.');
    expect(text).not.toContain('on the same track');
  });

  test('a promotion from a shared level is inferred, and the packet names both levels with their codes', async () => {
    const dir = ladder('shared');
    const { status, stdout } = await runCli(
      ['new', 'packet', '--dir', '.', '--kind', 'promotion', '--candidate', 'kim-lee', '--to', 'sre-3', '--out', 'p.md'],
      dir,
    );
    expect(stdout).toMatch(/^Wrote p\.md: promotion eng-2 → sre-3 for kim-lee\./);
    expect(status).toBe(0);
    expect(readFileSync(join(dir, 'p.md'), 'utf8')).toContain('From eng-2 (IC2 Engineer 2) to sre-3 (IC3 Senior Reliability Engineer).');
  });
});
