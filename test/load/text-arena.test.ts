import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { readLadderDir } from '../../src/node/read-ladder-dir.js';
import { TextArena } from '../../src/node/text-arena.js';

/*
 * readLadderDir reads whole files into a shared buffer and decodes them a batch at a time
 * (src/node/text-arena.ts). Every file must still read as itself: ASCII or not, across batch
 * boundaries, larger than the buffer, empty, or not text at all.
 */

let dir: string;
const expected = new Map<string, string | RegExp>();

function put(path: string, content: string | Buffer, result: string | RegExp): void {
  const full = join(dir, path);
  mkdirSync(join(full, '..'), { recursive: true });
  writeFileSync(full, content);
  expected.set(path, result);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ladder-arena-'));
  // A seeded mix of sizes, so that batches fill up and flush between files.
  let seed = 7;
  const next = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed;
  };
  for (let i = 0; i < 400; i++) {
    const size = next() % 9_000;
    const text = `---\nid: f${i}\n---\n${'word '.repeat(size / 5)}${i}\n`;
    put(`levels/ic/f${String(i).padStart(3, '0')}.md`, text, text);
  }
  const accented = '---\nid: e\n---\nRésumé, naïve, 日本語 and 🎉.\n';
  put('levels/ic/utf8.md', accented, accented);
  put('levels/ic/bom.md', `\uFEFF${accented}`, accented); // as TextDecoder reads it: the mark is dropped
  put('levels/ic/empty.md', '', '');
  put('levels/ic/nul.md', Buffer.from('---\nid: n\n---\nA\u0000B\n'), /NUL bytes/);
  put('levels/ic/latin1.md', Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xe9, 0x0a]), /not valid UTF-8/);
  // Files read without a stat go into what is left of the arena: sizes about the least it leaves
  // (96 KiB), and about the whole arena (768 KiB).
  for (const bytes of [96 * 1024 - 1, 96 * 1024, 96 * 1024 + 1, 200_000, 700_000, 768 * 1024 - 1, 768 * 1024, 768 * 1024 + 1]) {
    const text = `---\nid: s${bytes}\n---\n`.padEnd(bytes - 1, 'y') + '\n';
    put(`levels/ic/size-${bytes}.md`, text, text);
  }
  const big = `---\nid: big\n---\n${'x'.repeat(1_500_000)}\n`; // larger than the arena
  put('levels/ic/big.md', big, big);
  const short = 'a: 1\n'; // shorter than V8's sliced strings
  put('ladder.yml', short, short);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('reading through the text arena', () => {
  test('every file reads as itself, or as the problem it always was', () => {
    const files = readLadderDir(dir);
    expect(files.map((f) => f.path).sort()).toEqual([...expected.keys()].sort());
    for (const file of files) {
      const want = expected.get(file.path);
      if (typeof want === 'string') expect('text' in file ? file.text : file.problem).toBe(want);
      else expect('problem' in file ? file.problem : file.text).toMatch(want as RegExp);
    }
  });

  test('a batch is decoded when the buffer fills, and a file larger than it is refused', () => {
    const arena = new TextArena(16);
    const read = (path: string, text: string) => {
      const room = arena.take(text.length);
      if (!room) return undefined;
      room.write(text, 'latin1');
      return arena.commit(path, text.length);
    };
    const a = read('a', 'first file, ten');
    const b = read('b', 'second'); // does not fit beside a: a's batch is decoded first
    expect(a).toEqual({ path: 'a', text: 'first file, ten' });
    expect(read('c', 'x'.repeat(17))).toBeUndefined();
    arena.flush();
    expect(b).toEqual({ path: 'b', text: 'second' });
  });
});
