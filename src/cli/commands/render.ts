import { createHash } from 'node:crypto';
import {
  closeSync,
  constants,
  existsSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  realpathSync,
  rmdirSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { checkLadder } from '../../check.js';
import { countBySeverity } from '../../core/diagnostic.js';
import { readGitHistory } from '../../node/git-history.js';
import { readLadderVersions } from '../../node/ladder-versions.js';
import { ParallelWriter } from '../../node/parallel-writer.js';
import { readLadderDir, readRegular } from '../../node/read-ladder-dir.js';
import { formatText } from '../../report/text.js';
import { VERSION } from '../../version.js';
import { COLOR_OPTIONS, colorFlag, ladderDirArg, parseCommandArgs } from '../args.js';
import { type CliIo, EXIT_OK, EXIT_PROBLEMS, UsageError } from '../io.js';

export const renderHelp = `Usage: ladder render [DIR] --out OUT [--base-url PATH]

Renders the ladder in DIR (default: ./ladder) as a static site in OUT, ready for GitHub Pages:
the tracks side by side, a page per track and per level, competency matrices, "what changes"
pages for every promotion and track switch, search, a changelog of what each version changed
(from git history), ladder.json (the ladder as data), robots.txt and a sitemap.
The ladder is checked first; a ladder with errors is not rendered. packets/ is never read.

Options:
  --dir DIR             the ladder directory (default ./ladder); the same as giving DIR
  -o, --out OUT         the directory to write (created; must be empty or a previous render,
                        with no symbolic link inside)
  --base-url PATH       where the site is served: / (default), /repo/ for a GitHub Pages project
                        site, or a full URL (https://org.github.io/repo/) for absolute sitemap URLs
  --color, --no-color   force colour on or off for the problems it prints (default: on a
                        terminal, unless NO_COLOR is set; FORCE_COLOR=1 forces it)
  -h, --help            show this help

Exit status: 0 rendered, 1 the ladder has errors, 2 usage error or unreadable DIR.
`;

/**
 * Lists what the last render wrote, so that the next one can remove pages that no longer exist,
 * with a hash of each file's bytes, so that it leaves a file whose bytes did not change alone (its
 * mtime and inode kept: a sync to a host, or rsync, sends only what changed).
 */
export const MANIFEST = '.ladder-render.json';

/** The manifest's hash of a file's contents: its size in bytes and a SHA-1 of them. */
function contentHash(contents: string): string {
  return `${Buffer.byteLength(contents)}:${createHash('sha1').update(contents).digest('base64url')}`;
}

// A file is written only where it is: never through a link put in its place (previousRender has
// refused any link inside OUT already; this holds if one appears meanwhile).
const WRITE_FLAGS = constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | (constants.O_NOFOLLOW ?? 0);

function writeOwn(target: string, contents: string | Uint8Array): void {
  const fd = openSync(target, WRITE_FLAGS, 0o666);
  try {
    writeFileSync(fd, contents);
  } finally {
    closeSync(fd);
  }
}

export async function render(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(args, {
    dir: { type: 'string' },
    out: { type: 'string', short: 'o' },
    'base-url': { type: 'string' },
    ...COLOR_OPTIONS,
    help: { type: 'boolean', short: 'h' },
  });
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(renderHelp);
    return EXIT_OK;
  }
  if (positionals.length > 1) throw new UsageError(`render takes one directory, got ${positionals.length}`);
  if (!values.out) throw new UsageError('--out is required: the directory to write the site to');
  const dir = resolve(io.cwd, ladderDirArg(values.dir, positionals[0]));
  const out = resolve(io.cwd, values.out);
  if (out === dir) throw new UsageError('--out must not be the ladder directory itself');

  // git walks the history for the changelog while the renderer loads and the ladder is checked.
  const historyRead = readGitHistory(dir);
  // The renderer (and remark with it) loads only here: `ladder check` never pays for it.
  const { renderFiles, parseBaseUrl, BaseUrlError } = await import('../../render/index.js');
  let base: ReturnType<typeof parseBaseUrl>;
  try {
    base = parseBaseUrl(values['base-url']);
  } catch (error) {
    if (error instanceof BaseUrlError) throw new UsageError(error.message);
    throw error;
  }
  const previous = previousRender(out, values.out);

  // Packets are personal: the site is made from the ladder alone, and packets/ is not even read.
  const files = readLadderDir(dir, { personal: false });
  const result = checkLadder(files);
  const prefix = relative(io.cwd, dir).split(sep).join('/');
  const diagnostics = result.diagnostics.map((d) => ({ ...d, file: prefix ? `${prefix}/${d.file}` : d.file }));
  if (diagnostics.length > 0) io.stdout(formatText({ diagnostics, files: result.files, version: VERSION }, colorFlag(parsed) ?? io.color));
  if (countBySeverity(diagnostics).errors > 0) {
    io.stderr('ladder render: the ladder has errors (above); fix them and render again. Nothing was written.\n');
    return EXIT_PROBLEMS;
  }

  const history = await historyRead;
  // The versions of ladder.yml and what each changed, read from git without packets.
  const versions = history.available ? readLadderVersions(dir, (files) => checkLadder(files).ladder) : history;
  // Each file is written as soon as it is made: a large site is not held in memory at once.
  const generator = `ladder-as-code ${VERSION}`;
  // A page whose inputs have the key they had last time is not even built, if its file is still
  // the one written then (its recorded size); keys of another version of the renderer mean nothing.
  const reusable = previous.generator === generator;
  const reuse = (path: string, key: string) =>
    reusable && previous.keys.get(path) === key && sameSize(join(out, ...path.split('/')), previous.hashes.get(path) ?? '');
  const digest = (text: string) => createHash('sha1').update(text).digest('base64url');
  const cache = join(out, SEARCH_CACHE);
  const cached = (key: string) => (reusable ? readCached(cache, key) : undefined);
  const output = renderFiles(result.ladder, { baseUrl: base, history, versions, incremental: { digest, reuse, cached } });
  const written: string[] = [];
  const hashes: Record<string, string> = {};
  const keys: Record<string, string> = {};
  // Files are written on other threads while the next pages are made (parallel-writer.ts).
  const writer = new ParallelWriter(WRITE_FLAGS);
  let unchanged = 0;
  let next = output.next();
  for (; !next.done; next = output.next()) {
    const [path, contents, key] = next.value;
    written.push(path);
    if (key !== undefined) keys[path] = key;
    if (contents === undefined) {
      hashes[path] = previous.hashes.get(path) as string; // reuse() found it
      unchanged++;
      continue;
    }
    const hash = contentHash(contents);
    hashes[path] = hash;
    const target = join(out, ...path.split('/'));
    if (previous.hashes.get(path) === hash && sameSize(target, hash)) {
      unchanged++;
      continue;
    }
    await writer.write(target, contents);
  }
  await writer.finish();
  const site = next.value;
  written.sort();
  removeStale(out, previous.files, new Set(written));
  // hashes[i] is the hash of files[i]: the paths once, so that a large site's manifest stays small.
  const manifest = { generator, files: written, hashes: written.map((path) => hashes[path]), keys: written.map((path) => keys[path] ?? null) };
  writeOwn(join(out, MANIFEST), `${JSON.stringify(manifest, null, 1)}\n`);
  writeSearchCache(cache, site.searchCache ?? [], new Set(Object.values(keys)));

  const rel = relative(io.cwd, out);
  const shown = rel === '' ? '.' : rel.startsWith('..') ? out : rel;
  const changelog = history.available
    ? `${history.entries.length} ${history.entries.length === 1 ? 'commit' : 'commits'} in the changelog`
    : `no git history for the changelog (${history.reason})`;
  io.stdout(
    `Rendered ${site.pages.length + 1} pages (${written.length} files${unchanged > 0 ? `, ${unchanged} of them unchanged and not rewritten` : ''}) for ${result.ladder.organization} into ${shown}${shown.endsWith('/') ? '' : '/'}, base URL ${base.origin ?? ''}${base.path}; ${changelog}.\n`,
  );
  return EXIT_OK;
}

