/**
 * What the site renderer can take from one piece of Markdown (a level's introduction or one
 * `## <competency>` section), and a linear single-pass scan that measures it.
 *
 * remark-parse (micromark) and the tree walkers after it are fine on prose but not on every text:
 * some constructs make them super-linear, others build trees deep enough to overflow the stack.
 * Measured on Node 20 (2 cores), one piece through remark-parse, remark-gfm, remark-rehype,
 * rehype-sanitize and rehype-stringify:
 *
 * - 2,500 nested `>`: stack overflow (mdast-util-to-hast); 10,000: overflow in micromark itself.
 * - lists nested 800 deep (`- - - … a`): stack overflow (hast-util-to-html); 1,000 deep by
 *   indentation (1 MB): a minute of parsing, then the overflow.
 * - `*a` × 20,000 in one paragraph: 11 s (× 50,000: 110 s); `[a](` × 50,000: 27 s; `a]` and `a*`,
 *   `a_b`, `~a` and `[a]` runs alike: micromark matches every closer against every opener before it
 *   in the paragraph, so a paragraph costs the square of its delimiters.
 * - `` `a``a```a…`` (backtick runs of growing length): each run looks ahead to the paragraph's end
 *   for a run of its length: 1,000 runs, 13 s.
 * - a paragraph continued by 20,000 lazy lines inside a block quote or list item: 19 s (quadratic in
 *   its lines).
 * - a table with 5,000 columns and 1,000 one-character rows: 32 KB of Markdown, 50 MB of HTML in
 *   32 s (every row is padded to the header's width).
 *
 * Each limit below bounds one of these, so that Markdown within all of them parses in time linear in
 * its length and builds a tree a few hundred levels deep at most. They are far above what prose
 * needs: in the example ladder and its packets, the deepest nesting is 1, the longest line 496
 * characters, the longest paragraph 7 lines, and there is no emphasis, link, code span or table.
 * `ladder check` reports what exceeds them (rule markdown-limits); the renderer shows such a piece
 * as escaped plain text instead of parsing it. Most prose is cleared by totals found with native
 * searches (clearlyWithin); the rest is scanned line by line. Either way about 2 to 4 ns a
 * character: 12 ms for the 3.5 MB of bench/check.js, 90 ms for the 40 MB of bench/packets.js.
 *
 * The scan is conservative: it never counts less than micromark would parse (it does not skip code
 * spans or code blocks, whose extent it cannot know for certain without parsing), so text within
 * the limits is safe however it is read. "A paragraph" here is what lies between blank lines, cut
 * also where a bullet item (or an item numbered 1) starts, since such a line always starts a new
 * block; micromark's paragraphs are never longer.
 */
export const MARKDOWN_LIMITS = {
  /**
   * Nesting of a line: every `>`, list marker and footnote label (`[^x]:`) at its start counts one,
   * and so does every two columns of leading whitespace (a nested list item is indented at least two
   * columns more than its parent), so the count never falls below the real depth. 32 keeps the tree
   * (two levels per list: list and item) far from the stack limits; prose nests 3 or 4 deep.
   */
  nesting: 32,
  /**
   * Characters in a line. No renderer stage is super-linear in line length today, but line-based
   * regular expressions are (three were quadratic in the check and the fast parser); a bound keeps
   * any per-line work small. A paragraph written as one line is a few thousand characters.
   */
  lineLength: 10_000,
  /** Lines in a paragraph: lazy continuation lines cost the square of their number. */
  paragraphLines: 500,
  /**
   * `*`, `_` and `~` in a paragraph (escaped ones excepted): matching costs their square, and they
   * bound the nesting of emphasis (at most half of them deep). 512 is 128 bold phrases.
   */
  emphasis: 512,
  /** `[` and `]` in a paragraph (escaped ones excepted): link matching costs their square. 128 links. */
  brackets: 256,
  /**
   * How far micromark looks ahead for the ends of code spans, as a multiple of the paragraph's
   * length: each backtick run looks for the next run of its length, or to the paragraph's end. Closed
   * code spans cost about 1; every run that never closes adds up to 1 more.
   */
  codeScan: 16,
  /** Columns of a table (cells of its delimiter row, `| --- | --- |`). */
  tableColumns: 100,
  /**
   * Cells of all tables in a piece, columns × rows: every row is padded to the header's width, so a
   * few characters of Markdown can become a hundred cells of HTML.
   */
  tableCells: 5_000,
} as const;

