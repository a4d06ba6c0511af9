import { describe, expect, test } from '@jest/globals';
import { closest, didYouMean, listOf } from '../../src/core/suggest.js';

const bands = ['entry', 'developing', 'career', 'senior', 'staff', 'senior-staff', 'principal', 'distinguished'];

describe('closest', () => {
  test('finds typos: a substitution, an insertion, a deletion, a transposition', () => {
    expect(closest('senoir', bands)).toBe('senior');
    expect(closest('stafff', bands)).toBe('staff');
    expect(closest('principl', bands)).toBe('principal');
    expect(closest('carrer', bands)).toBe('career');
    expect(closest('senior-staf', bands)).toBe('senior-staff');
  });

  test('ignores case and returns the candidate as written', () => {
    expect(closest('system design', ['System design', 'Delivery'])).toBe('System design');
    expect(closest('SENIOR', bands)).toBe('senior');
  });

  test('sees past emoji, punctuation and spacing in decorated names', () => {
    expect(closest('Results', ['🏆 Results', 'Craft'])).toBe('🏆 Results');
    expect(closest('🏆 Results', ['Results'])).toBe('Results');
    expect(closest('Hiring & team design', ['Hiring and team design', 'Delivery'])).toBe('Hiring and team design');
    expect(closest('Technical  craft:', ['Technical craft'])).toBe('Technical craft');
    expect(closest('🏆', ['🏆', '🚀'])).toBe('🏆');
    expect(closest('Results', ['🚀 Impact'])).toBeUndefined();
  });

  test('prefers the closest of several near candidates', () => {
    expect(closest('senior-stuff', bands)).toBe('senior-staff');
    expect(closest('ic', ['ic', 'em'])).toBe('ic');
  });

  test('gives nothing when no candidate is close enough to be a typo', () => {
    expect(closest('manager', bands)).toBeUndefined();
    expect(closest('xy', ['ic', 'em'])).toBeUndefined();
    expect(closest('anything', [])).toBeUndefined();
  });

  test('allows more edits in longer names: about one per three characters', () => {
    expect(closest('ab', ['xb'])).toBe('xb'); // at least one edit, even for short names
    expect(closest('abc', ['xyc'])).toBeUndefined();
    expect(closest('abcdef', ['xbcdey'])).toBe('xbcdey');
    expect(closest('abcdef', ['xycdez'])).toBeUndefined();
    expect(closest('level-section', ['level-sections', 'level-climb'])).toBe('level-sections');
  });
});

describe('didYouMean', () => {
  test('is a sentence to append to a message, or nothing', () => {
    expect(didYouMean('senoir', bands)).toBe(' Did you mean "senior"?');
    expect(didYouMean('zzz', bands)).toBe('');
  });
});

describe('listOf', () => {
  test('quotes and joins', () => {
    expect(listOf(['ic', 'em'])).toBe('"ic", "em"');
    expect(listOf([])).toBe('');
  });

  test('shortens long lists', () => {
    expect(listOf(bands, 3)).toBe('"entry", "developing", "career", and 5 more');
    expect(listOf(bands)).toBe(bands.map((b) => `"${b}"`).join(', '));
  });
});
