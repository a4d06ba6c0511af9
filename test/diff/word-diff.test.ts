import { describe, expect, test } from '@jest/globals';
import { diffWords, MAX_EDIT_LENGTH, tokenize } from '../../src/core/word-diff.js';

type Seg = { kind: string; text: string };
const text = (segments: Seg[], ...kinds: string[]) =>
  segments
    .filter((s) => kinds.includes(s.kind))
    .map((s) => s.text)
    .join('');
/** Whitespace as the diff normalizes it: a line break where the text had one, else one space. */
const words = (t: string) => t.split(/\s+/).filter(Boolean).join(' ');
const normalized = (t: string) =>
  tokenize(t)
    .map((tok, i) => (i === 0 ? '' : tok.newline ? '\n' : ' ') + tok.word)
    .join('');

/** A reproducible pseudo-random word list. */
function randomWords(count: number, vocabulary: number, seed: number): string[] {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state;
  };
  return Array.from({ length: count }, () => `w${(next() >> 8) % vocabulary}`);
}

describe('diffWords', () => {
  test('one word replaced', () => {
    expect(diffWords('a b c', 'a x c')).toEqual({
      added: ['x'],
      removed: ['b'],
      segments: [
        { kind: 'same', text: 'a' },
        { kind: 'removed', text: ' b' },
        { kind: 'added', text: ' x' },
        { kind: 'same', text: ' c' },
      ],
      coarse: false,
    });
  });

  test('identical texts, and texts that differ only in whitespace, have no change', () => {
    expect(diffWords('a b', 'a b')).toEqual({ added: [], removed: [], segments: [{ kind: 'same', text: 'a b' }], coarse: false });
    expect(diffWords('a   b\n', '  a\tb')).toMatchObject({ added: [], removed: [] });
    expect(diffWords('', '')).toEqual({ added: [], removed: [], segments: [], coarse: false });
  });

  test('from and to nothing', () => {
    expect(diffWords('', '- a\n- b')).toEqual({ added: ['-', 'a', '-', 'b'], removed: [], segments: [{ kind: 'added', text: '- a\n- b' }], coarse: false });
    expect(diffWords('x y', '')).toEqual({ added: [], removed: ['x', 'y'], segments: [{ kind: 'removed', text: 'x y' }], coarse: false });
  });

  test('within a change, removed words come before added ones', () => {
    const { segments } = diffWords('keep one two keep', 'keep three four keep');
    expect(segments.map((s) => s.kind)).toEqual(['same', 'removed', 'added', 'same']);
  });

  test('a removed or added bullet shows as a whole line, wherever it is', () => {
    const before = '- A b.\n- C d.\n- E f.';
    for (const [after, gone] of [
      ['- C d.\n- E f.', '- A b.\n'],
      ['- A b.\n- E f.', '\n- C d.'],
      ['- A b.\n- C d.', '\n- E f.'],
    ] as const) {
      const removed = diffWords(before, after).segments.filter((s) => s.kind === 'removed');
      expect(removed).toEqual([{ kind: 'removed', text: gone }]);
      const added = diffWords(after, before).segments.filter((s) => s.kind === 'added');
      expect(added).toEqual([{ kind: 'added', text: gone }]);
      expect(text(diffWords(before, after).segments, 'same', 'removed')).toBe(before);
    }
  });

  test("segments give the new text back, line breaks kept, and the old text's words", () => {
    const cases = [
      ['- Owns the design.\n- Reviews code.', '- Owns the design and delivery.\n- Mentors others.\n- Reviews code.'],
      ['alpha beta gamma delta', 'delta gamma beta alpha'],
      ['x\ny\nz', 'z\ny\nx'],
      ['x a b', 'a b'],
      ['a b', 'y a b'],
      ['x a', 'y a'],
      ['a x', 'a y'],
    ];
    for (const [a, b] of cases as Array<[string, string]>) {
      const { segments } = diffWords(a, b);
      expect(words(text(segments, 'same', 'removed'))).toBe(words(a));
      expect(text(segments, 'same', 'added')).toBe(normalized(b));
    }
    for (let seed = 1; seed <= 30; seed++) {
      const a = randomWords(60, 12, seed).join(' ');
      const b = randomWords(70, 12, seed * 7).join(seed % 2 ? ' ' : '\n');
      const { segments, added, removed } = diffWords(a, b);
      expect(words(text(segments, 'same', 'removed'))).toBe(words(a));
      expect(text(segments, 'same', 'added')).toBe(normalized(b));
      // Minimal: what is kept is a longest common subsequence, so added + kept = the new text's words.
      expect(added.length + (tokenize(a).length - removed.length)).toBe(tokenize(b).length);
    }
  });

  test('the words kept are a longest common subsequence', () => {
    const { added, removed } = diffWords('a b c d e f', 'a c e g f');
    expect(removed).toEqual(['b', 'd']);
    expect(added).toEqual(['g']);
  });

  test('a ~2 KB section with scattered edits is compared word by word, quickly', () => {
    const a = randomWords(400, 200, 3);
    const b = a.map((w, i) => (i % 37 === 0 ? `${w}-edited` : w));
    const started = performance.now();
    const result = diffWords(a.join(' '), b.join(' '));
    expect(performance.now() - started).toBeLessThan(2000);
    expect(result.coarse).toBe(false);
    expect(result.added).toHaveLength(11);
    expect(result.removed).toHaveLength(11);
  });

  test('20 one-word edits spread through a 3,000-word section are those 20 words, not a rewrite', () => {
    const a = randomWords(3000, 800, 21);
    const at = Array.from({ length: 20 }, (_, k) => 75 + 150 * k);
    const b = a.map((w, i) => (at.includes(i) ? `edited${i}` : w));
    const result = diffWords(a.join(' '), b.join(' '));
    expect(result.coarse).toBe(false);
    expect(result.added).toEqual(at.map((i) => `edited${i}`));
    expect(result.removed).toEqual(at.map((i) => a[i]));
    expect(text(result.segments, 'same', 'added')).toBe(b.join(' '));
  });

  test('a 20,000-word section with a paragraph moved is compared word by word', () => {
    // Once past 2,000 words on each side, the old word-by-word table (words × words cells) gave up.
    const a = randomWords(20_000, 3000, 8);
    const paragraph = a.slice(1000, 1050);
    const b = [...a.slice(0, 1000), ...a.slice(1050, 19_000), ...paragraph, ...a.slice(19_000)];
    const result = diffWords(a.join(' '), b.join('\n'));
    expect(result.coarse).toBe(false);
    expect(result.removed).toEqual(paragraph);
    expect(result.added).toEqual(paragraph);
    expect(words(text(result.segments, 'same', 'removed'))).toBe(words(a.join(' ')));
    expect(text(result.segments, 'same', 'added')).toBe(b.join('\n'));
  });

  test('huge, entirely different input stays fast: it degrades to a whole replacement', () => {
    const a = randomWords(200_000, 5000, 11).join(' ');
    const b = randomWords(200_000, 5000, 12).join(' ');
    const started = performance.now();
    const result = diffWords(a, b);
    expect(performance.now() - started).toBeLessThan(10_000); // a table would be 4·10¹⁰ cells: never finishes
    expect(result.coarse).toBe(true);
    expect(result.segments.map((s) => s.kind)).toEqual(['removed', 'added']);
    expect(result.removed).toHaveLength(200_000);
  });

  test('huge input with one small change is still exact: the common beginning and end are set aside first', () => {
    const words = randomWords(300_000, 5000, 5);
    const changed = [...words];
    changed[150_000] = 'CHANGED';
    const started = performance.now();
    const result = diffWords(words.join(' '), changed.join(' '));
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(result).toMatchObject({ added: ['CHANGED'], removed: [words[150_000]], coarse: false });
  });

  test('huge input changed at both ends is still exact: only the edits count', () => {
    const words = randomWords(300_000, 5000, 6);
    const changed = ['FIRST', ...words.slice(1, -1), 'LAST'];
    const result = diffWords(words.join(' '), changed.join(' '));
    expect(result).toMatchObject({ added: ['FIRST', 'LAST'], removed: [words[0], words[299_999]], coarse: false });
    expect(result.segments.map((s) => s.kind)).toEqual(['removed', 'added', 'same', 'removed', 'added']);
  });

  test('the bound is on the words edited, not on the size of the texts', () => {
    // A ~2 KB section (~400 words) rewritten whole is still compared word by word.
    expect(MAX_EDIT_LENGTH).toBeGreaterThanOrEqual(400 + 400);
    expect(diffWords('a b c d', 'a x y d', 3).coarse).toBe(true);
    expect(diffWords('a b c d', 'a x y d', 4).coarse).toBe(false);
    const a = randomWords(5000, 300, 4);
    const b = a.map((w, i) => (i === 1000 ? 'CHANGED' : w));
    b.splice(4000, 1);
    expect(diffWords(a.join(' '), b.join(' '), 3)).toMatchObject({ added: ['CHANGED'], removed: [a[1000], a[4000]], coarse: false });
    expect(diffWords(a.join(' '), b.join(' '), 2).coarse).toBe(true);
  });
});
