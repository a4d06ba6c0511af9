/**
 * Pairs the expectations of two levels for one competency, bullet by bullet, so that a reader sees
 * what a promotion adds rather than every word the higher level happens to phrase differently.
 * Each bullet of the target level either has a counterpart in the current level (the most similar
 * bullet, each used once) or none:
 *
 * - `same`: a counterpart with the same ideas (the same content words, or nearly: similarity at
 *   least `sameAt`): "3 expectations stay the same";
 * - `grew`: a counterpart that shares enough (similarity at least `grewAt`, a third of the words): a word diff of the pair
 *   shows only what changed;
 * - `new`: nothing in the current level comes close.
 *
 * Similarity is the Dice coefficient of the two bullets' sets of content words (stop words left
 * out, crudely stemmed so that "team" and "teams" count as one word). Pairs are chosen greedily,
 * most similar first (ties: earlier bullets first), which on lists of a few bullets finds the same
 * pairs an optimal assignment would in practice, in O(n·m log(n·m)).
 */

// Words that carry no idea of their own: never counted, never highlighted on their own.
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above across after again against all also am an and any are as at be because been before being below between both but by can could did do does ' +
    'doing down during each either else even ever every few for from further had has have having he her here hers him his how i if in into is it its itself ' +
    'just least less like made make makes many may me more most much must my no nor not now of off often on once one only or other others our out over own ' +
    'per rather same she should since so some such than that the their theirs them themselves then there these they this those through thus to too under ' +
    'until up upon us very via was we well were what when where whether which while who whom whose why will with within without would yet you your'
  ).split(' '),
);

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

// A site stems the same few thousand words hundreds of thousands of times: each is worked out
// once. Bounded, as the bullet cache below.
const stems = new Map<string, string>();
const STEM_CACHE = 100_000;

/** A crude stem, so that "team", "teams" and "team's" count as one word. */
export function stem(word: string): string {
  let w = stems.get(word);
  if (w === undefined) {
    if (stems.size >= STEM_CACHE) stems.clear();
    w = stemOf(word);
    stems.set(word, w);
  }
  return w;
}

function stemOf(word: string): string {
  let w = word.toLowerCase().replace(/['’]s$/, '');
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 3 && w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  return w;
}

/** The stems of a text's content words: no stop words, nothing under three letters. */
export function contentStems(text: string): Set<string> {
  const stems = new Set<string>();
  for (const m of text.matchAll(WORD)) {
    const s = stem(m[0]);
    if (s.length >= 3 && !STOP_WORDS.has(s)) stems.add(s);
  }
  return stems;
}

/** Dice coefficient of two sets: 1 for equal sets (two empty ones included), 0 for disjoint ones. */
export function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return (2 * shared) / (a.size + b.size);
}

export type AlignKind = 'same' | 'grew' | 'new';

export interface Aligned {
  kind: AlignKind;
  /** Index of the counterpart in the current level's bullets; undefined for `new`. */
  from: number | undefined;
  /** Similarity to the counterpart (0 for `new`). */
  similarity: number;
}

export interface Alignment {
  /** One entry per bullet of the target level, in its order. */
  to: Aligned[];
  /** Bullets of the current level no target bullet was paired with, in order. */
  unmatched: number[];
  counts: Record<AlignKind, number>;
}

export interface AlignOptions {
  /** From this similarity up a pair is "the same" (default 0.85); identical texts always are. */
  sameAt?: number;
  /** From this similarity up a pair "grew"; below it the target bullet is new (default 0.33). */
  grewAt?: number;
}

export const SAME_AT = 0.85;
export const GREW_AT = 0.33;

interface Bullet {
  text: string;
  stems: ReadonlySet<string>;
}

// A site compares each bullet on several pages (the promotions into and out of its level, the
// lateral moves): its normalized text and stems are worked out once. Bounded, so that a long-lived
// caller (a server, a watch mode) does not keep every text it ever saw.
const bullets = new Map<string, Bullet>();
const BULLET_CACHE = 50_000;

function bulletOf(text: string): Bullet {
  let bullet = bullets.get(text);
  if (!bullet) {
    if (bullets.size >= BULLET_CACHE) bullets.clear();
    bullet = { text: text.replace(/\s+/g, ' ').trim(), stems: contentStems(text) };
    bullets.set(text, bullet);
  }
  return bullet;
}

/** The stems of a text's content words, as contentStems() gives them, computed once per text (do not modify the set). */
export function contentStemsOnce(text: string): ReadonlySet<string> {
  return bulletOf(text).stems;
}

/** Aligns the target level's bullets (`after`) with the current level's (`before`). Pure. */
export function alignBullets(before: readonly string[], after: readonly string[], options: AlignOptions = {}): Alignment {
  const sameAt = options.sameAt ?? SAME_AT;
  const grewAt = options.grewAt ?? GREW_AT;
  const a = before.map(bulletOf);
  const b = after.map(bulletOf);
  const candidates: Array<{ i: number; j: number; s: number }> = [];
  for (let j = 0; j < b.length; j++) {
    for (let i = 0; i < a.length; i++) {
      const x = a[i] as (typeof a)[number];
      const y = b[j] as (typeof b)[number];
      const s = x.text === y.text ? 1 : similarity(x.stems, y.stems);
      if (s >= grewAt) candidates.push({ i, j, s });
    }
  }
  // Most similar first; on ties the earlier target bullet, then the earlier counterpart (stable, deterministic).
  candidates.sort((p, q) => q.s - p.s || p.j - q.j || p.i - q.i);
  const to: Aligned[] = b.map(() => ({ kind: 'new', from: undefined, similarity: 0 }));
  const used = new Set<number>();
  for (const { i, j, s } of candidates) {
    if (used.has(i) || (to[j] as Aligned).from !== undefined) continue;
    used.add(i);
    const identical = (a[i] as (typeof a)[number]).text === (b[j] as (typeof b)[number]).text;
    to[j] = { kind: identical || s >= sameAt ? 'same' : 'grew', from: i, similarity: s };
  }
  const counts: Record<AlignKind, number> = { same: 0, grew: 0, new: 0 };
  for (const t of to) counts[t.kind]++;
  return { to, unmatched: a.map((_, i) => i).filter((i) => !used.has(i)), counts };
}
