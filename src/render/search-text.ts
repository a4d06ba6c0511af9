/**
 * The text processing search shares between the index builder (search-index.ts, at render time)
 * and the browser (assets/search.js): both must cut words, stem them and name shards alike, so
 * one function holds it all and the script embeds its source (`searchKit.toString()`). Hence the
 * constraints: plain ES2020 inside, no reference to anything outside the function, no imports.
 * test/site/search-text.test.ts runs the embedded copy too.
 */
export interface SearchKit {
  /** Lower case, accents folded: "Équipe" → "equipe". */
  fold(text: string): string;
  /** A light English stemmer: "incidents", "mentoring", "owned", "clearly" → "incident", "mentor", "own", "clear". */
  stem(word: string): string;
  /**
   * The words of a text, with where each starts and ends: each word's stem (`t`), and for words
   * joined by hyphens ("on-call") one more token, the joined form ("oncall"), spanning them all.
   * Stop words ("the", "and") and one-letter words are left out.
   */
  words(text: string): Array<{ t: string; start: number; end: number }>;
  /** Whether two terms are one edit apart (insert, delete, replace, or swap two neighbours). */
  oneEditApart(a: string, b: string): boolean;
  /** The shard key of a term: its first `length` characters, anything but a-z and 0-9 as "_". */
  keyOf(term: string, length: number): string;
  /**
   * The shards a query word needs among the keys an index has: the one whose key begins the word
   * (the longest), or, for a word shorter than the keys of its letters, every shard it begins
   * (a word it begins may be in any of them).
   */
  shardsOf(term: string, keys: readonly string[]): string[];
  /** Entries of the index, from its runs: [page, section] of each. */
  entries(runs: readonly number[]): Array<[number, number]>;
  /** The words of a query: a hyphenated word counts once, joined ("on-call" is "oncall"); `raw` is as typed, folded. */
  query(q: string): Array<{ t: string; raw: string }>;
  /**
   * The entries of a term shard one query word matches, each with a weight: the word itself 3,
   * a word it begins 2, a word one edit away 1 (for words typed with 5 letters or more); and the
   * terms that matched, to mark them in snippets.
   */
  match(word: { t: string; raw: string }, shard: Readonly<Record<string, readonly number[]>>): { hits: Map<number, number>; terms: string[] };
  /**
   * Entries every word matches, best first: the sum of their weights, 5 more per word in the
   * entry's title or section name; then in the order of the index.
   */
  rank(words: ReadonlyArray<{ t: string }>, matched: ReadonlyArray<Map<number, number>>, titleOf: (doc: number) => string): number[];
  /**
   * About `size` characters of `text` around the first of `marks` (ranges of words to show),
   * cut at word boundaries, with "… " and " …" where it was cut; the marks inside it, shifted.
   */
  snippet(text: string, marks: ReadonlyArray<[number, number]>, size: number): { text: string; marks: Array<[number, number]> };
}

