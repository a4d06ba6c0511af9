import { execFileSync } from 'node:child_process';
import type { SourceFile } from '../core/source-file.js';
import { decode, MAX_FILE_BYTES } from './read-ladder-dir.js';

/** Output of one git command, as bytes. Throws GitError with git's own message when git fails. */
function git(cwd: string, args: string[], input?: Buffer | string, maxBuffer = 64 * 1024 * 1024): Buffer {
  try {
    return execFileSync('git', args, {
      cwd,
      input,
      maxBuffer,
      stdio: ['pipe', 'pipe', 'pipe'],
      // Never prompt, never page, never let a user's config or hooks change what we read.
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' },
    });
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: Buffer; status?: number | null };
    if (e.code === 'ENOENT') throw new GitError('git is not installed (or not on PATH); it is needed to read the ladder at a git ref.');
    const message = e.stderr?.toString('utf8').trim().split('\n')[0] || e.message;
    throw new GitError(message, e.status ?? undefined);
  }
}

/** A git command failed; the message is git's first line of complaint. */
export class GitError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** The top of the git work tree that holds `dir`; throws a GitError when `dir` is not inside one. */
export function repoTop(dir: string): string {
  try {
    return git(dir, ['rev-parse', '--show-toplevel']).toString('utf8').trim();
  } catch (error) {
    if (error instanceof GitError && /not a git repository/i.test(error.message)) throw new GitError(`${dir} is not inside a git repository.`);
    throw error;
  }
}

/** The commit a ref names, or undefined when there is no such commit here. Refuses refs that look like options. */
export function resolveCommit(repoDir: string, ref: string): string | undefined {
  if (ref === '' || ref.startsWith('-') || /[\0\n]/.test(ref)) return undefined;
  try {
    return git(repoDir, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])
      .toString('utf8')
      .trim();
  } catch (error) {
    // --quiet: an unknown ref exits 1 without a message; anything else (not a repository) is reported.
    if (error instanceof GitError && error.status === 1) return undefined;
    throw error;
  }
}

/** A ladder directory as git spells it: forward slashes, no "./", no trailing "/", "" for the repository's top. */
function normalizeDir(ladderDir: string): string {
  const parts = ladderDir
    .replace(/\\/g, '/')
    .split('/')
    .filter((p) => p !== '' && p !== '.');
  if (parts.includes('..')) throw new Error(`The ladder directory "${ladderDir}" must be inside the repository.`);
  return parts.join('/');
}

const LADDER_FILE = /\.(ya?ml|md)$/;

/**
 * Every ladder file (.yml, .yaml, .md) under `ladderDir` at a git ref, with paths relative to
 * `ladderDir`, as readLadderDir reads them from a working tree: oversized, binary or non-UTF-8
 * files become SourceFiles with a problem. Two git processes whatever the number of files: one
 * `git ls-tree -r -z` (modes, ids and sizes), one `git cat-file --batch` for the contents.
 * An empty list when the directory does not exist at that ref (a ladder added by a pull request).
 * Throws an Error naming the ref when it is unknown, or when `repoDir` is not a git repository.
 */
export function readLadderAtRef(repoDir: string, ref: string, ladderDir: string): SourceFile[] {
  const dir = normalizeDir(ladderDir);
  repoTop(repoDir); // a clear error outside a repository
  const commit = resolveCommit(repoDir, ref);
  if (!commit) throw new GitError(`Unknown git ref "${ref}": no commit by that name in ${repoDir}. (Is it fetched? Shallow clones lack history.)`);

  const listing = git(repoDir, ['ls-tree', '-r', '-z', '-l', '--full-tree', commit, ...(dir ? ['--', dir] : [])]);
  const prefix = dir ? `${dir}/` : '';
  const entries: Array<{ path: string; id: string; size: number }> = [];
  const files: SourceFile[] = [];
  for (const record of listing.toString('utf8').split('\0')) {
    // "<mode> SP <type> SP <object> SP* <size> TAB <path>"
    const tab = record.indexOf('\t');
    if (tab === -1) continue;
    const [mode, type, id, size] = record.slice(0, tab).split(/ +/);
    const full = record.slice(tab + 1);
    if (!full.startsWith(prefix) || type !== 'blob' || !id) continue;
    const path = full.slice(prefix.length);
    const names = path.split('/');
    if (names.some((n) => n.startsWith('.') || n === 'node_modules') || !LADDER_FILE.test(path)) continue;
    if (mode === '120000') {
      files.push({ path, problem: 'The file is a symbolic link in git; links are not followed when reading the ladder at a git ref. Commit the file itself.' });
      continue;
    }
    const bytes = Number(size);
    if (bytes > MAX_FILE_BYTES) {
      files.push({
        path,
        problem: `The file is ${(bytes / 1024 / 1024).toFixed(1)} MiB, over the ${MAX_FILE_BYTES / 1024 / 1024} MiB limit for ladder files; it was not read. Split it or remove what does not belong in it.`,
      });
      continue;
    }
    entries.push({ path, id, size: bytes });
  }

  if (entries.length > 0) {
    const total = entries.reduce((n, e) => n + e.size + 128, 0);
    const out = git(repoDir, ['cat-file', '--batch'], `${entries.map((e) => e.id).join('\n')}\n`, total + 1024 * 1024);
    // Each object: "<id> SP <type> SP <size> LF <contents> LF"
    let offset = 0;
    for (const entry of entries) {
      const nl = out.indexOf(0x0a, offset);
      if (nl === -1) throw new GitError(`git cat-file ended early while reading ${entry.path} at ${ref}.`);
      const header = out.subarray(offset, nl).toString('utf8').split(' ');
      if (header[1] === 'missing' || header.length < 3) {
        files.push({ path: entry.path, problem: `The file's contents are missing from this clone (object ${entry.id}).` });
        offset = nl + 1;
        continue;
      }
      const size = Number(header[2]);
      files.push(decode(entry.path, out.subarray(nl + 1, nl + 1 + size)));
      offset = nl + 1 + size + 1;
    }
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * The paths (relative to the repository's top) that differ between two commits, as
 * `git diff --name-only -z --no-renames` lists them: a renamed file appears under both names.
 * Undefined when either commit is not available here (a shallow clone), or `repoDir` is not a
 * git repository; the caller then asks elsewhere (the GitHub API).
 */
export function changedFiles(repoDir: string, base: string, head: string): string[] | undefined {
  const safe = (ref: string) => ref !== '' && !ref.startsWith('-') && !/[\0\n]/.test(ref);
  if (!safe(base) || !safe(head)) return undefined;
  try {
    // One process: a missing commit makes git exit non-zero, which is the "unavailable" answer.
    const out = git(repoDir, ['diff', '--name-only', '-z', '--no-renames', '--no-ext-diff', '--no-textconv', `${base}^{commit}`, `${head}^{commit}`, '--']);
    return out
      .toString('utf8')
      .split('\0')
      .filter((p) => p !== '');
  } catch {
    return undefined;
  }
}
