import type { Position } from './diagnostic.js';
import { type HtmlTag, scanBlocks, type TopHeading } from './markdown-blocks.js';
import { LineIndex } from './text-position.js';
import { type ParseOptions, YamlDocument, type YamlProblem } from './yaml-document.js';

/** One level-2 section of a Markdown body (`## Heading`, or a setext heading). */
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

export type { HtmlTag } from './markdown-blocks.js';

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

/**
 * Splits front matter (`---` … `---`) from the body and cuts the body into level-2 sections: the
 * level-2 headings at the body's top level, ATX (`## Name`) or setext (`Name` over `---`), as the
 * site's renderer reads them (see markdown-blocks.ts); headings in code, block quotes, lists or
 * HTML blocks stay in their section. A level-1 heading ends the section before it.
 */
export function parseMarkdown(text: string, options: ParseOptions & { frontMatterOnly?: boolean } = {}): MarkdownDocument {
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
  // Only the front matter was read (SourceFile.head): the body is unknown, so no section is cut from it.
  const bodyAt = end + match[0].length;
  const body = options.frontMatterOnly ? { intro: '', introAt: lines.position(bodyAt), sections: [], html: [] } : splitSections(text, bodyAt, lines);
  if (parsed instanceof YamlDocument) return { frontMatter: parsed, problem: undefined, ...body, lines };
  return { frontMatter: undefined, problem: { kind: 'yaml', problem: parsed }, ...body, lines };
}

function splitSections(text: string, from: number, lines: LineIndex): { intro: string; introAt: Position; sections: Section[]; html: HtmlTag[] } {
  const { headings, html } = scanBlocks(text, from, lines);
  const sections: Section[] = [];
  let intro = '';
  let introAt: Position = lines.position(from);
  let chunkStart = from;
  let current: TopHeading | undefined;
  // The open `###` section of `current` (nested competencies), and those already closed.
  let sub: TopHeading | undefined;
  let subsections: Section[] = [];
  const finishSub = (end: number) => {
    if (!sub) return;
    const [chunk, at] = trimmed(text, sub.end, end);
    subsections.push({ name: sub.name, at: sub.at, body: chunk, bodyAt: lines.position(at) });
    sub = undefined;
  };
  const finish = (end: number) => {
    finishSub(end);
    const [chunk, at] = trimmed(text, chunkStart, end);
    if (current)
      sections.push({ name: current.name, at: current.at, body: chunk, bodyAt: lines.position(at), ...(subsections.length > 0 ? { subsections } : {}) });
    else {
      intro = chunk;
      introAt = lines.position(at);
    }
    subsections = [];
  };
  for (const heading of headings) {
    if (heading.level === 3) {
      // A `###` heading splits a `## ` section into subsections; its text stays in the section's body.
      if (current) {
        finishSub(heading.start);
        sub = heading;
      }
      continue;
    }
    finish(heading.start);
    current = heading.level === 2 ? heading : undefined;
    chunkStart = heading.end;
  }
  finish(text.length);
  return { intro, introAt, sections, html };
}

/**
 * The Markdown between `start` and `end`, trimmed, and where it starts. Whitespace before the
 * first line's text goes too, unless the line may need it to render as it does in the file:
 * indented code (four columns or more), and blocks whose content is measured from where they
 * start (fences, list items) or keeps it (HTML). (A block quote's content is measured from its `>`.)
 */
const KEEPS_INDENT = /[`~*+<0-9-]/;

function trimmed(text: string, start: number, end: number): [string, number] {
  const raw = text.slice(start, Math.max(start, end));
  const chunk = raw.trim();
  if (chunk === '') return ['', Math.min(start, text.length)];
  // trim() removes the same leading characters from raw, so the chunk starts this far in.
  const first = raw.indexOf(chunk.charAt(0));
  let lineStart = first;
  let columns = 0;
  while (lineStart > 0 && (raw[lineStart - 1] === ' ' || raw[lineStart - 1] === '\t')) lineStart--;
  if (lineStart === 0 || raw[lineStart - 1] === '\n' || raw[lineStart - 1] === '\r') {
    for (let k = lineStart; k < first; k++) columns = raw[k] === '\t' ? columns + 4 - (columns % 4) : columns + 1;
  }
  if (columns === 0 || (columns < 4 && !KEEPS_INDENT.test(chunk.charAt(0)))) return [chunk, start + first];
  return [raw.slice(lineStart).trimEnd(), start + lineStart];
}
