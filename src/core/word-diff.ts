/** One run of words that both texts share, or that only one of them has. */
export interface Segment {
  kind: 'same' | 'added' | 'removed';
  /**
   * The words of the run. Every segment but the first starts with the whitespace that separates
   * it from the previous one (" ", or "\n" where the source broke the line), so that concatenating
   * the `same` and `added` segments gives the new text and the `same` and `removed` ones the old
   * text, with runs of whitespace normalized.
   */
  text: string;
}

export interface WordDiff {
  /** Words only the new text has, in order. */
  added: string[];
  /** Words only the old text has, in order. */
  removed: string[];
  segments: Segment[];
  /**
   * True when the texts were too large to compare word by word and the diff is a whole
   * replacement of the part that differs (after the common beginning and end).
   */
  coarse: boolean;
}

interface Token {
  word: string;
  /** Whether a line break precedes the word in its text. */
  newline: boolean;
}

/**
 * Above this many cells (words of one side × words of the other, once the common beginning and
 * end are set aside) the diff gives up on a longest common subsequence and replaces the middle
 * whole: the table would cost too much time and memory. A 2 KB section is ~400 words, 160,000 cells.
 */
export const MAX_CELLS = 4_000_000;

/** Splits on whitespace, remembering where lines broke. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const re = /(\s*)(\S+)/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    tokens.push({ word: m[2] as string, newline: tokens.length > 0 && (m[1] as string).includes('\n') });
  }
  return tokens;
}

/**
 * A word diff of two texts: the longest common subsequence of their whitespace-separated words.
 * Whitespace alone never counts as a change. Bounded: past MAX_CELLS it degrades to replacing the
 * differing middle whole (marked `coarse`) instead of going quadratic.
 */
export function diffWords(before: string, after: string, maxCells: number = MAX_CELLS): WordDiff {
  const a = tokenize(before);
  const b = tokenize(after);
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && (a[prefix] as Token).word === (b[prefix] as Token).word) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && (a[a.length - 1 - suffix] as Token).word === (b[b.length - 1 - suffix] as Token).word)
    suffix++;

  const ops: Array<{ kind: Segment['kind']; token: Token }> = [];
  for (let i = 0; i < prefix; i++) ops.push({ kind: 'same', token: b[i] as Token });
  const midA = a.slice(prefix, a.length - suffix);
  const midB = b.slice(prefix, b.length - suffix);
  const coarse = midA.length * midB.length > maxCells;
  if (coarse) {
    for (const token of midA) ops.push({ kind: 'removed', token });
    for (const token of midB) ops.push({ kind: 'added', token });
  } else {
    lcs(midA, midB, ops);
  }
  for (let i = b.length - suffix; i < b.length; i++) ops.push({ kind: 'same', token: b[i] as Token });

  const segments: Segment[] = [];
  const added: string[] = [];
  const removed: string[] = [];
  for (const { kind, token } of ops) {
    if (kind === 'added') added.push(token.word);
    if (kind === 'removed') removed.push(token.word);
    const last = segments[segments.length - 1];
    const separator = segments.length === 0 ? '' : token.newline ? '\n' : ' ';
    if (last && last.kind === kind) last.text += separator + token.word;
    else segments.push({ kind, text: separator + token.word });
  }
  return { added, removed, segments, coarse };
}

/** Appends the edit script of a and b (removals before additions within a change). */
function lcs(a: Token[], b: Token[], ops: Array<{ kind: Segment['kind']; token: Token }>): void {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) {
    for (const token of a) ops.push({ kind: 'removed', token });
    for (const token of b) ops.push({ kind: 'added', token });
    return;
  }
  // Interning words as numbers keeps the inner loop on integers.
  const ids = new Map<string, number>();
  const id = (w: string) => {
    let v = ids.get(w);
    if (v === undefined) {
      v = ids.size;
      ids.set(w, v);
    }
    return v;
  };
  const x = Int32Array.from(a, (t) => id(t.word));
  const y = Int32Array.from(b, (t) => id(t.word));
  // table[i][j] = length of the LCS of a[i..] and b[j..]; row-major, (n+1) × (m+1).
  const width = m + 1;
  const table = Math.min(n, m) < 0xffff ? new Uint16Array((n + 1) * width) : new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    const row = i * width;
    const next = row + width;
    const xi = x[i];
    for (let j = m - 1; j >= 0; j--) {
      table[row + j] = xi === y[j] ? (table[next + j + 1] as number) + 1 : Math.max(table[next + j] as number, table[row + j + 1] as number);
    }
  }
  let i = 0;
  let j = 0;
  const pendingAdded: Token[] = [];
  const flush = () => {
    for (const token of pendingAdded) ops.push({ kind: 'added', token });
    pendingAdded.length = 0;
  };
  while (i < n && j < m) {
    if (x[i] === y[j]) {
      flush();
      ops.push({ kind: 'same', token: b[j] as Token });
      i++;
      j++;
    } else if ((table[(i + 1) * width + j] as number) >= (table[i * width + j + 1] as number)) {
      ops.push({ kind: 'removed', token: a[i] as Token });
      i++;
    } else {
      pendingAdded.push(b[j] as Token);
      j++;
    }
  }
  for (; i < n; i++) ops.push({ kind: 'removed', token: a[i] as Token });
  flush();
  for (; j < m; j++) ops.push({ kind: 'added', token: b[j] as Token });
}
