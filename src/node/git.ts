import { lstatSync, realpathSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { isPersonalPath } from '../core/kinds/index.js';
import type { SourceFile } from '../core/source-file.js';
import { decode, isLadderFileName, isSkippedName, type LinkTarget, linkPolicy, MAX_FILE_BYTES, problems } from './file-policy.js';
import { GitError, type GitOptions, git, gitAsync } from './git-runner.js';

export { changedFiles, changedFilesAsync } from './git-diff.js';
export { GitError } from './git-runner.js';

/**
 * A read that takes several git commands, each chosen from the output of the ones before: it yields
 * each command and is given its output (or has its GitError thrown in). runSync and runAsync run one.
 */
type GitSteps<T> = Generator<{ args: readonly string[]; options?: GitOptions }, T, Buffer>;

function runSync<T>(cwd: string, steps: GitSteps<T>): T {
  let step = steps.next();
  while (!step.done) {
    let out: Buffer;
    try {
      out = git(cwd, step.value.args, step.value.options);
    } catch (error) {
      step = steps.throw(error);
      continue;
    }
    step = steps.next(out);
  }
  return step.value;
}

/** As runSync, without blocking: each command runs while the caller does other work. */
async function runAsync<T>(cwd: string, steps: GitSteps<T>): Promise<T> {
  let step = steps.next();
  while (!step.done) {
    let out: Buffer;
    try {
      out = await gitAsync(cwd, step.value.args, step.value.options);
    } catch (error) {
      step = steps.throw(error);
      continue;
    }
    step = steps.next(out);
  }
  return step.value;
}

/** The top of the git work tree that holds `dir`; throws a GitError when `dir` is not inside one. */
export function repoTop(dir: string): string {
  return runSync(dir, repoTopSteps(dir));
}

function* repoTopSteps(dir: string): GitSteps<string> {
  try {
    return (yield { args: ['rev-parse', '--show-toplevel'] }).toString('utf8').trim();
  } catch (error) {
    throw outsideRepository(dir, error);
  }
}

/** Outside a repository, git's complaint in words that name the directory; any other failure as it is. */
function outsideRepository(dir: string, error: unknown): unknown {
  return error instanceof GitError && error.failure === 'not-a-repository'
    ? new GitError(`${dir} is not inside a git repository.`, error.status, error.failure)
    : error;
}

/**
 * The root of the git work tree that holds `path`, spelled from `path`'s side of any symbolic link
 * (so that `relative(root, path)` is its path inside the repository), or undefined outside one.
 * `path` need not exist yet: git is asked from its nearest existing ancestor.
 */
export function repositoryRootOf(path: string): string | undefined {
  let probe = path;
  while (!lstatSync(probe, { throwIfNoEntry: false }) && dirname(probe) !== probe) probe = dirname(probe);
  try {
    // git prints the real path of the top: climb from `probe` itself, so that paths compare like with like.
    const depth = relative(repoTop(probe), realpathSync(probe));
    return depth === '' ? probe : resolve(probe, ...depth.split(sep).map(() => '..'));
  } catch {
    return undefined;
  }
}

/** The commit a ref names, or undefined when there is no such commit here. Refuses refs that look like options. */
export function resolveCommit(repoDir: string, ref: string): string | undefined {
  return runSync(repoDir, resolveCommitSteps(ref));
}

function* resolveCommitSteps(ref: string): GitSteps<string | undefined> {
  if (ref === '' || ref.startsWith('-') || /[\0\n]/.test(ref)) return undefined;
  try {
    return (yield { args: ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`] }).toString('utf8').trim();
  } catch (error) {
    // --quiet: an unknown ref exits 1 without a message; anything else (not a repository) is reported.
    if (error instanceof GitError && error.status === 1) return undefined;
    throw error;
  }
}

/**
 * resolveCommit and, in the same git command, repoTop's check that `repoDir` is in a repository
 * (its clear error outside one): a read at a ref starts with one process rather than two.
 */
function* commitInRepositorySteps(repoDir: string, ref: string): GitSteps<string | undefined> {
  if (ref === '' || ref.startsWith('-') || /[\0\n]/.test(ref)) {
    yield* repoTopSteps(repoDir);
    return undefined;
  }
  try {
    // The top first, then the commit: rev-parse answers in the order it is asked.
    const lines = (yield { args: ['rev-parse', '--show-toplevel', '--verify', '--quiet', `${ref}^{commit}`] }).toString('utf8').trim().split('\n');
    return lines.length === 2 ? lines[1]?.trim() : undefined;
  } catch (error) {
    if (error instanceof GitError && error.status === 1) return undefined;
    throw outsideRepository(repoDir, error);
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

interface TreeEntry {
  mode: string;
  type: string;
  id: string;
  size: number;
}

/** A symbolic link's mode in a git tree. */
const LINK = '120000';
/** As the kernel, give up on a chain of links this long: it loops. */
const MAX_HOPS = 40;

/**
 * Every ladder file (.yml, .yaml, .md) under `ladderDir` at a git ref, with paths relative to
 * `ladderDir`, as readLadderDir reads them from a working tree, under the same policy
 * (file-policy.ts): oversized, binary or non-UTF-8 files become SourceFiles with a problem, and a
 * symbolic link is followed only to a ladder file inside `ladderDir` at that ref. Two git
 * processes whatever the number of files (three when there are links): one `git ls-tree -r -z`
 * (modes, ids and sizes), one `git cat-file --batch` for the contents.
 * With `only` (ladder-relative paths), just those files are listed and read (the Action needs only
 * ladder.yml of a pull request's base): listing sizes costs an object look-up per file, which
 * thousands of packets make felt; the whole directory is listed only when one of them is a link.
 * An empty list when the directory does not exist at that ref (a ladder added by a pull request).
 * Throws an Error naming the ref when it is unknown, or when `repoDir` is not a git repository.
 */
export function readLadderAtRef(repoDir: string, ref: string, ladderDir: string, options: AtRefOptions = {}): SourceFile[] {
  return runSync(repoDir, readAtRefSteps(repoDir, ref, ladderDir, options));
}

/** readLadderAtRef without blocking: its git commands run while the caller does other work (the Action reads the base this way). */
export function readLadderAtRefAsync(repoDir: string, ref: string, ladderDir: string, options: AtRefOptions = {}): Promise<SourceFile[]> {
  return runAsync(repoDir, readAtRefSteps(repoDir, ref, ladderDir, options));
}

interface AtRefOptions {
  personal?: boolean;
  only?: readonly string[];
}

function* readAtRefSteps(repoDir: string, ref: string, ladderDir: string, options: AtRefOptions): GitSteps<SourceFile[]> {
  // Without personal files (the site's changelog): no blob under packets/ is read.
  const personal = options.personal !== false;
  const only = options.only ? new Set(options.only) : undefined;
  const dir = normalizeDir(ladderDir);
  const commit = yield* commitInRepositorySteps(repoDir, ref);
  if (!commit) throw new GitError(`Unknown git ref "${ref}": no commit by that name in ${repoDir}. (Is it fetched? Shallow clones lack history.)`);

  const prefix = dir ? `${dir}/` : '';
  if (only?.size === 0) return [];
  let tree = yield* listTree(commit, prefix, only ? [...only].map((p) => `${prefix}${p}`) : dir ? [dir] : []);
  // A link's target may be anywhere in the directory: resolving it needs the whole listing.
  if (only && [...tree.values()].some((e) => e.mode === LINK)) tree = yield* listTree(commit, prefix, dir ? [dir] : []);

  const links = [...tree.values()].filter((e) => e.mode === LINK && e.type === 'blob');
  const targets = new Map<string, string>();
  if (links.length > 0) {
    const blobs = yield* catFiles(ref, links);
    links.forEach((entry, i) => {
      const bytes = blobs[i];
      if (bytes) targets.set(entry.id, bytes.toString('utf8'));
    });
  }
  let folders: Set<string> | undefined;
  const isFolder = (path: string) => {
    if (!folders) {
      folders = new Set(['']);
      for (const p of tree.keys()) for (let i = p.indexOf('/'); i !== -1; i = p.indexOf('/', i + 1)) folders.add(p.slice(0, i));
    }
    return folders.has(path);
  };

  const files: SourceFile[] = [];
  const reads: Array<{ path: string; entry: TreeEntry }> = [];
  const read = (path: string, entry: TreeEntry) => {
    if (entry.size > MAX_FILE_BYTES) files.push({ path, problem: problems.tooLarge(entry.size) });
    else reads.push({ path, entry });
  };
  for (const [path, entry] of tree) {
    if (entry.type !== 'blob' || path.split('/').some(isSkippedName)) continue;
    if ((!personal && isPersonalPath(path)) || (only && !only.has(path))) continue;
    if (entry.mode === LINK) {
      const verdict = linkPolicy(path, personal, () => resolveLink(tree, targets, isFolder, path, prefix));
      if (verdict && 'problem' in verdict) files.push(verdict.problem);
      else if (verdict) read(path, verdict.read);
    } else if (isLadderFileName(path)) read(path, entry);
  }

  if (reads.length > 0) {
    const blobs = yield* catFiles(
      ref,
      reads.map((r) => r.entry),
    );
    reads.forEach(({ path, entry }, i) => {
      const bytes = blobs[i];
      files.push(bytes ? decode(path, bytes) : { path, problem: `The file's contents are missing from this clone (object ${entry.id}).` });
    });
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The `git ls-tree -r -l` entries under these pathspecs at a commit, by path relative to `prefix` (the ladder directory). */
function* listTree(commit: string, prefix: string, pathspecs: readonly string[]): GitSteps<Map<string, TreeEntry>> {
  const listing = yield { args: ['ls-tree', '-r', '-z', '-l', '--full-tree', commit, ...(pathspecs.length > 0 ? ['--', ...pathspecs] : [])] };
  const tree = new Map<string, TreeEntry>();
  for (const record of listing.toString('utf8').split('\0')) {
    // "<mode> SP <type> SP <object> SP* <size> TAB <path>"
    const tab = record.indexOf('\t');
    if (tab === -1) continue;
    const [mode, type, id, size] = record.slice(0, tab).split(/ +/);
    const full = record.slice(tab + 1);
    if (!full.startsWith(prefix) || !mode || !type || !id) continue;
    tree.set(full.slice(prefix.length), { mode, type, id, size: Number(size) });
  }
  return tree;
}

/** The contents of these blobs, in order (undefined for one missing from the clone), from one `git cat-file --batch`. */
function* catFiles(ref: string, entries: readonly TreeEntry[]): GitSteps<Array<Buffer | undefined>> {
  const total = entries.reduce((n, e) => n + e.size + 128, 0);
  const out = yield { args: ['cat-file', '--batch'], options: { input: `${entries.map((e) => e.id).join('\n')}\n`, maxBuffer: total + 1024 * 1024 } };
  // Each object: "<id> SP <type> SP <size> LF <contents> LF"
  const blobs: Array<Buffer | undefined> = [];
  let offset = 0;
  for (const entry of entries) {
    const nl = out.indexOf(0x0a, offset);
    if (nl === -1) throw new GitError(`git cat-file ended early while reading object ${entry.id} at ${ref}.`);
    const header = out.subarray(offset, nl).toString('utf8').split(' ');
    if (header[1] === 'missing' || header.length < 3) {
      blobs.push(undefined);
      offset = nl + 1;
      continue;
    }
    const size = Number(header[2]);
    blobs.push(out.subarray(nl + 1, nl + 1 + size));
    offset = nl + 1 + size + 1;
  }
  return blobs;
}

/**
 * Where the link at `path` leads in the tree at the ref, as realpath would find it in a checkout:
 * a target is relative to its link's folder (an absolute one is outside), links met on the way are
 * followed in turn, and whatever leaves the ladder directory is outside (its tree is not listed, so
 * nothing there can be known). Only paths are compared; no content of the target is read here.
 * `prefix` is the ladder directory in the repository ("" for its top).
 */
function resolveLink(
  tree: ReadonlyMap<string, TreeEntry>,
  targets: ReadonlyMap<string, string>,
  isFolder: (path: string) => boolean,
  path: string,
  prefix: string,
): LinkTarget<TreeEntry> {
  const top = prefix.split('/').filter(Boolean);
  // Repository-relative names: "../ladder/x.md" from the ladder's top comes back inside.
  const done = [...top, ...path.split('/').slice(0, -1)];
  const inside = () => done.length >= top.length && top.every((n, i) => done[i] === n);
  const onTheWay = () => done.length < top.length && done.every((n, i) => top[i] === n);
  const first = targets.get((tree.get(path) as TreeEntry).id);
  if (first === undefined) return { kind: 'missing' };
  if (first === '' || first.startsWith('/')) return { kind: 'outside' };
  let todo = first.split('/');
  let hops = 1;
  while (todo.length > 0) {
    const name = todo.shift() as string;
    if (name === '' || name === '.') continue;
    if (name === '..') {
      if (done.length === 0) return { kind: 'outside' };
      done.pop();
      continue;
    }
    done.push(name);
    if (!inside()) {
      if (onTheWay()) continue; // a parent of the ladder directory: a real folder
      return { kind: 'outside' };
    }
    const entry = tree.get(done.slice(top.length).join('/'));
    if (entry?.mode === LINK) {
      if (++hops > MAX_HOPS) return { kind: 'loop' };
      const target = targets.get(entry.id);
      if (target === undefined) return { kind: 'missing' };
      if (target === '' || target.startsWith('/')) return { kind: 'outside' };
      done.pop();
      todo = [...target.split('/'), ...todo];
      continue;
    }
    if (entry && todo.some((n) => n !== '' && n !== '.')) return { kind: 'missing' }; // a file where a folder should be
  }
  if (!inside()) return { kind: 'outside' };
  const rel = done.slice(top.length).join('/');
  const entry = tree.get(rel);
  if (entry?.type === 'blob') return { kind: 'file', path: rel, read: entry };
  if (entry || isFolder(rel)) return { kind: 'folder' }; // a folder, or a submodule
  return { kind: 'missing' };
}
