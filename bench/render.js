// Benchmark for issues 4 and 15: `ladder render` on the synthetic org at 1× (100 levels) and 8× (800
// levels; bench/lib.js SCALES), beside Eleventy 3 rendering the same pages from the same Markdown,
// with the pages and bytes each scale writes, and ours again into its previous render after a
// one-level edit (the incremental render). Goals: ours ≤ 0.5× Eleventy at both scales, HTML bytes
// growing no faster than levels × competencies, and the incremental render ≤ 0.25× a full one.
// Before timing, the bench checks that both sides write the same pages, and after it, that the
// incremental render's site is the one a full render of the same input writes.
//
//   node bench/render.js [--runs N]      (or `npm run bench`, which runs every bench)
//
// Needs the bundled CLI (`npm run build`). Inputs and outputs go to bench/.work/ (gitignored).
//
// The Eleventy side is a minimal project generated into bench/.work/eleventy-N: one layout, the
// level .md files as a collection (front matter as data, body rendered by Eleventy's markdown-it),
// and one paginated template for every other page ladder render writes (what-changes pages with the
// two levels' rendered content, or for a lateral move between tracks that are not neighbours, as
// ours, a summary that links to both levels; checklists and matrices with the level's or track's
// content; tracks, home, moves, search, changelog, 404), so that both write the same pages. Eleventy does less per page than ours: no
// sanitizing, no comparison, no search index, and it does not check the ladder first.
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateOrg } from './generate.js';
import { medians, ms, needCli, ROOT, runOnce, runsFromEnv, SCALES, show, spread, table, times, verdicts, WORK } from './lib.js';

export const title = 'ladder render vs Eleventy, 1× and 8× (issues 4 and 15)';

const GOAL = 0.5;
/** Issue 15: a one-level change re-renders in at most this share of a full render. */
const INCREMENTAL_GOAL = 0.25;

export function run({ runs = runsFromEnv(5) } = {}) {
  needCli();
  console.log(
    `Median wall time of ${runs} runs each, interleaved (ours, Eleventy, Eleventy levels only, ours after a one-level edit, ours, …) after 1 warm-up run each; Node ${process.version}.\n` +
      'Every render but the incremental one writes into an emptied folder (emptied outside the timing).\n',
  );
  const rows = [['', 'median', 'min', 'max', 'command']];
  const goals = [];
  const incremental = [];
  const sizes = [];
  const result = {};
  for (const scale of SCALES) {
    const one = renderScale(scale, runs);
    rows.push(...one.rows);
    goals.push({ label: `${scale.name} ours / Eleventy`, ratio: one.ours / one.eleventy, goal: GOAL });
    incremental.push({ label: `${scale.name} one-level change / full render (ours)`, ratio: one.incremental / one.ours, goal: INCREMENTAL_GOAL });
    sizes.push({ scale, ...one });
    result[scale.name] = {
      ours: one.ours,
      eleventy: one.eleventy,
      eleventyLevelsOnly: one.levelsOnly,
      ratio: one.ours / one.eleventy,
      incremental: one.incremental,
      incrementalRatio: one.incremental / one.ours,
      pages: one.pages.count,
    };
  }
  console.log('');
  table(rows);
  console.log('\n  Pages and bytes (ours):');
  table(
    [
      ['', 'pages', 'HTML', 'what-changes pages', 'their bytes', 'per page', 'Eleventy per page'],
      ...sizes.map((s) => [
        s.scale.name,
        String(s.pages.count),
        mb(s.pages.bytes),
        pct(s.changes.count / s.pages.count),
        pct(s.changes.bytes / s.pages.bytes),
        ms(s.ours / s.pages.count),
        ms(s.eleventy / s.pages.count),
      ]),
    ],
    { indent: '    ' },
  );
  const [a, b] = sizes;
  // The scales grow bands; what-changes pages grow with pairs of tracks too: one more org, twice
  // the tracks of 1×, rendered once (untimed) for its pages and bytes.
  const wide = widerOrg(a.scale);
  const cells = (s) => s.model.levels.length * s.model.competencies.length;
  const growth = (s, name) =>
    `  ${name} over ${a.scale.name}: levels × competencies ${times(cells(s) / cells(a))}, pages ${times(s.pages.count / a.pages.count)}, HTML bytes ${times(s.pages.bytes / a.pages.bytes)}`;
  console.log('');
  console.log(`${growth(b, b.scale.name)} (bands × 8)`);
  console.log(
    `${growth(wide, wide.name)} (${wide.pages.count} pages, ${mb(wide.pages.bytes)}, ${pct(wide.changes.count / wide.pages.count)} of them what-changes pages)`,
  );
  console.log('  Goal: HTML bytes growing as levels × competencies (the ratio of the two growths ≤ 1.1×).\n');
  const linear = (s) => s.pages.bytes / a.pages.bytes / (cells(s) / cells(a));
  const met = verdicts([
    ...goals,
    { label: `bytes growth / levels × competencies growth, ${b.scale.name} (bands × 8)`, ratio: linear(b), goal: 1.1 },
    { label: `bytes growth / levels × competencies growth, ${wide.name}`, ratio: linear(wide), goal: 1.1 },
    ...incremental,
  ]);
  return { ...result, met };
}

