import { closeSync, constants, type Dirent, fstatSync, openSync, readdirSync, readlinkSync, readSync, realpathSync, type Stats, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { PERSONAL_ROOTS } from '../core/kinds/index.js';
import type { SourceFile } from '../core/source-file.js';
import {
  decode,
  holdsLadderFiles,
  isLadderFileName,
  isSkippedName,
  type LinkTarget,
  linkPolicy,
  MAX_FILE_BYTES,
  problems,
  specialKind,
} from './file-policy.js';
import { TextArena } from './text-arena.js';
import { UnreadableDirectoryError } from './unreadable.js';

export { decode, MAX_FILE_BYTES } from './file-policy.js';
export { UnreadableDirectoryError } from './unreadable.js';

/**
 * Lists and reads the ladder files under `dir` (YAML and Markdown), relative paths with forward
 * slashes. A file that cannot be used becomes a SourceFile with a problem, never an exception;
 * only an unreadable directory throws. What is read and what is refused (links, special files,
 * sizes) is decided in file-policy.ts, as for a git ref.
 */
export interface ReadOptions {
  /** Read personal files (packets/) too (default true). The site renderer passes false: packets are never rendered. */
  personal?: boolean;
  /** Markdown files of which only the front matter is wanted (see readRegular). */
  frontMatterOnly?: (path: string) => boolean;
}

export function readLadderDir(dir: string, options: ReadOptions = {}): SourceFile[] {
  try {
    if (!statSync(dir).isDirectory()) throw new UnreadableDirectoryError(`${dir} is not a directory`);
  } catch (error) {
    if (error instanceof UnreadableDirectoryError) throw error;
    throw new UnreadableDirectoryError(`cannot read ${dir}: ${errorCode(error)}`);
  }
  const files: SourceFile[] = [];
  const arena = new TextArena();
  walk(new LadderTree(dir, options.personal !== false), '', files, options.frontMatterOnly ?? (() => false), arena);
  arena.flush();
  return files.sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** The ladder directory on disk, and where its links lead. */
export class LadderTree {
  /** The directory's real path, found with the first link: a tree without links never pays for it. */
  private realDir?: string;

  constructor(
    readonly dir: string,
    readonly personal: boolean,
  ) {}

  /** The link at `path` (relative to the directory) under the policy: what it reads as, a problem, or nothing. */
  link(path: string, headOnly: boolean): SourceFile | undefined {
    const full = join(this.dir, path);
    const verdict = linkPolicy(path, this.personal, () => this.target(full));
    if (!verdict) return undefined;
    return 'problem' in verdict ? verdict.problem : readRegular(verdict.read, path, headOnly);
  }

  private target(full: string): LinkTarget<string> {
    let real: string;
    let stat: Stats;
    try {
      real = realpathSync.native(full);
      stat = statSync(real); // looks, never opens: a FIFO or a device is not touched
    } catch (error) {
      const code = errorCode(error);
      if (code === 'ELOOP') return { kind: 'loop' };
      if (code === 'ENOENT' || code === 'ENOTDIR') return this.leaves(full) ? { kind: 'outside' } : { kind: 'missing' };
      return { kind: 'unreadable', code };
    }
    this.realDir ??= realpathSync.native(this.dir);
    const inside = this.realDir.endsWith(sep) ? this.realDir : this.realDir + sep;
    if (real !== this.realDir && !real.startsWith(inside)) return { kind: 'outside', folder: stat.isDirectory() };
    if (stat.isDirectory()) return { kind: 'folder' };
    if (!stat.isFile()) return { kind: 'special' };
    return { kind: 'file', path: relative(this.realDir, real).split(sep).join('/'), read: real };
  }

  /** Whether a broken link's target, taken as written, leaves the directory: as the git-ref reader, which sees only paths, says. */
  private leaves(full: string): boolean {
    try {
      const target = resolve(dirname(full), readlinkSync(full));
      const dir = resolve(this.dir);
      return !target.startsWith(dir.endsWith(sep) ? dir : dir + sep);
    } catch {
      return false;
    }
  }
}

function walk(tree: LadderTree, rel: string, out: SourceFile[], headOnly: (path: string) => boolean, arena?: TextArena): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(join(tree.dir, rel), { withFileTypes: true });
  } catch (error) {
    if (rel === '') throw new UnreadableDirectoryError(`cannot read ${tree.dir}: ${errorCode(error)}`);
    // Said, not skipped: "no problems" must not hide a folder of levels nobody could read.
    if (holdsLadderFiles(rel, tree.personal)) out.push({ path: rel, problem: problems.folderUnreadable(errorCode(error)), folder: true });
    return;
  }
  for (const entry of entries) {
    const { name } = entry;
    if (isSkippedName(name) || (!tree.personal && rel === '' && PERSONAL_ROOTS.includes(name))) continue;
    const path = rel ? `${rel}/${name}` : name;
    // The entry's type comes with the listing: no stat per file, and nothing special is ever opened.
    if (entry.isDirectory()) walk(tree, path, out, headOnly, arena);
    else if (entry.isSymbolicLink()) {
      const file = tree.link(path, path.endsWith('.md') && headOnly(path));
      if (file) out.push(file);
    } else if (!isLadderFileName(name)) continue;
    else if (entry.isFile()) out.push(readRegular(join(tree.dir, path), path, path.endsWith('.md') && headOnly(path), arena));
    else out.push({ path, problem: problems.special(specialKind(entry)) });
  }
}

