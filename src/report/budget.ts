/**
 * GitHub's size limits, and how much of a text fits in them. GitHub counts a comment body in
 * characters (65,536) but a job summary in bytes of UTF-8 (1 MiB per step): an emoji is one
 * character to a reader, two UTF-16 units to JavaScript and four bytes to the summary. Over
 * either limit GitHub keeps nothing (a comment gets 422; a summary is dropped), so every text
 * meant for them is cut to a limit here, measured the way GitHub measures it. Pure.
 */

export type Measure = (text: string) => number;

/** UTF-16 units: never fewer than the characters GitHub counts, so a safe measure for comments. */
export const chars: Measure = (text) => text.length;
export const utf8Bytes: Measure = (text) => Buffer.byteLength(text, 'utf8');

export interface Limit {
  max: number;
  measure: Measure;
  /** Where a reader finds what was cut to fit this limit. */
  elsewhere: string;
}

/** 65,536 characters per comment; we stay well under it. */
export const COMMENT_LIMIT: Limit = { max: 60_000, measure: chars, elsewhere: 'The job summary and the JSON report list them all.' };

/**
 * 1 MiB (1,048,576 bytes) per step's summary. The report takes at most 1,000,000 bytes: the rest
 * is room for the notices appended after it (see SUMMARY_NOTE_BYTES).
 */
export const SUMMARY_LIMIT: Limit = { max: 1_000_000, measure: utf8Bytes, elsewhere: "The JSON report (the step's `report` output) lists them all." };

/** The most one notice appended to the summary after the report may take. */
export const SUMMARY_NOTE_BYTES = 2_000;

export interface Fitted {
  taken: string[];
  /** How many items did not fit. */
  left: number;
  /** The room the taken items use, separators included. */
  used: number;
}

/** The leading items that fit in `room`, each followed by `separator` (a line each by default). */
export function fitItems(items: readonly string[], room: number, measure: Measure, separator = '\n'): Fitted {
  const taken: string[] = [];
  let used = 0;
  const sep = measure(separator);
  for (const item of items) {
    const size = measure(item) + sep;
    if (used + size > room) break;
    taken.push(item);
    used += size;
  }
  return { taken, left: items.length - taken.length, used };
}

/**
 * What `render` makes within `room` by `measure`, for a renderer that cuts itself to a number of
 * UTF-16 units (such as the ladder diff): asked first for `room` units, then for less while the
 * result is too big. A UTF-16 unit is at most 3 bytes of UTF-8, so the last try always fits.
 */
export function fitRendered(render: (maxUnits: number) => string, room: number, measure: Measure): string {
  if (room <= 0) return '';
  let units = room;
  for (let attempt = 0; attempt < 4; attempt++) {
    const text = render(units);
    const size = measure(text);
    if (size <= room) return text;
    units = Math.floor((units * room) / size) - 1;
    if (units <= 0) return '';
  }
  const last = render(Math.floor(room / 3));
  return measure(last) <= room ? last : '';
}

/**
 * `text` cut to `room`: at the last line break that fits, else at a character boundary (never
 * inside a surrogate pair), with `ellipsis` after it when cut.
 */
export function clip(text: string, room: number, measure: Measure, ellipsis = '…'): string {
  if (measure(text) <= room) return text;
  const keep = room - measure(ellipsis);
  if (keep <= 0) return '';
  // Binary search on UTF-16 units; measures are monotone in the prefix length.
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(text.slice(0, mid)) <= keep) lo = mid;
    else hi = mid - 1;
  }
  let end = lo;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  const line = text.lastIndexOf('\n', end);
  if (line > end / 2) end = line + 1;
  return `${text.slice(0, end)}${ellipsis}`;
}
