import {
  constructFromEvents,
  EVENT_ALIAS,
  EVENT_DOCUMENT,
  EVENT_MAPPING,
  EVENT_POP,
  EVENT_SCALAR,
  EVENT_SEQUENCE,
  type Event,
  getScalarValue,
  parseEvents,
  YAMLException,
} from 'js-yaml';
import type { Position, Span } from './diagnostic.js';
import { escapePointer } from './json-pointer.js';
import { LineIndex } from './text-position.js';
import { readSimpleYaml } from './yaml-simple.js';

/** Collections nested deeper than this are refused: no ladder needs it, and it guards every walker. */
export const MAX_DEPTH = 64;
/** Nodes a document may expand to once aliases are followed ("billion laughs" guard). */
export const MAX_EXPANDED_NODES = 200_000;

export interface ParseOptions {
  /** The text is personal (a packet's front matter): problem messages never quote it. */
  personal?: boolean;
}

/** A YAML problem found while parsing, with its position in the whole file. */
export interface YamlProblem extends Position {
  message: string;
}

/**
 * A parsed YAML document that remembers where every node came from, so that a rule can point
 * at `/levels/3/band` and get the line and column of that value (or of its key).
 */
export class YamlDocument {
  private located: Located | undefined;

  private constructor(
    readonly value: unknown,
    private readonly lines: LineIndex,
    /** Where every node is: worked out on the first look-up, since most documents are never asked (see parse). */
    private readonly locate: () => Located,
  ) {}

  private get valueAt(): Map<string, number> {
    this.located ??= this.locate();
    return this.located.valueAt;
  }

  private get keyAt(): Map<string, number> {
    this.located ??= this.locate();
    return this.located.keyAt;
  }

  private get ends(): Ends {
    this.located ??= this.locate();
    return this.located.ends;
  }

  /**
   * Parses `text[start:end]` as one YAML document. Offsets (and so positions) are relative to
   * the whole `text`, which lets front matter report lines of the Markdown file it lives in.
   */
  static parse(text: string, start = 0, end = text.length, lines = new LineIndex(text), options: ParseOptions = {}): YamlDocument | YamlProblem {
    // js-yaml's offsets are relative to what it was given; pad with newlines instead of slicing so
    // its offsets (and its error marks) stay those of the whole file.
    const source = start === 0 && end === text.length ? text : padTo(text, start, end);
    // Where every node is, found on the first look-up (by parsing the text again): a document
    // nothing is reported about never needs it.
    const locate = (): Located => {
      const again = walkEvents(source, parseEvents(source, { maxDepth: MAX_DEPTH }), true);
      // The same text walked the same way: it passed the first time.
      if ('message' in again) throw new Error('YamlDocument: the second walk disagrees with the first');
      return again;
    };
    // Most front matter is plain `key: value` lines: read without the full parser (yaml-simple.ts).
    const simple = readSimpleYaml(source);
    if (simple !== undefined) return new YamlDocument(simple, lines, locate);
    let events: Event[];
    try {
      events = parseEvents(source, { maxDepth: MAX_DEPTH });
    } catch (error) {
      return problemFrom(error, source, lines, options.personal === true);
    }
    // This walk only guards (alias bombs, a second document); `locate` finds the positions.
    const walk = walkEvents(source, events, false);
    if ('message' in walk) return { ...lines.position(walk.offset), message: walk.message };
    let documents: unknown[];
    try {
      documents = constructFromEvents(events, { source, maxAliases: -1 });
    } catch (error) {
      return problemFrom(error, source, lines, options.personal === true);
    }
    if (documents.length > 1) {
      return {
        ...lines.position(walk.secondDocument ?? start),
        message: 'Only one YAML document is allowed here; remove the extra "---" separator and what follows it.',
      };
    }
    return new YamlDocument(documents[0] ?? null, lines, locate);
  }

  /** Position of the value at a JSON pointer, or of its nearest ancestor that exists. */
  position(pointer: string): Position {
    return this.lines.position(this.offset(this.valueAt, pointer));
  }

