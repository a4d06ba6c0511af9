// Benchmark for issue 4: `ladder render` on the synthetic org (100 levels), beside Eleventy 3
// rendering the same pages from the same Markdown. Goal: ours ≤ 0.5× Eleventy.
//
//   node bench/render.js [--runs N]      (or `npm run bench`, which runs every bench)
//
// Needs the bundled CLI (`npm run build`). Inputs and outputs go to bench/.work/ (gitignored).
//
// The Eleventy side is a minimal project generated into bench/.work/eleventy: one layout, the 100
// level .md files as a collection (front matter as data, body rendered by Eleventy's markdown-it),
// and one paginated template for every other page ladder render writes (what-changes pages with the
// two levels' rendered content, matrices with a track's levels, tracks, home, search, changelog,
// 404), so that both write the same count of pages. Eleventy does less per page than ours: no
// sanitizing, no comparison, no search index, and it does not check the ladder first.
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULTS, generateOrg } from './generate.js';
import { median, ms, ROOT, runOnce, runsFromEnv, show, table, WORK } from './lib.js';

export const title = 'ladder render vs Eleventy (issue 4)';

const GOAL = 0.5;

export function run({ runs = runsFromEnv(5) } = {}) {
  const cli = join(ROOT, 'dist', 'cli.js');
  if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` first.');
  const rel = (p) => relative(ROOT, p);

  // Inputs, outside the timing.
  const orgDir = join(WORK, 'render-org');
  const org = generateOrg(orgDir, DEFAULTS);
  const oursOut = join(WORK, 'render-site');
  rmSync(oursOut, { recursive: true, force: true });
  const node = process.execPath;
  const ours = [node, 'bin/ladder.js', 'render', rel(orgDir), '--out', rel(oursOut)];
  const first = runOnce(ours);
  if (!/^Rendered \d+ pages/.test(first.stdout)) throw new Error(`ladder render printed:\n${first.stdout}\n${first.stderr}`);
  const oursPages = pagesUnder(oursOut);

  const eleventyDir = join(WORK, 'eleventy');
  const eleventyOut = writeEleventyProject(eleventyDir, orgDir, org.model);
  const eleventyBin = relative(eleventyDir, join(ROOT, 'node_modules', '@11ty', 'eleventy', 'cmd.cjs'));
  const eleventy = [node, eleventyBin, '--quiet'];
  runOnce(eleventy, { cwd: eleventyDir });
  const eleventyPages = pagesUnder(eleventyOut);
  if (eleventyPages.count !== oursPages.count) {
    throw new Error(`Eleventy wrote ${eleventyPages.count} pages and ladder render ${oursPages.count}: the comparison needs the same pages`);
  }
  // For information: the smallest Eleventy project, the 100 level pages alone.
  const levelsOnlyDir = join(WORK, 'eleventy-levels');
  writeEleventyProject(levelsOnlyDir, orgDir, org.model, { levelsOnly: true });
  runOnce(eleventy, { cwd: levelsOnlyDir });

  const m = org.model;
  console.log(
    `Org: ${m.tracks.length} tracks × ${m.bands.length} levels × ${m.competencies.length} competencies, ${org.files.length} files, ` +
      `${(org.bytes / 1e6).toFixed(2)} MB of YAML and Markdown (${rel(orgDir)})`,
  );
  console.log(`ours:     ${oursPages.count} pages, ${(oursPages.bytes / 1e6).toFixed(1)} MB of HTML in ${rel(oursOut)}`);
  console.log(
    `Eleventy: ${eleventyPages.count} pages, ${(eleventyPages.bytes / 1e6).toFixed(1)} MB of HTML in ${rel(eleventyOut)} (project: ${rel(eleventyDir)})`,
  );
  console.log(`Median wall time of ${runs} runs each, after 1 warm-up run; Node ${process.version}.\n`);

  const tOurs = median(ours, runs);
  const tEleventy = median(eleventy, runs, { cwd: eleventyDir });
  const tLevels = median(eleventy, runs, { cwd: levelsOnlyDir });
  const ratio = tOurs.median / tEleventy.median;
  table([
    ['', 'median', 'min', 'max', 'command'],
    [`ours: ladder render (${oursPages.count} pages)`, ms(tOurs.median), ms(tOurs.min), ms(tOurs.max), show(ours)],
    [
      `Eleventy 3, the same ${eleventyPages.count} pages`,
      ms(tEleventy.median),
      ms(tEleventy.min),
      ms(tEleventy.max),
      `(cd ${rel(eleventyDir)} && ${show(eleventy)})`,
    ],
    [
      `(for information) Eleventy 3, the ${org.model.levels.length} level pages only`,
      ms(tLevels.median),
      ms(tLevels.min),
      ms(tLevels.max),
      `(cd ${rel(levelsOnlyDir)} && ${show(eleventy)})`,
    ],
  ]);
  console.log('');
  table(
    [
      ['ratio ours / Eleventy', `${ratio.toFixed(2)}×`],
      ['goal', `≤ ${GOAL.toFixed(1)}×`],
      ['verdict', ratio <= GOAL ? 'met' : 'NOT met'],
      ['(for information) ours / Eleventy with the level pages only', `${(tOurs.median / tLevels.median).toFixed(2)}×`],
    ],
    { header: false },
  );
  return { ours: tOurs.median, eleventy: tEleventy.median, eleventyLevelsOnly: tLevels.median, ratio, goal: GOAL, met: ratio <= GOAL, pages: oursPages.count };
}

/** HTML pages under a directory, and their total size. */
function pagesUnder(dir) {
  let count = 0;
  let bytes = 0;
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.html')) {
        count++;
        bytes += statSync(full).size;
      }
    }
  };
  walk(dir);
  return { count, bytes };
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
{% endfor %}
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
    { url: '/404.html', title: 'Page not found' },
  ];
  for (const track of model.tracks) {
    const levels = byTrack.get(track.id).map((l) => l.id);
    pages.push({ url: `/tracks/${track.id}/index.html`, title: track.name, list: levels });
    pages.push({ url: `/matrix/${track.id}/index.html`, title: `Competency matrix: ${track.name}`, levels });
    for (let i = 0; i + 1 < levels.length; i++)
      pages.push({
        url: `/changes/${levels[i]}-${levels[i + 1]}/index.html`,
        title: `From ${levels[i]} to ${levels[i + 1]}`,
        levels: [levels[i], levels[i + 1]],
      });
  }
  // Lateral moves: every pair of levels on one band, on two tracks (one page per pair).
  for (const band of model.bands) {
    const onBand = model.tracks.flatMap((t) => byTrack.get(t.id).filter((l) => l.band === band.id));
    onBand.forEach((a, i) => {
      for (const b of onBand.slice(i + 1))
        pages.push({ url: `/changes/${a.id}-${b.id}/index.html`, title: `Between ${a.id} and ${b.id}`, levels: [a.id, b.id] });
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
