import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { type RenderedFile, renderFiles, renderSite } from '../../src/render/index.js';
import { runCli } from '../helpers/cli.js';
import { edit, exampleFiles, without, writeLadder } from '../helpers/ladder-files.js';
import { filesUnder, ladderOf } from './helpers.js';

/*
 * `ladder render` into a previous render rewrites only the files whose bytes changed: the manifest
 * records a hash of each file, and a file with the same hash (and size on disk) keeps its inode and
 * mtime, so that a deploy or rsync sends only what changed.
 */

let work: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'ladder-render-incremental-'));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

const site = (path: string) => join(work, 'site', ...path.split('/'));
/** A file's identity on disk: a rewrite (O_TRUNC) keeps the inode but moves the mtime, so both are compared. */
const identity = (path: string) => {
  const s = statSync(site(path), { bigint: true });
  return `${s.ino} ${s.mtimeNs}`;
};

async function render(files: ReturnType<typeof exampleFiles>, out = 'site'): Promise<string> {
  rmSync(join(work, 'ladder'), { recursive: true, force: true });
  writeLadder(join(work, 'ladder'), files);
  const run = await runCli(['render', 'ladder', '--out', out], work);
  expect(run.status).toBe(0);
  return run.stdout;
}

/** Every file under a folder of `work` with its bytes (a site, with its manifest and kept search entries). */
const tree = (out: string, skip = '\u0000') =>
  Object.fromEntries(
    filesUnder(join(work, out))
      .filter((f) => !f.startsWith(skip))
      .map((f) => [f, readFileSync(join(work, out, ...f.split('/')), 'latin1')]),
  );

/** The same ladder rendered into an empty folder: what an incremental render must write. */
async function fresh(files: ReturnType<typeof exampleFiles>, skip?: string): Promise<Record<string, string>> {
  rmSync(join(work, 'fresh'), { recursive: true, force: true });
  await render(files, 'fresh');
  return tree('fresh', skip);
}

const CACHE = '.ladder-render-search';
const E5 = (files: ReturnType<typeof exampleFiles>) =>
  edit(files, 'levels/ic/E5.md', 'shared platforms, data pipelines or core APIs', 'shared platforms, event buses or core APIs');

/** Waits until the clock has moved past the last write, so that a rewrite would show in the mtime. */
async function tick(): Promise<void> {
  const mark = join(work, 'mark');
  writeFileSync(mark, '');
  const before = statSync(mark, { bigint: true }).mtimeNs;
  for (;;) {
    await new Promise((r) => setTimeout(r, 5));
    writeFileSync(mark, '');
    if (statSync(mark, { bigint: true }).mtimeNs !== before) return;
  }
}

