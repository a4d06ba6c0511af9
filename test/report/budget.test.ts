import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { chars, clip, fitItems, fitRendered, utf8Bytes } from '../../src/report/budget.js';

describe('budget', () => {
  test('measures bytes of UTF-8, not characters', () => {
    expect(chars('🙂')).toBe(2);
    expect(utf8Bytes('🙂')).toBe(4);
    expect(utf8Bytes('変')).toBe(3);
  });

  test('fitItems takes the leading items that fit, separators counted, and says how many were left', () => {
    expect(fitItems(['aa', 'bb', 'cc'], 6, chars)).toEqual({ taken: ['aa', 'bb'], left: 1, used: 6 });
    expect(fitItems(['変変', 'a'], 6, utf8Bytes)).toEqual({ taken: [], left: 2, used: 0 });
    expect(fitItems([], 0, chars)).toEqual({ taken: [], left: 0, used: 0 });
  });

  test('fitRendered asks a character-counting renderer for less until the bytes fit', () => {
    const asked: number[] = [];
    const text = fitRendered(
      (n) => {
        asked.push(n);
        return '🙂'.repeat(Math.floor(n / 2));
      },
      1000,
      utf8Bytes,
    );
    expect(utf8Bytes(text)).toBeLessThanOrEqual(1000);
    expect(utf8Bytes(text)).toBeGreaterThan(900);
    expect(asked[0]).toBe(1000);
    expect(fitRendered(() => 'x', 0, chars)).toBe('');
  });

  test('clip never exceeds the room, never splits a surrogate pair, and prefers a line break (property)', () => {
    expect(clip('line one\nline two', 14, chars)).toBe('line one\n…');
    expect(clip('🙂🙂', 3, chars)).toBe('🙂…');
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.nat(300), fc.constantFrom(chars, utf8Bytes), (text, room, measure) => {
        const out = clip(text, room, measure);
        expect(measure(out)).toBeLessThanOrEqual(room);
        if (measure(text) <= room) expect(out).toBe(text);
        expect(out).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
      }),
    );
  });
});
