import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { runCli } from '../helpers/cli.js';
import { exampleFiles, without, writeLadder } from '../helpers/ladder-files.js';

/*
 * `ladder render` never writes nor deletes through a symbolic link inside --out: a link there
 * (put by a hostile step, or by mistake) makes it refuse with exit 2 before anything is written.
 */

let work: string;
/** Someone else's files, which a link inside the site points at. */
let victim: string;

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'ladder-render-links-'));
  writeLadder(join(work, 'ladder'), exampleFiles());
  victim = join(work, 'victim');
  mkdirSync(join(victim, 'M4'), { recursive: true });
  writeFileSync(join(victim, 'M4', 'index.html'), 'not yours\n');
  writeFileSync(join(victim, 'index.html'), 'not yours either\n');
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

/** Every file under `dir` (links not followed) with its contents and modification time. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const entry of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path);
      else if (entry.isSymbolicLink()) out[path] = 'link';
      else out[path] = `${statSync(join(dir, path)).mtimeMs} ${readFileSync(join(dir, path), 'utf8').length}`;
    }
  };
  walk('');
  return out;
}

async function renderTwice(plant: () => void): Promise<{ status: number; stderr: string; before: Record<string, string>; victim: Record<string, string> }> {
  expect((await runCli(['render', 'ladder', '--out', 'site'], work)).status).toBe(0);
  // The next render drops M4: its old pages are stale and would be removed.
  rmSync(join(work, 'ladder'), { recursive: true });
  writeLadder(join(work, 'ladder'), without(exampleFiles(), 'levels/em/M4.md'));
  plant();
  const before = snapshot(join(work, 'site'));
  const victimBefore = snapshot(victim);
  const run = await runCli(['render', 'ladder', '--out', 'site'], work);
  expect(snapshot(victim)).toEqual(victimBefore);
  expect(readFileSync(join(victim, 'M4', 'index.html'), 'utf8')).toBe('not yours\n');
  expect(readFileSync(join(victim, 'index.html'), 'utf8')).toBe('not yours either\n');
  return { status: run.status, stderr: run.stderr, before, victim: victimBefore };
}

describe('ladder render and symbolic links inside --out', () => {
  test('a folder of the site replaced by a link elsewhere: refused, nothing written nor deleted there', async () => {
    const run = await renderTwice(() => {
      rmSync(join(work, 'site', 'levels'), { recursive: true });
      symlinkSync(victim, join(work, 'site', 'levels'));
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--out site holds a symbolic link (levels)');
    expect(snapshot(join(work, 'site'))).toEqual(run.before);
  });

  test('a page of the site replaced by a link to a file elsewhere: refused, the file is not overwritten', async () => {
    const run = await renderTwice(() => {
      rmSync(join(work, 'site', 'index.html'));
      symlinkSync(join(victim, 'index.html'), join(work, 'site', 'index.html'));
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--out site holds a symbolic link (index.html)');
    expect(snapshot(join(work, 'site'))).toEqual(run.before);
  });

  test('a manifest that lists a path through a link is refused as well', async () => {
    const run = await renderTwice(() => {
      symlinkSync(victim, join(work, 'site', 'old'));
      const manifest = join(work, 'site', '.ladder-render.json');
      const data = JSON.parse(readFileSync(manifest, 'utf8'));
      data.files.push('old/M4/index.html', 'old/index.html');
      writeFileSync(manifest, JSON.stringify(data));
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('symbolic link (old)');
  });

  test('--out itself may be a link to a directory: it is where the user asked the site to go', async () => {
    mkdirSync(join(work, 'real-site'));
    symlinkSync(join(work, 'real-site'), join(work, 'site'));
    expect((await runCli(['render', 'ladder', '--out', 'site'], work)).status).toBe(0);
    expect(readFileSync(join(work, 'real-site', 'index.html'), 'utf8')).toContain('Northwind Engineering');
  });
});