export type MarkdownLimit = keyof typeof MARKDOWN_LIMITS;
export type MarkdownLimits = { readonly [K in MarkdownLimit]: number };

export interface LimitProblem {
  limit: MarkdownLimit;
  /** Where the limit is first exceeded: offset in the text, and 1-based line and column (lines end at "\n"). */
  offset: number;
  line: number;
  column: number;
  /** What was measured there (a line's depth, a paragraph's count, all cells), and the limit. */
  value: number;
  max: number;
}

export interface ScanOptions {
  limits?: MarkdownLimits;
  /** Stop at the first problem (the renderer only needs to know whether there is one). */
  first?: boolean;
  /** false: always scan line by line, even when totals prove the text is within the limits (for tests). */
  quick?: boolean;
}

/** Whether a piece of Markdown is within every limit: what the renderer asks before parsing it. */
export function withinMarkdownLimits(text: string, limits: MarkdownLimits = MARKDOWN_LIMITS): boolean {
  return scanMarkdownLimits(text, { limits, first: true }).length === 0;
}

const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const GT = 62;
const BACKSLASH = 92;
const BACKTICK = 96;
const PIPE = 124;
const DASH = 45;
const COLON = 58;
const OPEN = 91;
const CLOSE = 93;
const CARET = 94;

// What the inline count looks at: emphasis characters, brackets, backticks and backslashes.
const INLINE = /[*_~[\]`\\]/g;

function isAsciiPunctuation(c: number): boolean {
  return (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
}

function isBullet(c: number): boolean {
  return c === DASH || c === 42 /* * */ || c === 43 /* + */;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Backtick runs of one length still looking for their closing run: how many, the sum of their offsets, the first. */
interface Pending {
  count: number;
  sum: number;
  first: number;
}

/**
 * Measures `text` against the limits in one pass: O(length), a few operations per character.
 * Reports each limit at most once, where it is first exceeded.
 */
export function scanMarkdownLimits(text: string, options: ScanOptions = {}): LimitProblem[] {
  const limits = options.limits ?? MARKDOWN_LIMITS;
  if (options.quick !== false && clearlyWithin(text, limits)) return [];
  return new Scan(text, limits, options.first === true).run();
}

/**
 * Whether totals over the whole text, found with native searches, already prove every limit holds:
 * true for most prose, which then needs no scan line by line (the check reads every section of every
 * level and packet). Any doubt returns false, and the scan decides.
 */
export function clearlyWithin(text: string, limits: MarkdownLimits = MARKDOWN_LIMITS): boolean {
  // Tables, lone "\r" line ends and footnote labels: let the scan judge them. (indexOf, not one
  // regular expression with alternatives: that steps through the text a character at a time.)
  if (text.length > limits.lineLength || text.includes('|') || text.includes('\r') || text.includes('[^')) return false;
  // A line that starts with this many characters that can make up a prefix: at most 2 levels of
  // nesting each (a tab is 4 columns), so fewer cannot exceed the limit. Footnote labels are checked apart.
  const run = Math.ceil((limits.nesting + 1) / 2);
  // Lines: fewer than the limit in all, so in any paragraph; and none starts with such a run.
  let lines = 1;
  if (prefixRunAt(text, 0, run)) return false;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (++lines > limits.paragraphLines || prefixRunAt(text, i + 1, run)) return false;
  }
  // Emphasis characters and brackets: fewer than the limit in all. Backticks: at most codeScan / 2
  // runs, each of which (and its reading after a backslash) looks ahead at most one paragraph.
  return !(over(text, '*_~', limits.emphasis) || over(text, '[]', limits.brackets) || over(text, '`', limits.codeScan >> 1));
}