describe('ladder render into its previous render', () => {
  test('the same ladder again: no file is rewritten, and it says so', async () => {
    await render(exampleFiles());
    const paths = ['index.html', 'levels/E2/index.html', 'changes/E4-M1/index.html', 'assets/site.css', 'ladder.json'];
    const before = paths.map(identity);
    await tick();
    const out = await render(exampleFiles());
    expect(paths.map(identity)).toEqual(before);
    expect(out).toMatch(/^Rendered 47 pages \((\d+) files, \1 of them unchanged and not rewritten\) for/);
  });

  test("one level's text changed: its pages are rewritten, the others kept", async () => {
    await render(exampleFiles());
    const kept = ['index.html', 'levels/E2/index.html', 'levels/M1/index.html', 'changes/E2-E3/index.html', 'matrix/em/index.html'];
    const rewritten = [
      'levels/E5/index.html',
      'levels/E5/checklist/index.html',
      'changes/E4-E5/index.html',
      'changes/E5-M2/index.html',
      'matrix/ic/index.html',
    ];
    const before = [...kept, ...rewritten].map(identity);
    const pageBefore = readFileSync(site('levels/E5/index.html'), 'utf8');
    await tick();
    await render(edit(exampleFiles(), 'levels/ic/E5.md', 'shared platforms, data pipelines or core APIs', 'shared platforms, event buses or core APIs'));
    expect(kept.map(identity)).toEqual(before.slice(0, kept.length));
    for (const [i, path] of rewritten.entries()) expect([path, identity(path)]).not.toEqual([path, before[kept.length + i]]);
    expect(readFileSync(site('levels/E5/index.html'), 'utf8')).not.toBe(pageBefore);
    expect(readFileSync(site('levels/E5/index.html'), 'utf8')).toContain('event buses');
  });

  test('after a one-level edit, the site is, file for file, the one a fresh render writes (search index and kept entries included)', async () => {
    await render(exampleFiles());
    await render(E5(exampleFiles()));
    const expected = await fresh(E5(exampleFiles()));
    expect(Object.keys(expected).filter((f) => f.startsWith(`${CACHE}/`)).length).toBeGreaterThan(10);
    expect(tree('site')).toEqual(expected);
    // And back: the entries kept for the edited level's old text are gone, the level's current ones kept.
    await render(exampleFiles());
    expect(tree('site')).toEqual(await fresh(exampleFiles()));
  });

  test("the search entries are kept per level: a one-level edit writes that level's file and removes its old one, nothing else", async () => {
    await render(exampleFiles());
    const before = readdirSync(site(CACHE));
    const identities = before.map((name) => identity(`${CACHE}/${name}`));
    await tick();
    await render(E5(exampleFiles()));
    const after = readdirSync(site(CACHE));
    expect(after).toHaveLength(before.length);
    const gone = before.filter((name) => !after.includes(name));
    expect(gone).toHaveLength(1);
    expect(after.filter((name) => !before.includes(name))).toHaveLength(1);
    // The others are the same files, not rewritten.
    before.forEach((name, i) => {
      if (!gone.includes(name)) expect(identity(`${CACHE}/${name}`)).toBe(identities[i]);
    });
  });

  test('kept search entries that are corrupt, hostile, too large or not files are ignored: the level is indexed anew, never a crash', async () => {
    const corruptions: Array<[string, string | ((path: string) => void)]> = [
      ['not JSON', '{"sections": ['],
      ['null', 'null'],
      ['a list', '[1, 2, 3]'],
      ['empty', '{}'],
      ['no overview first', '{"sections": ["delivery"], "lengths": [3], "terms": []}'],
      ['an unknown competency', '{"sections": ["", "no-such-competency"], "lengths": [3, 4], "terms": []}'],
      ['lengths that do not match', '{"sections": [""], "lengths": [3, 4], "terms": []}'],
      ['a negative length', '{"sections": [""], "lengths": [-1], "terms": []}'],
      ['an entry out of range', '{"sections": [""], "lengths": [3], "terms": [["word", [7]]]}'],
      ['entries out of order', '{"sections": ["", "", ""], "lengths": [3, 3, 3], "terms": [["word", [2, 1]]]}'],
      ['a term twice', '{"sections": [""], "lengths": [3], "terms": [["word", [0]], ["word", [0]]]}'],
      ['a term that is not text', '{"sections": [""], "lengths": [3], "terms": [[{"__proto__": 1}, [0]]]}'],
      ['over 4 MiB', `{"sections": [""], "lengths": [3], "terms": [["${'x'.repeat(5 * 1024 * 1024)}", [0]]]}`],
      [
        'a folder',
        (path) => {
          rmSync(path);
          mkdirSync(path);
        },
      ],
    ];
    const expected = await fresh(exampleFiles(), `${CACHE}/`);
    for (const [what, corruption] of corruptions) {
      rmSync(site(''), { recursive: true, force: true });
      await render(exampleFiles());
      for (const name of readdirSync(site(CACHE))) {
        const path = site(`${CACHE}/${name}`);
        if (typeof corruption === 'string') writeFileSync(path, corruption);
        else corruption(path);
      }
      await render(exampleFiles());
      expect([what, tree('site', `${CACHE}/`)]).toEqual([what, expected]);
    }
  });

  test('a file in place of the kept search entries: the site is still written, and the next render as well', async () => {
    await render(exampleFiles());
    rmSync(site(CACHE), { recursive: true });
    writeFileSync(site(CACHE), 'not a folder');
    await render(E5(exampleFiles()));
    expect(tree('site', CACHE)).toEqual(await fresh(E5(exampleFiles()), CACHE));
    rmSync(site(CACHE));
    await render(exampleFiles());
    expect(tree('site')).toEqual(await fresh(exampleFiles()));
  });

  test("a removed level's pages are deleted, and the manifest no longer lists them", async () => {
    await render(exampleFiles());
    expect(existsSync(site('levels/M4/index.html'))).toBe(true);
    await render(without(exampleFiles(), 'levels/em/M4.md'));
    expect(existsSync(site('levels/M4/index.html'))).toBe(false);
    expect(existsSync(site('changes/M3-M4/index.html'))).toBe(false);
    const manifest = JSON.parse(readFileSync(site('.ladder-render.json'), 'utf8')) as { files: string[]; hashes: string[] };
    expect(manifest.files).not.toContain('levels/M4/index.html');
    expect(manifest.hashes).toHaveLength(manifest.files.length);
  });

  test('a file changed or truncated on disk since is written again, even when its hash says it has not changed', async () => {
    await render(exampleFiles());
    const page = readFileSync(site('levels/E2/index.html'), 'utf8');
    writeFileSync(site('levels/E2/index.html'), 'truncated');
    rmSync(site('levels/E3/index.html'));
    await render(exampleFiles());
    expect(readFileSync(site('levels/E2/index.html'), 'utf8')).toBe(page);
    expect(existsSync(site('levels/E3/index.html'))).toBe(true);
  });

  test('a manifest without hashes (an older render) rewrites every file, as before', async () => {
    await render(exampleFiles());
    const manifest = site('.ladder-render.json');
    const data = JSON.parse(readFileSync(manifest, 'utf8')) as { hashes?: string[] };
    delete data.hashes;
    writeFileSync(manifest, JSON.stringify(data));
    const before = identity('index.html');
    await tick();
    const out = await render(exampleFiles());
    expect(identity('index.html')).not.toBe(before);
    expect(out).toMatch(/^Rendered 47 pages \(\d+ files\) for/);
  });
});