  /** Position of the key of a mapping entry (falls back to its value, then to ancestors). */
  keyPosition(pointer: string): Position {
    const key = this.keyAt.get(pointer);
    return key === undefined ? this.position(pointer) : this.lines.position(key);
  }

  /**
   * `position`, and where the value ends when the pointer names a scalar (or an alias) itself. A
   * collection, or an ancestor standing in for a missing value, has no end here: a rule that
   * points at a mapping means the mapping, not its first key, and where a block mapping ends is
   * not what it points at. Diagnostics take their place from here.
   */
  span(pointer: string): Span {
    const end = this.ends.value.get(pointer);
    const start = this.position(pointer);
    return end === undefined ? start : { ...start, ...this.endOf(end) };
  }

  /** `keyPosition`, and where the key ends. */
  keySpan(pointer: string): Span {
    const end = this.ends.key.get(pointer);
    if (!this.keyAt.has(pointer)) return this.span(pointer);
    const start = this.keyPosition(pointer);
    return end === undefined ? start : { ...start, ...this.endOf(end) };
  }

  /** An end offset as 1-based line and exclusive column (the column after the last character), as ESLint and SARIF count. */
  private endOf(offset: number): { endLine: number; endColumn: number } {
    const { line, column } = this.lines.position(offset);
    return { endLine: line, endColumn: column };
  }

  private offset(map: Map<string, number>, pointer: string): number {
    for (let p = pointer; ; p = p.slice(0, p.lastIndexOf('/'))) {
      const at = map.get(p);
      if (at !== undefined) return at;
      if (p === '') return 0;
    }
  }
}

export { escapePointer };

function padTo(text: string, start: number, end: number): string {
  // Keep newlines (so line numbers hold) and blank everything else before `start`.
  return text.slice(0, start).replace(/[^\n]/g, ' ') + text.slice(start, end);
}

function problemFrom(error: unknown, source: string, lines: LineIndex, personal: boolean): YamlProblem {
  if (error instanceof YAMLException) {
    const mark = error.mark;
    const position = mark ? { line: mark.line + 1, column: mark.column + 1 } : { line: 1, column: 1 };
    if (mark && isUnquotedColon(error.reason, source, mark.position)) {
      return {
        ...position,
        message:
          'This value contains ": " (a colon and a space), which YAML reads as a new key. Quote the whole value: title: "Senior: platform", or write it on the next lines after ">-".',
      };
    }
    const reason = personal ? redactSource(error.reason || '') : error.reason;
    return { ...position, message: `${capitalize(reason || 'invalid YAML')}.${hintFor(reason)}` };
  }
  // js-yaml documents that any exception may escape on hostile input; never let it crash us.
  const detail = personal ? 'the file is at the position shown' : error instanceof Error ? error.message : String(error);
  return { ...lines.position(0), message: `The YAML parser failed: ${detail}.` };
}

/** js-yaml quotes alias names, tag names and handles from the source in some reasons: drop them. */
function redactSource(reason: string): string {
  return reason
    .replace(/"[^"]*"/g, 'this name')
    .replace(/!<[^>]*>/g, 'this')
    .replace(/(characters): .*$/, '$1');
}

/**
 * `name: Entry: the first` fails as "bad indentation of a mapping entry" at the second colon:
 * js-yaml sees a second key on the line. Saying "indentation" there sends people to the wrong fix.
 */
function isUnquotedColon(reason: string, source: string, offset: number): boolean {
  if (!/bad indentation of a mapping entry/.test(reason) || source[offset] !== ':') return false;
  const next = source[offset + 1];
  return next === undefined || next === ' ' || next === '\t' || next === '\n' || next === '\r';
}

