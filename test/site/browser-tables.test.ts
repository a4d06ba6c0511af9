import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
// @ts-expect-error: the benchmark generator is plain JavaScript, without types
import { generateOrg } from '../../bench/generate.js';
import { runCli } from '../helpers/cli.js';
import { repoRoot } from '../helpers/ladder-files.js';
import { artifactsDir, CHROMIUM, CHROMIUM_ARGS, ensureChromium, type SiteServer, serveSite } from './helpers.js';

// The wide tables in a real browser: the matrix (sticky header and column, cards on a phone,
// compare two levels) and the home page of a ten-track org (sticky band column, track picker).
const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const BASE = '/ladder-as-code/';
// A full base URL: links use its path (served here locally), printouts show the whole URL.
const PUBLIC = `https://northwind.example${BASE}`;

let work: string;
let browser: Browser;
let example: SiteServer;
let org: SiteServer;

beforeAll(async () => {
  ensureChromium();
  work = mkdtempSync(join(tmpdir(), 'ladder-tables-'));
  generateOrg(join(work, 'org-ladder'), { tracks: 10, levels: 6, competencies: 4, families: 3 });
  for (const [ladder, out, base] of [
    ['ladder', join(work, 'example'), PUBLIC],
    [join(work, 'org-ladder'), join(work, 'org'), '/'],
  ] as const) {
    const run = await runCli(['render', ladder, '--out', out, '--base-url', base], repoRoot);
    if (run.status !== 0) throw new Error(`ladder render failed: ${run.stdout}${run.stderr}`);
  }
  example = await serveSite(join(work, 'example'), BASE);
  org = await serveSite(join(work, 'org'), '/');
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await example?.close();
  await org?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

const PHONE: BrowserContextOptions = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };

/** A page in a new context; `problems` collects console errors and page errors. */
async function open(options: BrowserContextOptions) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => {
    problems.push(`page error: ${e.message}`);
  });
  return { context, page, problems };
}

/** Evaluates a function body in the page (this project compiles without the DOM's types). */
const run = <T>(page: Page, body: string): Promise<T> => page.evaluate(`(async () => { ${body} })()`) as Promise<T>;
/** Lets scroll-driven styles catch up with a scroll. */
const settle = (page: Page) => run<void>(page, 'await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));');
const shot = (page: Page, name: string) => page.screenshot({ path: join(artifactsDir, `${name}.png`) });

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const result = (await page.evaluate("axe.run({ resultTypes: ['violations'] })")) as {
    violations: Array<{ id: string; nodes: Array<{ target: unknown }> }>;
  };
  return result.violations.map((v) => `${v.id} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`);
}