/** One scale: the org, both sites (checked to have the same pages), the interleaved timings. */
function renderScale(scale, runs) {
  const rel = (p) => relative(ROOT, p);
  const n = scale.name === '1×' ? 1 : 8;
  // Inputs, outside the timing.
  const orgDir = join(WORK, `render-org-${n}`);
  const org = generateOrg(orgDir, scale.options);
  const oursOut = join(WORK, `render-site-${n}`);
  rmSync(oursOut, { recursive: true, force: true });
  const node = process.execPath;
  const ours = [node, 'bin/ladder.js', 'render', rel(orgDir), '--out', rel(oursOut)];
  const first = runOnce(ours);
  if (!/^Rendered \d+ pages/.test(first.stdout)) throw new Error(`ladder render printed:\n${first.stdout}\n${first.stderr}`);
  const pages = pagesUnder(oursOut);
  const changes = pagesUnder(join(oursOut, 'changes'));

  const eleventyDir = join(WORK, `eleventy-${n}`);
  const eleventyOut = writeEleventyProject(eleventyDir, orgDir, org.model);
  const eleventyBin = relative(eleventyDir, join(ROOT, 'node_modules', '@11ty', 'eleventy', 'cmd.cjs'));
  const eleventy = [node, eleventyBin, '--quiet'];
  runOnce(eleventy, { cwd: eleventyDir });
  const eleventyPages = pagesUnder(eleventyOut);
  const missing = (a, b) => {
    const has = new Set(b.paths);
    return a.paths.filter((p) => !has.has(p));
  };
  if (eleventyPages.count !== pages.count || missing(pages, eleventyPages).length > 0) {
    throw new Error(
      `Eleventy wrote ${eleventyPages.count} pages and ladder render ${pages.count}: the comparison needs the same pages (only ours: ${missing(pages, eleventyPages).slice(0, 5).join(', ')}; only Eleventy's: ${missing(eleventyPages, pages).slice(0, 5).join(', ')})`,
    );
  }
  // For information: the smallest Eleventy project, the level pages alone.
  const levelsOnlyDir = join(WORK, `eleventy-levels-${n}`);
  writeEleventyProject(levelsOnlyDir, orgDir, org.model, { levelsOnly: true });
  runOnce(eleventy, { cwd: levelsOnlyDir });

  const m = org.model;
  console.log(
    `${scale.name}: ${m.tracks.length} tracks × ${m.bands.length} levels × ${m.competencies.length} competencies (${m.packets.length} packets, never rendered), ` +
      `${org.files.length} files, ${mb(org.bytes)} of YAML and Markdown (${rel(orgDir)})`,
  );
  console.log(`    ours:     ${pages.count} pages, ${mb(pages.bytes)} of HTML in ${rel(oursOut)}`);
  console.log(`    Eleventy: ${eleventyPages.count} pages, ${mb(eleventyPages.bytes)} of HTML in ${rel(eleventyOut)} (project: ${rel(eleventyDir)})`);

  // The incremental render: the same command into its previous render, after a one-level edit (a
  // sentence added to or taken from one section of a level in the middle of the org, in turn, so
  // that every run has a change to render). The full render beside it is `ours` (an empty folder).
  const incrementalOut = join(WORK, `render-site-${n}-incremental`);
  rmSync(incrementalOut, { recursive: true, force: true });
  const incremental = [node, 'bin/ladder.js', 'render', rel(orgDir), '--out', rel(incrementalOut)];
  const middle = m.levels[Math.floor(m.levels.length / 2)];
  const edited = oneLevelEdit(orgDir, middle);
  runOnce(incremental);
  const empty = (dir) => () => rmSync(dir, { recursive: true, force: true });

  const t = medians(
    {
      ours: { setup: empty(oursOut), run: ours },
      eleventy: { setup: empty(eleventyOut), run: () => runOnce(eleventy, { cwd: eleventyDir }) },
      levels: { setup: empty(join(levelsOnlyDir, '_site')), run: () => runOnce(eleventy, { cwd: levelsOnlyDir }) },
      incremental: { setup: edited.next, run: incremental },
    },
    runs,
  );
  // The incremental render's site must be the one a full render of the same input writes.
  rmSync(oursOut, { recursive: true, force: true });
  runOnce(ours);
  const same = sameSite(oursOut, incrementalOut);
  if (same !== true) throw new Error(`the incremental render's site differs from a full render's: ${same}`);
  return {
    model: m,
    pages,
    changes,
    ours: t.ours.median,
    eleventy: t.eleventy.median,
    levelsOnly: t.levels.median,
    incremental: t.incremental.median,
    rows: [
      [`${scale.name} ours: ladder render (${pages.count} pages), into an empty folder`, ...spread(t.ours), show(ours)],
      [`${scale.name} Eleventy 3, the same ${eleventyPages.count} pages`, ...spread(t.eleventy), `(cd ${rel(eleventyDir)} && ${show(eleventy)})`],
      [
        `${scale.name} (for information) Eleventy 3, the ${m.levels.length} level pages only`,
        ...spread(t.levels),
        `(cd ${rel(levelsOnlyDir)} && ${show(eleventy)})`,
      ],
      [`${scale.name} ours: the same into its last render, ${edited.file} edited`, ...spread(t.incremental), show(incremental)],
    ],
  };
}

