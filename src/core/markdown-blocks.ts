import type { Position } from './diagnostic.js';
import type { LineIndex } from './text-position.js';

/**
 * The block structure of a Markdown body as the site's renderer (remark-parse, that is micromark,
 * with remark-gfm) sees it, as far as the check needs it: the headings at the document's top level
 * (not in code, block quotes, lists or HTML blocks), ATX or setext, and the raw HTML outside code.
 *
 * The check never loads remark (it costs ~160 ms to import and parses ~1 MB/s); this follows the
 * CommonMark block algorithm (the one commonmark.js implements: a stack of open blocks, each line
 * matched against them, then new block starts, then lazy paragraph continuation) and keeps only
 * what it must: containers (block quotes, list items), one open leaf (paragraph, fenced or indented
 * code, HTML block, table) and the spans of the lines that hold inline content. Inline content is
 * scanned only for what hides raw HTML (code spans, escapes, autolinks, link destinations) and for
 * raw HTML itself. test/core/markdown-document-remark.test.ts checks the result against remark on
 * generated documents.
 *
 * Linear time: a line costs what its container prefix consumes (every open block quote a `>`,
 * every list item at least two columns of indentation) plus a constant, and a run of blank lines
 * changes nothing after its first line, so only that one walks the stack. Inline searches that
 * could go far (the end of a comment, of a quoted attribute value, a closing backtick run) are
 * memoised, so a text full of openers that never close is still read once.
 *
 * Not modelled (none changes a level file's structure in practice): link reference definitions (a
 * paragraph of only definitions is not a paragraph, so `[a]: /url` then `---` is a thematic break
 * there and a setext heading here), footnote definitions (`[^1]:` is a container in GFM), and the
 * finer points of tables (a table starts where a paragraph line is followed by a delimiter row
 * with as many cells; its rows end at a blank line or the start of another block), and `](<…>)`
 * is taken for a link destination even where no `[` opens a link.
 */

/**
 * A heading at the document's top level: what splits a level file or a packet into sections
 * (levels 1 and 2, ATX or setext) and a section into subsections (level 3, ATX: nested competencies).
 */
export interface TopHeading {
  level: 1 | 2 | 3;
  /** The heading's text as written (without its `#` markers; a setext heading's lines joined by a space), trimmed. */
  name: string;
  /** Where the text starts. */
  at: Position;
  /** Offset of the start of the heading's first line. */
  start: number;
  /** Offset of the line after the heading (its underline, for a setext heading). */
  end: number;
}

/** Raw HTML, or a script-like link, found in the Markdown body outside code. */
export interface HtmlTag {
  /** What was found, e.g. `<script>` or `javascript:` link. */
  what: string;
  at: Position;
}

export interface BlockScan {
  headings: TopHeading[];
  html: HtmlTag[];
}

/** Scans `text` from offset `from` (after front matter) to its end. */
export function scanBlocks(text: string, from: number, lines: LineIndex): BlockScan {
  const scanner = new BlockScanner(text, lines);
  scanner.run(from);
  return { headings: scanner.headings, html: scanner.html };
}

enum T {
  Root,
  Quote,
  Item,
  Paragraph,
  Fence,
  Indented,
  Html,
  Table,
}

/** One open block. One shape for every kind (a monomorphic object is faster to read). */
interface Block {
  type: T;
  /** Item: the columns its content is indented by (marker offset + padding). */
  indent: number;
  /** Item: whether it holds a block yet (an item may start with one blank line, not two). */
  hasChild: boolean;
  /** Fence: its character, length and indentation. */
  fenceChar: number;
  fenceLength: number;
  fenceOffset: number;
  /** Html: which of CommonMark's seven kinds of HTML block; where its end may first be found. */
  htmlType: number;
  searchFrom: number;
  /**
   * Paragraph, Html, Table: the spans (start, end offsets) of its lines' content, flattened: the
   * first `spanCount` numbers (blocks are reused, and keep their array; see BlockScanner.take()).
   */
  spans: number[];
  spanCount: number;
  /** Paragraph: the offset of its first line's start (where a setext heading starts). */
  lineStart: number;
  /** Paragraph: whether its last line cannot be a table's header row (see line()). */
  noHeader: boolean;
  /** Indented: started on a lazy line, so it ends with that line (micromark). */
  lazy: boolean;
}

function block(type: T): Block {
  return {
    type,
    indent: 0,
    hasChild: false,
    fenceChar: 0,
    fenceLength: 0,
    fenceOffset: 0,
    htmlType: 0,
    searchFrom: 0,
    spans: [],
    spanCount: 0,
    lineStart: 0,
    noHeader: false,
    lazy: false,
  };
}

const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const BANG = 33;
const HASH = 35;
const STAR = 42;
const PLUS = 43;
const DASH = 45;
const DOT = 46;
const SLASH = 47;
const COLON = 58;
const LT = 60;
const EQUALS = 61;
const GT = 62;
const QUESTION = 63;
const BACKSLASH = 92;
const CLOSE_BRACKET = 93;
const UNDERSCORE = 95;
const BACKTICK = 96;
const PIPE = 124;
const TILDE = 126;

