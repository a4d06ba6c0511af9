import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { type Browser, chromium, type Page } from 'playwright-core';
// @ts-expect-error: the benchmark's generator is plain JavaScript
import { generateOrg } from '../../bench/generate.js';
import { readLadderDir } from '../../src/node/read-ladder-dir.js';
import { exampleFiles } from '../helpers/ladder-files.js';
import { CHROMIUM, CHROMIUM_ARGS, ensureChromium, ladderOf, renderTo, type SiteServer, serveSite } from './helpers.js';

// Search in Debian's chromium: typos, "show all", and what the first query downloads, on the
// example ladder and on a generated org large enough to split its index.
const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const BASE = '/ladder-as-code/';

let work: string;
let browser: Browser;
let example: SiteServer;
let org: SiteServer;
let orgIndexBytes = 0;

beforeAll(async () => {
  ensureChromium();
  work = mkdtempSync(join(tmpdir(), 'ladder-search-browser-'));
  renderTo(join(work, 'example'), ladderOf(exampleFiles()), { baseUrl: BASE });
  generateOrg(join(work, 'org-src'), { tracks: 4, levels: 8, competencies: 25 });
  const written = renderTo(join(work, 'org'), ladderOf(readLadderDir(join(work, 'org-src'))), { baseUrl: BASE });
  const { statSync } = await import('node:fs');
  for (const path of written) if (path.startsWith('search/') && path.endsWith('.json')) orgIndexBytes += statSync(join(work, 'org', path)).size;
  example = await serveSite(join(work, 'example'), BASE);
  org = await serveSite(join(work, 'org'), BASE);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await example?.close();
  await org?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** A page that records the search files it receives, with their sizes, and its errors. */
async function open(options: { bypassCSP?: boolean } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const received: Array<{ path: string; bytes: number }> = [];
  const pending: Array<Promise<void>> = [];
  const problems: string[] = [];
  page.on('response', (r) => {
    const path = new URL(r.url()).pathname;
    if (!path.includes('/search/') || !path.endsWith('.json')) return;
    pending.push(
      r
        .body()
        .catch(() => Buffer.alloc(0))
        .then((body) => {
          received.push({ path: path.slice(path.indexOf('/search/') + 1), bytes: body.length });
        }),
    );
  });
  /** The search files received so far, once their bodies are read. */
  const files = async () => {
    await Promise.all(pending);
    return received;
  };
  page.on('pageerror', (e) => {
    problems.push(e.message);
  });
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  return { context, page, files, problems };
}

const status = (page: Page) => page.locator('#ladder-results-status');

describe('search in the browser', () => {
  test('forgives typos and joins hyphenated words: "incidnet", "oncall"', async () => {
    const { context, page, problems } = await open();
    await page.goto(`${example.url}search/?q=incidnet`);
    await status(page)
      .filter({ hasText: /^\d+ results? for “incidnet”\.$/ })
      .waitFor();
    await expect(page.locator('#ladder-results-list mark').first().textContent()).resolves.toMatch(/^incidents?$/i);
    const box = page.getByRole('searchbox', { name: 'Words to look for' });
    await box.fill('oncall');
    await status(page)
      .filter({ hasText: /results? for “oncall”/ })
      .waitFor();
    await expect(page.locator('#ladder-results-list mark').first().textContent()).resolves.toMatch(/^on-call$/i);
    // Snippets are cut between words.
    for (const text of await page.locator('#ladder-results-list p').allTextContents()) expect(text).toMatch(/^(… )?\S.*\S( …)?$/);
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);

  test('the head loads on focus, and the first query downloads only the shards it needs', async () => {
    const { context, page, files, problems } = await open();
    await page.goto(`${org.url}search/`);
    await page.waitForLoadState('networkidle');
    await expect(files()).resolves.toEqual([]);
    const box = page.getByRole('searchbox', { name: 'Words to look for' });
    const head = page.waitForResponse((r) => r.url().endsWith('/search/index.json'));
    await box.focus();
    await head;
    await expect(files().then((list) => list.map((r) => r.path))).resolves.toEqual(['search/index.json']);
    await box.fill('incident');
    await status(page)
      .filter({ hasText: /results? for “incident”/ })
      .waitFor();
    const received = await files();
    const paths = received.map((r) => r.path);
    const terms = paths.filter((p) => p.startsWith('search/terms/'));
    expect(terms).toHaveLength(1);
    expect(terms[0]).toMatch(/^search\/terms\/in?\.json$/);
    expect(paths.filter((p) => !p.startsWith('search/terms/') && p !== 'search/index.json').every((p) => p.startsWith('search/text/'))).toBe(true);
    const bytes = received.reduce((n, r) => n + r.bytes, 0);
    expect(bytes).toBeLessThan(orgIndexBytes / 4);
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);

  test('shows the first 50 results, then all of them on request, keyboard first', async () => {
    const { context, page, problems } = await open({ bypassCSP: true });
    await page.goto(`${org.url}search/?q=team`);
    await status(page)
      .filter({ hasText: /, showing the first 50\.$/ })
      .waitFor();
    const total = Number(/^(\d+) results/.exec((await status(page).textContent()) ?? '')?.[1]);
    expect(total).toBeGreaterThan(50);
    await expect(page.locator('#ladder-results-list > li').count()).resolves.toBe(50);
    const more = page.getByRole('button', { name: `Show all ${total} results` });
    await more.focus();
    await page.keyboard.press('Enter');
    await status(page)
      .filter({ hasText: new RegExp(`^${total} results for “team”\\.$`) })
      .waitFor();
    await expect(page.locator('#ladder-results-list > li').count()).resolves.toBe(total);
    await expect(more.isHidden()).resolves.toBe(true);
    // Focus moves to the first result that was not shown before.
    await expect(page.evaluate('document.activeElement.closest("li") === document.querySelectorAll("#ladder-results-list > li")[50]')).resolves.toBe(true);
    await page.addScriptTag({ path: AXE });
    const result = (await page.evaluate("axe.run({ resultTypes: ['violations'] })")) as { violations: Array<{ id: string }> };
    expect(result.violations.map((v) => v.id)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);
});