/**
 * Edits of one level's file, outside the timing: next() adds a sentence to its first section, or
 * takes it out again, in turn, so that each render after it has one level's text to render anew.
 */
function oneLevelEdit(orgDir, level) {
  const file = `levels/${level.track}/${level.id}.md`;
  const path = join(orgDir, ...file.split('/'));
  const original = readFileSync(path, 'utf8');
  const at = original.indexOf('\n## ') + 1;
  const heading = original.indexOf('\n\n', at) + 2;
  if (at === 0 || heading === 1) throw new Error(`${file} has no section to edit`);
  const changed = `${original.slice(0, heading)}An edit for the incremental render's bench. ${original.slice(heading)}`;
  let turn = 0;
  return { file, next: () => writeFileSync(path, turn++ % 2 === 0 ? changed : original) };
}

/** true when two renders wrote the same files with the same bytes (their manifests agree), else what differs. */
function sameSite(a, b) {
  const manifest = (dir) => JSON.parse(readFileSync(join(dir, '.ladder-render.json'), 'utf8'));
  const [x, y] = [manifest(a), manifest(b)];
  if (JSON.stringify(x.files) !== JSON.stringify(y.files)) return 'not the same files';
  const i = x.hashes.findIndex((h, k) => h !== y.hashes[k]);
  if (i !== -1) return `${x.files[i]} differs`;
  // The hashes are the renders' own: check the bytes of a few pages against them too.
  for (const file of x.files.filter((_, k) => k % 997 === 0)) {
    if (!readFileSync(join(a, file)).equals(readFileSync(join(b, file)))) return `${file} differs on disk`;
  }
  // The search entries kept for the next render: one per level, under the same keys.
  const cache = (dir) => readdirSync(join(dir, '.ladder-render-search')).sort().join(' ');
  if (cache(a) !== cache(b)) return 'the search entries kept for the next render differ';
  return true;
}

/** The 1× org with twice its tracks (no packets), rendered once: its pages and bytes. */
function widerOrg(scale) {
  const options = { ...scale.options, tracks: scale.options.tracks * 2, packets: 0 };
  const dir = join(WORK, 'render-org-tracks');
  const out = join(WORK, 'render-site-tracks');
  const org = generateOrg(dir, options);
  rmSync(out, { recursive: true, force: true });
  runOnce([process.execPath, 'bin/ladder.js', 'render', relative(ROOT, dir), '--out', relative(ROOT, out)]);
  return { name: `tracks × 2 (${options.tracks} × ${options.levels})`, model: org.model, pages: pagesUnder(out), changes: pagesUnder(join(out, 'changes')) };
}

const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
const pct = (f) => `${(100 * f).toFixed(0)} %`;

/** HTML pages under a directory: how many, their total size and their paths (relative, sorted). */
function pagesUnder(dir) {
  const paths = [];
  let bytes = 0;
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.html')) {
        paths.push(relative(dir, full));
        bytes += statSync(full).size;
      }
    }
  };
  walk(dir);
  return { count: paths.length, bytes, paths: paths.sort() };
}

/**
 * The Eleventy project: the org's level files as they are, one layout, and pages.json listing every
 * other page ladder render writes with the levels whose content it shows (unless levelsOnly).
 * Returns the output folder.
 */