/** Whether `run` characters that can make up a line's prefix (space, tab, ">", list markers, digits) start at `at`. */
function prefixRunAt(text: string, at: number, run: number): boolean {
  if (at + run > text.length) return false;
  for (let k = at; k < at + run; k++) {
    const c = text.charCodeAt(k);
    if (!(c === SPACE || c === TAB || c === GT || c === 42 || c === 43 || c === DASH || c === 46 || c === 41 || isDigit(c))) return false;
  }
  return true;
}

/** Whether `text` holds more than `max` of the characters in `chars`, counting no further than needed. */
function over(text: string, chars: string, max: number): boolean {
  let count = 0;
  for (let k = 0; k < chars.length; k++) {
    const ch = chars.charAt(k);
    for (let i = text.indexOf(ch); i !== -1; i = text.indexOf(ch, i + 1)) if (++count > max) return true;
  }
  return false;
}

/** One scan's state. A class, not closures: the check scans every section of every file, and closures cost an allocation each. */
class Scan {
  problems: LimitProblem[] = [];
  // Positions: lines end at "\n" (as LineIndex counts them); a lone "\r" ends a line for Markdown
  // but not for positions.
  posLine = 1;
  posLineStart = 0;
  // The paragraph being measured (see the module comment for what counts as one).
  inParagraph = false;
  paragraphStart = 0;
  lines = 0;
  emphasis = 0;
  brackets = 0;
  emphasisAt: [number, number, number] | undefined = undefined;
  bracketsAt: [number, number, number] | undefined = undefined;
  pending: Map<number, Pending> | undefined = undefined;
  codeCost = 0;
  // Tables run from a delimiter row to the next blank line, whatever starts in between.
  tableColumns = 0;
  cells = 0;
  cellsAt: [number, number, number] | undefined = undefined;
  previousBlank = true;
  // The next "\r" (-1: none left) and the next character the inline count looks at (see INLINE),
  // searched again only once passed.
  cr = -2;
  special = -2;
  /** Without a "|" there are no tables to measure. */
  readonly pipes: boolean;

  constructor(
    readonly text: string,
    readonly limits: MarkdownLimits,
    readonly first: boolean,
  ) {
    this.pipes = text.includes('|');
  }

  report(limit: MarkdownLimit, offset: number, line: number, column: number, value: number): void {
    for (const p of this.problems) if (p.limit === limit) return;
    this.problems.push({ limit, offset, line, column, value, max: this.limits[limit] });
  }

  here(limit: MarkdownLimit, offset: number, value: number): void {
    this.report(limit, offset, this.posLine, offset - this.posLineStart + 1, value);
  }

  startParagraph(start: number): void {
    this.inParagraph = true;
    this.paragraphStart = start;
    this.lines = 0;
    this.emphasis = 0;
    this.brackets = 0;
    this.emphasisAt = undefined;
    this.bracketsAt = undefined;
    this.codeCost = 0;
  }

  endParagraph(end: number): void {
    if (!this.inParagraph) return;
    this.inParagraph = false;
    const { limits } = this;
    if (this.emphasisAt && this.emphasis > limits.emphasis) this.report('emphasis', ...this.emphasisAt, this.emphasis);
    if (this.bracketsAt && this.brackets > limits.brackets) this.report('brackets', ...this.bracketsAt, this.brackets);
    if (!this.pending) return;
    let earliest = Number.POSITIVE_INFINITY;
    for (const p of this.pending.values()) {
      this.codeCost += p.count * end - p.sum;
      if (p.first < earliest) earliest = p.first;
    }
    this.pending = undefined;
    const length = end - this.paragraphStart;
    if (this.codeCost > limits.codeScan * length) {
      // At the earliest run that never closes: the likely culprit.
      const at = Math.min(earliest, end);
      const lineStart = this.text.lastIndexOf('\n', at - 1) + 1;
      const line = lineOf(this.text, lineStart, this.posLine, this.posLineStart);
      this.report('codeScan', at, line, at - lineStart + 1, Math.ceil(this.codeCost / Math.max(1, length)));
    }
  }