const isSpaceOrTab = (c: number) => c === SPACE || c === TAB;
const isDigit = (c: number) => c >= 48 && c <= 57;
const isAlpha = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isAlnum = (c: number) => isAlpha(c) || isDigit(c);
const isAsciiPunctuation = (c: number) => (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
// What can start a block other than a paragraph (or a table's delimiter row).
const isSpecial = (c: number) =>
  c === HASH ||
  c === BACKTICK ||
  c === TILDE ||
  c === STAR ||
  c === PLUS ||
  c === UNDERSCORE ||
  c === EQUALS ||
  c === LT ||
  c === GT ||
  c === DASH ||
  c === PIPE ||
  c === COLON ||
  isDigit(c);

// micromark-util-html-tag-name: the names of HTML blocks of kind 1 (raw) and kind 6 (block).
const RAW_NAMES = new Set(['pre', 'script', 'style', 'textarea']);
const BLOCK_NAMES = new Set(
  (
    'address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div dl dt fieldset ' +
    'figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link main menu menuitem ' +
    'nav noframes ol optgroup option p param search section summary table tbody td tfoot th thead title tr track ul'
  ).split(' '),
);
const RAW_END = /<\/(?:pre|script|style|textarea)>/i;
// How HTML blocks of kinds 2 to 5 end.
const HTML_END = ['', '', '-->', '?>', '>', ']]>'];
// An opening or closing tag in an HTML block; comments (<!-- -->) are taken out first.
const TAG = /<\/?([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])/g;
// A link destination that runs a script; at a "](" outside code. One \s* before an optional "<":
// two adjacent ones (\s*<?\s*) are quadratic on a run of spaces.
const SCRIPT_LINK = /\]\(\s*(?:<\s*)?((?:javascript|vbscript|data)\s*:)/iy;
// biome-ignore lint/suspicious/noControlCharactersInRegex: an autolink holds no control character or space
const URI_AUTOLINK = /<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\u0000-\u0020<>]*>/y;
const EMAIL_AUTOLINK = /<[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*>/y;
// What the inline scan stops at; everything else is text to it.
const INLINE_SPECIAL = /[\\`<\]]/g;

class BlockScanner {
  readonly headings: TopHeading[] = [];
  readonly html: HtmlTag[] = [];
  private readonly stack: Block[] = [block(T.Root)];
  /** Closed blocks, for take(): most of what a scan allocated was blocks and their span arrays. */
  private readonly pool: Block[] = [];
  // The line being read, as commonmark.js keeps it: offset and column reached, and the next
  // non-space character after them.
  private lineStart = 0;
  private lineEnd = 0;
  private offset = 0;
  private column = 0;
  private nextNonspace = 0;
  private nextNonspaceColumn = 0;
  private indent = 0;
  private blank = false;
  private allClosed = true;
  private lastMatched = 0;
  /** Whether this line cannot be a table's header row (see line()). */
  private noHeader = false;
  /** Whether a container did not go on on this line (micromark's "lazy" line). */
  private lazy = false;
  /** Whether a list item on this line would interrupt a paragraph (see line()). */
  private interrupting = false;
  // Searches over the whole text ("<", "](", "|", "`"), memoised: lines are read in order, and a
  // search that found nothing, or found a later match, is not repeated (no quadratic rescans).
  private readonly finder: Finder;

  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
  ) {
    this.finder = new Finder(text);
  }

  run(from: number): void {
    const { text } = this;
    const n = text.length;
    let start = from;
    let cr = -2;
    let previousBlank = false;
    while (start < n) {
      let end = text.indexOf('\n', start);
      if (end === -1) end = n;
      // A lone "\r" ends a line too (CommonMark), but not for positions (LineIndex counts "\n").
      if (cr !== -1 && cr < start) cr = text.indexOf('\r', start);
      if (cr !== -1 && cr < end) end = cr;
      const next = end === n ? n : text.charCodeAt(end) === CR && text.charCodeAt(end + 1) === LF ? end + 2 : end + 1;
      const blank = isBlank(text, start, end);
      // After one blank line, more change nothing: every block still open has matched a blank line.
      if (!(blank && previousBlank)) this.line(start, end);
      previousBlank = blank;
      start = next;
    }
    while (this.stack.length > 1) this.pop();
  }

  private line(start: number, end: number): void {
    const { stack } = this;
    this.lineStart = start;
    this.lineEnd = end;
    this.offset = start;
    this.column = 0;
    // micromark ends indented code begun on a lazy line with that line.
    if ((stack[stack.length - 1] as Block).lazy) this.pop();
    let matched = 0;
    for (let i = 1; i < stack.length; i++) {
      this.findNextNonspace();
      const r = this.continues(stack[i] as Block);
      if (r === 1) break;
      if (r === 2) {
        this.pop(); // a closing fence: nothing else on the line
        return;
      }
      matched = i;
    }
    this.allClosed = matched === stack.length - 1;
    this.lastMatched = matched;
    const open = (stack[stack.length - 1] as Block).type;
    // A line is "lazy" to micromark when a container did not go on.
    this.lazy = matched < (isContainer(open) ? stack.length - 1 : stack.length - 2);
    // micromark reads a line after a table row as a body row, and refuses it on a lazy line: then
    // it is no header row of a new table either.
    this.noHeader = open === T.Table && this.lazy;
    // A list item interrupts the open paragraph or (micromark) indented code when every container
    // went on, and stays "interrupting" for the whole line, after a new block quote too.
    this.interrupting = (open === T.Paragraph || open === T.Indented) && !this.lazy;
    let container = matched;
    let leaf = acceptsLines((stack[container] as Block).type);
    while (!leaf) {
      this.findNextNonspace();
      if (this.indent < 4 && !isSpecial(this.text.charCodeAt(this.nextNonspace))) {
        this.advanceNextNonspace();
        break;
      }
      const r = this.start(container);
      if (r === 0) {
        this.advanceNextNonspace();
        break;
      }
      if (r === 3) return; // a heading or thematic break: the line is done
      container = stack.length - 1;
      if (r === 2) leaf = true;
    }
    const tip = stack[stack.length - 1] as Block;
    if (!this.allClosed && !this.blank && tip.type === T.Paragraph) {
      this.addLine(tip); // a lazy continuation line
      return;
    }
    this.closeUnmatched();
    const target = stack[stack.length - 1] as Block;
    switch (target.type) {
      case T.Paragraph:
      case T.Table:
        this.addLine(target);
        break;
      case T.Fence:
      case T.Indented:
        break;
      case T.Html: {
        this.addLine(target);
        const type = target.htmlType;
        if (type >= 1 && type <= 5) {
          const from = Math.max(this.offset, target.searchFrom);
          const line = this.text.slice(from, this.lineEnd);
          if (type === 1 ? RAW_END.test(line) : line.includes(HTML_END[type] as string)) this.pop();
        }
        break;
      }
      default:
        if (!this.blank) {
          this.advanceNextNonspace();
          const p = this.addChild(T.Paragraph);
          p.lineStart = this.lineStart;
          this.addLine(p);
        }
    }
  }

  /** Whether an open block goes on on this line: 0 yes, 1 no, 2 the line closes it (a fence). */
  private continues(b: Block): number {
    const { text } = this;
    switch (b.type) {
      case T.Quote:
        if (this.indent < 4 && text.charCodeAt(this.nextNonspace) === GT) {
          this.advanceNextNonspace();
          this.advanceOffset(1, false);
          if (isSpaceOrTab(text.charCodeAt(this.offset)) && this.offset < this.lineEnd) this.advanceOffset(1, true);
          return 0;
        }
        return 1;
      case T.Item:
        if (this.blank) {
          if (!b.hasChild) return 1;
          this.advanceNextNonspace();
          return 0;
        }
        if (this.indent >= b.indent) {
          this.advanceOffset(b.indent, true);
          return 0;
        }
        return 1;
      case T.Fence: {
        if (this.indent < 4 && text.charCodeAt(this.nextNonspace) === b.fenceChar) {
          let k = this.nextNonspace;
          while (k < this.lineEnd && text.charCodeAt(k) === b.fenceChar) k++;
          if (k - this.nextNonspace >= b.fenceLength && isBlank(text, k, this.lineEnd)) return 2;
        }
        for (let i = b.fenceOffset; i > 0 && this.offset < this.lineEnd && isSpaceOrTab(text.charCodeAt(this.offset)); i--) this.advanceOffset(1, true);
        return 0;
      }
      case T.Indented:
        if (this.indent >= 4) {
          this.advanceOffset(4, true);
          return 0;
        }
        if (this.blank) {
          this.advanceNextNonspace();
          return 0;
        }
        return 1;
      case T.Html:
        return this.blank && (b.htmlType === 6 || b.htmlType === 7) ? 1 : 0;
      default:
        return this.blank ? 1 : 0;
    }
  }

  /**
   * Tries the block starts at the next non-space character: 0 none, 1 a container (quote, item),
   * 2 a leaf that takes the rest of the line (fence, HTML block, indented code), 3 a block that
   * ends on this line (heading, thematic break, table delimiter row).
   */
  private start(container: number): number {
    const { text, stack } = this;
    const p = this.nextNonspace;
    const c = text.charCodeAt(p);
    const end = this.lineEnd;
    const matchedType = (stack[container] as Block).type;
    if (this.indent >= 4) {
      // Indented code, which cannot interrupt a paragraph (lazy or not).
      if ((stack[stack.length - 1] as Block).type === T.Paragraph || this.blank) return 0;
      this.advanceOffset(4, true);
      this.closeUnmatched();
      this.addChild(T.Indented).lazy = this.lazy;
      return 2;
    }
    if (matchedType === T.Paragraph && this.tableDelimiter(stack[container] as Block)) return 3;
    if (c === GT) {
      this.advanceNextNonspace();
      this.advanceOffset(1, false);
      if (this.offset < end && isSpaceOrTab(text.charCodeAt(this.offset))) this.advanceOffset(1, true);
      this.closeUnmatched();
      this.addChild(T.Quote);
      return 1;
    }
    if (c === HASH) {
      let k = p;
      while (k < end && k - p < 7 && text.charCodeAt(k) === HASH) k++;
      const level = k - p;
      if (level <= 6 && (k === end || isSpaceOrTab(text.charCodeAt(k)))) {
        this.closeUnmatched();
        this.heading(level, k, end);
        return 3;
      }
    }
    if (c === BACKTICK || c === TILDE) {
      let k = p;
      while (k < end && text.charCodeAt(k) === c) k++;
      // A backtick fence's info string holds no backtick.
      const tick = c === TILDE ? -1 : this.finder.find('`', k);
      if (k - p >= 3 && (tick === -1 || tick >= end)) {
        this.closeUnmatched();
        const b = this.addChild(T.Fence);
        b.fenceChar = c;
        b.fenceLength = k - p;
        b.fenceOffset = this.indent;
        return 2;
      }
    }
    if (c === LT) {
      const kind = this.htmlBlockStart(p, matchedType === T.Paragraph);
      if (kind !== undefined) {
        if (kind.type === 7 && !this.allClosed && (stack[stack.length - 1] as Block).type === T.Paragraph) {
          // micromark lets a complete tag interrupt a lazy paragraph line, inside the containers
          // that did not go on: they stay open, and close on the next line they do not match.
          this.allClosed = true;
        } else this.closeUnmatched();
        const b = this.addChild(T.Html);
        b.htmlType = kind.type;
        b.searchFrom = kind.searchFrom;
        return 2;
      }
    }
    if ((c === EQUALS || c === DASH) && matchedType === T.Paragraph) {
      let k = p;
      while (k < end && text.charCodeAt(k) === c) k++;
      if (isBlank(text, k, end)) {
        this.closeUnmatched();
        this.setext(c === EQUALS ? 1 : 2);
        return 3;
      }
    }
    if ((c === STAR || c === UNDERSCORE || c === DASH) && thematicBreak(text, p, end, c)) {
      this.closeUnmatched();
      this.addLeaf();
      return 3;
    }
    if (this.listItem(this.interrupting)) return 1;
    return 0;
  }

  /** A list item's marker at the next non-space character: opens the item (commonmark.js's parseListMarker). */
  private listItem(interrupts: boolean): boolean {
    const { text } = this;
    const p = this.nextNonspace;
    const end = this.lineEnd;
    const c = text.charCodeAt(p);
    let markerEnd: number;
    if (c === STAR || c === PLUS || c === DASH) markerEnd = p + 1;
    else if (isDigit(c)) {
      let k = p;
      while (k < end && k - p < 10 && isDigit(text.charCodeAt(k))) k++;
      const d = text.charCodeAt(k);
      if (k - p > 9 || (d !== DOT && d !== 41) /* ) */) return false;
      // Only a list that starts at 1 may interrupt a paragraph.
      if (interrupts && text.slice(p, k).replace(/^0+/, '') !== '1') return false;
      markerEnd = k + 1;
    } else return false;
    if (markerEnd < end && !isSpaceOrTab(text.charCodeAt(markerEnd))) return false;
    // An empty item cannot interrupt a paragraph.
    if (interrupts && isBlank(text, markerEnd, end)) return false;
    const markerOffset = this.indent;
    const width = markerEnd - p;
    this.advanceNextNonspace();
    this.advanceOffset(width, true);
    const spacesStartColumn = this.column;
    const spacesStartOffset = this.offset;
    do {
      this.advanceOffset(1, true);
    } while (this.column - spacesStartColumn < 5 && this.offset < end && isSpaceOrTab(text.charCodeAt(this.offset)));
    const blankItem = this.offset >= end;
    const spaces = this.column - spacesStartColumn;
    let padding: number;
    if (spaces >= 5 || spaces < 1 || blankItem) {
      padding = width + 1;
      this.column = spacesStartColumn;
      this.offset = spacesStartOffset;
      if (this.offset < end && isSpaceOrTab(text.charCodeAt(this.offset))) this.advanceOffset(1, true);
    } else padding = width + spaces;
    this.closeUnmatched();
    const item = this.addChild(T.Item);
    item.indent = markerOffset + padding;
    return true;
  }

  /** An ATX heading whose marker ends at `k`. */
  private heading(level: number, k: number, end: number): void {
    const { text } = this;
    let from = k;
    while (from < end && isSpaceOrTab(text.charCodeAt(from))) from++;
    let to = end;
    while (to > from && isSpaceOrTab(text.charCodeAt(to - 1))) to--;
    let hashes = to;
    while (hashes > from && text.charCodeAt(hashes - 1) === HASH) hashes--;
    // A closing sequence of #s counts after a space or tab, or as the whole content.
    if (hashes < to && (hashes === from || isSpaceOrTab(text.charCodeAt(hashes - 1)))) {
      to = hashes;
      while (to > from && isSpaceOrTab(text.charCodeAt(to - 1))) to--;
    }
    const root = this.addLeaf();
    if (this.worthScanningSpan(from, to)) this.inline([from, to]);
    if (root && level <= 3) {
      const name = text.slice(from, to).trim();
      const at = name === '' ? from : from + text.slice(from, to).indexOf(name.charAt(0));
      this.headings.push({ level: level as 1 | 2 | 3, name, at: this.lines.position(at), start: this.lineStart, end: this.nextLine() });
    }
  }

  /** The paragraph on top of the stack becomes a setext heading (this line is its underline). */
  private setext(level: 1 | 2): void {
    const paragraph = this.stack.pop() as Block;
    const root = this.stack.length === 1;
    (this.stack[this.stack.length - 1] as Block).hasChild = true;
    this.inline(paragraph.spans, paragraph.spanCount);
    if (root) {
      const { text } = this;
      const { spans } = paragraph;
      const parts: string[] = [];
      for (let i = 0; i < paragraph.spanCount; i += 2) parts.push(text.slice(spans[i], spans[i + 1]).trim());
      const name = parts.filter((s) => s !== '').join(' ');
      this.headings.push({ level, name, at: this.lines.position(spans[0] as number), start: paragraph.lineStart, end: this.nextLine() });
    }
    this.pool.push(paragraph);
  }

  /**
   * A delimiter row (`| --- | :-: |`) under a paragraph line with as many cells: that line and
   * this one start a table (GFM); the paragraph's earlier lines stay a paragraph.
   */
  private tableDelimiter(paragraph: Block): boolean {
    const { text } = this;
    const p = this.nextNonspace;
    const end = this.lineEnd;
    const pipe = this.finder.find('|', p);
    if (pipe === -1 || pipe >= end) return false;
    const columns = delimiterCells(text, p, end);
    const spans = paragraph.spans;
    const n = paragraph.spanCount;
    const from = spans[n - 2] as number;
    const to = spans[n - 1] as number;
    if (paragraph.noHeader || columns === 0 || cellCount(text, from, to) !== columns) return false;
    this.closeUnmatched();
    paragraph.spanCount -= 2;
    if (paragraph.spanCount > 0) this.pop();
    else this.pool.push(this.stack.pop() as Block);
    const table = this.addChild(T.Table);
    table.spans[0] = from;
    table.spans[1] = to;
    table.spanCount = 2;
    return true;
  }

  /** The kind of HTML block that starts at `p` (1 to 7), and where its end may first be found. */
  private htmlBlockStart(p: number, inParagraph: boolean): { type: number; searchFrom: number } | undefined {
    const { text } = this;
    const end = this.lineEnd;
    let k = p + 1;
    const c = text.charCodeAt(k);
    if (c === BANG) {
      if (text.startsWith('--', k + 1)) return { type: 2, searchFrom: p + 2 };
      if (text.startsWith('[CDATA[', k + 1)) return { type: 5, searchFrom: p + 9 };
      if (isAlpha(text.charCodeAt(k + 1))) return { type: 4, searchFrom: p + 2 };
      return undefined;
    }
    if (c === QUESTION) return { type: 3, searchFrom: p + 1 };
    const closing = c === SLASH;
    if (closing) k++;
    if (!isAlpha(text.charCodeAt(k))) return undefined;
    let j = k;
    while (j < end && (isAlnum(text.charCodeAt(j)) || text.charCodeAt(j) === DASH)) j++;
    const term = text.charCodeAt(j);
    if (j < end && term !== SLASH && term !== GT && !isSpaceOrTab(term)) return undefined;
    const name = text.slice(k, j).toLowerCase();
    const slash = j < end && term === SLASH;
    if (!slash && !closing && RAW_NAMES.has(name)) return { type: 1, searchFrom: j };
    if (BLOCK_NAMES.has(name)) return !slash || text.charCodeAt(j + 1) === GT ? { type: 6, searchFrom: 0 } : undefined;
    // Kind 7, a complete tag alone on its line, cannot interrupt a paragraph.
    if (inParagraph) return undefined;
    const after = matchTag(text, p, end, false);
    if (after === -1 || !isBlank(text, after, end)) return undefined;
    return { type: 7, searchFrom: 0 };
  }

  private addLine(b: Block): void {
    b.spans[b.spanCount++] = this.offset;
    b.spans[b.spanCount++] = this.lineEnd;
    b.noHeader = this.noHeader;
  }

  /** Closes the blocks this line did not match (commonmark.js's closeUnmatchedBlocks). */
  private closeUnmatched(): void {
    if (this.allClosed) return;
    while (this.stack.length - 1 > this.lastMatched) this.pop();
    this.allClosed = true;
  }

  /** Opens a block in the innermost container, closing the open leaf. */
  private addChild(type: T): Block {
    this.addLeaf();
    const b = this.take(type);
    this.stack.push(b);
    return b;
  }

  /**
   * A closed block made new, with block()'s starting values but its span array (kept with its
   * room), or a new one. Field by field: Object.assign from a fresh block measured 60 % slower
   * over a whole scan. A block is closed once: nothing holds it after pop().
   */
  private take(type: T): Block {
    const b = this.pool.pop();
    if (!b) return block(type);
    b.type = type;
    b.indent = 0;
    b.hasChild = false;
    b.fenceChar = 0;
    b.fenceLength = 0;
    b.fenceOffset = 0;
    b.htmlType = 0;
    b.searchFrom = 0;
    b.spanCount = 0;
    b.lineStart = 0;
    b.noHeader = false;
    b.lazy = false;
    return b;
  }

  /** Closes the open leaf for a block that ends where it starts; returns whether its parent is the document. */
  private addLeaf(): boolean {
    while (!isContainer((this.stack[this.stack.length - 1] as Block).type)) this.pop();
    (this.stack[this.stack.length - 1] as Block).hasChild = true;
    return this.stack.length === 1;
  }

  /** Closes the block on top of the stack, scanning what it holds for raw HTML. */
  private pop(): void {
    const b = this.stack.pop() as Block;
    if (b.type === T.Paragraph) this.inline(b.spans, b.spanCount);
    else if (b.type === T.Html) this.htmlBlock(b.spans, b.spanCount);
    else if (b.type === T.Table) {
      const { spans } = b;
      for (let i = 0; i < b.spanCount; i += 2) this.cells(spans[i] as number, spans[i + 1] as number);
    }
    this.pool.push(b);
  }

  private nextLine(): number {
    const { text } = this;
    const end = this.lineEnd;
    return end >= text.length ? text.length : text.charCodeAt(end) === CR && text.charCodeAt(end + 1) === LF ? end + 2 : end + 1;
  }

  private findNextNonspace(): void {
    const { text } = this;
    let i = this.offset;
    let cols = this.column;
    while (i < this.lineEnd) {
      const c = text.charCodeAt(i);
      if (c === SPACE) {
        i++;
        cols++;
      } else if (c === TAB) {
        i++;
        cols += 4 - (cols % 4);
      } else break;
    }
    this.blank = i >= this.lineEnd;
    this.nextNonspace = i;
    this.nextNonspaceColumn = cols;
    this.indent = cols - this.column;
  }

  private advanceNextNonspace(): void {
    this.offset = this.nextNonspace;
    this.column = this.nextNonspaceColumn;
  }

  /** Advances by `count` characters, or by `count` columns (a tab may then be consumed in part). */
  private advanceOffset(count: number, columns: boolean): void {
    const { text } = this;
    let left = count;
    while (left > 0 && this.offset < this.lineEnd) {
      if (text.charCodeAt(this.offset) === TAB) {
        const toTab = 4 - (this.column % 4);
        if (columns) {
          const partial = toTab > left;
          const step = partial ? left : toTab;
          this.column += step;
          if (!partial) this.offset++;
          left -= step;
        } else {
          this.column += toTab;
          this.offset++;
          left--;
        }
      } else {
        this.offset++;
        this.column++;
        left--;
      }
    }
  }

  /** Whether a "<" or a "](" occurs in one of the spans: otherwise there is nothing to find. */
  private worthScanning(spans: number[], count: number): boolean {
    for (let i = 0; i < count; i += 2) if (this.worthScanningSpan(spans[i] as number, spans[i + 1] as number)) return true;
    return false;
  }

  private worthScanningSpan(from: number, to: number): boolean {
    const lt = this.finder.find('<', from);
    if (lt !== -1 && lt < to) return true;
    const link = this.finder.find('](', from);
    return link !== -1 && link < to - 1;
  }

  /** Inline content (a paragraph, a heading, a table cell): raw HTML and script links outside code. */
  private inline(spans: number[], count = spans.length): void {
    if (count === 0 || !this.worthScanning(spans, count)) return;
    const joined = new Joined(this.text, spans, count);
    const s = joined.text;
    const n = s.length;
    const finder = new Finder(s);
    let runs: Map<number, { at: number[]; next: number }> | undefined;
    let i = 0;
    while (i < n) {
      INLINE_SPECIAL.lastIndex = i;
      if (!INLINE_SPECIAL.test(s)) return;
      i = INLINE_SPECIAL.lastIndex - 1;
      const c = s.charCodeAt(i);
      if (c === BACKSLASH) {
        i += i + 1 < n && isAsciiPunctuation(s.charCodeAt(i + 1)) ? 2 : 1;
      } else if (c === BACKTICK) {
        let r = i + 1;
        while (r < n && s.charCodeAt(r) === BACKTICK) r++;
        runs ??= backtickRuns(s);
        const close = closingRun(runs, r - i, r);
        i = close === -1 ? r : close + (r - i);
      } else if (c === CLOSE_BRACKET) {
        if (s.charCodeAt(i + 1) === 40 /* ( */) {
          SCRIPT_LINK.lastIndex = i;
          const m = SCRIPT_LINK.exec(s);
          if (m) this.html.push({ what: `${(m[1] ?? '').replace(/\s/g, '').toLowerCase()} link`, at: this.lines.position(joined.offset(i + 2)) });
          // A destination in <…> is not HTML.
          let k = i + 2;
          while (k < n && (s.charCodeAt(k) === SPACE || s.charCodeAt(k) === TAB || s.charCodeAt(k) === LF)) k++;
          if (s.charCodeAt(k) === LT) {
            let e = k + 1;
            while (e < n && s.charCodeAt(e) !== GT && s.charCodeAt(e) !== LT && s.charCodeAt(e) !== LF) e += s.charCodeAt(e) === BACKSLASH ? 2 : 1;
            if (s.charCodeAt(e) === GT) {
              i = e + 1;
              continue;
            }
          }
          i += 2;
        } else i++;
      } else {
        // "<": an autolink, raw HTML, or text.
        URI_AUTOLINK.lastIndex = i;
        EMAIL_AUTOLINK.lastIndex = i;
        if (URI_AUTOLINK.test(s)) i = URI_AUTOLINK.lastIndex;
        else if (EMAIL_AUTOLINK.test(s)) i = EMAIL_AUTOLINK.lastIndex;
        else {
          const e = htmlText(s, i, finder);
          if (e === -1) i++;
          else {
            const name = tagName(s, i);
            if (name) this.html.push({ what: `<${name}>`, at: this.lines.position(joined.offset(i)) });
            i = e;
          }
        }
      }
    }
  }

  /** A table row: each cell is inline content of its own (an unescaped "|" ends a cell, even in a code span). */
  private cells(from: number, to: number): void {
    const { text } = this;
    let start = from;
    for (let k = from; k <= to; k++) {
      if (k === to || (text.charCodeAt(k) === PIPE && text.charCodeAt(k - 1) !== BACKSLASH)) {
        if (k > start) this.inline([start, k]);
        start = k + 1;
      }
    }
  }

  /** An HTML block: every tag in it, outside comments. */
  private htmlBlock(spans: number[], count: number): void {
    const joined = new Joined(this.text, spans, count);
    const s = joined.text;
    let pos = 0;
    while (pos < s.length) {
      const comment = s.indexOf('<!--', pos);
      const stop = comment === -1 ? s.length : comment;
      TAG.lastIndex = pos;
      for (let m = TAG.exec(s); m && m.index < stop; m = TAG.exec(s)) {
        this.html.push({ what: `<${(m[1] ?? '').toLowerCase()}>`, at: this.lines.position(joined.offset(m.index)) });
      }
      if (comment === -1) break;
      const close = s.indexOf('-->', comment + 2);
      pos = close === -1 ? s.length : close + 3;
    }
  }
}

