import { closeSync, lstatSync, openSync, readdirSync, readFileSync, readSync, type Stats, statSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceFile } from '../core/source-file.js';

/** Larger files are refused unread: a ladder file is prose a person wrote, not data. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;

export class UnreadableDirectoryError extends Error {}

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Lists and reads the ladder files under `dir` (YAML and Markdown), relative paths with forward
 * slashes. A file that cannot be used becomes a SourceFile with a problem, never an exception;
 * only an unreadable directory throws.
 */
export interface ReadOptions {
  /** Read packets/ too (default true). The site renderer passes false: packets are personal and never rendered. */
  packets?: boolean;
  /** Markdown files of which only the front matter is wanted (see readFrontMatter). */
  frontMatterOnly?: (path: string) => boolean;
}

export function readLadderDir(dir: string, options: ReadOptions = {}): SourceFile[] {
  try {
    if (!statSync(dir).isDirectory()) throw new UnreadableDirectoryError(`${dir} is not a directory`);
  } catch (error) {
    if (error instanceof UnreadableDirectoryError) throw error;
    throw new UnreadableDirectoryError(`cannot read ${dir}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const files: SourceFile[] = [];
  walk(dir, '', files, options.packets !== false, options.frontMatterOnly ?? (() => false));
  return files.sort((a, b) => (a.path < b.path ? -1 : 1));
}

function walk(root: string, rel: string, out: SourceFile[], packets: boolean, headOnly: (path: string) => boolean): void {
  let names: string[];
  try {
    names = readdirSync(join(root, rel));
  } catch {
    return; // an unreadable sub-directory holds nothing we can check
  }
  for (const name of names) {
    if (name.startsWith('.') || name === 'node_modules' || (!packets && rel === '' && name === 'packets')) continue;
    const path = rel ? `${rel}/${name}` : name;
    const full = join(root, path);
    let stat: Stats;
    try {
      stat = lstatSync(full);
      // Follow links to files, never links to directories (they can loop).
      if (stat.isSymbolicLink()) stat = statSync(full);
      else if (stat.isDirectory()) {
        walk(root, path, out, packets, headOnly);
        continue;
      }
    } catch {
      continue;
    }
    if (!stat.isFile() || !/\.(ya?ml|md)$/.test(name)) continue;
    out.push(path.endsWith('.md') && headOnly(path) ? readFrontMatter(full, path, stat.size) : readOne(full, path, stat.size));
  }
}

export function readOne(full: string, path: string, size: number): SourceFile {
  if (size > MAX_FILE_BYTES) {
    return {
      path,
      problem: `The file is ${(size / 1024 / 1024).toFixed(1)} MiB, over the ${MAX_FILE_BYTES / 1024 / 1024} MiB limit for ladder files; it was not read. Split it or remove what does not belong in it.`,
    };
  }
  try {
    return decode(path, readFileSync(full));
  } catch (error) {
    return { path, problem: `The file could not be read (${(error as NodeJS.ErrnoException).code ?? String(error)}).` };
  }
}

const HEAD_CHUNK = 16 * 1024;

/**
 * The front matter of a Markdown file, read in chunks until it closes: for files consulted but not
 * checked, whose bodies may be long. Falls back to the whole file when the front matter does not
 * close early, so that a broken file still reads (and reports) as itself.
 */
export function readFrontMatter(full: string, path: string, size?: number): SourceFile {
  let fd: number | undefined;
  try {
    fd = openSync(full, 'r');
    const limit = Math.min(size ?? MAX_FILE_BYTES, MAX_FILE_BYTES);
    let buffer = Buffer.allocUnsafe(Math.min(HEAD_CHUNK, limit));
    let length = 0;
    while (length < limit) {
      if (length === buffer.length) {
        const bigger = Buffer.allocUnsafe(Math.min(buffer.length * 2, limit));
        buffer.copy(bigger, 0, 0, length);
        buffer = bigger;
      }
      const n = readSync(fd, buffer, length, buffer.length - length, length);
      if (n === 0) break;
      const from = Math.max(0, length - 8); // a closing line may straddle two reads
      length += n;
      const end = frontMatterEnd(buffer, length, from);
      if (end !== undefined) return decode(path, buffer.subarray(0, end));
      if (end === undefined && length >= 4 && !startsWithFrontMatter(buffer)) break;
    }
  } catch {
    // fall through to the ordinary read, which reports the problem
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  // The rare file without closing front matter is read (or refused) as a whole.
  try {
    return readOne(full, path, size ?? statSync(full).size);
  } catch (error) {
    return { path, problem: `The file could not be read (${(error as NodeJS.ErrnoException).code ?? String(error)}).` };
  }
}

const OPEN = /^(?:\xEF\xBB\xBF)?---[ \t]*\r?\n/;
const CLOSE = /(?:^|\n)(?:---|\.\.\.)[ \t]*\r?\n/g;

function startsWithFrontMatter(buffer: Buffer): boolean {
  return OPEN.test(buffer.toString('latin1', 0, Math.min(buffer.length, 8)));
}

/** Byte offset just after the front matter's closing line, if it is within the first `length` bytes. */
function frontMatterEnd(buffer: Buffer, length: number, from: number): number | undefined {
  const head = buffer.toString('latin1', 0, length);
  const open = OPEN.exec(head);
  if (!open) return undefined;
  CLOSE.lastIndex = Math.max(open[0].length - 1, from);
  const close = CLOSE.exec(head);
  return close ? close.index + close[0].length : undefined;
}

/** UTF-8 text or a problem: binary junk must not reach the parsers. */
export function decode(path: string, bytes: Uint8Array): SourceFile {
  if (bytes.includes(0)) return { path, problem: 'The file contains NUL bytes: it looks binary, not text. Replace it with a UTF-8 text file.' };
  try {
    return { path, text: decoder.decode(bytes) };
  } catch {
    return { path, problem: 'The file is not valid UTF-8 text. Save it as UTF-8.' };
  }
}
