import { diffArrays } from 'diff';

/** One run of words that both texts share, or that only one of them has. */
export interface Segment {
  kind: 'same' | 'added' | 'removed';
  /**
   * The words of the run, with the whitespace that separates them from the previous run (" ", or
   * "\n" where the source broke the line) at its start; when a text begins with removed or added
   * words, that whitespace ends the run instead. Concatenating the `same` and `added` segments
   * gives the new text, whitespace normalized; the `same` and `removed` ones give the old text's
   * words, with the new text's line breaks around the words they share.
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
 * The most word edits (words removed + words added, once the common beginning and end are set
 * aside) the diff looks for. Myers' algorithm costs about the square of the edits it makes, so
 * past this it stops and replaces the differing middle whole: ~0.3 s at worst on one core here,
 * whatever the size of the texts. A handful of edits in a section of any length stays exact.
 */
export const MAX_EDIT_LENGTH = 1_000;

/** Splits on whitespace, remembering where lines broke. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const re = /\S+/g;
  let end = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    tokens.push({ word: m[0], newline: tokens.length > 0 && text.slice(end, m.index).includes('\n') });
    end = m.index + m[0].length;
  }
  return tokens;
}

/**
 * A word diff of two texts: a shortest edit script (so a longest common subsequence) of their
 * whitespace-separated words, by jsdiff's Myers diff. Whitespace alone never counts as a change.
 * Bounded: past `maxEditLength` edits it degrades to replacing the differing middle whole (marked
 * `coarse`) instead of going quadratic.
 */
export function diffWords(before: string, after: string, maxEditLength: number = MAX_EDIT_LENGTH): WordDiff {
  const a = tokenize(before);
  const b = tokenize(after);
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && (a[prefix] as Token).word === (b[prefix] as Token).word) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && (a[a.length - 1 - suffix] as Token).word === (b[b.length - 1 - suffix] as Token).word)
    suffix++;

  const ops: Op[] = [];
  for (let i = 0; i < prefix; i++) ops.push({ kind: 'same', i, j: i });
  const n = a.length - prefix - suffix;
  const m = b.length - prefix - suffix;
  // Either side empty: the script is plain. Sides differing in length by more than the bound need
  // more edits than that: no need to search.
  const exact = n > 0 && m > 0 && Math.abs(n - m) <= maxEditLength && middleScript(a, b, prefix, n, m, maxEditLength, ops);
  const coarse = !exact && n > 0 && m > 0;
  if (!exact) {
    for (let i = 0; i < n; i++) ops.push({ kind: 'removed', i: prefix + i, j: -1 });
    for (let j = 0; j < m; j++) ops.push({ kind: 'added', i: -1, j: prefix + j });
  }
  for (let k = 0; k < suffix; k++) ops.push({ kind: 'same', i: a.length - suffix + k, j: b.length - suffix + k });
  if (!coarse) slideToLineStarts(ops, a, b);

  const segments: Segment[] = [];
  const added: string[] = [];
  const removed: string[] = [];
  // Whether the old (same + removed) and new (same + added) texts have had a word yet: the
  // whitespace before a word goes where exactly the texts that already have words will see it.
  let oldStarted = false;
  let newStarted = false;
  for (const { kind, i, j } of ops) {
    // Shared words are shown as the new text has them; removed words as the old text had them.
    const token = (kind === 'removed' ? a[i] : b[j]) as Token;
    if (kind === 'added') added.push(token.word);
    if (kind === 'removed') removed.push(token.word);
    const space = token.newline ? '\n' : ' ';
    const last = segments[segments.length - 1];
    let separator = '';
    if (kind === 'same' && oldStarted !== newStarted) {
      // Only one text has begun (with removed or added words): the space belongs to that run alone.
      if (last) last.text += (oldStarted ? (a[i] as Token) : token).newline ? '\n' : ' ';
    } else if ((kind !== 'added' && oldStarted) || (kind !== 'removed' && newStarted)) {
      separator = space;
    }
    if (kind !== 'added') oldStarted = true;
    if (kind !== 'removed') newStarted = true;
    if (last && last.kind === kind) last.text += separator + token.word;
    else segments.push({ kind, text: separator + token.word });
  }
  return { added, removed, segments, coarse };
}

