import { hasLadderFileExtension, isPersonalPath, KIND_ROOTS } from '../core/kinds/index.js';
import type { SourceFile } from '../core/source-file.js';

/*
 * What the ladder readers read, and what they refuse, in one place: the working-tree reader
 * (read-ladder-dir.ts, read-changed.ts) and the git-ref reader (git.ts) both decide here, so that a
 * file reads the same from disk as from a commit, with the same messages. A message never quotes a
 * link's target nor anything it leads to: a link can point at a credentials file, and diagnostics
 * end up in logs, annotations and pull-request comments.
 */

/** Larger files are refused unread: a ladder file is prose a person wrote, not data. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;

/** Whether a file name is one of the ladder's kinds (.yml, .yaml, .md: core/kinds). */
export function isLadderFileName(name: string): boolean {
  return hasLadderFileExtension(name);
}

/** Names never read, at any depth: hidden files and folders, and node_modules. */
export function isSkippedName(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

/**
 * Whether a path (relative to the ladder directory, forward slashes) is one the reader reads: a
 * ladder file name, nothing hidden nor under node_modules on the way, and, when personal files are
 * not read (the site), not where they live (packets/). A link is followed only to such a path.
 */
export function isReadPath(path: string, personal: boolean): boolean {
  const names = path.split('/');
  if (!personal && isPersonalPath(path)) return false;
  return isLadderFileName(path) && names.every((n) => n !== '' && n !== '..' && !isSkippedName(n));
}

/**
 * Whether the files under this folder would be checked (under a kind's root: levels/…, packets/…):
 * a folder there that cannot be read, or a link to one, is reported rather than skipped. Elsewhere
 * nothing is checked.
 */
export function holdsLadderFiles(path: string, personal: boolean): boolean {
  return KIND_ROOTS.includes(path.split('/')[0] ?? '') && (personal || !isPersonalPath(path));
}

/** Where a symbolic link leads, as each reader finds out; `file` carries what to read. */
export type LinkTarget<T> =
  | { kind: 'file'; path: string; read: T }
  /** `folder`: known to be a folder (the working tree can tell; at a git ref, outside the tree, nobody can). */
  | { kind: 'outside'; folder?: boolean }
  | { kind: 'missing' }
  | { kind: 'loop' }
  /** The target exists but could not be looked at (EACCES on the way): `code` is the error's code, nothing of the path. */
  | { kind: 'unreadable'; code: string }
  | { kind: 'folder' }
  | { kind: 'special' };

const commit = (folder: boolean) => `Commit the ${folder ? 'folder' : 'file'} itself in place of the link.`;

export const problems = {
  tooLarge: (bytes?: number) =>
    `The file is ${bytes === undefined ? 'over' : `${(bytes / 1024 / 1024).toFixed(1)} MiB, over`} the ${MAX_FILE_BYTES / 1024 / 1024} MiB limit for ladder files; it was not read. Split it or remove what does not belong in it.`,
  unreadable: (code: string) => `The file could not be read (${code}).`,
  linkOutside: (folder: boolean) =>
    `This is a symbolic link that leads out of the ladder's own files, so it was not followed: a link is followed only to another .yml, .yaml or .md file inside the ladder directory (not hidden). ${commit(folder)}`,
  linkMissing: (folder: boolean) => `This is a symbolic link whose target does not exist. ${commit(folder)}`,
  linkLoop: (folder: boolean) => `This is a symbolic link that loops (it leads back to itself through links). Remove it, or ${commit(folder).toLowerCase()}`,
  linkToFolder: (folder: boolean) =>
    `This is a symbolic link to a folder. Links to folders are never followed (they can loop), so the ladder files behind it are not checked. ${commit(folder)}`,
  linkToSpecial: (folder: boolean) => `This is a symbolic link to a named pipe, device or socket, not a regular file; it was not read. ${commit(folder)}`,
  special: (what: string) => `The file is a ${what}, not a regular file; it was not read. Commit a regular text file in its place.`,
  inLinkedFolder: () =>
    'The file is in a folder that is a symbolic link. Links to folders are never followed (they can loop), so it was not read. Commit the folder itself in place of the link.',
  folderUnreadable: (code: string) =>
    `This folder could not be read (${code}), so the ladder files in it are not checked. Make it readable (or remove it) and check again.`,
};

/**
 * The one decision about a symbolic link at `path` (relative to the ladder directory): what to
 * read in its place, the problem to report, or nothing when the link is none of the ladder's
 * business (a link to a folder where no ladder file is read, or a link with another name).
 * `target` is asked lazily: a link that cannot matter is not resolved at all.
 */
export function linkPolicy<T>(path: string, personal: boolean, target: () => LinkTarget<T>): { read: T } | { problem: SourceFile } | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const asFile = isLadderFileName(name);
  const asFolder = !asFile && holdsLadderFiles(path, personal);
  if (!asFile && !asFolder) return undefined;
  const found = target();
  const problem = (text: string): { problem: SourceFile } => ({ problem: asFolder ? { path, problem: text, folder: true } : { path, problem: text } });
  if (asFolder) {
    // Only what is known to be a folder (or cannot be one, looping) is reported: a link to an image
    // beside the levels is not the ladder's business.
    if (found.kind === 'folder' || (found.kind === 'outside' && found.folder)) return problem(problems.linkToFolder(true));
    if (found.kind === 'loop') return problem(problems.linkLoop(true));
    return undefined;
  }
  switch (found.kind) {
    case 'file':
      return isReadPath(found.path, personal) ? { read: found.read } : problem(problems.linkOutside(false));
    case 'outside':
      return problem(problems.linkOutside(false));
    case 'missing':
      return problem(problems.linkMissing(false));
    case 'loop':
      return problem(problems.linkLoop(false));
    case 'unreadable':
      return problem(problems.unreadable(found.code));
    case 'folder':
      return problem(problems.linkToFolder(false));
    case 'special':
      return problem(problems.linkToSpecial(false));
  }
}

/** What a special file is, for its diagnostic (from a Stats or a Dirent). */
export function specialKind(entry: { isFIFO(): boolean; isSocket(): boolean }): string {
  return entry.isFIFO() ? 'named pipe (FIFO)' : entry.isSocket() ? 'socket' : 'device';
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** UTF-8 text or a problem: binary junk must not reach the parsers. */
export function decode(path: string, bytes: Uint8Array): SourceFile {
  if (bytes.includes(0)) return { path, problem: 'The file contains NUL bytes: it looks binary, not text. Replace it with a UTF-8 text file.' };
  try {
    return { path, text: decoder.decode(bytes) };
  } catch {
    return { path, problem: 'The file is not valid UTF-8 text. Save it as UTF-8.' };
  }
}
