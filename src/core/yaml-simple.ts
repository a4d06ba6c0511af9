import { CORE_SCHEMA } from 'js-yaml';

/**
 * The value of a YAML document written in the plain block form that front matter, ladder.yml and
 * competencies.yml nearly always take, read without the full parser: block mappings of
 * `key: value` lines and block sequences of `- ` items, nested by indentation (spaces), where a
 * value is a plain scalar of words, a double-quoted string without escapes, or a one-line flow
 * mapping or sequence of such scalars (`{ currency: USD, min: 1 }`, `[ic, em]`, `{}`), and a
 * sequence item may open a mapping on its own line (`- id: b01`). Lines that hold only a comment
 * are skipped. Scalars are typed by js-yaml's own schema (the one YamlDocument.parse loads with),
 * so `true`, `3` and `1.0.0` come out as js-yaml makes them.
 *
 * Anything else (a comment after a value, other quoting, block scalars, multi-line scalars,
 * anchors, tags, tabs, "\r", a duplicate key, a key that is not a plain string, a bare `key:`
 * with nothing under it) returns undefined, and the caller parses the text with js-yaml, which
 * also reports every problem: this reader never decides that a document is wrong. js-yaml is
 * char-by-char code that a single run of the CLI mostly interprets; this reader's work is a few
 * native regular-expression matches a line.
 */
export function readSimpleYaml(source: string): Record<string, unknown> | undefined {
  if (source.includes('\r') || source.includes('\t')) return undefined;
  const reader = new BlockReader(source);
  const value = reader.mapping(0, 0);
  if (value === undefined || !reader.done() || Object.keys(value).length === 0) return undefined;
  return value;
}

/** Deeper than this is left to js-yaml, which refuses it (yaml-document.ts's MAX_DEPTH). */
const MAX_NESTING = 64;

/** The document's lines that hold content (no blank or comment-only line), each with its indentation. */
class BlockReader {
  private readonly texts: string[] = [];
  private readonly indents: number[] = [];
  private at = 0;

  constructor(source: string) {
    let start = 0;
    while (start <= source.length) {
      let end = source.indexOf('\n', start);
      if (end === -1) end = source.length;
      let indent = start;
      while (source.charCodeAt(indent) === SPACE) indent++;
      // Blank, or a comment line: not content (no block scalar is read, so none is inside one).
      if (indent < end && source.charCodeAt(indent) !== HASH) {
        this.texts.push(source.slice(indent, end));
        this.indents.push(indent - start);
      }
      start = end + 1;
    }
  }

  done(): boolean {
    return this.at === this.texts.length;
  }

  /** The next line's indentation, or -1 at the end. */
  private next(): number {
    return this.at < this.texts.length ? (this.indents[this.at] as number) : -1;
  }

  /** A block mapping whose keys stand at `indent`; ends before the first line indented less (or a sequence item at `indent`). */
  mapping(indent: number, depth: number): Record<string, unknown> | undefined {
    if (depth > MAX_NESTING) return undefined;
    const value: Record<string, unknown> = {};
    while (this.next() === indent) {
      const line = this.texts[this.at] as string;
      if (line.charCodeAt(0) === DASH && (line.length === 1 || line.charCodeAt(1) === SPACE)) break; // the enclosing sequence's next item
      const m = ENTRY.exec(line);
      const key = m?.[1];
      if (key === undefined || !isStringKey(key) || Object.hasOwn(value, key)) return undefined;
      this.at++;
      const text = m?.[2];
      const v = text === undefined ? this.nested(indent, depth) : this.inline(text, indent);
      if (v === undefined) return undefined;
      value[key] = v;
    }
    return this.next() > indent ? undefined : value;
  }

  /** A block sequence whose dashes stand at `indent`. */
  private sequence(indent: number, depth: number): unknown[] | undefined {
    if (depth > MAX_NESTING) return undefined;
    const items: unknown[] = [];
    while (this.next() === indent) {
      const line = this.texts[this.at] as string;
      if (line.charCodeAt(0) !== DASH || line.charCodeAt(1) !== SPACE || line.charCodeAt(2) === SPACE) break;
      const rest = line.slice(2);
      if (ENTRY.test(rest)) {
        // `- key: value`: a mapping whose keys stand where this one does, two columns in.
        this.texts[this.at] = rest;
        this.indents[this.at] = indent + 2;
        const item = this.mapping(indent + 2, depth + 1);
        if (item === undefined) return undefined;
        items.push(item);
        continue;
      }
      this.at++;
      const item = this.inline(rest.trimEnd(), indent);
      if (item === undefined) return undefined;
      items.push(item);
    }
    return this.next() > indent ? undefined : items;
  }