function isContainer(type: T): boolean {
  return type === T.Root || type === T.Quote || type === T.Item;
}

/** Leaves that take every line they match as content, with no block starts tried inside. */
function acceptsLines(type: T): boolean {
  return type === T.Fence || type === T.Indented || type === T.Html;
}

function isBlank(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!isSpaceOrTab(text.charCodeAt(k))) return false;
  return true;
}

/** Three or more `c` (`*`, `_` or `-`), spaces and tabs between them, and nothing else. */
function thematicBreak(text: string, from: number, to: number, c: number): boolean {
  let count = 0;
  for (let k = from; k < to; k++) {
    const d = text.charCodeAt(k);
    if (d === c) count++;
    else if (!isSpaceOrTab(d)) return false;
  }
  return count >= 3;
}

/** The cells of a table row: split at unescaped "|", without the empty cells outside edge pipes. */
function cellCount(text: string, from: number, to: number): number {
  let a = from;
  let b = to;
  while (a < b && isSpaceOrTab(text.charCodeAt(a))) a++;
  while (b > a && isSpaceOrTab(text.charCodeAt(b - 1))) b--;
  if (a === b) return 0;
  let cells = 1;
  for (let k = a; k < b; k++) if (text.charCodeAt(k) === PIPE && text.charCodeAt(k - 1) !== BACKSLASH) cells++;
  if (text.charCodeAt(a) === PIPE) cells--;
  if (b - 1 > a && text.charCodeAt(b - 1) === PIPE && text.charCodeAt(b - 2) !== BACKSLASH) cells--;
  return cells;
}

