import { LineIndex } from '../text-position.js';

/**
 * Whether a ladder file holds row-level survey answers: several entries that name a manager (YAML
 * keys, a Markdown table with a manager column, or comma-separated lines under a header with one).
 * A packet names its candidate's manager once; answers name one on every row. The heuristic looks
 * at the text only, so that a file of answers is never parsed, and never quoted by a schema message.
 * Returns the line of the first such row, or undefined.
 */
export function surveyRowsLine(source: string): number | undefined {
  // Every signal below needs "manager" on the line it starts from, so only lines holding it are
  // looked at, found by one search over the text: the check runs on every file of the ladder, and
  // splitting each file into lines cost more than the rest of reading it.
  const find = /manager/gi;
  if (!find.test(source)) return undefined;
  const text = source.includes('\r') ? source.replace(/\r\n?/g, '\n') : source;
  find.lastIndex = 0;
  let keyAt: number | undefined;
  for (let hit = find.exec(text); hit !== null; hit = find.exec(text)) {
    // Prose mentions managers too: a "manager" after a word is neither a key nor a cell.
    if (!mayStartEntry(text, hit.index)) continue;
    const start = text.lastIndexOf('\n', hit.index) + 1;
    const end = lineEnd(text, start);
    const line = text.slice(start, end);
    if (/^[ \t]*(?:-[ \t]+)?["']?manager["']?[ \t]*:/i.test(line)) {
      if (keyAt !== undefined) return lineNumber(text, keyAt);
      keyAt = start;
    }
    const cells = headerCells(line);
    if (cells) {
      const next = following(text, end, 3);
      // A Markdown table: the delimiter row, then rows; comma-separated: rows with as many commas.
      if (next.length >= 2) {
        const body = cells.pipe
          ? /^\s*\|?\s*:?-{3,}/.test(next[0] as string) && next.slice(1).every((r) => r.includes('|'))
          : next.slice(0, 2).every((r) => commas(r) === commas(line));
        if (body) return lineNumber(text, start);
      }
    }
    find.lastIndex = end + 1;
  }
  return undefined;
}

/**
 * Whether what precedes the "manager" at `at` on its line lets it start a key (after indentation,
 * or "- ") or a cell (after "|", "," or the line's start, then blanks and a quote): looked at
 * backwards from it, a few characters at most. A necessary condition only; the line decides.
 */
function mayStartEntry(text: string, at: number): boolean {
  let k = at - 1;
  const quote = text.charCodeAt(k);
  if (quote === 34 || quote === 39) k--;
  while (k >= 0 && isBlank(text.charCodeAt(k))) k--;
  if (k < 0) return true;
  const c = text.charCodeAt(k);
  if (c === 10 || c === 124 || c === 44) return true;
  if (c !== 45) return false;
  // "- manager:": a list item's key.
  k--;
  while (k >= 0 && isBlank(text.charCodeAt(k))) k--;
  return k < 0 || text.charCodeAt(k) === 10;
}

/** White space but a line feed, as `\s` and trim() see it. */
function isBlank(c: number): boolean {
  if (c === 32 || c === 9 || c === 11 || c === 12 || c === 13 || c === 160) return true;
  return c > 255 && /\s/.test(String.fromCharCode(c));
}

function lineEnd(text: string, start: number): number {
  const end = text.indexOf('\n', start);
  return end === -1 ? text.length : end;
}

/** Up to `count` lines after the line ending at `end`; fewer when the text ends first. */
function following(text: string, end: number, count: number): string[] {
  const lines: string[] = [];
  for (let at = end; at < text.length && lines.length < count; ) {
    const next = lineEnd(text, at + 1);
    lines.push(text.slice(at + 1, next));
    at = next;
  }
  return lines;
}

function lineNumber(text: string, offset: number): number {
  return new LineIndex(text).position(offset).line;
}

// A header names "manager" as a whole cell: prose that mentions managers (and has commas) is not split.
const MANAGER_CELL = /(?:^|[|,])\s*["']?manager["']?\s*(?:[|,]|$)/i;

function headerCells(line: string): { pipe: boolean } | undefined {
  if (!MANAGER_CELL.test(line)) return undefined;
  const pipe = line.includes('|');
  if (!pipe && !line.includes(',')) return undefined;
  const cells = line.split(pipe ? '|' : ',').map((c) =>
    c
      .trim()
      .replace(/^["']|["']$/g, '')
      .toLowerCase(),
  );
  return cells.includes('manager') && cells.filter((c) => c !== '').length >= 2 ? { pipe } : undefined;
}

function commas(line: string): number {
  return line.split(',').length;
}