/** One step of the edit script: a word both texts share (a[i] = b[j]), or one only a (removed) or b (added) has. */
interface Op {
  kind: Segment['kind'];
  /** Index in the old text's words, -1 for an added word. */
  i: number;
  /** Index in the new text's words, -1 for a removed word. */
  j: number;
}

/**
 * Appends the edit script of a[from, from+n) and b[from, from+m) to ops; false (and nothing
 * appended) past maxEditLength edits. Within a change, removals come before additions.
 */
function middleScript(a: Token[], b: Token[], from: number, n: number, m: number, maxEditLength: number, ops: Op[]): boolean {
  const x = a.slice(from, from + n).map((t) => t.word);
  const y = b.slice(from, from + m).map((t) => t.word);
  const changes = diffArrays(x, y, { maxEditLength });
  if (changes === undefined) return false;
  let added: Op[] = [];
  let i = from;
  let j = from;
  for (const change of changes) {
    for (let k = 0; k < change.count; k++) {
      if (change.added) added.push({ kind: 'added', i: -1, j: j++ });
      else if (change.removed) ops.push({ kind: 'removed', i: i++, j: -1 });
      else {
        for (const op of added) ops.push(op);
        added = [];
        ops.push({ kind: 'same', i: i++, j: j++ });
      }
    }
  }
  for (const op of added) ops.push(op);
  return true;
}

/**
 * A pure insertion or deletion can often sit in several places with the same words: deleting the
 * middle bullet of "- A - B - C" is "- B" or "B -". Like git's diff sliders, move each such run to
 * a place where it starts a line (so a removed bullet shows as a whole line), when there is one.
 */
function slideToLineStarts(ops: Op[], a: Token[], b: Token[]): void {
  let s = 0;
  while (s < ops.length) {
    if ((ops[s] as Op).kind === 'same') {
      s++;
      continue;
    }
    let e = s;
    while (e < ops.length && (ops[e] as Op).kind !== 'same') e++;
    const kind = (ops[s] as Op).kind;
    let pure = true;
    for (let k = s; k < e; k++) if ((ops[k] as Op).kind !== kind) pure = false;
    if (pure) e = slideRun(ops, s, e, kind === 'removed' ? a : b, kind === 'removed' ? 'i' : 'j');
    s = e;
  }
}

/** Slides the run ops[s, e) (all of one kind; `side` is its index field) and returns its new end. */
function slideRun(ops: Op[], s: number, e: number, words: Token[], side: 'i' | 'j'): number {
  const word = (op: Op) => (words[op[side]] as Token).word;
  const startsLine = (op: Op) => op[side] === 0 || (words[op[side]] as Token).newline;
  const other = side === 'i' ? 'j' : 'i';
  const up = () => {
    const before = ops[s - 1] as Op;
    const last = ops[e - 1] as Op;
    ops[s - 1] = { ...last, [side]: before[side] };
    ops[e - 1] = { kind: 'same', [side]: last[side], [other]: before[other] } as unknown as Op;
    s--;
    e--;
  };
  const down = () => {
    const first = ops[s] as Op;
    const after = ops[e] as Op;
    ops[s] = { kind: 'same', [side]: first[side], [other]: after[other] } as unknown as Op;
    ops[e] = { ...first, [side]: after[side] };
    s++;
    e++;
  };
  const canUp = () => s > 0 && (ops[s - 1] as Op).kind === 'same' && word(ops[s - 1] as Op) === word(ops[e - 1] as Op);
  const canDown = () => e < ops.length && (ops[e] as Op).kind === 'same' && word(ops[s] as Op) === word(ops[e] as Op);
  if (!canUp() && !canDown()) return e;
  let original = 0;
  while (canUp()) {
    up();
    original++;
  }
  let best = startsLine(ops[s] as Op) ? 0 : -1;
  let step = 0;
  while (canDown()) {
    down();
    step++;
    if (startsLine(ops[s] as Op)) best = step;
  }
  const target = best === -1 ? original : best;
  while (step > target) {
    up();
    step--;
  }
  return e;
}