  run(): LimitProblem[] {
    const n = this.text.length;
    let i = 0;
    while (i <= n) {
      if (this.first && this.problems.length > 0) return this.problems;
      i = this.line(i, n);
    }
    this.endParagraph(n);
    if (this.cellsAt) this.report('tableCells', ...this.cellsAt, this.cells);
    return this.problems;
  }

  /** Measures the line that starts at `lineStart`; returns where the next one starts. */
  line(lineStart: number, n: number): number {
    const { text, limits } = this;
    // Find the line's end first: blank lines and line length need it.
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = n;
    if (this.cr !== -1 && this.cr < lineStart) this.cr = text.indexOf('\r', lineStart);
    if (this.cr !== -1 && this.cr < lineEnd) lineEnd = this.cr;
    const next = lineEnd === n ? n + 1 : text.charCodeAt(lineEnd) === CR && text.charCodeAt(lineEnd + 1) === LF ? lineEnd + 2 : lineEnd + 1;

    // Most lines start with a letter: no prefix to measure, and nothing else to do but count.
    const c0 = text.charCodeAt(lineStart);
    if (lineStart < lineEnd && c0 > 64 /* @ */ && c0 !== OPEN) {
      if (lineEnd - lineStart > limits.lineLength) this.here('lineLength', lineStart + limits.lineLength, lineEnd - lineStart);
      if (!this.inParagraph) this.startParagraph(lineStart);
      if (++this.lines === limits.paragraphLines + 1) this.here('paragraphLines', lineStart, this.lines);
      if (this.pipes) this.table(lineStart, lineEnd);
      this.previousBlank = false;
      if (this.special !== -1 && this.special < lineEnd) this.inline(lineStart, lineEnd); // else none on this line
    } else this.prefixed(lineStart, lineEnd);
    if (text.charCodeAt(next - 1) === LF) {
      this.posLine++;
      this.posLineStart = next;
    }
    return next;
  }

