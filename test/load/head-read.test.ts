import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { readRegular } from '../../src/node/read-ladder-dir.js';

/*
 * A head read (readRegular with headOnly, for the files `check --changed` consults but does not
 * check) stops after the front matter's closing line, found in the bytes as they are read. It
 * must cut exactly where the front matter ends, as a reading of the whole text says, or read the
 * whole file when there is no closed front matter; whatever the line ends, the closing line's
 * spaces, the file's length against the first read (4 KiB) and what earlier reads left in the
 * shared buffer.
 */

const dir = mkdtempSync(join(tmpdir(), 'ladder-head-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Where the front matter ends in the whole text: after its closing line; undefined when there is none. */
function expectedEnd(text: string): number | undefined {
  const open = /^(?:\uFEFF)?---[ \t]*\r?\n/.exec(text);
  if (!open) return undefined;
  const close = /\n(?:---|\.\.\.)[ \t]*\r?\n/g;
  close.lastIndex = open[0].length - 1;
  const m = close.exec(text);
  return m ? m.index + m[0].length : undefined;
}

const eol = fc.constantFrom('\n', '\r\n');
const line = fc.oneof(
  fc.constantFrom('id: E4', 'title: "Senior"', 'summary: words and more words', '', '--', '----', '-- -', '...x', 'a: ---'),
  fc.string({ unit: fc.constantFrom('a', ' ', '-', '.', ':', 'é'), maxLength: 40 }),
  fc.integer({ min: 1, max: 6000 }).map((n) => `long: ${'x'.repeat(n)}`),
);
const closing = fc.tuple(fc.constantFrom('---', '...'), fc.constantFrom('', ' ', '\t', '  \t'));
const file = fc
  .tuple(
    fc.constantFrom('', '\uFEFF', 'x'),
    fc.constantFrom('---', '--- ', '--'),
    eol,
    fc.array(fc.tuple(line, eol), { maxLength: 12 }),
    fc.option(fc.tuple(closing, eol)),
    fc.string({ unit: fc.constantFrom('a', '\n', '#', ' '), maxLength: 200 }),
  )
  .map(([bom, open, first, lines, close, body]) => {
    const head = `${bom}${open}${first}${lines.map(([l, e]) => l + e).join('')}`;
    return close ? `${head}${close[0][0]}${close[0][1]}${close[1]}${body}` : head + body;
  });

describe('reading a file up to the end of its front matter', () => {
  test('cuts where the whole text says the front matter ends, or reads it all', () => {
    let n = 0;
    fc.assert(
      fc.property(file, (text) => {
        const path = join(dir, `f${n++}.md`);
        writeFileSync(path, text);
        const read = readRegular(path, 'f.md', true);
        expect('text' in read).toBe(true);
        if (!('text' in read)) return;
        const whole = text.replace(/^\uFEFF/, ''); // as the decoder reads it
        const end = expectedEnd(whole);
        if (end === undefined || end === whole.length) {
          expect(read.text).toBe(whole);
          expect(read.head).toBeUndefined();
        } else {
          expect(read.text).toBe(whole.slice(0, end));
          expect(read.head).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  test('a front matter that fills the first read exactly is the whole file, or a head when a body follows', () => {
    const front = (bytes: number) => {
      const open = '---\nid: E4\nsummary: ';
      const close = '\n---\n';
      return `${open}${'x'.repeat(bytes - open.length - close.length)}${close}`;
    };
    for (const bytes of [4096, 8192]) {
      const path = join(dir, `exact-${bytes}.md`);
      writeFileSync(path, front(bytes));
      expect(readRegular(path, 'f.md', true)).toEqual({ path: 'f.md', text: front(bytes) });
      writeFileSync(path, `${front(bytes)}\nBody.\n`);
      expect(readRegular(path, 'f.md', true)).toEqual({ path: 'f.md', text: front(bytes), head: true });
    }
  });

  test('a head is read from what the listing said is a file, without a stat: a folder in its place is unreadable, not a crash', () => {
    const path = join(dir, 'now-a-folder.md');
    mkdirSync(path);
    expect(readRegular(path, 'f.md', true)).toEqual({ path: 'f.md', problem: expect.stringContaining('EISDIR') });
  });
});
