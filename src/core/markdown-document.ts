import type { Position } from './diagnostic.js';
import { LineIndex } from './text-position.js';
import { type ParseOptions, YamlDocument, type YamlProblem } from './yaml-document.js';

/** One `## Heading` section of a Markdown body. */
export interface Section {
  name: string;
  /** Position of the heading's text (after `## `). */
  at: Position;
  /** The section's Markdown, without its heading; trimmed. */
  body: string;
  /** Where `body` starts in the file (its first character, or the line after the heading when empty). */
  bodyAt: Position;
  /** The `### Heading` sections inside a `## ` section (nested competencies), when it has any; `body` still holds them. */
  subsections?: Section[];
}

/** Raw HTML, or a script-like link, found in the Markdown body outside code. */
export interface HtmlTag {
  /** What was found, e.g. `<script>` or `javascript:` link. */
  what: string;
  at: Position;
}

export type FrontMatterProblem = { kind: 'missing'; at: Position } | { kind: 'unclosed'; at: Position } | { kind: 'yaml'; problem: YamlProblem };

/** A Markdown file with YAML front matter, split into its `## ` sections. */
export interface MarkdownDocument {
  frontMatter: YamlDocument | undefined;
  problem: FrontMatterProblem | undefined;
  /** Text between the front matter and the first `## ` section; trimmed. */
  intro: string;
  /** Where `intro` starts in the file. */
  introAt: Position;
  sections: Section[];
  html: HtmlTag[];
  lines: LineIndex;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
// An opening or closing HTML tag; comments (<!-- -->) and autolinks (<https://…>) do not match.
const TAG = /<\/?([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])/g;
// One \s* before an optional "<": two adjacent ones (\s*<?\s*) are quadratic on a run of spaces.
const SCRIPT_LINK = /\]\(\s*(?:<\s*)?((?:javascript|vbscript|data)\s*:)/gi;
const CODE_SPAN = /(`+)[^`]*?\1/g;
// The opening of an ATX heading; its closing hashes are trimmed by atxText (a regular expression
// for the whole line, /(.*?)(?:[ \t]+#+)?[ \t]*$/, is quadratic on a line of spaces).
const ATX_OPEN = /^ {0,3}(#{1,6})(?:[ \t]+|$)/;
const NOT_IN_LINE = /[\r\u2028\u2029]/;

/**
 * Splits front matter (`---` … `---`) from the body and cuts the body into level-2 sections.
 * A plain line scanner, not a Markdown parser: the check path must stay fast, and ATX headings
 * outside fenced code are all a ladder file's structure needs.
 */
export function parseMarkdown(text: string, options: ParseOptions = {}): MarkdownDocument {
  const lines = new LineIndex(text);
  const open = /^---[ \t]*\r?\n/.exec(text);
  if (!open) {
    return { frontMatter: undefined, problem: { kind: 'missing', at: { line: 1, column: 1 } }, ...splitSections(text, 0, lines), lines };
  }
  const start = open[0].length;
  const close = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;
  close.lastIndex = 0;
  const rest = text.slice(start);
  const match = close.exec(rest);
  if (!match) {
    const at = { line: 1, column: 1 };
    return { frontMatter: undefined, problem: { kind: 'unclosed', at }, intro: '', introAt: at, sections: [], html: [], lines };
  }
  const end = start + match.index;
  const parsed = YamlDocument.parse(text, start, end, lines, options);
  const body = splitSections(text, end + match[0].length, lines);
  if (parsed instanceof YamlDocument) return { frontMatter: parsed, problem: undefined, ...body, lines };
  return { frontMatter: undefined, problem: { kind: 'yaml', problem: parsed }, ...body, lines };
}

function splitSections(text: string, from: number, lines: LineIndex): { intro: string; introAt: Position; sections: Section[]; html: HtmlTag[] } {
  const sections: Section[] = [];
  const html: HtmlTag[] = [];
  let intro = '';
  let introAt: Position = lines.position(from);
  let current: { name: string; at: Position; start: number } | undefined;
  // The open `###` section of `current`, and those already closed.
  let sub: { name: string; at: Position; start: number } | undefined;
  let subsections: Section[] = [];
  let fence: string | undefined;
  let inComment = false;
  let offset = from;
  const trimmed = (start: number, end: number) => {
    const raw = text.slice(start, end);
    const chunk = raw.trim();
    // trim() removes the same leading characters from raw, so the chunk starts this far in.
    return { chunk, at: lines.position(Math.min(start + (chunk === '' ? 0 : raw.indexOf(chunk.charAt(0))), text.length)) };
  };
  const finishSub = (end: number) => {
    if (!sub) return;
    const { chunk, at } = trimmed(sub.start, end);
    subsections.push({ name: sub.name, at: sub.at, body: chunk, bodyAt: at });
    sub = undefined;
  };
  const finish = (end: number) => {
    finishSub(end);
    const start = current ? current.start : from;
    const { chunk, at } = trimmed(start, end);
    if (current) sections.push({ name: current.name, at: current.at, body: chunk, bodyAt: at, ...(subsections.length > 0 ? { subsections } : {}) });
    else {
      intro = chunk;
      introAt = at;
    }
  };
  while (offset < text.length) {
    const nl = text.indexOf('\n', offset);
    const lineEnd = nl === -1 ? text.length : nl;
    const line = text.slice(offset, lineEnd).replace(/\r$/, '');
    const fenceMatch = FENCE.exec(line);
    if (fence) {
      if (fenceMatch && fenceMatch[1]?.[0] === fence[0] && (fenceMatch[1]?.length ?? 0) >= fence.length) fence = undefined;
    } else if (fenceMatch) {
      fence = fenceMatch[1];
    } else {
      if (inComment || line.includes('<') || line.includes('](')) inComment = findHtml(line, lines.position(offset).line, html, inComment);
      const heading = atxHeading(line);
      if (heading?.level === 3 && current) {
        finishSub(offset);
        sub = { ...headingAt(heading, line, offset, lines), start: lineEnd + 1 };
      } else if (heading && heading.level <= 2) {
        finish(offset);
        subsections = [];
        if (heading.level === 2) {
          current = { ...headingAt(heading, line, offset, lines), start: lineEnd + 1 };
        } else {
          current = undefined;
          from = lineEnd + 1;
        }
      }
    }
    offset = lineEnd + 1;
  }
  finish(text.length);
  return { intro, introAt, sections, html };
}

/** A heading's name and where its text starts. */
function headingAt(heading: { level: number; text: string }, line: string, offset: number, lines: LineIndex): { name: string; at: Position } {
  const name = heading.text.trim();
  const column = line.indexOf(name, heading.level) + 1;
  return { name, at: { line: lines.position(offset).line, column: Math.max(column, 1) } };
}

/** An ATX heading's level and text (without its closing hashes), in time linear in the line. */
function atxHeading(line: string): { level: number; text: string } | undefined {
  const open = ATX_OPEN.exec(line);
  if (!open) return undefined;
  const start = open[0].length;
  if (NOT_IN_LINE.test(line)) return undefined; // as the whole-line expression, whose "." stops there
  const space = (i: number) => line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9;
  let end = line.length;
  while (end > start && space(end - 1)) end--;
  let hashes = end;
  while (hashes > start && line.charCodeAt(hashes - 1) === 35) hashes--;
  // Closing hashes count only after a space or tab.
  if (hashes < end && hashes > start && space(hashes - 1)) {
    end = hashes;
    while (end > start && space(end - 1)) end--;
  }
  return { level: (open[1] as string).length, text: line.slice(start, end) };
}

/** Flags raw HTML on one line; returns whether an HTML comment is still open at its end. */
function findHtml(line: string, lineNumber: number, out: HtmlTag[], inComment: boolean): boolean {
  // Blank out code spans so that `<div>` in backticks is not flagged, keeping columns.
  let visible = line.replace(CODE_SPAN, (m) => ' '.repeat(m.length));
  // HTML comments are allowed and never rendered, whatever they hold, even over several lines.
  let start = inComment ? 0 : visible.indexOf('<!--');
  while (start !== -1) {
    const end = visible.indexOf('-->', inComment ? 0 : start + 4);
    inComment = end === -1;
    const stop = inComment ? visible.length : end + 3;
    visible = visible.slice(0, start) + ' '.repeat(stop - start) + visible.slice(stop);
    start = inComment ? -1 : visible.indexOf('<!--', stop);
  }
  for (const m of visible.matchAll(TAG)) out.push({ what: `<${(m[1] ?? '').toLowerCase()}>`, at: { line: lineNumber, column: (m.index ?? 0) + 1 } });
  for (const m of visible.matchAll(SCRIPT_LINK)) {
    out.push({ what: `${(m[1] ?? '').replace(/\s/g, '').toLowerCase()} link`, at: { line: lineNumber, column: (m.index ?? 0) + 3 } });
  }
  return inComment;
}