/** The cells of a delimiter row (`| --- | :-: |`), or 0 when the line is not one. */
function delimiterCells(text: string, from: number, to: number): number {
  let cells = 0;
  let dash = false;
  let content = false;
  let first = true;
  for (let k = from; k <= to; k++) {
    const c = k === to ? PIPE : text.charCodeAt(k);
    if (c === PIPE) {
      if (dash) cells++;
      else if (content || !(first || k === to)) return 0; // a cell without "-"
      dash = false;
      content = false;
      first = false;
    } else if (c === DASH) {
      dash = true;
      content = true;
    } else if (c === COLON) content = true;
    else if (!isSpaceOrTab(c)) return 0;
  }
  return cells;
}

/** A table's or paragraph's lines, joined by "\n", with a map back to offsets in the text. */
class Joined {
  readonly text: string;
  /** Where each span starts in `text`, and in the file. */
  private readonly starts: number[] = [];
  private readonly offsets: number[] = [];
  private span = 0;

  constructor(source: string, spans: number[], count: number) {
    const parts: string[] = [];
    let at = 0;
    for (let i = 0; i < count; i += 2) {
      const from = spans[i] as number;
      const to = spans[i + 1] as number;
      this.starts.push(at);
      this.offsets.push(from);
      parts.push(source.slice(from, to));
      at += to - from + 1;
    }
    this.text = parts.length === 1 ? (parts[0] as string) : parts.join('\n');
  }

