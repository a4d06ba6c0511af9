import { describe, expect, test } from '@jest/globals';
import { alignBullets, contentStems, GREW_AT, SAME_AT, similarity } from '../../src/core/align.js';

describe('contentStems and similarity', () => {
  test('stop words, short words and inflections do not count', () => {
    expect([...contentStems("Leads the team's systems and the teams' roadmap")]).toEqual(['lead', 'team', 'system', 'roadmap']);
    expect(contentStems('it is up to us')).toEqual(new Set());
  });

  test('Dice coefficient: 1 for equal sets, 0 for disjoint ones, in between by shared words', () => {
    expect(similarity(new Set(['a', 'b']), new Set(['b', 'a']))).toBe(1);
    expect(similarity(new Set(['a']), new Set(['b']))).toBe(0);
    expect(similarity(new Set(['a', 'b', 'c']), new Set(['a']))).toBe(0.5);
    expect(similarity(new Set(), new Set())).toBe(1);
  });
});

describe('alignBullets', () => {
  const before = [
    'Designs changes that cross team boundaries together with the other team.',
    'Mentors one or two engineers on the team.',
    'Keeps a ranked list of the team reliability risks.',
  ];

  test('pairs each bullet with its closest counterpart: same, grew or new', () => {
    const after = [
      'Mentors several engineers across teams, and sponsors them.',
      'Writes the strategy for the group.',
      'Keeps a ranked list of the team’s reliability risks.',
      'Designs systems that cross team boundaries for several teams together.',
    ];
    const a = alignBullets(before, after);
    expect(a.to.map((t) => [t.kind, t.from])).toEqual([
      ['grew', 1],
      ['new', undefined],
      ['same', 2],
      ['grew', 0],
    ]);
    expect(a.counts).toEqual({ same: 1, grew: 2, new: 1 });
    expect(a.unmatched).toEqual([]);
  });

  test('identical bullets are the same whatever their spacing; each counterpart is used once', () => {
    const a = alignBullets(['Reviews designs.', 'Reviews designs.'], ['Reviews  designs.', 'Reviews designs.', 'Reviews designs.']);
    expect(a.to.map((t) => [t.kind, t.from])).toEqual([
      ['same', 0],
      ['same', 1],
      ['new', undefined],
    ]);
  });

  test('the most similar pair wins, not the first bullet that comes close', () => {
    // The first target bullet is close to both; the second is close to the first counterpart only.
    const a = alignBullets(
      ['Leads incident reviews for the team', 'Leads incident reviews for several teams and shares lessons'],
      ['Leads incident reviews for several teams', 'Leads incident reviews for several teams and shares lessons widely'],
    );
    expect(a.to.map((t) => t.from)).toEqual([0, 1]);
    expect(a.to[1]?.kind).toBe('same');
  });

  test('what the current level says and the target level does not is reported as unmatched', () => {
    const a = alignBullets(before, ['Writes the strategy for the group.']);
    expect(a.to[0]?.kind).toBe('new');
    expect(a.unmatched).toEqual([0, 1, 2]);
  });

  test('thresholds: at sameAt a pair is the same, below grewAt it is new', () => {
    const x = ['alpha beta gamma delta'];
    // 3 of 4 words shared on each side: Dice 0.75.
    expect(alignBullets(x, ['alpha beta gamma epsilon']).to[0]?.kind).toBe('grew');
    expect(alignBullets(x, ['alpha beta gamma epsilon'], { sameAt: 0.75 }).to[0]?.kind).toBe('same');
    // 1 of 4: Dice 0.25, under the default 0.33.
    expect(GREW_AT).toBeGreaterThan(0.25);
    expect(alignBullets(x, ['alpha zeta theta iota']).to[0]?.kind).toBe('new');
    expect(alignBullets(x, ['alpha zeta theta iota'], { grewAt: 0.25 }).to[0]?.kind).toBe('grew');
    expect(SAME_AT).toBeGreaterThan(0.75);
  });

  test('empty lists align to nothing', () => {
    expect(alignBullets([], [])).toEqual({ to: [], unmatched: [], counts: { same: 0, grew: 0, new: 0 } });
    expect(alignBullets([], ['New work.']).to).toEqual([{ kind: 'new', from: undefined, similarity: 0 }]);
  });

  test('is pure and deterministic: the same input gives the same pairs', () => {
    const after = ['Mentors engineers on the team.', 'Mentors engineers on the team and beyond.'];
    expect(alignBullets(before, after)).toEqual(alignBullets([...before], [...after]));
  });
});