describe('the matrix on a phone', () => {
  test('shows one card per competency, each level of it labelled, and no page wider than the screen', async () => {
    const { context, page, problems } = await open(PHONE);
    await page.goto(`${example.url}matrix/ic/`);
    await expect(page.locator('.matrix thead').isHidden()).resolves.toBe(true);
    const cards = await run<Array<{ display: string; width: number }>>(
      page,
      "return [...document.querySelectorAll('.matrix tbody tr')].map((tr) => ({ display: getComputedStyle(tr).display, width: tr.getBoundingClientRect().width }));",
    );
    expect(cards).toHaveLength(7);
    for (const card of cards) {
      expect(card.display).toBe('block');
      expect(card.width).toBeGreaterThan(300);
      expect(card.width).toBeLessThanOrEqual(360);
    }
    const first = page.locator('.matrix tbody tr').first();
    await expect(first.locator('.cell-level').allInnerTexts()).resolves.toEqual([
      'E1 Engineer I',
      'E2 Engineer II',
      'E3 Engineer III',
      'E4 Senior Engineer',
      'E5 Staff Engineer',
      'E6 Senior Staff Engineer',
      'E7 Principal Engineer',
      'E8 Distinguished Engineer',
    ]);
    await expect(run<number>(page, 'return document.documentElement.scrollWidth - innerWidth;')).resolves.toBe(0);
    await shot(page, 'tables-phone-matrix-cards');
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);

  test('as a table (#as-table), its sticky competency column takes less than 40 % of the screen and stays put', async () => {
    const { context, page } = await open(PHONE);
    await page.goto(`${example.url}matrix/ic/`);
    await page.getByRole('link', { name: 'Show as a table' }).click();
    await page.waitForURL(/#as-table$/);
    await expect(page.locator('.matrix thead').isVisible()).resolves.toBe(true);
    const measure = () =>
      run<{ corner: number; row: number; left: number; scrolled: number }>(
        page,
        "const corner = document.querySelector('.matrix thead th'); const row = document.querySelector('.matrix tbody th'); return { corner: corner.getBoundingClientRect().width, row: row.getBoundingClientRect().width, left: row.getBoundingClientRect().left, scrolled: document.querySelector('.matrix-scroll').scrollLeft };",
      );
    const before = await measure();
    expect(before.corner / 360).toBeLessThan(0.4);
    expect(before.row / 360).toBeLessThan(0.4);
    await run(page, "document.querySelector('.matrix-scroll').scrollLeft = 400;");
    await settle(page);
    const after = await measure();
    expect(after.scrolled).toBeGreaterThan(300);
    expect(Math.abs(after.left - before.left)).toBeLessThan(1);
    await shot(page, 'tables-phone-matrix-table');
    await page.getByRole('link', { name: 'Show as cards' }).click();
    await expect(page.locator('.matrix thead').isHidden()).resolves.toBe(true);
    await context.close();
  }, 60_000);
});

describe('the matrix on a wide screen', () => {
  test('keeps its header row in view while the table scrolls down, and its competency column while it scrolls sideways', async () => {
    const { context, page } = await open(DESKTOP);
    await page.goto(`${example.url}matrix/ic/`);
    await run(page, "document.querySelector('.matrix-scroll').scrollIntoView();");
    const box = page.locator('.matrix-scroll');
    const top = (await box.boundingBox())?.y ?? Number.NaN;
    // Down by far more than a screen: the header row is still at the top of the box.
    await run(page, "const b = document.querySelector('.matrix-scroll'); b.scrollTop = 1500; b.scrollLeft = 900;");
    await settle(page);
    const state = await run<{ scrollTop: number; header: number; label: string; column: number; boxLeft: number }>(
      page,
      "const b = document.querySelector('.matrix-scroll'); const h = document.querySelectorAll('.matrix thead th')[4]; const c = document.querySelector('.matrix tbody th'); return { scrollTop: b.scrollTop, header: h.getBoundingClientRect().top, label: h.innerText, column: c.getBoundingClientRect().left, boxLeft: b.getBoundingClientRect().left };",
    );
    expect(state.scrollTop).toBeGreaterThan(1000);
    expect(Math.abs(state.header - top)).toBeLessThan(3);
    expect(state.header).toBeGreaterThanOrEqual(0);
    expect(state.label).toBe('E4 Senior Engineer');
    expect(Math.abs(state.column - state.boxLeft)).toBeLessThan(3);
    await shot(page, 'tables-matrix-scrolled');
    await context.close();
  }, 60_000);

  test('shows a shade on the edge that has more to show: the right one until the end, the column shadow once scrolled', async () => {
    const { context, page } = await open(DESKTOP);
    await page.goto(`${example.url}matrix/ic/`);
    const cue = () =>
      run<{ right: string; column: string }>(
        page,
        "return { right: getComputedStyle(document.querySelector('.matrix-scroll').parentElement, '::after').opacity, column: getComputedStyle(document.querySelector('.matrix tbody th')).boxShadow };",
      );
    await settle(page);
    const start = await cue();
    expect(start.right).toBe('1');
    expect(start.column).toMatch(/^(?:none|rgba\(0, 0, 0, 0\) 0px 0px 0px 0px)$/);
    await run(page, "document.querySelector('.matrix-scroll').scrollLeft = 300;");
    await settle(page);
    const middle = await cue();
    expect(middle.right).toBe('1');
    expect(middle.column).toMatch(/^rgba\(31, 35, 40, 0\.3\) 8px 0px 8px -4px$/);
    await run(page, "const b = document.querySelector('.matrix-scroll'); b.scrollLeft = b.scrollWidth;");
    await settle(page);
    await expect(cue().then((c) => c.right)).resolves.toBe('0');
    // The screen-reader hint says the same.
    await expect(page.locator('.matrix-scroll').getAttribute('aria-describedby')).resolves.toBe('ladder-matrix-caption-hint');
    await expect(page.locator('#ladder-matrix-caption-hint').textContent()).resolves.toMatch(/scrolls sideways/);
    await context.close();
  }, 60_000);

  test('compares two levels: the other columns go, the URL keeps the choice, "Show every level" brings them back', async () => {
    const { context, page, problems } = await open(DESKTOP);
    await page.goto(`${example.url}matrix/ic/`);
    const columns = () => page.locator('.matrix thead th:visible').allInnerTexts();
    await expect(columns()).resolves.toHaveLength(9);
    await page.getByLabel('Level', { exact: true }).selectOption('E6');
    await page.getByLabel('with').selectOption('E3');
    await page.getByRole('button', { name: 'Compare' }).click();
    await expect(columns()).resolves.toEqual(['Competency', 'E3 Engineer III', 'E6 Senior Staff Engineer']);
    await expect(page.locator('.matrix tbody tr').first().locator('td:visible').count()).resolves.toBe(2);
    await expect(page.locator('.picker-status').textContent()).resolves.toBe('Comparing E3 Engineer III and E6 Senior Staff Engineer.');
    expect(new URL(page.url()).search).toBe('?compare=E3%2CE6');
    await expect(page.locator('.matrix-jump a:visible').allInnerTexts()).resolves.toEqual(['E3', 'E6']);
    await page.reload();
    await expect(columns()).resolves.toEqual(['Competency', 'E3 Engineer III', 'E6 Senior Staff Engineer']);
    await shot(page, 'tables-matrix-compare');
    await page.getByRole('button', { name: 'Show every level' }).click();
    await expect(columns()).resolves.toHaveLength(9);
    expect(new URL(page.url()).search).toBe('');
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);

  test('without JavaScript: no picker, every level, and links that bring a level column into view', async () => {
    const { context, page } = await open({ ...DESKTOP, javaScriptEnabled: false });
    await page.goto(`${example.url}matrix/ic/?compare=E3,E6`);
    await expect(page.locator('.compare-form').isHidden()).resolves.toBe(true);
    await expect(page.locator('.matrix thead th:visible').count()).resolves.toBe(9);
    await page.locator('.matrix-jump').getByRole('link', { name: 'E7', exact: true }).click();
    await page.waitForURL(/#col-E7$/);
    const seen = await run<{ left: number; column: number; width: number }>(
      page,
      "const a = document.getElementById('col-E7').closest('th').getBoundingClientRect(); const c = document.querySelector('.matrix tbody th').getBoundingClientRect(); return { left: a.left, column: c.right, width: innerWidth };",
    );
    expect(seen.left).toBeGreaterThanOrEqual(seen.column - 1);
    expect(seen.left).toBeLessThan(seen.width);
    await context.close();
  }, 60_000);
});

describe('the home page of a ten-track org', () => {
  test('keeps the band column put while the tracks scroll', async () => {
    const { context, page } = await open(DESKTOP);
    await page.goto(org.url);
    const band = () =>
      run<{ left: number; scrolled: number; wide: boolean }>(
        page,
        "const b = document.querySelector('.parity-section .table-scroll'); const th = document.querySelector('.parity tbody th'); return { left: th.getBoundingClientRect().left, scrolled: b.scrollLeft, wide: b.scrollWidth > b.clientWidth };",
      );
    const before = await band();
    expect(before.wide).toBe(true);
    await run(page, "document.querySelector('.parity-section .table-scroll').scrollLeft = 600;");
    const after = await band();
    expect(after.scrolled).toBeGreaterThan(500);
    expect(Math.abs(after.left - before.left)).toBeLessThan(1);
    await expect(page.locator('.parity tbody th').first().locator('.band-pay').isVisible()).resolves.toBe(true);
    await context.close();
  }, 60_000);

  test('the reader picks tracks with the keyboard; families keep their heading; the choice stays in the URL and the browser', async () => {
    const { context, page, problems } = await open(DESKTOP);
    await page.goto(org.url);
    const headers = () => page.locator('.parity thead tr:not(.family-row) th:visible a').allInnerTexts();
    await expect(headers()).resolves.toHaveLength(10);
    // Keyboard only: into the picker, Space unticks, Tab moves on.
    await page.getByRole('checkbox', { name: 'Track 1 (individual contributor)' }).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await expect(page.getByRole('checkbox', { name: 'Track 4 (management)' }).isChecked()).resolves.toBe(false);
    await expect(headers()).resolves.toEqual([
      'Track 3 (individual contributor)',
      ...[5, 6, 7, 8, 9, 10].map((n) => `Track ${n} (${n % 2 ? 'individual contributor' : 'management'})`),
    ]);
    const families = () =>
      run<Array<[string, number]>>(
        page,
        "return [...document.querySelectorAll('.family-row th')].filter((th) => !th.hidden).map((th) => [th.innerText, th.colSpan]);",
      );
    await expect(families()).resolves.toEqual([
      ['FAMILY 1', 1],
      ['FAMILY 2', 4],
      ['FAMILY 3', 2],
    ]);
    expect(new URL(page.url()).searchParams.get('tracks')).toBe('t03,t05,t06,t07,t08,t09,t10');
    await expect(page.locator('.picker-status').textContent()).resolves.toMatch(/^Showing 7 of 10 tracks: Track 3 /);
    await shot(page, 'tables-home-picked');
    // Back on the home page without the query: the browser remembers.
    await page.goto(org.url);
    await expect(headers()).resolves.toHaveLength(7);
    await page.getByRole('button', { name: 'Show every track' }).click();
    await expect(headers()).resolves.toHaveLength(10);
    await expect(families()).resolves.toEqual([
      ['FAMILY 1', 4],
      ['FAMILY 2', 4],
      ['FAMILY 3', 2],
    ]);
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);

  test('without JavaScript every track shows and there is no picker', async () => {
    const { context, page } = await open({ ...DESKTOP, javaScriptEnabled: false });
    await page.goto(`${org.url}?tracks=t01`);
    await expect(page.locator('.track-picker').isHidden()).resolves.toBe(true);
    await expect(page.locator('.parity thead tr:not(.family-row) th:visible a').count()).resolves.toBe(10);
    await context.close();
  }, 60_000);
});

describe('phones, print and accessibility', () => {
  test('on a phone the home page keeps its lateral links and the level page shows the next promotion on the first screen', async () => {
    const { context, page } = await open(PHONE);
    await page.goto(example.url);
    await expect(page.locator('.parity .moves-cell a').count()).resolves.toBe(4);
    for (const link of await page.locator('.parity .moves-cell a').all()) await expect(link.isVisible()).resolves.toBe(true);
    await expect(run<number>(page, 'return document.documentElement.scrollWidth - innerWidth;')).resolves.toBe(0);
    await page.goto(`${example.url}levels/E4/`);
    const next = page.locator('.move-list li', { hasText: 'Next promotion' });
    const box = await next.boundingBox();
    expect(box && box.y + box.height).toBeLessThan(740 * 1.5);
    const intro = await page.locator('.intro').boundingBox();
    expect(box && intro && box.y < intro.y).toBe(true);
    await shot(page, 'tables-phone-level');
    await context.close();
  }, 60_000);

  test('on paper: the page URL in the footer, the whole matrix without sticky parts, no picker', async () => {
    const { context, page } = await open(DESKTOP);
    await page.goto(`${example.url}matrix/ic/`);
    await expect(page.locator('.print-url').isHidden()).resolves.toBe(true);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.print-url').textContent()).resolves.toBe(`This page: ${PUBLIC}matrix/ic/`);
    await expect(page.locator('.compare-form').isHidden()).resolves.toBe(true);
    await expect(run<string>(page, "return getComputedStyle(document.querySelector('.matrix tbody th')).position;")).resolves.toBe('static');
    await page.goto(`${example.url}levels/E4/`);
    await expect(page.locator('.print-url').textContent()).resolves.toBe(`This page: ${PUBLIC}levels/E4/`);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.length).toBeGreaterThan(10_000);
    await context.close();
  }, 60_000);

  test.each(['light', 'dark'] as const)(
    'axe finds nothing on the matrix (cards, table, compare) and the many-track home page, %s',
    async (colorScheme) => {
      const found: string[] = [];
      for (const [options, url] of [
        [DESKTOP, `${example.url}matrix/ic/?compare=E4,E5`],
        [DESKTOP, `${example.url}matrix/em/`],
        [PHONE, `${example.url}matrix/ic/`],
        [PHONE, `${example.url}matrix/ic/#as-table`],
        [PHONE, example.url],
        [DESKTOP, `${org.url}?tracks=t01,t02,t05`],
        [PHONE, org.url],
      ] as const) {
        const { context, page } = await open({ ...options, colorScheme, bypassCSP: true });
        await page.goto(url);
        for (const v of await axeViolations(page)) found.push(`${url} ${options.viewport?.width}px: ${v}`);
        await context.close();
      }
      expect(found).toEqual([]);
    },
    120_000,
  );
});