  /** The file offset of index `i` of the joined text; asked in increasing order. */
  offset(i: number): number {
    while (this.span + 1 < this.starts.length && (this.starts[this.span + 1] as number) <= i) this.span++;
    return (this.offsets[this.span] as number) + i - (this.starts[this.span] as number);
  }
}

/** indexOf, memoised per needle: a search that found nothing, or found a later match, is not repeated. */
class Finder {
  private readonly memo = new Map<string, { from: number; at: number }>();
  constructor(private readonly s: string) {}

  find(needle: string, from: number): number {
    const m = this.memo.get(needle);
    if (m && m.from <= from && (m.at === -1 || m.at >= from)) return m.at;
    const at = this.s.indexOf(needle, from);
    this.memo.set(needle, { from, at });
    return at;
  }
}

/** Every run of backticks in `s`, by length, with a cursor for closingRun. */
function backtickRuns(s: string): Map<number, { at: number[]; next: number }> {
  const runs = new Map<number, { at: number[]; next: number }>();
  for (let i = s.indexOf('`'); i !== -1; ) {
    let r = i + 1;
    while (r < s.length && s.charCodeAt(r) === BACKTICK) r++;
    let list = runs.get(r - i);
    if (!list) {
      list = { at: [], next: 0 };
      runs.set(r - i, list);
    }
    list.at.push(i);
    i = s.indexOf('`', r);
  }
  return runs;
}

