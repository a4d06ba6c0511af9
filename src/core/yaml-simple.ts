import { CORE_SCHEMA } from 'js-yaml';

/**
 * The value of a YAML document written in the plain form nearly every front matter takes, read
 * without the full parser: top-level `key: value` lines, where a value is a plain scalar of words,
 * a double-quoted string without escapes, or (after a bare `key:`) a block sequence indented two
 * spaces of such scalars or of one-line flow mappings (`  - { handle: ana, supports: true }`).
 * Scalars are typed by js-yaml's own schema (the one YamlDocument.parse loads with), so `true`,
 * `3` and `1.0.0` come out as js-yaml makes them.
 *
 * Anything else (comments, other quoting, nesting, anchors, tags, tabs, "\r", a duplicate key, a
 * key that is not a plain string) returns undefined, and the caller parses the text with js-yaml,
 * which also reports every problem: this reader never decides that a document is wrong. Parsing
 * thousands of front matters with the full parser costs more than reading and checking them.
 */
export function readSimpleYaml(source: string): Record<string, unknown> | undefined {
  if (source.includes('\r') || source.includes('\t')) return undefined;
  const value: Record<string, unknown> = {};
  let keys = 0;
  // The sequence of the last bare `key:`, while its items are read.
  let items: unknown[] | undefined;
  let at = 0;
  while (at <= source.length) {
    let end = source.indexOf('\n', at);
    if (end === -1) end = source.length;
    const line = source.slice(at, end);
    at = end + 1;
    if (BLANK.test(line)) continue;
    if (items && line.startsWith('  - ')) {
      const item = line.startsWith('{', 4) ? flowMapping(line.slice(4)) : scalar(line.slice(4));
      if (item === undefined) return undefined;
      items.push(item);
      continue;
    }
    if (items?.length === 0) return undefined; // a bare `key:` is null, or a nested mapping
    items = undefined;
    const m = ENTRY.exec(line);
    const key = m?.[1];
    if (key === undefined || !isStringKey(key) || Object.hasOwn(value, key)) return undefined;
    const text = m?.[2];
    keys++;
    if (text === undefined) {
      items = [];
      value[key] = items;
      continue;
    }
    const v = scalar(text);
    if (v === undefined) return undefined;
    value[key] = v;
  }
  if (items?.length === 0 || keys === 0) return undefined;
  return value;
}

const BLANK = /^ *$/;
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

/** A plain scalar as js-yaml's schema types it. */
function resolve(text: string): unknown {
  return CORE_SCHEMA.resolveImplicitScalarTag(text).value;
}

/** Whether a plain key reads as the string it is (`true:` or `null:` would not). */
function isStringKey(key: string): boolean {
  return resolve(key) === key;
}
