import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { readLadderDir } from '../../src/node/read-ladder-dir.js';
import { renderSite } from '../../src/render/index.js';
import { searchKit } from '../../src/render/search-text.js';
import { runCli } from '../helpers/cli.js';
import { edit, exampleDir, exampleFiles, IC_SECTIONS, repoRoot, without, writeLadder } from '../helpers/ladder-files.js';
import {
  brokenLinks,
  filesUnder,
  HOSTILE_BAND,
  HOSTILE_SUMMARY,
  HOSTILE_TITLE,
  HOSTILE_TRACK,
  hostileFiles,
  htmlFilesUnder,
  ladderOf,
  linksOf,
} from './helpers.js';

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'ladder-site-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const text = (file: string | Buffer | undefined) => (file === undefined ? '' : file.toString());
const escaped = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

describe('the pages of the example ladder', () => {
  const site = renderSite(ladderOf(exampleFiles()), { baseUrl: '/ladder-as-code/' });
  const page = (path: string) => text(site.files.get(path));

  test('live at stable URLs: home, tracks, levels, matrices, what-changes, search, changelog, 404, sitemap', () => {
    for (const path of [
      'index.html',
      'tracks/ic/index.html',
      'tracks/em/index.html',
      'matrix/ic/index.html',
      'matrix/em/index.html',
      'levels/E1/index.html',
      'levels/E4/index.html',
      'levels/E8/index.html',
      'levels/M1/index.html',
      'changes/E4-E5/index.html',
      'changes/E7-E8/index.html',
      'changes/M3-M4/index.html',
      'changes/E4-M1/index.html',
      'changes/E7-M4/index.html',
      'search/index.html',
      'search/index.json',
      'changelog/index.html',
      '404.html',
      'sitemap.xml',
      'assets/site.css',
      'assets/search.js',
      'assets/favicon.svg',
    ]) {
      expect([path, site.files.has(path)]).toEqual([path, true]);
    }
    // Every level (and its checklist), every promotion step (7 IC + 3 EM) and every lateral pair (4 bands with both tracks).
    expect([...site.files.keys()].filter((p) => /^levels\/[^/]+\/index\.html$/.test(p))).toHaveLength(12);
    expect([...site.files.keys()].filter((p) => /^levels\/[^/]+\/checklist\/index\.html$/.test(p))).toHaveLength(12);
    expect(site.files.has('moves/index.html')).toBe(true);
    expect([...site.files.keys()].filter((p) => p.startsWith('changes/'))).toHaveLength(14);
  });

  test('the stylesheet is src/render/site.css, as it is', () => {
    expect(page('assets/site.css')).toBe(readFileSync(join(repoRoot, 'src', 'render', 'site.css'), 'utf8'));
    expect(page('assets/site.css')).toContain('@media print');
  });

  test('the home page puts the tracks side by side, band by band, with pay as published', () => {
    const home = page('index.html');
    const rows = [
      ...home.matchAll(/<tr>\s*<th scope="row"><span class="band-name">([^<]+)<\/span>(?:<span class="band-pay">([^<]+)<\/span>)?<\/th>([\s\S]*?)<\/tr>/g),
    ];
    const picture = rows.map((r) => [r[1], r[2], [...(r[3] ?? '').matchAll(/<span class="level-code">([^<]+)<\/span>/g)].map((m) => m[1]).join(' ')]);
    expect(picture).toEqual([
      ['Distinguished', '$380k &ndash; $480k', 'E8'],
      ['Principal', '$315k &ndash; $400k', 'E7 M4'],
      ['Senior Staff', '$265k &ndash; $335k', 'E6 M3'],
      ['Staff', '$220k &ndash; $280k', 'E5 M2'],
      ['Senior', '$180k &ndash; $230k', 'E4 M1'],
      ['Career', '$150k &ndash; $190k', 'E3'],
      ['Developing', '$125k &ndash; $160k', 'E2'],
      ['Entry', '$105k &ndash; $135k', 'E1'],
    ]);
    expect(home).toContain('<caption id="ladder-parity-caption">');
    expect(home).toMatch(/<th scope="col" class="track-ic"><a href="\/ladder-as-code\/tracks\/ic\/">Individual Contributor<\/a><\/th>/);
  });

  test('a level page has its expectations by competency, its equivalents and the levels around it', () => {
    const e4 = page('levels/E4/index.html');
    expect(e4).toContain('<h1>Senior Engineer <span class="level-code">E4</span></h1>');
    for (const c of IC_SECTIONS) {
      expect(e4).toContain(`>${c}</h3>`);
    }
    expect(e4).toContain('href="/ladder-as-code/levels/M1/"');
    expect(e4).toContain('href="/ladder-as-code/changes/E4-M1/"');
    expect(e4).toContain('href="/ladder-as-code/changes/E3-E4/"');
    expect(e4).toContain('href="/ladder-as-code/changes/E4-E5/"');
    expect(e4).toContain('$180,000 &ndash; $230,000');
    expect(page('levels/M1/index.html')).toContain('href="/ladder-as-code/changes/E4-M1/"');
  });

  test('what-changes pages show both levels side by side and emphasize what is new', () => {
    const step = page('changes/E4-E5/index.html');
    expect(step).toContain('What changes from E4 Senior Engineer to E5 Staff Engineer');
    expect((step.match(/<div class="side side-from">/g) ?? []).length).toBe(7);
    expect((step.match(/<div class="side side-to">/g) ?? []).length).toBe(7);
    // Words are highlighted only in an expectation paired with its E4 counterpart ("grown"), never
    // throughout: an expectation without one is tagged New instead (issue 12).
    expect((step.match(/<ins>/g) ?? []).length).toBeGreaterThan(5);
    // What E5 asks beyond E4: several teams, not one.
    expect(step).toMatch(/<ins>[^<]*several[^<]*<\/ins>/);
    const lateral = page('changes/E4-M1/index.html');
    expect(lateral).toContain('What changes between E4 Senior Engineer and M1 Engineering Manager');
    expect(lateral).toContain('not a promotion');
    // People leadership is measured on the EM track only: new for an engineer who switches.
    expect(lateral).toMatch(/id="people-leadership"[\s\S]*?data-change="new"/);
  });

  test('the matrix crosses every competency of a track with every level', () => {
    const matrix = page('matrix/ic/index.html');
    expect((matrix.match(/<th scope="row">/g) ?? []).length).toBe(7);
    expect((matrix.match(/<th scope="col"><a href=/g) ?? []).length).toBe(8);
    expect(matrix).not.toMatch(/<h[2-6]/);
  });

  test('the search index holds every level and expectation as text', () => {
    // The index is split (search-index.ts): the head names entries, text files hold their text.
    const head = JSON.parse(page('search/index.json')) as { pages: string[][]; sections: string[][]; runs: number[]; perText: number };
    const entries = searchKit()
      .entries(head.runs)
      .map(([p, q]) => ({ page: head.pages[p], section: head.sections[q] }));
    const texts = Array.from({ length: Math.ceil(entries.length / head.perText) }, (_, n) => JSON.parse(page(`search/text/${n}.json`)) as string[]).flat();
    expect(texts).toHaveLength(entries.length);
    expect(entries.filter((e) => e.section?.[0] === 'Overview')).toHaveLength(12);
    const delivery = entries.findIndex((e) => e.page?.[0] === '/ladder-as-code/levels/E4/' && e.section?.[1] === 'delivery');
    expect(texts[delivery]).toContain('Keeps several concurrent projects');
    const search = page('search/index.html');
    // Without JavaScript, the search page still lists every level.
    expect((search.match(/<li><a href="\/ladder-as-code\/levels\//g) ?? []).length).toBe(12);
    expect(search).toContain('<script src="/ladder-as-code/assets/search.js" defer></script>');
  });

  test('the sitemap lists every page but the 404 page', () => {
    const sitemap = page('sitemap.xml');
    expect(sitemap).toContain('<loc>/ladder-as-code/levels/E4/</loc>');
    expect(sitemap).not.toContain('404');
    expect((sitemap.match(/<loc>/g) ?? []).length).toBe(site.pages.length);
    const full = renderSite(ladderOf(exampleFiles()), { baseUrl: 'https://northwind.github.io/ladder/' });
    expect(text(full.files.get('sitemap.xml'))).toContain('<loc>https://northwind.github.io/ladder/levels/E4/</loc>');
    expect(text(full.files.get('levels/E4/index.html'))).toContain('href="/ladder/levels/E5/"');
  });

  test('every link and script stays under the base URL, and nothing loads from elsewhere', () => {
    for (const [path, contents] of site.files) {
      if (!path.endsWith('.html')) continue;
      for (const { tag, attr, value } of linksOf(text(contents))) {
        if (tag === 'a' && /^https?:/.test(value)) continue; // a link the reader may follow, never loaded by the page
        expect([path, attr, value]).toEqual([path, attr, expect.stringMatching(/^(?:\/ladder-as-code\/|#)/)]);
      }
    }
  });

  test('is the same, byte for byte, with or without the fast Markdown parser, and on every run', () => {
    const again = renderSite(ladderOf(exampleFiles()), { baseUrl: '/ladder-as-code/' });
    const slow = renderSite(ladderOf(exampleFiles()), { baseUrl: '/ladder-as-code/', fastMarkdown: false });
    expect(site.markdown.fast).toBeGreaterThan(0);
    expect(slow.markdown.fast).toBe(0);
    for (const other of [again, slow]) {
      expect([...other.files.keys()]).toEqual([...site.files.keys()]);
      for (const [path, contents] of site.files) expect([path, text(other.files.get(path)) === text(contents)]).toEqual([path, true]);
    }
  });

  test('pay appears nowhere when the policy does not publish it', () => {
    const hidden = renderSite(ladderOf(edit(exampleFiles(), 'ladder.yml', 'publishPay: true', 'publishPay: false')));
    for (const [path, contents] of hidden.files) {
      expect([path, /\$\d|Pay range|pay range/.test(text(contents))]).toEqual([path, false]);
    }
  });
});

describe('hostile names, titles and expectations', () => {
  const site = renderSite(ladderOf(hostileFiles(exampleFiles())), { baseUrl: '/x/' });
  const all = [...site.files].filter(([p]) => !p.startsWith('assets/'));

  test('render as text, escaped, with their unicode intact', () => {
    const e4 = text(site.files.get('levels/E4/index.html'));
    expect(e4).toContain(`<h1>${escaped(HOSTILE_TITLE)} <span class="level-code">E4</span></h1>`);
    expect(e4).toContain(`<p class="lead">${escaped(HOSTILE_SUMMARY)}</p>`);
    // Escaped, the title is longer than a search result shows: it is cut, never broken mid-entity.
    expect(e4).toContain('<title>Senior &quot;Engineer&quot; &lt;b&gt;&amp;amp; Ünïcödé ✓ &#39;quote...</title>');
    expect(e4).toContain(`<meta name="description" content="${escaped(HOSTILE_SUMMARY)}">`);
    const home = text(site.files.get('index.html'));
    expect(home).toContain(escaped(HOSTILE_TRACK));
    expect(home).toContain(escaped(HOSTILE_BAND));
    expect(home).toContain('Ω 🚀');
  });

  test('leave no script, handler, frame, form or foreign request in any file', () => {
    for (const [path, contents] of all) {
      const t = text(contents);
      const scripts = [...t.matchAll(/<script\b[^>]*>/gi)].map((m) => m[0]);
      // The site's own scripts only: search on the search page, the column picker on the matrices, the checklist's.
      const own =
        path === 'search/index.html' ? ['search'] : path.startsWith('matrix/') ? ['columns'] : /^levels\/[^/]+\/checklist\//.test(path) ? ['checklist'] : [];
      expect([path, scripts]).toEqual([path, own.map((name) => `<script src="/x/assets/${name}.js" defer>`)]);
      expect([
        path,
        t.match(
          /<(?:iframe|form(?! class="(?:header-search|search-form|column-picker [a-z-]+)")|svg|object|embed|style|img|base|link(?! rel="(?:stylesheet|icon)"))\b[^>]*>/gi,
        ),
      ]).toEqual([path, null]);
      // Inside tags (text is escaped, so every "<" in a file opens a real tag): no handler, no script URL, no inline style.
      const tags = (t.match(/<[a-z][^>]*>/gi) ?? []).join('\n');
      expect([path, tags.match(/\son[a-z]+\s*=/gi)]).toEqual([path, null]);
      expect([path, tags.match(/(?:javascript|vbscript|data):/gi)]).toEqual([path, null]);
      expect([path, tags.match(/\sstyle=/gi)]).toEqual([path, null]);
      // ladder.json is the ladder's Markdown as written, as data for other tools: no page shows it, nothing fetches from it.
      if (path === 'ladder.json') continue;
      expect([path, t.includes('evil.example/pixel.gif') && !t.includes('<a href="https://evil.example/pixel.gif">')]).toEqual([path, false]);
    }
  });

  test('keep their safe links: level files become pages, the web stays the web', () => {
    const e4 = text(site.files.get('levels/E4/index.html'));
    expect(e4).toContain('<a href="/x/levels/M1/#delivery">M1</a>');
    expect(e4).toContain('<a href="https://example.com/ladder">the web</a>');
    expect(e4).not.toContain('nowhere.md');
  });
});

/** Lines of the example packets worth looking for: prose and front-matter values, not headings or short tokens. */
function packetNeedles(dir: string): string[] {
  const root = join(dir, 'packets');
  if (!existsSync(root)) return [];
  const needles = new Set<string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, name.name);
      if (name.isDirectory()) walk(full);
      else if (name.name.endsWith('.md')) {
        const body = readFileSync(full, 'utf8');
        const [, front = '', rest = body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(body) ?? [];
        for (const m of front.matchAll(/\b(?:candidate|manager|handle):\s*([\w-]+)/g)) needles.add(m[1] as string);
        for (const m of front.matchAll(/sponsors:\s*\[([^\]]*)\]/g)) for (const h of (m[1] ?? '').split(',')) if (h.trim()) needles.add(h.trim());
        for (const line of rest.split('\n')) {
          const clean = line.replace(/^\s*(?:[-*+]|\d+\.)\s+/, '').trim();
          if (clean.length >= 25 && !clean.startsWith('#')) needles.add(clean);
        }
      }
    }
  };
  walk(root);
  return [...needles];
}

function findIn(dir: string, needles: readonly string[]): string[] {
  const hits: string[] = [];
  for (const file of filesUnder(dir)) {
    const contents = readFileSync(join(dir, file), 'utf8');
    for (const n of needles) if (contents.includes(n)) hits.push(`${file}: ${n}`);
  }
  return hits;
}

describe('confidentiality: nothing of a packet reaches the site', () => {
  const SECRET = 'PLANTED-SECRET-5e1f0c-never-publish';
  const HANDLE = 'planted-candidate-9d2b';
  const planted = `---\nkind: promotion\ncandidate: ${HANDLE}\nfrom: E4\nto: E5\ncycle: 2026-h2\nmanager: planted-manager-4c1a\nladderVersion: 1.1.0\nfeedback: []\n---\n\n${SECRET} in the summary.\n\n## Technical craft\n\n- ${SECRET} as evidence.\n`;

  test('the example packets exist and none of their text is in the rendered example', async () => {
    const needles = packetNeedles(exampleDir);
    expect(needles.length).toBeGreaterThan(20);
    const out = join(work, 'example-site');
    const run = await runCli(['render', 'ladder', '--out', out], repoRoot);
    expect(run.status).toBe(0);
    expect(findIn(out, needles)).toEqual([]);
  });

  test('a planted packet is not read by `ladder render`: its secret is in no output file', async () => {
    const dir = join(work, 'planted', 'ladder');
    cpSync(exampleDir, dir, { recursive: true });
    mkdirSync(join(dir, 'packets', '2026-h2'), { recursive: true });
    writeFileSync(join(dir, 'packets', '2026-h2', 'planted.md'), planted);
    const out = join(work, 'planted-site');
    const run = await runCli(['render', dir, '--out', out], work);
    expect(run.status).toBe(0);
    expect(run.stdout + run.stderr).not.toContain(SECRET);
    expect(findIn(out, [SECRET, HANDLE, 'planted-manager-4c1a', 'planted.md'])).toEqual([]);
  });

  test('the renderer ignores packets even when handed a model that holds them', () => {
    const dir = join(work, 'planted', 'ladder');
    const withPackets = ladderOf(readLadderDir(dir), true);
    expect(withPackets.packets.length).toBeGreaterThan(0);
    const site = renderSite(withPackets);
    const needles = [SECRET, HANDLE, ...packetNeedles(exampleDir)];
    for (const [path, contents] of site.files) for (const n of needles) expect([path, text(contents).includes(n)]).toEqual([path, false]);
  });
});

function git(cwd: string, ...args: string[]): string {
  return execFileSync(
    'git',
    ['-c', 'user.name=Ladder Test', '-c', 'user.email=ladder@example.com', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args],
    {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
}

describe('the changelog', () => {
  test('release notes show the migrations a version declares, linking the levels they lead to', () => {
    const renamed = edit(
      edit(exampleFiles(), 'levels/ic/E3.md', 'id: E3', 'id: SWE3'),
      'ladder.yml',
      /^changelog:\n/m,
      'changelog:\n  - version: 1.2.0\n    changes: [E3 is SWE3 now.]\n    migrations:\n      - rename: E3\n        to: SWE3\n      - merge: [OLD1, OLD2]\n        into: E4\n',
    );
    const moved = renamed.map((f) => (f.path === 'levels/ic/E3.md' ? { ...f, path: 'levels/ic/SWE3.md' } : f));
    const site = renderSite(ladderOf(moved), { baseUrl: '/' });
    const page = text(site.files.get('changelog/index.html'));
    expect(page).toContain('<ul class="migrations"><li>Renamed <code>E3</code> to <a href="/levels/SWE3/">SWE3 Engineer III</a></li>');
    expect(page).toContain('<li>Merged <code>OLD1</code> and <code>OLD2</code> into <a href="/levels/E4/">E4 Senior Engineer</a></li>');
  });

  test('lists the commits that changed the ladder, and withholds messages of commits that touched packets', async () => {
    const repo = join(work, 'repo');
    const ladder = join(repo, 'ladder');
    writeLadder(ladder, exampleFiles());
    writeFileSync(join(repo, 'README.md'), 'not the ladder\n');
    git(repo, 'init', '-q');
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'Publish the first ladder');
    writeLadder(ladder, edit(exampleFiles(), 'levels/ic/E4.md', 'makes everyone on the team more effective', 'makes the whole team more effective'));
    git(repo, 'commit', '-q', '-am', 'Clarify the summary of E4');
    writeFileSync(join(repo, 'README.md'), 'still not the ladder\n');
    git(repo, 'commit', '-q', '-am', 'Outside the ladder: README only');
    mkdirSync(join(ladder, 'packets', '2026-h2'), { recursive: true });
    writeFileSync(join(ladder, 'packets', '2026-h2', 'someone.md'), 'private\n');
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'Promote secret-person-77 to E5');
    writeFileSync(join(ladder, 'packets', '2026-h2', 'someone.md'), 'private, edited\n');
    writeLadder(ladder, edit(exampleFiles(), 'levels/ic/E5.md', /^summary: (.*)$/m, 'summary: $1 Changed with a packet.'));
    git(repo, 'commit', '-q', '-am', 'Also promote hidden-person-88');

    const out = join(work, 'repo-site');
    const run = await runCli(['render', 'ladder', '--out', out], repo);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('3 commits in the changelog');
    const changelog = readFileSync(join(out, 'changelog', 'index.html'), 'utf8');
    expect(changelog).toContain('Publish the first ladder');
    expect(changelog).toContain('Clarify the summary of E4');
    expect(changelog).toContain('<a href="/levels/E4/">E4 Senior Engineer</a>');
    expect(changelog).not.toContain('README');
    expect(changelog).toContain('Message withheld');
    for (const secret of ['secret-person-77', 'hidden-person-88', 'someone.md', 'packets/']) expect(findIn(out, [secret])).toEqual([]);
    // The release notes of ladder.yml come first.
    expect(changelog).toContain('Version 1.1.0');
  });

  test('says there is no history when the ladder is not in a git repository', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ladder-nogit-'));
    try {
      writeLadder(join(dir, 'ladder'), exampleFiles());
      const run = await runCli(['render', 'ladder', '--out', 'site'], dir);
      expect(run.status).toBe(0);
      expect(run.stdout).toContain('no git history for the changelog (not a git repository)');
      expect(readFileSync(join(dir, 'site', 'changelog', 'index.html'), 'utf8')).toContain('There is no history to show');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('ladder render, the command', () => {
  test('writes the site and says what it wrote', async () => {
    const out = join(work, 'cli-site');
    const run = await runCli(['render', 'ladder', '--out', out, '--base-url', '/ladder-as-code'], repoRoot);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      new RegExp(
        `^Rendered 47 pages \\(\\d+ files\\) for Northwind Engineering into ${out}/, base URL /ladder-as-code/; \\d+ commits? in the changelog\\.\\n$`,
      ),
    );
    expect(htmlFilesUnder(out)).toHaveLength(47);
    expect(brokenLinks(out, '/ladder-as-code/')).toEqual([]);
  });

  test('refuses a ladder with errors: diagnostics as `ladder check` prints them, exit 1, nothing written', async () => {
    const dir = join(work, 'broken');
    writeLadder(join(dir, 'ladder'), edit(exampleFiles(), 'levels/ic/E4.md', '## System design', '## Sytem design'));
    const run = await runCli(['render', 'ladder', '--out', 'site'], dir);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('ladder/levels/ic/E4.md');
    expect(run.stdout).toContain('level-sections');
    expect(run.stderr).toContain('the ladder has errors');
    expect(existsSync(join(dir, 'site'))).toBe(false);
  });

  test.each([
    [['render', 'ladder'], '--out is required'],
    [['render', 'ladder', '--out', 'x', '--base-url', 'javascript:alert(1)'], '--base-url must be a path'],
    [['render', 'ladder', '--out', 'x', '--base-url', '/a b/'], 'must be a plain path'],
    [['render', 'ladder', 'other', '--out', 'x'], 'one directory'],
    [['render', 'missing-dir', '--out', 'x'], 'cannot read'],
  ])('usage errors exit 2: %j', async (argv, message) => {
    const run = await runCli(argv, repoRoot);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
    expect(existsSync(join(repoRoot, 'x'))).toBe(false);
  });

  test('never writes into a directory it did not create, and cleans up after itself when it did', async () => {
    const dir = join(work, 'outdirs');
    writeLadder(join(dir, 'ladder'), exampleFiles());
    mkdirSync(join(dir, 'docs'));
    writeFileSync(join(dir, 'docs', 'keep.txt'), 'mine');
    const refused = await runCli(['render', 'ladder', '--out', 'docs'], dir);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('not empty and was not written by ladder render');
    expect(filesUnder(join(dir, 'docs'))).toEqual(['keep.txt']);

    expect((await runCli(['render', 'ladder', '--out', 'site'], dir)).status).toBe(0);
    expect(existsSync(join(dir, 'site', 'levels', 'M4', 'index.html'))).toBe(true);
    // M4 leaves the ladder: its pages leave the site on the next render.
    rmSync(join(dir, 'ladder'), { recursive: true });
    writeLadder(join(dir, 'ladder'), without(exampleFiles(), 'levels/em/M4.md'));
    const again = await runCli(['render', 'ladder', '--out', 'site'], dir);
    expect(again.status).toBe(0);
    expect(existsSync(join(dir, 'site', 'levels', 'M4'))).toBe(false);
    expect(existsSync(join(dir, 'site', 'changes', 'E7-M4'))).toBe(false);
    expect(existsSync(join(dir, 'site', 'levels', 'M3', 'index.html'))).toBe(true);
    expect(brokenLinks(join(dir, 'site'), '/')).toEqual([]);
  });

  test('is listed in `ladder --help`', async () => {
    expect((await runCli(['--help'], repoRoot)).stdout).toMatch(/^ {2}render \[DIR\] +render the ladder as a static site/m);
    expect((await runCli(['render', '--help'], repoRoot)).stdout).toContain('Usage: ladder render [DIR] --out OUT [--base-url PATH]');
  });
});

/** Static imports of a TypeScript file (not `import()`), resolved to files or package names. */
function staticImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of source.matchAll(/^\s*(?:import|export)\s[^;]*?\sfrom\s+'([^']+)'/gm)) {
    const spec = m[1] as string;
    if (/^import\s+type\s/.test(m[0].trim()) || /^export\s+type\s/.test(m[0].trim())) continue;
    if (!spec.startsWith('.')) out.push(spec);
    else {
      const ts = join(dirname(file), spec.replace(/\.js$/, '.ts'));
      out.push(existsSync(ts) ? ts : join(dirname(file), spec));
    }
  }
  return out;
}

describe('architecture', () => {
  test('`ladder check` never loads the renderer or remark: only `ladder render` imports them, dynamically', () => {
    const seen = new Set<string>();
    const packages = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const dep of staticImports(file)) {
        if (dep.startsWith('/')) {
          if (dep.endsWith('.ts')) visit(dep);
          else seen.add(dep);
        } else packages.add(dep);
      }
    };
    visit(join(repoRoot, 'src', 'cli', 'index.ts'));
    const render = [...seen].filter((f) => relative(repoRoot, f).startsWith('src/render/'));
    // Types only (history.ts) may be shared; no code of src/render/ is on the CLI's static path.
    expect(render).toEqual([]);
    expect([...packages].filter((p) => /^(?:unified|remark|rehype|mdast|hast|micromark)/.test(p))).toEqual([]);
    expect(readFileSync(join(repoRoot, 'src', 'cli', 'commands', 'render.ts'), 'utf8')).toContain("await import('../../render/index.js')");
  });

  test('only src/node/git-history.ts runs git, and src/render/ does no I/O', () => {
    for (const file of readdirSync(join(repoRoot, 'src', 'render'), { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith('.ts')) continue;
      const source = readFileSync(join(repoRoot, 'src', 'render', file), 'utf8');
      expect([file, /from 'node:(?:fs|child_process|http|https|net|os|process)'|process\.(?:env|cwd)/.test(source)]).toEqual([file, false]);
    }
  });
});