  /** A line that may start with indentation, `>`, list markers or footnote labels (or be blank). */
  prefixed(lineStart: number, lineEnd: number): void {
    const { text, limits } = this;
    // Leading whitespace, `>`, list markers and footnote labels: the line's nesting, and whether it starts an item.
    let j = lineStart;
    let column = 0;
    let markers = 0;
    let spaces = 0;
    let depthAt = -1;
    let startsItem = false;
    let run = 0; // spaces since the last `>` (an item starts after at most 3)
    let plain = true; // only spaces and `>` so far: the first marker may start an item
    while (j < lineEnd) {
      const at = j;
      const c = text.charCodeAt(j);
      if (c === SPACE) {
        spaces++;
        column++;
        run++;
        j++;
      } else if (c === TAB) {
        const width = 4 - (column % 4);
        spaces += width;
        column += width;
        run = 4; // a tab is never "at most 3 spaces" here
        j++;
      } else if (c === GT) {
        if (run > 3) plain = false; // indented 4 or more: not a block quote marker for certain
        markers++;
        column++;
        run = 0;
        j++;
        // The one space a `>` may take does not count as indentation of what follows.
        if (j < lineEnd && text.charCodeAt(j) === SPACE) {
          column++;
          j++;
        }
      } else {
        const after = c > 57 && c !== OPEN ? -1 : listMarkerEnd(text, j, lineEnd); // letters: no marker
        if (after === -1) break;
        if (plain && run <= 3) {
          // A bullet, or an item numbered 1, with content: always starts a new block.
          const one = (c === 49 /* 1 */ && after === j + 2) || isBullet(c);
          let k = after;
          while (k < lineEnd && (text.charCodeAt(k) === SPACE || text.charCodeAt(k) === TAB)) k++;
          if (one && k < lineEnd) startsItem = true;
        }
        plain = false;
        markers++;
        column += after - j;
        j = after;
      }
      if (depthAt === -1 && markers + (spaces >> 1) > limits.nesting) depthAt = at;
    }

    if (j === lineEnd && markers === 0) {
      // A blank line.
      this.endParagraph(lineStart);
      this.tableColumns = 0;
      this.previousBlank = true;
    } else if (j === lineEnd && plain) {
      // Only `>` (none indented 4 or more): a blank line inside a block quote, or an empty one; either
      // way the paragraph ends. A table may go on (counting more is safe).
      this.endParagraph(lineStart);
      if (depthAt !== -1) this.here('nesting', depthAt, markers + (spaces >> 1));
      if (this.tableColumns > 0) this.cells += this.tableColumns;
      this.previousBlank = false;
    } else {
      if (depthAt !== -1) this.here('nesting', depthAt, markers + (spaces >> 1));
      if (lineEnd - lineStart > limits.lineLength) this.here('lineLength', lineStart + limits.lineLength, lineEnd - lineStart);
      if (startsItem) this.endParagraph(lineStart);
      if (!this.inParagraph) this.startParagraph(lineStart);
      this.lines++;
      if (this.lines === limits.paragraphLines + 1) this.here('paragraphLines', lineStart, this.lines);
      if (this.pipes) this.table(lineStart, lineEnd);
      this.previousBlank = false;
      if (this.special !== -1 && this.special < lineEnd) this.inline(lineStart, lineEnd); // else none on this line
    }
  }

  /** Tables: a delimiter row after a line of text; every line after it is a row until a blank line. */
  table(lineStart: number, lineEnd: number): void {
    const { text, limits } = this;
    const delimiter = this.previousBlank ? 0 : delimiterColumns(text, lineStart, lineEnd);
    if (this.tableColumns > 0) this.cells += Math.max(this.tableColumns, delimiter);
    if (delimiter > 0) {
      if (delimiter > limits.tableColumns) this.here('tableColumns', columnStart(text, lineStart, lineEnd, limits.tableColumns + 1), delimiter);
      if (this.tableColumns === 0) this.cells += delimiter; // the header row
      this.tableColumns = Math.max(this.tableColumns, delimiter);
    }
    if (!this.cellsAt && this.cells > limits.tableCells) this.cellsAt = [lineStart, this.posLine, 1];
  }

  /**
   * The inline count, over the whole line (markers included: counting more is safe). A regular
   * expression finds the next character that counts: several times faster than a loop in JavaScript.
   */
  inline(lineStart: number, lineEnd: number): void {
    const { text, limits } = this;
    let k = lineStart;
    for (;;) {
      if (this.special !== -1 && this.special < k) {
        INLINE.lastIndex = k;
        // test() rather than exec(): no match object to allocate, and the match is one character.
        this.special = INLINE.test(text) ? INLINE.lastIndex - 1 : -1;
      }
      if (this.special === -1 || this.special >= lineEnd) return;
      k = this.special;
      const c = text.charCodeAt(k);
      if (c === BACKSLASH) {
        // An escaped character is literal; a backtick is left to the run below, which knows both readings.
        const escaped = k + 1 < lineEnd ? text.charCodeAt(k + 1) : 0;
        k += isAsciiPunctuation(escaped) && escaped !== BACKTICK ? 2 : 1;
      } else if (c === OPEN || c === CLOSE) {
        if (++this.brackets === limits.brackets + 1) {
          this.bracketsAt = [k, this.posLine, k - this.posLineStart + 1];
          if (this.first) this.here('brackets', k, this.brackets);
        }
        k++;
      } else if (c === BACKTICK) {
        let r = k + 1;
        while (r < lineEnd && text.charCodeAt(r) === BACKTICK) r++;
        this.pending ??= new Map();
        const length = r - k;
        // This run ends every pending code span of its length...
        const open = this.pending.get(length);
        if (open) {
          this.codeCost += open.count * k - open.sum;
          this.pending.delete(length);
        }
        // ...and may open one; after a backslash, so may the run without its first backtick.
        addPending(this.pending, length, k);
        if (k > lineStart && text.charCodeAt(k - 1) === BACKSLASH && length > 1) addPending(this.pending, length - 1, k + 1);
        k = r;
      } else {
        if (++this.emphasis === limits.emphasis + 1) {
          this.emphasisAt = [k, this.posLine, k - this.posLineStart + 1];
          if (this.first) this.here('emphasis', k, this.emphasis);
        }
        k++;
      }
    }
  }
}

