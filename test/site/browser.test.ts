import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { runCli } from '../helpers/cli.js';
import { exampleFiles, repoRoot } from '../helpers/ladder-files.js';
import {
  artifactsDir,
  CHROMIUM,
  CHROMIUM_ARGS,
  ensureChromium,
  HOSTILE_ORG,
  HOSTILE_SUMMARY,
  HOSTILE_TITLE,
  hostileFiles,
  ladderOf,
  renderTo,
  type SiteServer,
  serveSite,
} from './helpers.js';

// The browser tests: the example ladder rendered by `ladder render` (as the Pages workflow does),
// served like GitHub Pages under a project path, and driven in Debian's chromium.
const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const BASE = '/ladder-as-code/';

let work: string;
let browser: Browser;
let site: SiteServer;
let hostile: SiteServer;

beforeAll(async () => {
  ensureChromium();
  work = mkdtempSync(join(tmpdir(), 'ladder-browser-'));
  mkdirSync(artifactsDir, { recursive: true });
  const out = join(work, 'site');
  const run = await runCli(['render', 'ladder', '--out', out, '--base-url', BASE], repoRoot);
  if (run.status !== 0) throw new Error(`ladder render failed: ${run.stdout}${run.stderr}`);
  renderTo(join(work, 'hostile'), ladderOf(hostileFiles(exampleFiles())), { baseUrl: '/' });
  site = await serveSite(out, BASE);
  hostile = await serveSite(join(work, 'hostile'), '/');
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await hostile?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

interface Session {
  context: BrowserContext;
  page: Page;
  /** Every URL the page asked for. */
  requests: string[];
  /** Console errors (a CSP violation is one), page errors and dialogs (an alert() that ran). */
  problems: string[];
}

async function open(options: BrowserContextOptions = {}): Promise<Session> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const requests: string[] = [];
  const problems: string[] = [];
  context.on('request', (r) => {
    requests.push(r.url());
  });
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => {
    problems.push(`page error: ${e.message}`);
  });
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  return { context, page, requests, problems };
}

/** Every request went to the local server: no fonts, scripts or pixels from anywhere else. */
function expectSelfContained(session: Session, server: SiteServer): void {
  expect(session.requests.length).toBeGreaterThan(0);
  expect(session.requests.filter((u) => !u.startsWith(`${server.origin}/`))).toEqual([]);
}

/** The page's own problems, but a 404 answer for a missing page is expected where we asked for one. */
function expectNoProblems(session: Session, allow: RegExp[] = []): void {
  expect(session.problems.filter((p) => !allow.some((a) => a.test(p)))).toEqual([]);
}

const shot = (page: Page, name: string, fullPage = true) => page.screenshot({ path: join(artifactsDir, `${name}.png`), fullPage });

