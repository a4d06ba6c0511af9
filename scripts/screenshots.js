// The screenshots of docs/site.md: `node scripts/screenshots.js [OUT]` (default docs/images/).
// Renders the example ladder, and a ten-track synthetic org grouped in families
// (bench/generate.js), with the built CLI (`npm run build` first), serves them on 127.0.0.1 and
// photographs them at phone (360 px) and desktop (1280 px) widths in Debian's chromium
// (playwright-core; never a downloaded browser). Each picture is clipped to what it is about, to
// stay under about 200 KB.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { generateOrg } from '../bench/generate.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = process.argv[2] ?? join(root, 'docs', 'images');
const CHROMIUM = '/usr/bin/chromium';
const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.json': 'application/json', '.svg': 'image/svg+xml' };

function render(ladder, site) {
  execFileSync(process.execPath, [join(root, 'dist', 'cli.js'), 'render', ladder, '--out', site], { stdio: 'ignore' });
}

/** Serves `dir` at / as GitHub Pages would (directories answer with index.html). */
function serve(dir) {
  const server = createServer((req, res) => {
    let path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path.endsWith('/')) path += 'index.html';
    const file = join(dir, path);
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true };
const DESKTOP = { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 };

/** [file, site, path, device, what to do before the picture] */
const SHOTS = [
  ['site-home.png', 'example', '', DESKTOP, async (page) => page.screenshot({ clip: { x: 0, y: 0, width: 1280, height: 1000 }, fullPage: true })],
  [
    'site-home-phone.png',
    'example',
    '',
    PHONE,
    async (page) => {
      await page.evaluate(() => document.querySelector('.parity-section h2').scrollIntoView());
      return page.screenshot();
    },
  ],
  ['site-matrix.png', 'example', 'matrix/ic/', DESKTOP, async (page) => matrixScrolled(page)],
  ['site-matrix-compare.png', 'example', 'matrix/ic/?compare=E4,E5', DESKTOP, async (page) => page.screenshot()],
  [
    'site-matrix-phone-cards.png',
    'example',
    'matrix/ic/?compare=E4,E5',
    PHONE,
    async (page) => {
      await page.evaluate(() => document.querySelector('.compare-form').scrollIntoView());
      return page.screenshot();
    },
  ],
  [
    'site-matrix-phone-table.png',
    'example',
    'matrix/ic/#as-table',
    PHONE,
    async (page) => {
      await page.evaluate(() => {
        const box = document.querySelector('.matrix-scroll');
        box.scrollLeft = 60;
      });
      return page.screenshot();
    },
  ],
  ['site-level-phone.png', 'example', 'levels/E4/', PHONE, async (page) => page.screenshot()],
  [
    'site-many-tracks.png',
    'org',
    '?tracks=t01,t02,t03,t05,t09',
    DESKTOP,
    async (page) => {
      await page.locator('.parity-section').scrollIntoViewIfNeeded();
      return page.locator('.parity-section').screenshot();
    },
  ],
  [
    'site-many-tracks-scrolled.png',
    'org',
    '',
    DESKTOP,
    async (page) => {
      await page.evaluate(() => {
        document.querySelector('.parity-section .table-scroll').scrollLeft = 400;
      });
      return page.locator('.parity-section .scroll-frame').screenshot();
    },
  ],
  ['site-change-promotion.png', 'example', 'changes/E4-E5/', DESKTOP, async (page) => page.locator('#system-design').screenshot()],
  ['site-change-switch.png', 'example', 'changes/E4-M1/', DESKTOP, async (page) => page.locator('.measured').screenshot()],
  [
    'site-checklist.png',
    'example',
    'levels/E4/checklist/',
    DESKTOP,
    async (page) => {
      const boxes = page.locator('.checklist input');
      await boxes.nth(0).check();
      await boxes.nth(2).check();
      await page.evaluate(() => document.querySelector('.checklist-note').scrollIntoView());
      return page.screenshot({ clip: { x: 0, y: 0, width: 1280, height: 640 } });
    },
  ],
];

async function matrixScrolled(page) {
  // Down the page and inside the box: the header row and competency column stay.
  await page.evaluate(() => {
    const box = document.querySelector('.matrix-scroll');
    box.scrollIntoView();
    box.scrollTop = 600;
    box.scrollLeft = 500;
  });
  return page.screenshot();
}

async function main() {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run scripts/ensure-chromium.sh`);
  if (!existsSync(join(root, 'dist', 'cli.js'))) throw new Error('dist/cli.js is missing: run npm run build');
  const work = mkdtempSync(join(tmpdir(), 'ladder-shots-'));
  const servers = [];
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
  try {
    generateOrg(join(work, 'org-ladder'), { tracks: 10, levels: 6, competencies: 6, families: 3 });
    render(join(root, 'ladder'), join(work, 'example'));
    render(join(work, 'org-ladder'), join(work, 'org'));
    const urls = {};
    for (const name of ['example', 'org']) {
      const server = await serve(join(work, name));
      servers.push(server);
      urls[name] = `http://127.0.0.1:${server.address().port}/`;
    }
    mkdirSync(out, { recursive: true });
    for (const [file, name, path, device, take] of SHOTS) {
      const context = await browser.newContext({ ...device, colorScheme: 'light', reducedMotion: 'reduce' });
      const page = await context.newPage();
      await page.goto(urls[name] + path);
      const png = await take(page);
      await context.close();
      const target = join(out, file);
      writeFileSync(target, png);
      console.log(`${file}  ${Math.round(png.length / 1024)} KB`);
    }
  } finally {
    await browser.close();
    for (const s of servers) s.close();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