export function searchKit(): SearchKit {
  // Words too common to tell entries apart: not indexed, dropped from queries.
  const STOP = new Set('a an and are as at be by for from has have in into is it its of on or that the their this to was were will with'.split(' '));
  const VOWEL = /[aeiouy]/;

  function fold(text: string): string {
    return text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();
  }

  function stem(word: string): string {
    let w = word;
    if (w.length <= 3 || !/^[a-z]+$/.test(w)) return w;
    // Plurals and third persons.
    if (w.endsWith('sses')) w = w.slice(0, -2);
    else if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
    else if (/(?:[sxz]|ch|sh)es$/.test(w) && w.length > 4) w = w.slice(0, -2);
    else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
    // Past tenses, gerunds, adverbs: only when a syllable is left ("led", "sing" stay).
    if (w.endsWith('ied') && w.length > 4) w = `${w.slice(0, -3)}y`;
    else {
      const suffix = /(?:ing|ed|ly)$/.exec(w);
      if (suffix) {
        const rest = w.slice(0, suffix.index);
        // "-ly" needs more left: "apply", "supply" and "early" are words of their own.
        const enough = suffix[0] === 'ly' ? rest.length >= 4 && !rest.endsWith('pp') : rest.length >= 3;
        if (enough && VOWEL.test(rest)) {
          w = rest;
          // "planned" → "plan", "running" → "run"; "called", "passed", "buzzing" keep their double letter.
          if (suffix[0] !== 'ly' && /([^aeiouylsz])\1$/.test(w)) w = w.slice(0, -1);
        }
      }
    }
    // "scope", "scoped", "scoping" meet at "scop".
    if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
    return w;
  }

  // An index stems the same words hundreds of thousands of times: each once (bounded).
  const stems = new Map<string, string>();
  function stemOnce(word: string): string {
    let t = stems.get(word);
    if (t === undefined) {
      if (stems.size >= 100000) stems.clear();
      t = stem(word);
      stems.set(word, t);
    }
    return t;
  }

  function words(text: string): Array<{ t: string; start: number; end: number }> {
    let folded = fold(text);
    // Positions are the text's own. Folding usually keeps the length (an accented letter loses its
    // mark); when it does not, fold character by character and keep where each one came from.
    let from: number[] | undefined;
    if (folded.length !== text.length) {
      from = [];
      folded = '';
      for (let i = 0; i < text.length; i++) {
        const f = fold(text[i] as string);
        folded += f;
        for (let j = 0; j < f.length; j++) from.push(i);
      }
      from.push(text.length);
    }
    const at = (i: number) => (from ? (from[i] as number) : i);
    const out: Array<{ t: string; start: number; end: number }> = [];
    const re = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;
    for (let m = re.exec(folded); m !== null; m = re.exec(folded)) {
      const parts = m[0].split('-');
      let i = m.index;
      for (const part of parts) {
        if (part.length > 1 && !STOP.has(part)) out.push({ t: stemOnce(part), start: at(i), end: at(i + part.length) });
        i += part.length + 1;
      }
      if (parts.length > 1) out.push({ t: stemOnce(parts.join('')), start: at(m.index), end: at(m.index + m[0].length) });
    }
    return out;
  }

  function oneEditApart(a: string, b: string): boolean {
    if (a === b) return true;
    const la = a.length;
    const lb = b.length;
    if (Math.abs(la - lb) > 1) return false;
    let i = 0;
    while (i < la && i < lb && a[i] === b[i]) i++;
    if (la === lb) {
      // One replacement, or two neighbours swapped ("incidnet" ↔ "incident").
      if (a.slice(i + 1) === b.slice(i + 1)) return true;
      return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
    }
    // One insertion or deletion.
    return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  function keyOf(term: string, length: number): string {
    return term.slice(0, length).replace(/[^a-z0-9]/g, '_');
  }

  function shardsOf(term: string, keys: readonly string[]): string[] {
    for (let length = Math.min(term.length, 4); length >= 1; length--) {
      const key = keyOf(term, length);
      if (keys.indexOf(key) !== -1) return [key];
    }
    const own = keyOf(term, term.length);
    return keys.filter((k) => k.startsWith(own));
  }

  function entries(runs: readonly number[]): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    for (let i = 0; i + 2 < runs.length; i += 3) {
      for (let j = 0; j < (runs[i + 2] as number); j++) out.push([runs[i] as number, (runs[i + 1] as number) + j]);
    }
    return out;
  }

  function snippet(text: string, marks: ReadonlyArray<[number, number]>, size: number): { text: string; marks: Array<[number, number]> } {
    const first = marks[0]?.[0] ?? 0;
    let start = Math.max(0, first - Math.floor(size / 3));
    let end = Math.min(text.length, start + size);
    if (end === text.length) start = Math.max(0, end - size);
    // Cut between words: move the start forward to a word's beginning, the end back to a word's end.
    if (start > 0 && /\S/.test(text[start - 1] ?? '')) {
      const space = text.slice(start, first).search(/\s/);
      start = space === -1 ? start : start + space + 1;
    }
    while (start < text.length && /\s/.test(text[start] ?? '')) start++;
    if (end < text.length && /\S/.test(text[end] ?? '')) {
      const space = text.slice(0, end).search(/\s\S*$/);
      if (space > start) end = space;
    }
    while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
    const head = start > 0 ? '… ' : '';
    const shifted: Array<[number, number]> = [];
    for (const [s, e] of marks) if (s >= start && e <= end) shifted.push([s - start + head.length, e - start + head.length]);
    return { text: head + text.slice(start, end) + (end < text.length ? ' …' : ''), marks: shifted };
  }

  function query(q: string): Array<{ t: string; raw: string }> {
    const folded = fold(q);
    const all = words(q);
    return all
      .filter((w) => !all.some((o) => o !== w && o.start <= w.start && o.end >= w.end && o.end - o.start > w.end - w.start))
      .map((w) => ({ t: w.t, raw: folded.slice(w.start, w.end).split('-').join('') }));
  }

  function match(word: { t: string; raw: string }, shard: Readonly<Record<string, readonly number[]>>): { hits: Map<number, number>; terms: string[] } {
    const hits = new Map<number, number>();
    const terms: string[] = [];
    const typo = word.raw.length >= 5;
    for (const term of Object.keys(shard)) {
      const weight = term === word.t ? 3 : term.startsWith(word.t) || term.startsWith(word.raw) ? 2 : typo && oneEditApart(term, word.t) ? 1 : 0;
      if (weight === 0) continue;
      terms.push(term);
      let doc = 0;
      // Entry numbers are stored as gaps from the previous one.
      for (const gap of shard[term] ?? []) {
        doc += gap;
        if ((hits.get(doc) ?? 0) < weight) hits.set(doc, weight);
      }
    }
    return { hits, terms };
  }

  function rank(list: ReadonlyArray<{ t: string }>, matched: ReadonlyArray<Map<number, number>>, titleOf: (doc: number) => string): number[] {
    const scores = new Map<number, number>();
    const first = matched[0];
    if (!first) return [];
    for (const [doc, weight] of first) {
      let score = weight;
      let all = true;
      for (let i = 1; i < matched.length && all; i++) {
        const w = matched[i]?.get(doc);
        if (w === undefined) all = false;
        else score += w;
      }
      if (!all) continue;
      const title = words(titleOf(doc));
      for (const w of list) if (title.some((t) => t.t === w.t)) score += 5;
      scores.set(doc, score);
    }
    return [...scores.keys()].sort((a, b) => (scores.get(b) as number) - (scores.get(a) as number) || a - b);
  }

  return { fold, stem, words, oneEditApart, keyOf, shardsOf, entries, query, match, rank, snippet };
}