describe('walking the site', () => {
  test('home → level → what changes, by clicking links', async () => {
    const s = await open();
    const { page } = s;
    const response = await page.goto(site.url);
    expect(response?.status()).toBe(200);
    await expect(page.title()).resolves.toBe('Northwind Engineering career ladder');
    // The parity picture: E4 and M1 in one row.
    const senior = page.locator('table.parity tbody tr', { has: page.locator('th', { hasText: /^Senior\$/ }) });
    await expect(senior.locator('.level-code').allTextContents()).resolves.toEqual(['E4', 'M1']);
    await shot(page, 'home');
    // LADDER_DOCS_SCREENSHOT=1 refreshes the README's picture of the site.
    if (process.env.LADDER_DOCS_SCREENSHOT) await page.screenshot({ path: join(repoRoot, 'docs', 'images', 'site-home.png'), fullPage: true });

    await page.getByRole('link', { name: 'E4 Senior Engineer' }).first().click();
    await page.waitForURL(`${site.url}levels/E4/`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Senior Engineer E4');
    await shot(page, 'level-E4');

    await page.getByRole('link', { name: 'What changes from E4 to E5' }).click();
    await page.waitForURL(`${site.url}changes/E4-E5/`);
    await expect(page.locator('h1').textContent()).resolves.toBe('What changes from E4 Senior Engineer to E5 Staff Engineer');
    // Highlights only in expectations paired with an E4 counterpart (issue 12: not half the page).
    await expect(page.locator('.side-to ins').count()).resolves.toBeGreaterThan(5);
    await shot(page, 'change-E4-E5');

    await page.getByRole('link', { name: 'Next step: from E5 to E6' }).click();
    await page.waitForURL(`${site.url}changes/E5-E6/`);

    await page.goto(site.url);
    await page.getByRole('link', { name: 'What changes between E4 and M1' }).click();
    await page.waitForURL(`${site.url}changes/E4-M1/`);
    await expect(page.locator('#people-leadership [data-change="new"]').count()).resolves.toBeGreaterThan(0);
    await shot(page, 'change-E4-M1');
    expectSelfContained(s, site);
    expectNoProblems(s);
    await s.context.close();
  }, 60_000);

  test('search from the header of any page, then follow a result', async () => {
    const s = await open();
    const { page } = s;
    await page.goto(`${site.url}levels/E2/`);
    await page.getByRole('searchbox', { name: 'Search the ladder' }).fill('incident commander');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${site.url}search/?q=incident+commander`);
    const results = page.locator('#ladder-results-list li');
    await expect(results.first().waitFor()).resolves.toBeUndefined();
    const status = (await page.locator('#ladder-results-status').textContent()) ?? '';
    expect(status).toMatch(/^\d+ results? for “incident commander”\.$/);
    await expect(results.locator('mark').first().textContent()).resolves.toMatch(/incident|commander/i);
    await shot(page, 'search');
    await results.first().locator('a').click();
    await page.waitForURL(/\/levels\/[A-Z]\d\/#[a-z-]+$/);
    expectSelfContained(s, site);
    expectNoProblems(s);
    await s.context.close();
  }, 60_000);

  test('search updates as you type, and says when nothing matches', async () => {
    const s = await open();
    const { page } = s;
    await page.goto(`${site.url}search/`);
    const box = page.getByRole('searchbox', { name: 'Words to look for' });
    await box.fill('apprentice manager');
    await expect(
      page
        .locator('#ladder-results-status')
        .filter({ hasText: /results? for “apprentice manager”/ })
        .waitFor(),
    ).resolves.toBeUndefined();
    await box.fill('zzqx-nothing-here');
    await expect(page.locator('#ladder-results-status').filter({ hasText: 'No results for “zzqx-nothing-here”.' }).waitFor()).resolves.toBeUndefined();
    expect(page.url()).toBe(`${site.url}search/?q=zzqx-nothing-here`);
    expectNoProblems(s);
    await s.context.close();
  }, 60_000);

  test('without JavaScript every page still works: the search page lists every level', async () => {
    const s = await open({ javaScriptEnabled: false });
    const { page } = s;
    await page.goto(`${site.url}search/?q=roadmap`);
    await expect(page.locator('#ladder-results').isHidden()).resolves.toBe(true);
    await expect(page.getByText('Search runs in your browser and needs JavaScript').isVisible()).resolves.toBe(true);
    await expect(page.locator('.level-list li').count()).resolves.toBe(12);
    await shot(page, 'search-no-js');
    await page.getByRole('link', { name: 'M2 Senior Engineering Manager' }).click();
    await page.waitForURL(`${site.url}levels/M2/`);
    await page.getByRole('link', { name: 'What changes between M2 and E5' }).click();
    await page.waitForURL(`${site.url}changes/E5-M2/`);
    expectSelfContained(s, site);
    await s.context.close();
  }, 60_000);

  test('a missing page answers 404 with a page that leads back', async () => {
    const s = await open();
    const { page } = s;
    const response = await page.goto(`${site.url}levels/E99/`);
    expect(response?.status()).toBe(404);
    await expect(page.locator('h1').textContent()).resolves.toBe('Page not found');
    await page.getByRole('link', { name: 'See every track side by side' }).click();
    await page.waitForURL(site.url);
    expectNoProblems(s, [/status of 404/]);
    await s.context.close();
  }, 60_000);

  test('the skip link is the first stop for the keyboard and moves focus to the content; focus is visible', async () => {
    const s = await open();
    const { page } = s;
    await page.goto(`${site.url}levels/E4/`);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip.evaluate((el) => el === el.ownerDocument.activeElement)).resolves.toBe(true);
    const box = await skip.boundingBox();
    expect(box && box.y >= 0 && box.height > 10).toBe(true);
    await page.keyboard.press('Enter');
    await expect(page.evaluate('document.activeElement && document.activeElement.id')).resolves.toBe('ladder-main');
    // Focus stays visible on whatever the keyboard reaches next.
    await page.keyboard.press('Tab');
    const outline = (await page.evaluate(
      '(() => { const s = getComputedStyle(document.activeElement); return [document.activeElement.tagName, s.outlineStyle, s.outlineWidth]; })()',
    )) as string[];
    expect(outline).toEqual(['A', 'solid', '3px']);
    await s.context.close();
  }, 60_000);
});

// One page of every kind.
const KINDS: Array<[string, string]> = [
  ['home', ''],
  ['track', 'tracks/ic/'],
  ['level', 'levels/E4/'],
  ['matrix', 'matrix/ic/'],
  ['promotion', 'changes/E4-E5/'],
  ['lateral', 'changes/E4-M1/'],
  ['search', 'search/?q=mentor'],
  ['changelog', 'changelog/'],
  ['moves', 'moves/'],
  ['checklist', 'levels/E4/checklist/'],
  ['not-found', 'no/such/page/'],
];

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  // A string, evaluated in the page: this project compiles without the DOM's types.
  const result = (await page.evaluate("axe.run({ resultTypes: ['violations'] })")) as {
    violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown }> }>;
  };
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`);
}

describe('accessibility: axe-core finds nothing, in light and dark', () => {
  test.each(['light', 'dark'] as const)(
    'every kind of page, %s',
    async (colorScheme) => {
      // axe is injected as an inline script, which the site's CSP forbids (as it should): bypass it here only.
      const s = await open({ colorScheme, bypassCSP: true });
      const { page } = s;
      const found: string[] = [];
      for (const [kind, path] of KINDS) {
        await page.goto(site.url + path);
        if (kind === 'search') await page.locator('#ladder-results-list li').first().waitFor();
        for (const v of await axeViolations(page)) found.push(`${kind} (${colorScheme}): ${v}`);
      }
      for (const path of ['', 'levels/E4/', 'changes/E4-E5/']) {
        await page.goto(hostile.url + path);
        for (const v of await axeViolations(page)) found.push(`hostile ${path} (${colorScheme}): ${v}`);
      }
      expect(found).toEqual([]);
      await s.context.close();
    },
    120_000,
  );
});

describe('readable on a phone, on paper and in the dark', () => {
  test('on a phone no page is wider than the screen: wide tables scroll inside their own box', async () => {
    const s = await open({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const { page } = s;
    for (const [kind, path] of KINDS) {
      await page.goto(site.url + path);
      const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
      expect([kind, overflow]).toEqual([kind, 0]);
      if (['home', 'level', 'promotion', 'matrix'].includes(kind)) await shot(page, `phone-${kind}`, kind !== 'matrix');
    }
    await s.context.close();
  }, 60_000);

  test('dark mode follows the system setting', async () => {
    const s = await open({ colorScheme: 'dark' });
    const { page } = s;
    await page.goto(site.url);
    const background = await page.evaluate('getComputedStyle(document.body).backgroundColor');
    expect(background).toBe('rgb(13, 17, 23)');
    await shot(page, 'home-dark', false);
    await page.goto(`${site.url}changes/E4-M1/`);
    await shot(page, 'change-E4-M1-dark', false);
    await s.context.close();
  }, 60_000);

  test('on paper: no navigation, black on white, the comparison still side by side', async () => {
    const s = await open();
    const { page } = s;
    await page.goto(`${site.url}changes/E4-E5/`);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.site-header').isHidden()).resolves.toBe(true);
    await expect(page.locator('.toc').first().isHidden()).resolves.toBe(true);
    const color = await page.evaluate('getComputedStyle(document.body).color');
    expect(color).toBe('rgb(0, 0, 0)');
    const [from, to] = await page.locator('.compare').first().locator('.side').all();
    const a = await from?.boundingBox();
    const b = await to?.boundingBox();
    expect(a && b && Math.abs(a.y - b.y) < 2 && b.x > a.x).toBe(true);
    await shot(page, 'print-change-E4-E5');
    const pdf = await page.pdf({ path: join(artifactsDir, 'level-E4.pdf'), format: 'A4' });
    expect(pdf.length).toBeGreaterThan(10_000);
    await s.context.close();
  }, 60_000);
});

describe('what changes, how moves work, and the checklist, in a real browser', () => {
  test('a promotion: grown expectations are marked, what stays the same is folded and opens from the keyboard', async () => {
    const s = await open();
    const { page } = s;
    await page.goto(`${site.url}changes/E4-E5/`);
    await expect(page.locator('.summary').textContent()).resolves.toMatch(/^E4 → E5: \d+ new expectations, \d+ grown/);
    // Highlighted words sit in grown expectations only.
    await expect(page.locator('.side-to ins').count()).resolves.toBe(await page.locator('.side-to [data-change="changed"] ins').count());
    await expect(page.locator('#system-design .difference').textContent()).resolves.toMatch(/^What is different: Designs the systems/);
    await page.locator('#system-design').scrollIntoViewIfNeeded();
    await shot(page, 'change-E4-E5-aligned');
    // The lateral page starts with what one starts and stops being measured on.
    await page.goto(`${site.url}changes/E4-M1/`);
    await expect(page.locator('.measured-move').first().locator('ul').first().locator('li').allTextContents()).resolves.toEqual([
      'People leadership',
      'Hiring and team design',
    ]);
    await expect(page.locator('#system-design [data-change="only"] .change-tag').first().textContent()).resolves.toBe('Only at E4');
    await page.getByRole('link', { name: 'How moves work' }).first().click();
    await page.waitForURL(`${site.url}moves/`);
    await expect(page.locator('h1').textContent()).resolves.toBe('How moves work');
    expectSelfContained(s, site);
    expectNoProblems(s);
    await s.context.close();
  }, 60_000);

  test('the checklist: ticks persist across a reload, by keyboard too, and clear on request', async () => {
    const s = await open();
    const { page } = s;
    await page.goto(`${site.url}levels/E4/`);
    await page.getByRole('link', { name: 'Self-assessment checklist' }).click();
    await page.waitForURL(`${site.url}levels/E4/checklist/`);
    const boxes = page.locator('.checklist input[type="checkbox"]');
    await expect(boxes.count()).resolves.toBe(23);
    await expect(page.locator('#ladder-checklist-tools').isVisible()).resolves.toBe(true);
    await boxes.nth(0).check();
    await page.getByLabel(/^Keeps several concurrent projects/).check();
    // The keyboard: focus the third box and tick it with the space bar.
    await boxes.nth(2).focus();
    await page.keyboard.press('Space');
    await expect(page.locator('#ladder-checklist-status').textContent()).resolves.toBe('3 of 23 ticked, kept in this browser only.');
    await page.reload();
    await expect(
      boxes.evaluateAll((all) => all.map((b, i) => ((b as unknown as { checked: boolean }).checked ? i : -1)).filter((i) => i >= 0)),
    ).resolves.toEqual([0, 2, 8]);
    // Another level keeps its own ticks.
    await page.goto(`${site.url}levels/E5/checklist/`);
    await expect(page.locator('.checklist input:checked').count()).resolves.toBe(0);
    await page.goBack();
    // Clear asks first; the test accepts instead of the session's dismissing handler.
    page.removeAllListeners('dialog');
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Clear all ticks' }).click();
    await expect(page.locator('.checklist input:checked').count()).resolves.toBe(0);
    await page.reload();
    await expect(page.locator('.checklist input:checked').count()).resolves.toBe(0);
    await expect(page.evaluate("Object.keys(localStorage).filter((k) => k.startsWith('ladder-checklist:'))")).resolves.toEqual([]);
    expectSelfContained(s, site);
    expectNoProblems(s);
    await s.context.close();
  }, 60_000);

  test('the checklist on paper shows real empty boxes and no navigation; without JavaScript it still ticks', async () => {
    const s = await open();
    const { page } = s;
    await page.goto(`${site.url}levels/E4/checklist/`);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.site-header').isHidden()).resolves.toBe(true);
    await expect(page.locator('#ladder-checklist-tools').isHidden()).resolves.toBe(true);
    const box = await page.evaluate(
      "(() => { const s = getComputedStyle(document.querySelector('.checklist input')); return [s.appearance, s.borderTopStyle, s.borderTopColor, s.backgroundColor]; })()",
    );
    expect(box).toEqual(['none', 'solid', 'rgb(0, 0, 0)', 'rgb(255, 255, 255)']);
    const size = await page.locator('.checklist input').first().boundingBox();
    expect(size && size.width > 10 && size.height > 10).toBe(true);
    await shot(page, 'print-checklist-E4');
    const pdf = await page.pdf({ path: join(artifactsDir, 'checklist-E4.pdf'), format: 'A4' });
    expect(pdf.length).toBeGreaterThan(10_000);
    await s.context.close();

    const plain = await open({ javaScriptEnabled: false });
    await plain.page.goto(`${site.url}levels/E4/checklist/`);
    await expect(plain.page.locator('#ladder-checklist-tools').isHidden()).resolves.toBe(true);
    await plain.page.locator('.checklist input').first().check();
    await expect(plain.page.locator('.checklist input:checked').count()).resolves.toBe(1);
    await plain.context.close();
  }, 60_000);
});

describe('hostile content in a real browser', () => {
  test('names and titles show as written; no script runs, nothing loads from elsewhere', async () => {
    const s = await open();
    const { page } = s;
    await page.goto(`${hostile.url}levels/E4/`);
    await expect(page.locator('h1').evaluate((h) => h.firstChild?.textContent)).resolves.toBe(`${HOSTILE_TITLE} `);
    await expect(page.locator('.lead').textContent()).resolves.toBe(HOSTILE_SUMMARY);
    await expect(page.locator('.brand-org').textContent()).resolves.toBe(HOSTILE_ORG);
    // Hover and click everything the hostile expectations left behind.
    for (const el of await page.locator('#delivery .prose *').all()) await el.hover({ trial: false }).catch(() => undefined);
    await page.evaluate("for (const el of document.querySelectorAll('#delivery .prose *')) el.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }))");
    await expect(page.locator('script:not([src])').count()).resolves.toBe(0);
    await expect(page.locator('iframe, form:not(.header-search), svg, img, object, embed').count()).resolves.toBe(0);
    await shot(page, 'hostile-E4');
    for (const path of ['', 'search/?q=script', 'changes/E4-E5/', 'matrix/ic/']) await page.goto(hostile.url + path);
    expectSelfContained(s, hostile);
    expectNoProblems(s);
    await s.context.close();
  }, 60_000);
});