function addPending(pending: Map<number, Pending>, length: number, at: number): void {
  const p = pending.get(length);
  if (p) {
    p.count++;
    p.sum += at;
  } else pending.set(length, { count: 1, sum: at, first: at });
}

/**
 * Where a list marker (`-`, `+`, `*`, `1.`, `1)`) or a footnote label (`[^x]:`) that starts at `j`
 * ends, when it is followed by whitespace or the line's end; -1 when there is none.
 */
function listMarkerEnd(text: string, j: number, lineEnd: number): number {
  const c = text.charCodeAt(j);
  let after = -1;
  if (isBullet(c)) after = j + 1;
  else if (isDigit(c)) {
    let k = j + 1;
    while (k < lineEnd && k - j < 10 && isDigit(text.charCodeAt(k))) k++;
    const d = text.charCodeAt(k);
    if (k - j <= 9 && (d === 46 /* . */ || d === 41) /* ) */) after = k + 1;
  } else if (c === OPEN && text.charCodeAt(j + 1) === CARET) {
    // A label has at most 999 characters; scanning stops there, so the prefix stays linear.
    const close = text.indexOf(']', j + 2);
    if (close !== -1 && close < lineEnd && close - j <= 1001 && text.charCodeAt(close + 1) === COLON) after = close + 2;
  }
  if (after === -1) return -1;
  if (after === lineEnd) return after;
  const w = text.charCodeAt(after);
  return w === SPACE || w === TAB ? after : -1;
}

/**
 * The columns of a table delimiter row (`| --- | :-: |`): the line holds only `|`, `-`, `:`,
 * spaces and tabs (after any `>`), at least one `|`; its cells that hold a `-` are columns. 0 when
 * it is not one.
 */
function delimiterColumns(text: string, start: number, end: number): number {
  let k = start;
  while (k < end) {
    const c = text.charCodeAt(k);
    if (c !== SPACE && c !== TAB && c !== GT) break;
    k++;
  }
  if (k === end) return 0;
  const c0 = text.charCodeAt(k);
  if (c0 !== PIPE && c0 !== DASH && c0 !== COLON) return 0;
  let columns = 0;
  let pipes = 0;
  let dash = false;
  for (; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c === PIPE) {
      pipes++;
      if (dash) columns++;
      dash = false;
    } else if (c === DASH) dash = true;
    else if (c !== COLON && c !== SPACE && c !== TAB) return 0;
  }
  if (dash) columns++;
  return pipes > 0 ? columns : 0;
}

/** The offset where the `nth` column of a delimiter row starts (its `|`, or the line's start). */
function columnStart(text: string, start: number, end: number, nth: number): number {
  let seen = 0;
  let dash = false;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c === PIPE) {
      if (dash) seen++;
      dash = false;
      if (seen === nth - 1) return k;
    } else if (c === DASH) dash = true;
  }
  return start;
}

/** The 1-based line of `offset`, counting "\n" back from the start of a known line. */
function lineOf(text: string, offset: number, knownLine: number, knownStart: number): number {
  let line = knownLine;
  for (let k = knownStart - 1; k >= offset; k--) if (text.charCodeAt(k) === LF) line--;
  return line;
}