/**
 * The search entries of each level, for the next render (RenderOptions.incremental.cached): one
 * file per level, named by the key of the level's inputs, so that a one-level edit writes one file.
 * Beside the manifest, inside OUT: the same checks keep writes there (no link anywhere in OUT).
 */
export const SEARCH_CACHE = '.ladder-render-search';
const CACHE_NAME = /^[A-Za-z0-9_-]{1,64}\.json$/;

/** A cached level's entries as text, read under the same cap as a ladder file; undefined when there is none to read. */
function readCached(cache: string, key: string): string | undefined {
  const name = `${key}.json`;
  if (!CACHE_NAME.test(name)) return undefined;
  const file = readRegular(join(cache, name), name);
  return 'text' in file ? file.text : undefined;
}

/**
 * Writes the levels indexed anew and removes entries no page key names any more. A cache that
 * cannot be written (a file in its place, a full disk) only makes the next render slower: the site
 * is written already, so that is not an error.
 */
function writeSearchCache(cache: string, fresh: Array<[string, string]>, current: Set<string>): void {
  // Each step on its own: what fails (a folder in a file's place) leaves the rest to be done.
  const attempt = (step: () => void) => {
    try {
      step();
    } catch {
      // See above: the next render indexes the levels it finds no entries for.
    }
  };
  attempt(() => {
    if (!existsSync(cache)) mkdirSync(cache);
  });
  if (!isFolder(cache)) return;
  for (const [key, json] of fresh) attempt(() => writeOwn(join(cache, `${key}.json`), json));
  for (const name of readdirSync(cache)) {
    if (!CACHE_NAME.test(name) || current.has(name.slice(0, -'.json'.length))) continue;
    attempt(() => {
      const target = join(cache, name);
      if (lstatSync(target).isFile()) unlinkSync(target);
    });
  }
}