function hintFor(reason: string): string {
  if (/tab/i.test(reason)) return ' Indent with spaces; YAML does not allow tabs for indentation.';
  if (/duplicat/i.test(reason)) return ' Remove or rename one of the two keys.';
  if (/depth|nest/i.test(reason)) return ` Ladder files never need more than ${MAX_DEPTH} levels of nesting.`;
  if (/unidentified alias|unknown alias/i.test(reason)) return ' Define the anchor (&name) before using it, or write the value out.';
  // An unclosed bracket or quote is usually found lines later, as an indentation or end-of-stream error.
  if (/indentation|end of the stream/i.test(reason)) return ' Check the lines above for a bracket or quote left open, and indent this line like its siblings.';
  return '';
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

interface Frame {
  kind: 'document' | 'mapping' | 'sequence';
  pointer: string | null; // null inside a complex (non-scalar) mapping key: not addressable
  index: number;
  expectingKey: boolean;
  key: string;
  anchor: string | undefined;
  size: number;
}

/** End offsets (exclusive) of the scalars and aliases, by pointer: values, and keys of mapping entries. */
interface Ends {
  value: Map<string, number>;
  key: Map<string, number>;
}

interface Located {
  valueAt: Map<string, number>;
  keyAt: Map<string, number>;
  ends: Ends;
}

interface Walked extends Located {
  secondDocument: number | undefined;
}

/**
 * One pass over the flat event list: counts how many nodes the document expands to when aliases
 * are followed, so that alias bombs are refused before anything walks the constructed value, and
 * (with `positions`) records where each node starts and ends, by JSON pointer.
 */
function walkEvents(source: string, events: Event[], positions: boolean): Walked | { message: string; offset: number } {
  const valueAt = new Map<string, number>();
  const keyAt = new Map<string, number>();
  const ends: Ends = { value: new Map(), key: new Map() };
  const anchorSize = new Map<string, number>();
  const stack: Frame[] = [];
  let documents = 0;
  let secondDocument: number | undefined;
  let lastOffset = 0;

  const childPointer = (parent: Frame): string | null => {
    if (!positions || parent.pointer === null) return null;
    if (parent.kind === 'document') return '';
    if (parent.kind === 'sequence') return `${parent.pointer}/${parent.index}`;
    return `${parent.pointer}/${escapePointer(parent.key)}`;
  };
  // Called when a node (scalar, alias or closed collection) completes inside `parent`.
  const completed = (parent: Frame | undefined, size: number, asKey: string | null): string | null => {
    if (!parent) return null;
    parent.size += size;
    if (parent.kind === 'mapping') {
      if (parent.expectingKey) {
        parent.key = asKey ?? '[complex key]';
        parent.expectingKey = false;
      } else parent.expectingKey = true;
    } else if (parent.kind === 'sequence') parent.index++;
    if (parent.size > MAX_EXPANDED_NODES) return 'overflow';
    return null;
  };
  const anchorName = (e: { anchorStart: number; anchorEnd: number }): string | undefined =>
    e.anchorStart < 0 ? undefined : source.slice(e.anchorStart, e.anchorEnd);

  for (const event of events) {
    const parent = stack[stack.length - 1];
    switch (event.type) {
      case EVENT_DOCUMENT: {
        documents++;
        // Document events carry no offset: find the "---" that opens the second document.
        if (documents === 2) secondDocument = documentStart(source, lastOffset);
        stack.push({ kind: 'document', pointer: '', index: 0, expectingKey: false, key: '', anchor: undefined, size: 0 });
        break;
      }
      case EVENT_MAPPING:
      case EVENT_SEQUENCE: {
        const isKey = parent?.kind === 'mapping' && parent.expectingKey;
        const pointer = parent && !isKey ? childPointer(parent) : null;
        const at = event.anchorStart >= 0 ? Math.min(event.anchorStart - 1, event.start) : event.start;
        lastOffset = event.start;
        if (pointer !== null && !valueAt.has(pointer)) valueAt.set(pointer, at);
        stack.push({
          kind: event.type === EVENT_MAPPING ? 'mapping' : 'sequence',
          pointer,
          index: 0,
          expectingKey: true,
          key: '',
          anchor: anchorName(event),
          size: 1,
        });
        break;
      }
      case EVENT_SCALAR: {
        if (!parent) break;
        // Quoted scalars report the offset after the opening quote; point at the quote instead.
        const quoted = event.style === 2 || event.style === 3;
        // Block scalars (| and >) report the start of the line after their header; point at the indicator.
        const block = event.style === 4 || event.style === 5;
        const at =
          event.anchorStart >= 0 ? event.anchorStart - 1 : block ? blockIndicator(source, event.valueStart) : Math.max(0, event.valueStart - (quoted ? 1 : 0));
        lastOffset = at;
        const isKey = parent.kind === 'mapping' && parent.expectingKey;
        const anchor = anchorName(event);
        if (anchor !== undefined) anchorSize.set(anchor, 1);
        if (!positions) {
          if (completed(parent, 1, null)) return { message: bombMessage(), offset: at };
          break;
        }
        const end = scalarEnd(source, event, quoted, block);
        if (isKey) {
          const key = getScalarValue(source, event);
          if (parent.pointer !== null) {
            const pointer = `${parent.pointer}/${escapePointer(key)}`;
            keyAt.set(pointer, at);
            if (end > at) ends.key.set(pointer, end);
          }
          if (completed(parent, 1, key)) return { message: bombMessage(), offset: at };
        } else {
          const pointer = childPointer(parent);
          if (pointer !== null) {
            valueAt.set(pointer, at);
            if (end > at) ends.value.set(pointer, end);
          }
          if (completed(parent, 1, null)) return { message: bombMessage(), offset: at };
        }
        break;
      }
      case EVENT_ALIAS: {
        if (!parent) break;
        const at = Math.max(0, event.anchorStart - 1);
        lastOffset = at;
        const size = anchorSize.get(source.slice(event.anchorStart, event.anchorEnd)) ?? 1;
        const isKey = parent.kind === 'mapping' && parent.expectingKey;
        if (!isKey) {
          const pointer = childPointer(parent);
          if (pointer !== null) {
            valueAt.set(pointer, at);
            ends.value.set(pointer, event.anchorEnd);
          }
        }
        if (completed(parent, size, isKey ? '[alias key]' : null)) return { message: bombMessage(), offset: at };
        break;
      }
      case EVENT_POP: {
        const frame = stack.pop();
        if (!frame || frame.kind === 'document') break;
        if (frame.anchor !== undefined) anchorSize.set(frame.anchor, frame.size);
        const owner = stack[stack.length - 1];
        const isKey = owner?.kind === 'mapping' && owner.expectingKey;
        if (completed(owner, frame.size, isKey ? '[complex key]' : null)) return { message: bombMessage(), offset: lastOffset };
        break;
      }
    }
  }
  return { valueAt, keyAt, ends, secondDocument };
}

/**
 * Where a scalar ends (exclusive): after the closing quote of a quoted one, after the last
 * non-blank character of a block one (js-yaml's end takes in the blank lines that follow).
 */
function scalarEnd(source: string, event: { valueStart: number; valueEnd: number }, quoted: boolean, block: boolean): number {
  if (quoted) return event.valueEnd + 1;
  if (!block) return event.valueEnd;
  let end = event.valueEnd;
  while (end > event.valueStart && /\s/.test(source[end - 1] as string)) end--;
  return end;
}

/** Offset of the "|" or ">" that opens a block scalar whose content starts at `contentStart`. */
function blockIndicator(source: string, contentStart: number): number {
  const headerEnd = source[contentStart - 1] === '\n' ? contentStart - 1 : contentStart;
  const lineStart = source.lastIndexOf('\n', headerEnd - 1) + 1;
  const header = source.slice(lineStart, headerEnd).replace(/\r$/, '');
  const indicator = /[|>][0-9+-]*[ \t]*(?:#.*)?$/.exec(header);
  return indicator ? lineStart + indicator.index : contentStart;
}

/** Offset of the first "---" line after `after` (the last node of the first document), or `after` itself. */
function documentStart(source: string, after: number): number {
  const marker = /^---(?=[ \t\r\n]|$)/gm;
  marker.lastIndex = after + 1;
  return marker.exec(source)?.index ?? after;
}

function bombMessage(): string {
  return `The document expands to more than ${MAX_EXPANDED_NODES.toLocaleString('en-US')} nodes once its aliases (*name) are followed; write the values out instead of nesting aliases.`;
}