/** An error's code (EACCES, ENOENT…), never its message: messages name paths. */
export function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? 'unknown error';
}

// Never follow a link at the last step (the policy has decided already), never block on a FIFO or
// a device put in place of a file since it was listed. (Windows has neither flag, nor FIFOs.)
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0);

/** Reads a file listed with `size` bytes: refused unread when that is over the limit, else as readRegular. */
export function readOne(full: string, path: string, size: number): SourceFile {
  return size > MAX_FILE_BYTES ? { path, problem: problems.tooLarge(size) } : readRegular(full, path);
}

/**
 * Reads one regular file, bounded: the descriptor's own fstat says whether it is a regular file
 * and how large, and at most one byte more than the limit is ever read (a file can grow between
 * stat and read). With `headOnly`, a Markdown file is read only up to the end of its front matter
 * (for files consulted but not checked, whose bodies may be long); one whose front matter does not
 * close is read as a whole, so that a broken file still reads (and reports) as itself.
 */
export function readRegular(full: string, path: string, headOnly = false, arena?: TextArena): SourceFile {
  let fd: number;
  try {
    fd = openSync(full, OPEN_FLAGS);
  } catch (error) {
    return { path, problem: problems.unreadable(errorCode(error)) };
  }
  try {
    // A head (cut after its front matter whatever the file's size) and a read into the listing's
    // arena come from a listing (or the link policy) that said the file is regular: its fstat, a
    // syscall and a Stats object for each of thousands of files, would tell nothing. Should it
    // have been swapped since, it still reads safely, bounded: a folder fails with EISDIR, a FIFO
    // or a device opened without blocking reads short or is cut at the size limit.
    if (headOnly || arena) return readBounded(fd, undefined, path, headOnly, arena);
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return { path, problem: problems.unreadable('EISDIR') };
    if (!stat.isFile()) return { path, problem: problems.special(specialKind(stat)) };
    if (stat.size > MAX_FILE_BYTES) return { path, problem: problems.tooLarge(stat.size) };
    return readBounded(fd, stat.size, path, headOnly, arena);
  } catch (error) {
    return { path, problem: problems.unreadable(errorCode(error)) };
  } finally {
    closeSync(fd);
  }
}

// Front matter is a few hundred bytes; a longer one is read on in doubling steps.
const HEAD_CHUNK = 4 * 1024;