function isFolder(path: string): boolean {
  try {
    return lstatSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Whether the file at `target` is a regular file of the size `hash` records (a file the user truncated or replaced is written again). */
function sameSize(target: string, hash: string): boolean {
  try {
    const stat = lstatSync(target);
    return stat.isFile() && String(stat.size) === hash.slice(0, hash.indexOf(':'));
  } catch {
    return false;
  }
}

interface PreviousRender {
  files: string[];
  /** Path → contentHash() of what the previous render wrote there (none for a manifest without hashes). */
  hashes: Map<string, string>;
  /** Path → the key of the page's inputs (RenderOptions.incremental), for pages. */
  keys: Map<string, string>;
  generator: string | undefined;
}

/**
 * The files of the previous render in `out`, and their hashes, or none when `out` is new or empty; refuses anything
 * else, and refuses an `out` that holds a symbolic link anywhere: writing or deleting there would
 * reach whatever it points at (`out` itself may be a link: that is where the user sends the site).
 */
function previousRender(out: string, shown: string): PreviousRender {
  const none: PreviousRender = { files: [], hashes: new Map(), keys: new Map(), generator: undefined };
  if (!existsSync(out)) return none;
  if (!statSync(out).isDirectory()) throw new UsageError(`--out ${shown} exists and is not a directory`);
  const entries = readdirSync(out);
  if (entries.length === 0) return none;
  const manifest = join(out, MANIFEST);
  if (!existsSync(manifest)) {
    throw new UsageError(`--out ${shown} is not empty and was not written by ladder render; choose an empty or new directory (nothing was written)`);
  }
  const link = findLink(out, '');
  if (link !== undefined) {
    throw new UsageError(
      `--out ${shown} holds a symbolic link (${link}); ladder render never writes nor deletes through a link. Remove the link, or choose another directory, and render again (nothing was written)`,
    );
  }
  const file = readRegular(manifest, MANIFEST); // bounded, and never blocks on something that is not a file
  try {
    const data = 'text' in file ? (JSON.parse(file.text) as { files?: unknown; hashes?: unknown; keys?: unknown; generator?: unknown }) : {};
    const files = Array.isArray(data.files) ? data.files.filter((f): f is string => typeof f === 'string') : [];
    // hashes[i] and keys[i] belong to files[i]: only when every entry of files was a path.
    const parallel = (list: unknown) => {
      const map = new Map<string, string>();
      if (Array.isArray(list) && Array.isArray(data.files) && list.length === files.length && data.files.length === files.length)
        list.forEach((value, i) => {
          if (typeof value === 'string') map.set(files[i] as string, value);
        });
      return map;
    };
    return { files, hashes: parallel(data.hashes), keys: parallel(data.keys), generator: typeof data.generator === 'string' ? data.generator : undefined };
  } catch {
    return none;
  }
}

/** The first symbolic link under `dir` (relative path), looking without following any. */
function findLink(dir: string, rel: string): string | undefined {
  for (const entry of readdirSync(join(dir, rel), { withFileTypes: true })) {
    const path = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isSymbolicLink()) return path;
    if (entry.isDirectory()) {
      const found = findLink(dir, path);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** Removes files the previous render wrote and this one did not (a renamed level's old page), and their empty folders. */
function removeStale(out: string, previous: string[], current: Set<string>): void {
  let realOut: string | undefined;
  for (const path of previous) {
    // Only plain relative paths, as this command writes them: a tampered manifest must not reach outside OUT.
    if (current.has(path) || path.split('/').some((s) => s === '..' || s === '.' || s === '') || path.startsWith('/') || /[\\:\0]/.test(path)) continue;
    const target = join(out, ...path.split('/'));
    try {
      // Only a file of ours, in a folder that is really where the manifest says (no link on the way).
      realOut ??= realpathSync(out);
      if (realpathSync(dirname(target)) !== join(realOut, ...path.split('/').slice(0, -1))) continue;
      if (!lstatSync(target).isFile()) continue;
      unlinkSync(target);
    } catch {
      continue;
    }
    for (let folder = dirname(target); folder.startsWith(out + sep); folder = dirname(folder)) {
      try {
        rmdirSync(folder); // only succeeds when empty
      } catch {
        break;
      }
    }
  }
}