function writeEleventyProject(dir, orgDir, model, { levelsOnly = false } = {}) {
  rmSync(dir, { recursive: true, force: true });
  const src = join(dir, 'src');
  mkdirSync(join(src, '_includes'), { recursive: true });
  mkdirSync(join(src, '_data'), { recursive: true });
  cpSync(join(orgDir, 'levels'), join(src, 'levels'), { recursive: true });
  writeFileSync(
    join(dir, 'eleventy.config.js'),
    `// Generated by bench/render.js.
export default function (config) {
  const byId = new WeakMap();
  config.addFilter('level', (levels, id) => {
    let map = byId.get(levels);
    if (!map) byId.set(levels, (map = new Map(levels.map((l) => [l.data.id, l]))));
    return map.get(id);
  });
  return { dir: { input: 'src', output: '_site' }, markdownTemplateEngine: false, htmlTemplateEngine: 'njk' };
}
`,
  );
  writeFileSync(
    join(src, 'levels', 'levels.11tydata.js'),
    `export default { layout: 'layout.njk', tags: ['levels'], eleventyComputed: { permalink: (data) => \`/levels/\${data.id}/index.html\` } };\n`,
  );
  writeFileSync(
    join(src, '_includes', 'layout.njk'),
    `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{{ title }} | Synthetic Benchmark Org</title><link rel="stylesheet" href="/assets/site.css"></head>
<body><header><a href="/">Synthetic Benchmark Org</a></header>
<main><h1>{{ title }}</h1>{% if summary %}<p>{{ summary }}</p>{% endif %}
{{ content | safe }}
</main><footer>Version 1.0.0</footer></body>
</html>
`,
  );
  if (levelsOnly) return join(dir, '_site');
  writeFileSync(
    join(src, 'pages.njk'),
    `---js
{
  pagination: { data: 'pages', size: 1, alias: 'p' },
  eleventyImport: { collections: ['levels'] },
  layout: 'layout.njk',
  permalink: (data) => data.p.url,
  eleventyComputed: { title: (data) => data.p.title },
}
---
{% for id in p.levels %}{% set l = collections.levels | level(id) %}<section><h2>{{ l.data.title }}</h2>{{ l.templateContent | safe }}</section>
{% endfor %}{% for id in p.list %}{% set l = collections.levels | level(id) %}<p><a href="/levels/{{ id }}/">{{ l.data.title }}</a> {{ l.data.summary }}</p>
{% endfor %}{% if p.note %}<p>{{ p.note }}</p>{% endif %}
`,
  );
  writeFileSync(join(src, '_data', 'pages.json'), JSON.stringify(otherPages(model)));
  return join(dir, '_site');
}

/** Every page of ladder render's site but the level pages, with the levels each shows in full (levels) or lists (list). */
function otherPages(model) {
  const rank = new Map(model.bands.map((b, i) => [b.id, i]));
  const byTrack = new Map(model.tracks.map((t) => [t.id, model.levels.filter((l) => l.track === t.id).sort((a, b) => rank.get(a.band) - rank.get(b.band))]));
  const all = model.levels.map((l) => l.id);
  const pages = [
    { url: '/index.html', title: 'Overview', list: all },
    { url: '/search/index.html', title: 'Search', list: all },
    { url: '/changelog/index.html', title: 'Changelog' },
    { url: '/moves/index.html', title: 'How moves work' },
    { url: '/404.html', title: 'Page not found' },
  ];
  for (const track of model.tracks) {
    const levels = byTrack.get(track.id).map((l) => l.id);
    pages.push({ url: `/tracks/${track.id}/index.html`, title: track.name, list: levels });
    pages.push({ url: `/matrix/${track.id}/index.html`, title: `Competency matrix: ${track.name}`, levels });
    for (const id of levels) pages.push({ url: `/levels/${id}/checklist/index.html`, title: `Checklist for ${id}`, levels: [id] });
    for (let i = 0; i + 1 < levels.length; i++)
      pages.push({
        url: `/changes/${levels[i]}-${levels[i + 1]}/index.html`,
        title: `From ${levels[i]} to ${levels[i + 1]}`,
        levels: [levels[i], levels[i + 1]],
      });
  }
  // Lateral moves: every pair of levels on one band, on two tracks (one page per pair). As ours: the
  // two levels in full when their tracks are neighbours, else a summary that links to both levels.
  const names = model.competencies.map((c) => c.name).join(', ');
  for (const band of model.bands) {
    const onBand = model.tracks.flatMap((t) => byTrack.get(t.id).filter((l) => l.band === band.id));
    onBand.forEach((a, i) => {
      onBand.slice(i + 1).forEach((b, j) => {
        const page = { url: `/changes/${a.id}-${b.id}/index.html`, title: `Between ${a.id} and ${b.id}` };
        if (j === 0) pages.push({ ...page, levels: [a.id, b.id] });
        else
          pages.push({ ...page, list: [a.id, b.id], note: `They share ${model.competencies.length} competencies: ${names}. Read them on both levels' pages.` });
      });
    });
  }
  return pages;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    run();
  } catch (error) {
    console.error(`bench/render.js failed: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
  }
}
