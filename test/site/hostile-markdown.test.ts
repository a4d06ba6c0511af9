import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { buildSync } from 'esbuild';
import { HtmlValidate } from 'html-validate';
import type { JsonReport } from '../helpers/cli.js';
import { edit, exampleFiles, positionOf, repoRoot, writeLadder } from '../helpers/ladder-files.js';

// Issue 8: Markdown that `ladder check` used to pass and `render` could not take (stack overflows,
// minutes of parsing), ten times the sizes of the report. Both run as child processes with a
// timeout, so that a regression fails instead of hanging the test run; no durations are asserted.
// Speed is measured in bench/.

const TIMEOUT = 120_000;
const row = (columns: number, cell: string) => `|${` ${cell} |`.repeat(columns)}`;

interface Case {
  file: string;
  section: string;
  markdown: string;
  /** Where `ladder check` reports it (line within the inserted Markdown, column), or undefined when it is fine. */
  at?: [number, number];
  /** Text the rendered level page shows in a <pre>, as escaped HTML, when the piece is beyond the limits. */
  shown?: string;
}

const cases: Record<string, Case> = {
  'block quotes 25,000 deep': {
    file: 'levels/ic/E1.md',
    section: 'Delivery',
    markdown: `${'>'.repeat(25_000)} <script>alert(1)</script>`,
    at: [1, 33],
    shown: '<pre>&gt;&gt;&gt;&gt;',
  },
  'a list 10,000 deep': { file: 'levels/ic/E2.md', section: 'Delivery', markdown: `${'- '.repeat(10_000)}deep`, at: [1, 44], shown: '<pre>- - - -' },
  'a list 1,000 deep by indentation (1 MB)': {
    file: 'levels/ic/E3.md',
    section: 'Delivery',
    markdown: Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n'),
    at: [33, 65],
    shown: '<pre>- item\n  - item',
  },
  '*a × 500,000': { file: 'levels/ic/E4.md', section: 'Delivery', markdown: '*a'.repeat(500_000), at: [1, 1025], shown: '<pre>*a*a*a' },
  '[a]( × 500,000': { file: 'levels/ic/E5.md', section: 'Delivery', markdown: '[a]('.repeat(500_000), at: [1, 513], shown: '<pre>[a]([a](' },
  'a table of 50,000 columns': {
    file: 'levels/ic/E6.md',
    section: 'Delivery',
    markdown: [row(50_000, 'a'), row(50_000, '-'), row(50_000, 'b')].join('\n'),
    at: [1, 10_001],
    shown: '<pre>| a | a |',
  },
  'backtick runs of 1 to 1,000 that never close': {
    file: 'levels/ic/E7.md',
    section: 'Delivery',
    markdown: Array.from({ length: 1000 }, (_, i) => `${'`'.repeat(i + 1)}a`).join(''),
    at: [1, 1],
    shown: '<pre>`a``a```a',
  },
  '200,000 lazy lines in a block quote': {
    file: 'levels/ic/E8.md',
    section: 'Delivery',
    markdown: `> a${'\nb'.repeat(200_000)}`,
    at: [501, 1],
    shown: '<pre>&gt; a\nb\nb',
  },
  '5,000 columns padded over 1,000 one-character rows': {
    file: 'levels/em/M1.md',
    section: 'Delivery',
    markdown: [row(5000, 'a'), row(5000, '-'), ...Array.from({ length: 1000 }, () => 'x')].join('\n'),
    at: [1, 10_001],
    shown: '<pre>| a | a |',
  },
  'a heading and a link with 100,000 spaces': {
    file: 'levels/em/M2.md',
    section: 'Delivery',
    markdown: `### a${' '.repeat(100_000)}x\n\n[x](${' '.repeat(100_000)}y)`,
    at: [1, 10_001],
    shown: '<pre>### a ',
  },
  // Within the limits: these render as Markdown, in linear time.
  // A tight list: whether it is loose was asked of every item, walking the whole list (quadratic).
  'a list of 60,000 items': { file: 'levels/em/M3.md', section: 'Delivery', markdown: `${'- item\n'.repeat(60_000)}\nEnd of the list.` },
  // The link's children (a code span and a space each) replace it in one push(...children): a stack overflow.
  'a link around 72,000 code spans': {
    file: 'levels/em/M4.md',
    section: 'Delivery',
    markdown: `[${Array.from({ length: 30 }, () => '`a` '.repeat(2400)).join('\n')}](nowhere.md)`,
  },
  '200,000 blank lines inside a section': { file: 'levels/ic/E1.md', section: 'Technical craft', markdown: `First.${'\n'.repeat(200_000)}Last.` },
};

let work: string;
let ladderDir: string;
let lineOf: (c: Case) => number;
beforeAll(() => {
  expect(existsSync(join(repoRoot, 'dist', 'cli.js'))).toBe(true); // `npm run build` (npm test runs it first)
  work = mkdtempSync(join(tmpdir(), 'ladder-hostile-'));
  let files = exampleFiles();
  for (const c of Object.values(cases)) files = edit(files, c.file, `## ${c.section}\n\n`, `## ${c.section}\n\n${c.markdown}\n\n`);
  ladderDir = writeLadder(join(work, 'ladder'), files);
  lineOf = (c) => positionOf(files, c.file, `## ${c.section}`).line + 2;
  // The renderer as a library, bundled as the CLI is, to run as a child process.
  buildSync({
    entryPoints: [join(repoRoot, 'test', 'site', 'render-child.ts')],
    outfile: join(work, 'render-child.js'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    // As scripts/build.js: the stylesheet is imported as text.
    loader: { '.css': 'text' },
    banner: { js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);" },
    logLevel: 'warning',
  });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('hostile Markdown', () => {
  test(
    '`ladder check` reports each case where it exceeds a limit, and exits 1',
    () => {
      const run = spawnSync(process.execPath, [join(repoRoot, 'bin', 'ladder.js'), 'check', 'ladder', '--format', 'json'], {
        cwd: work,
        encoding: 'utf8',
        timeout: TIMEOUT,
        maxBuffer: 64 * 1024 * 1024,
      });
      expect(run.signal).toBeNull();
      expect(run.status).toBe(1);
      const report = JSON.parse(run.stdout) as JsonReport;
      // The <script> in E1's block quotes is raw HTML too (a warning).
      expect(report.diagnostics.filter((d) => d.rule !== 'markdown-limits').map((d) => [d.rule, d.file])).toEqual([
        ['raw-html', 'ladder/levels/ic/E1.md'],
        ['raw-html', 'ladder/levels/ic/E1.md'],
      ]);
      for (const [name, c] of Object.entries(cases)) {
        const first = lineOf(c);
        const last = first + c.markdown.split('\n').length - 1;
        const found = report.diagnostics.filter((d) => d.file === `ladder/${c.file}` && d.line >= first && d.line <= last).map((d) => [d.line, d.column]);
        // The first diagnostic of the piece is the one the case is about (others may follow: a long line too).
        expect([name, c.at ? found.slice(0, 1) : found]).toEqual([name, c.at ? [[first + c.at[0] - 1, c.at[1]]] : []]);
      }
      // Nothing else: every diagnostic is in one of the pieces.
      expect(report.diagnostics).toHaveLength(
        Object.values(cases).reduce((n, c) => {
          const first = lineOf(c);
          const last = first + c.markdown.split('\n').length - 1;
          return n + report.diagnostics.filter((d) => d.file === `ladder/${c.file}` && d.line >= first && d.line <= last).length;
        }, 0),
      );
    },
    TIMEOUT + 10_000,
  );

  describe('renderSite, called without a check', () => {
    let pages: Map<string, string>;
    let stats: { files: number; markdown: { fast: number; remark: number; plain: number } };
    beforeAll(() => {
      const out = join(work, 'site');
      const run = spawnSync(process.execPath, [join(work, 'render-child.js'), ladderDir, out], { encoding: 'utf8', timeout: TIMEOUT });
      expect([run.signal, run.status, run.stderr.split('\n').slice(0, 3).join('\n')]).toEqual([null, 0, '']);
      stats = JSON.parse(run.stdout);
      pages = new Map();
      for (const c of Object.values(cases)) {
        const id = (/\/([^/]+)\.md$/.exec(c.file) as RegExpExecArray)[1] as string;
        pages.set(c.file, readFileSync(join(out, 'levels', id, 'index.html'), 'utf8'));
      }
    }, TIMEOUT + 10_000);

    test('finishes, and shows every piece beyond the limits as escaped text in a <pre>', () => {
      const beyond = Object.values(cases).filter((c) => c.shown);
      expect(stats.markdown.plain).toBe(beyond.length);
      for (const [name, c] of Object.entries(cases)) {
        if (!c.shown) continue;
        expect([name, (pages.get(c.file) as string).includes(c.shown)]).toEqual([name, true]);
      }
      const e1 = pages.get('levels/ic/E1.md') as string;
      expect(e1).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(e1).not.toContain('<script>alert');
    });

    test('renders the pieces within the limits as Markdown', () => {
      expect(((pages.get('levels/em/M3.md') as string).match(/<li>item<\/li>/g) ?? []).length).toBe(60_000);
      const m4 = pages.get('levels/em/M4.md') as string;
      // The link's target is not a level file: it becomes its text, the code spans.
      expect((m4.match(/<code>a<\/code>/g) ?? []).length).toBe(30 * 2400);
      expect(m4).not.toContain('nowhere.md');
      expect(pages.get('levels/ic/E1.md')).toMatch(/<p>First\.<\/p>\s*<p>Last\.<\/p>/);
    });

    test(
      'the pages with hostile pieces pass html-validate',
      async () => {
        const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
        // (Not M2: html-validate itself takes half a minute over its runs of 100,000 spaces.)
        for (const file of ['levels/ic/E1.md', 'levels/ic/E3.md', 'levels/ic/E4.md', 'levels/em/M1.md']) {
          const report = await validator.validateString(pages.get(file) as string, file);
          const messages = report.results.flatMap((r) => r.messages.map((m) => `${file}:${m.line}:${m.column} ${m.ruleId} ${m.message}`));
          expect(messages).toEqual([]);
        }
      },
      TIMEOUT,
    );
  });
});
