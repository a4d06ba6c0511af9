import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { renderFiles } from '../../src/render/index.js';
import { runCli } from '../helpers/cli.js';
import { edit, exampleFiles, without, writeLadder } from '../helpers/ladder-files.js';
import { ladderOf } from './helpers.js';

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

async function render(files: ReturnType<typeof exampleFiles>): Promise<string> {
  rmSync(join(work, 'ladder'), { recursive: true, force: true });
  writeLadder(join(work, 'ladder'), files);
  const run = await runCli(['render', 'ladder', '--out', 'site'], work);
  expect(run.status).toBe(0);
  return run.stdout;
}

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

  test("a change to a level's front matter (its title, shown on other pages) rebuilds every page", () => {
    const first = build(exampleFiles(), new Map());
    const edited = build(edit(exampleFiles(), 'levels/ic/E5.md', 'title: Staff Engineer', 'title: Staff Software Engineer'), first.keys);
    expect(edited.built).toContain('levels/E2/index.html');
    expect(edited.built).toContain('changes/M1-M2/index.html');
  });
});
