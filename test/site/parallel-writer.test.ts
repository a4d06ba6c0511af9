import { constants, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';
import { ParallelWriter } from '../../src/node/parallel-writer.js';

/*
 * The render writes its files through ParallelWriter (src/node/parallel-writer.ts): on libuv's
 * threads, a few at a time, while the next pages are made. Every file must still end up whole, in
 * its folder, never through a link, and a failure must reach the caller.
 */

const FLAGS = constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | (constants.O_NOFOLLOW ?? 0);
const made: string[] = [];
const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), 'ladder-writer-'));
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe('ParallelWriter', () => {
  test('writes every file whole, in folders it creates, however many are in flight', async () => {
    const out = scratch();
    const writer = new ParallelWriter(FLAGS, 3);
    const expected = new Map<string, string>();
    for (let i = 0; i < 200; i++) {
      // Folders shared by several files, nested ones, and contents of every size up to 300 KB.
      const path = join(out, `t${i % 7}`, `l${i % 13}`, `f${i}`, 'index.html');
      const contents = `<p>${i}</p>`.repeat((i * 977) % 30_000);
      expected.set(path, contents);
      await writer.write(path, contents);
    }
    await writer.finish();
    for (const [path, contents] of expected) expect(readFileSync(path, 'utf8')).toBe(contents);
    expect(readdirSync(out).sort()).toEqual(['t0', 't1', 't2', 't3', 't4', 't5', 't6']);
  });

  test('rewrites a file that is there (truncated first: no old bytes left at the end)', async () => {
    const out = scratch();
    const path = join(out, 'a', 'index.html');
    mkdirSync(join(out, 'a'));
    writeFileSync(path, 'x'.repeat(10_000));
    const writer = new ParallelWriter(FLAGS);
    await writer.write(path, 'short');
    await writer.finish();
    expect(readFileSync(path, 'utf8')).toBe('short');
  });

  test('never writes through a link put in a file’s place: the failure reaches finish(), the link’s target is untouched', async () => {
    const out = scratch();
    const elsewhere = join(scratch(), 'precious.txt');
    writeFileSync(elsewhere, 'keep me');
    mkdirSync(join(out, 'a'));
    symlinkSync(elsewhere, join(out, 'a', 'index.html'));
    const writer = new ParallelWriter(FLAGS);
    await writer.write(join(out, 'a', 'index.html'), 'overwritten');
    await writer.write(join(out, 'b', 'index.html'), 'fine');
    await expect(writer.finish()).rejects.toMatchObject({ code: 'ELOOP' });
    expect(readFileSync(elsewhere, 'utf8')).toBe('keep me');
  });

  test('after a failure, the next write throws it instead of starting another file', async () => {
    const out = scratch();
    writeFileSync(join(out, 'file'), 'a file where a folder should be');
    const writer = new ParallelWriter(FLAGS, 1);
    // With one file in flight, write() returns only once the first has settled: here, failed.
    await expect(writer.write(join(out, 'file', 'index.html'), 'x')).rejects.toMatchObject({ code: expect.stringMatching(/^(EEXIST|ENOTDIR)$/) });
    await expect(writer.write(join(out, 'later', 'index.html'), 'x')).rejects.toMatchObject({ code: expect.stringMatching(/^(EEXIST|ENOTDIR)$/) });
    expect(readdirSync(out)).toEqual(['file']);
  });
});