describe('renderFiles with incremental: pages whose inputs did not change are not built', () => {
  const build = (files: ReturnType<typeof exampleFiles>, previous: Map<string, string>) => {
    const keys = new Map<string, string>();
    const built: string[] = [];
    const output = renderFiles(ladderOf(files), {
      baseUrl: '/',
      incremental: { digest: (text) => createHash('sha1').update(text).digest('hex'), reuse: (file, key) => previous.get(file) === key },
    });
    for (let next = output.next(); !next.done; next = output.next()) {
      const [path, contents, key] = next.value;
      if (key !== undefined) keys.set(path, key);
      if (contents !== undefined) built.push(path);
    }
    return { keys, built };
  };

  test("a change to one level's text rebuilds the pages that show it, and nothing else of the pages", () => {
    const first = build(exampleFiles(), new Map());
    expect(first.built).toContain('levels/E2/index.html');
    const again = build(exampleFiles(), first.keys);
    expect(again.built.filter((p) => p.endsWith('.html'))).toEqual(['search/index.html', 'changelog/index.html', '404.html']);
    const edited = build(edit(exampleFiles(), 'levels/ic/E5.md', 'shared platforms, data pipelines or core APIs', 'shared platforms or core APIs'), first.keys);
    expect(edited.built.filter((p) => p.endsWith('.html') && !['search/index.html', 'changelog/index.html', '404.html'].includes(p)).sort()).toEqual([
      'changes/E4-E5/index.html',
      'changes/E5-E6/index.html',
      'changes/E5-M2/index.html',
      'levels/E5/checklist/index.html',
      'levels/E5/index.html',
      'matrix/ic/index.html',
    ]);
  });

  /** An incremental render after `previous`, its reused files filled in from it: the site it leaves on disk. */
  interface Rendered {
    keys: Map<string, string>;
    contents: Map<string, string>;
    built: string[];
    cache: Map<string, string>;
    stored: string[];
  }
  const incrementalSite = (files: ReturnType<typeof exampleFiles>, previous?: Rendered): Rendered => {
    const keys = new Map<string, string>();
    const contents = new Map<string, string>();
    const built: string[] = [];
    const cache = new Map(previous?.cache);
    const output = renderFiles(ladderOf(files), {
      baseUrl: '/',
      incremental: {
        digest: (text) => createHash('sha1').update(text).digest('hex'),
        reuse: (file, key) => previous?.keys.get(file) === key,
        cached: (key) => previous?.cache.get(key),
      },
    });
    let next = output.next();
    for (; !next.done; next = output.next()) {
      const [path, text, key] = next.value as RenderedFile;
      if (key !== undefined) keys.set(path, key);
      if (text !== undefined) built.push(path);
      contents.set(path, text ?? (previous?.contents.get(path) as string));
    }
    for (const [key, json] of next.value.searchCache ?? []) cache.set(key, json);
    return { keys, contents, built, cache, stored: (next.value.searchCache ?? []).map(([key]) => key) };
  };

  test("the search index reuses the entries of every level but the edited one, and the text files that hold none of the edited level's", () => {
    const first = incrementalSite(exampleFiles());
    const levels = ladderOf(exampleFiles()).levels.length;
    expect(first.stored).toHaveLength(levels);
    const edited = incrementalSite(E5(exampleFiles()), first);
    expect(edited.stored).toHaveLength(1);
    const texts = [...edited.contents.keys()].filter((p) => p.startsWith('search/text/'));
    const rebuilt = edited.built.filter((p) => p.startsWith('search/text/'));
    expect(rebuilt.length).toBeGreaterThan(0);
    expect(rebuilt.length).toBeLessThan(texts.length / 4);
    // Byte for byte the site a render from nothing makes.
    expect(Object.fromEntries(edited.contents)).toEqual(Object.fromEntries(renderSite(ladderOf(E5(exampleFiles())), { baseUrl: '/' }).files));
    // The same again: nothing of the search index's text is rebuilt, no level indexed anew.
    const again = incrementalSite(E5(exampleFiles()), edited);
    expect(again.stored).toEqual([]);
    expect(again.built.filter((p) => p.startsWith('search/text/'))).toEqual([]);
  });

  test("anything the cache gives that is not a level's entries is ignored: the same site as a render without it", () => {
    const expected = Object.fromEntries(renderSite(ladderOf(exampleFiles()), { baseUrl: '/' }).files);
    const garbage = [
      '',
      'null',
      '"text"',
      '{"sections": "", "lengths": [], "terms": []}',
      '{"sections": [""], "lengths": [1.5], "terms": []}',
      '{"sections": [""], "lengths": [1], "terms": [["a", []]]}',
    ];
    for (const value of garbage) {
      const files: Record<string, string> = {};
      const output = renderFiles(ladderOf(exampleFiles()), {
        baseUrl: '/',
        incremental: { digest: (text) => createHash('sha1').update(text).digest('hex'), reuse: () => false, cached: () => value },
      });
      for (let next = output.next(); !next.done; next = output.next()) files[next.value[0]] = next.value[1] as string;
      expect([value, files]).toEqual([value, expected]);
    }
  });

  test("a change to a level's front matter (its title, shown on other pages) rebuilds every page", () => {
    const first = build(exampleFiles(), new Map());
    const edited = build(edit(exampleFiles(), 'levels/ic/E5.md', 'title: Staff Engineer', 'title: Staff Software Engineer'), first.keys);
    expect(edited.built).toContain('levels/E2/index.html');
    expect(edited.built).toContain('changes/M1-M2/index.html');
  });
});