  /** What a bare `key:` at `indent` holds: a mapping or a sequence on the lines under it (a sequence may stand at the key's own indentation). */
  private nested(indent: number, depth: number): unknown {
    const under = this.next();
    if (under < indent) return undefined; // null: left to js-yaml
    const line = this.texts[this.at] as string;
    if (line.charCodeAt(0) === DASH && line.charCodeAt(1) === SPACE) return this.sequence(under, depth + 1);
    return under > indent ? this.mapping(under, depth + 1) : undefined;
  }

  /** A value on the line of its key or dash: nothing may continue it on the lines under it. */
  private inline(text: string, indent: number): unknown {
    if (this.next() > indent) return undefined; // a multi-line scalar, or a nesting js-yaml would refuse
    const first = text.charCodeAt(0);
    if (first === OPEN_BRACE) return flowMapping(text);
    if (first === OPEN_BRACKET) return flowSequence(text);
    return scalar(text);
  }
}

const SPACE = 0x20;
const HASH = 0x23;
const DASH = 0x2d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

// A key at the start of the line, and its value after ": " (trailing spaces are not the value's).
const ENTRY = /^([A-Za-z][A-Za-z0-9_-]*):(?: +(\S(?:.*\S)?))? *$/;
// Plain words: no indicator first, no ": " or " #" inside (no ":" or "#" at all), nothing a flow
// context would read otherwise; spaces only between words.
const PLAIN = /^[A-Za-z0-9][A-Za-z0-9._,()/'-]*(?: [A-Za-z0-9._,()/'-]+)*$/;
// Double-quoted, without escapes: printable characters only, as they stand.
const QUOTED = /^"([\x20\x21\x23-\x5b\x5d-\x7e\u00a0-\u2027\u202a-\ud7ff]*)"$/;
// A flow mapping's value: one word, or a quoted string without a comma.
const FLOW_PLAIN = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;
// One entry of a flow mapping, from lastIndex up to the comma or the closing brace after it (not
// consumed): a key, and a value of one word or a quoted string, neither holding a comma.
const FLOW_ENTRY = / *([A-Za-z][A-Za-z0-9_-]*): +([^\s,}]+|"[^",]*") *(?=,|\}$)/y;

function scalar(text: string): unknown {
  const quoted = QUOTED.exec(text);
  if (quoted) return quoted[1];
  return PLAIN.test(text) ? resolve(text) : undefined;
}

/** `{ key: value, key: value }` on one line, or undefined. */
function flowMapping(text: string): Record<string, unknown> | undefined {
  if (EMPTY_FLOW_MAPPING.test(text)) return {};
  // Read entry by entry in place (no split, no capture of the inside): packets list their
  // feedback this way, a few lines each, and thousands of packets are read per check.
  const close = text.length - 1;
  if (text.charCodeAt(0) !== OPEN_BRACE || text.charCodeAt(close) !== CLOSE_BRACE) return undefined;
  const value: Record<string, unknown> = {};
  FLOW_ENTRY.lastIndex = 1;
  for (;;) {
    const m = FLOW_ENTRY.exec(text);
    const key = m?.[1];
    const raw = m?.[2];
    if (key === undefined || raw === undefined || !isStringKey(key) || Object.hasOwn(value, key)) return undefined;
    const quoted = QUOTED.exec(raw);
    if (quoted) value[key] = quoted[1];
    else if (FLOW_PLAIN.test(raw)) value[key] = resolve(raw);
    else return undefined;
    if (FLOW_ENTRY.lastIndex === close) return value;
    FLOW_ENTRY.lastIndex++; // past the comma
  }
}

const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const EMPTY_FLOW_MAPPING = /^\{ *\}$/;

/** `[word, "quoted", 3]` on one line (`[]` too), or undefined. */
function flowSequence(text: string): unknown[] | undefined {
  if (text.charCodeAt(text.length - 1) !== CLOSE_BRACKET) return undefined;
  if (EMPTY_FLOW_SEQUENCE.test(text)) return [];
  const items: unknown[] = [];
  FLOW_ITEM.lastIndex = 1;
  const close = text.length - 1;
  for (;;) {
    const m = FLOW_ITEM.exec(text);
    const raw = m?.[1];
    if (raw === undefined) return undefined;
    const quoted = QUOTED.exec(raw);
    if (quoted) items.push(quoted[1]);
    else if (FLOW_PLAIN.test(raw)) items.push(resolve(raw));
    else return undefined;
    if (FLOW_ITEM.lastIndex === close) return items;
    FLOW_ITEM.lastIndex++; // past the comma
  }
}

const EMPTY_FLOW_SEQUENCE = /^\[ *\]$/;
// One item of a flow sequence, up to the comma or the closing bracket after it (not consumed).
const FLOW_ITEM = / *([^\s,\][{}]+|"[^",]*") *(?=,|\]$)/y;

/** A plain scalar as js-yaml's schema types it. */
function resolve(text: string): unknown {
  return CORE_SCHEMA.resolveImplicitScalarTag(text).value;
}

/** Whether a plain key reads as the string it is (`true:` or `null:` would not). */
function isStringKey(key: string): boolean {
  return resolve(key) === key;
}