/** The first run of exactly `length` backticks at or after `from`; asked in increasing order. */
function closingRun(runs: Map<number, { at: number[]; next: number }>, length: number, from: number): number {
  const list = runs.get(length);
  if (!list) return -1;
  while (list.next < list.at.length && (list.at[list.next] as number) < from) list.next++;
  return list.next < list.at.length ? (list.at[list.next] as number) : -1;
}

/** The name of the tag at `i` (`<div …>`, `</div>`), lower case; undefined for comments and the like. */
function tagName(s: string, i: number): string | undefined {
  let k = i + 1;
  if (s.charCodeAt(k) === SLASH) k++;
  if (!isAlpha(s.charCodeAt(k))) return undefined;
  let j = k;
  while (j < s.length && (isAlnum(s.charCodeAt(j)) || s.charCodeAt(j) === DASH)) j++;
  return s.slice(k, j).toLowerCase();
}

/** Raw inline HTML at `i` (micromark's html-text): where it ends, or -1. */
function htmlText(s: string, i: number, finder: Finder): number {
  const c = s.charCodeAt(i + 1);
  if (c === BANG) {
    if (s.startsWith('--', i + 2)) {
      const e = finder.find('-->', i + 2);
      return e === -1 ? -1 : e + 3;
    }
    if (s.startsWith('[CDATA[', i + 2)) {
      const e = finder.find(']]>', i + 9);
      return e === -1 ? -1 : e + 3;
    }
    if (isAlpha(s.charCodeAt(i + 2))) {
      const e = finder.find('>', i + 3);
      return e === -1 ? -1 : e + 1;
    }
    return -1;
  }
  if (c === QUESTION) {
    const e = finder.find('?>', i + 2);
    return e === -1 ? -1 : e + 2;
  }
  return matchTag(s, i, s.length, true, finder);
}