/**
 * With an arena, a whole file is read into it (text-arena.ts says why) unless it grows while read;
 * its text then comes with the arena's flush(). `size` is the file's fstat size, unknown for a head.
 */
function readBounded(fd: number, size: number | undefined, path: string, headOnly: boolean, arena?: TextArena): SourceFile {
  const limit = MAX_FILE_BYTES + 1;
  let head = headOnly;
  const first = Math.min(head || size === undefined ? HEAD_CHUNK : size + 1, limit);
  // A head is read into one buffer shared by every head read (decoding copies out of it); a file
  // of unknown size into what is left of the arena.
  const inArena = head ? undefined : size === undefined ? arena?.rest() : arena?.take(first);
  let buffer = inArena ?? (head ? headBuffer : Buffer.allocUnsafe(first));
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length >= limit) break;
      const bigger = Buffer.allocUnsafe(Math.min(Math.max(length * 2, head || size === undefined ? 0 : size + 1), limit));
      buffer.copy(bigger, 0, 0, length);
      buffer = bigger;
    }
    const n = readSync(fd, buffer, length, buffer.length - length, null);
    if (n === 0) break;
    const from = Math.max(0, length - 8); // a closing line may straddle two reads
    length += n;
    if (head) {
      const end = headEnd(buffer, length, from);
      if (typeof end === 'number') {
        const file = decode(path, buffer.subarray(0, end));
        // Without a size, the file goes on past `end` if it was read past it, or if a full buffer has a next byte.
        const cut = size === undefined ? end < length || (length === buffer.length && readSync(fd, oneByte, 0, 1, null) > 0) : end < size;
        return 'text' in file && cut ? { ...file, head: true } : file;
      }
      head = end; // false: no front matter opens the file, which is read whole
    }
  }
  // Over the limit: unknown to a read without fstat (its size is then asked, for the message), or
  // within it when fstat looked, and grown since.
  if (length > MAX_FILE_BYTES) return { path, problem: problems.tooLarge(size === undefined ? sizeOf(fd) : undefined) };
  if (arena && buffer === inArena) return arena.commit(path, length);
  return decode(path, buffer.subarray(0, length));
}

/** The open file's size, if fstat can say. */
function sizeOf(fd: number): number | undefined {
  try {
    return fstatSync(fd).size;
  } catch {
    return undefined;
  }
}

const headBuffer = Buffer.allocUnsafe(HEAD_CHUNK);
const oneByte = Buffer.allocUnsafe(1);

const OPEN = /^(?:\xEF\xBB\xBF)?---[ \t]*\r?\n/;

const LF = 0x0a;
const CR = 0x0d;

/**
 * What the first `length` bytes say of the front matter: the offset just after its closing line
 * (`---` or `...`, then spaces or tabs, at the start of a line after the opening one); true while
 * it may still close (the first line opens a front matter, or has not ended yet within the first
 * read); false when the file does not open one. Looked for in the bytes, without decoding them: a
 * check reads the heads of every level and packet it does not check.
 */
function headEnd(buffer: Buffer, length: number, from: number): number | boolean {
  const read = buffer.subarray(0, length); // past it, the buffer holds an earlier file's bytes
  const firstLine = read.indexOf(LF);
  if (firstLine === -1) return length < HEAD_CHUNK;
  const open = OPEN.exec(read.toString('latin1', 0, firstLine + 1));
  if (!open) return false;
  for (let lf = read.indexOf(LF, Math.max(open[0].length - 1, from)); lf !== -1; lf = read.indexOf(LF, lf + 1)) {
    const c = read[lf + 1];
    if ((c !== 0x2d && c !== 0x2e) || read[lf + 2] !== c || read[lf + 3] !== c) continue; // "---" or "..."
    let k = lf + 4;
    while (read[k] === 0x20 || read[k] === 0x09) k++;
    if (read[k] === CR) k++;
    if (read[k] === LF) return k + 1;
  }
  return true;
}