/**
 * An opening or closing tag at `i` (CommonMark's open tag and closing tag): where it ends, or -1.
 * `inline`: line endings count as whitespace (in a paragraph); otherwise the tag ends by `end`
 * (an HTML block's first line) and quoted values cannot be searched past it.
 */
function matchTag(s: string, i: number, end: number, inline: boolean, finder?: Finder): number {
  const space = (k: number) => {
    const c = s.charCodeAt(k);
    return k < end && (c === SPACE || c === TAB || (inline && c === LF));
  };
  let k = i + 1;
  if (s.charCodeAt(k) === SLASH) {
    k++;
    if (!isAlpha(s.charCodeAt(k))) return -1;
    while (k < end && (isAlnum(s.charCodeAt(k)) || s.charCodeAt(k) === DASH)) k++;
    while (space(k)) k++;
    return k < end && s.charCodeAt(k) === GT ? k + 1 : -1;
  }
  if (!isAlpha(s.charCodeAt(k))) return -1;
  while (k < end && (isAlnum(s.charCodeAt(k)) || s.charCodeAt(k) === DASH)) k++;
  for (;;) {
    // Between attributes: whitespace is required before each one.
    const before = k;
    while (space(k)) k++;
    if (k >= end) return -1;
    const c = s.charCodeAt(k);
    if (c === GT) return k + 1;
    if (c === SLASH) return k + 1 < end && s.charCodeAt(k + 1) === GT ? k + 2 : -1;
    if (k === before || !(isAlpha(c) || c === COLON || c === UNDERSCORE)) return -1;
    k++;
    while (k < end) {
      const d = s.charCodeAt(k);
      if (isAlnum(d) || d === DASH || d === DOT || d === COLON || d === UNDERSCORE) k++;
      else break;
    }
    // An optional value.
    let v = k;
    while (space(v)) v++;
    if (v >= end || s.charCodeAt(v) !== EQUALS) continue;
    v++;
    while (space(v)) v++;
    if (v >= end) return -1;
    const q = s.charCodeAt(v);
    if (q === 34 || q === 39) {
      const close = inline && finder ? finder.find(q === 34 ? '"' : "'", v + 1) : s.indexOf(q === 34 ? '"' : "'", v + 1);
      if (close === -1 || close >= end) return -1;
      k = close + 1;
      const after = s.charCodeAt(k);
      if (k < end && !(after === GT || after === SLASH || space(k))) return -1;
    } else {
      if (q === LT || q === EQUALS || q === GT || q === BACKTICK) return -1;
      while (v < end) {
        const d = s.charCodeAt(v);
        if (d === SPACE || d === TAB || d === LF || d === GT || (d === SLASH && !inline)) break;
        if (d === 34 || d === 39 || d === LT || d === EQUALS || d === BACKTICK) return -1;
        v++;
      }
      k = v;
    }
  }
}
