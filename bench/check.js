// Benchmark for issue 2: `ladder check` on a large synthetic org, beside ajv-cli validating the same
// YAML against the same schemas (schema only). Goal: ours ≤ 1.0× ajv-cli.
//
//   node bench/check.js [--runs N]      (or `npm run bench`, which runs every bench)
//
// Needs the bundled CLI (`npm run build`). Inputs go to bench/.work/ (gitignored).
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULTS, generateOrg } from './generate.js';
import { medians, ms, ROOT, runOnce, runsFromEnv, show, table, WORK } from './lib.js';

export const title = 'ladder check vs ajv-cli (issue 2)';

const GOAL = 1.0;

export function run({ runs = runsFromEnv(11) } = {}) {
  const cli = join(ROOT, 'dist', 'cli.js');
  if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` first.');
  warnIfStale(cli);

  // Inputs, outside the timing.
  const orgDir = join(WORK, 'org');
  const org = generateOrg(orgDir, DEFAULTS);
  const ajvDir = join(WORK, 'ajv');
  const frontMatters = extractFrontMatters(orgDir, org.files, join(ajvDir, 'levels'));
  const rel = (p) => relative(ROOT, p);

  const node = process.execPath;
  const ours = [node, 'bin/ladder.js', 'check', rel(orgDir), '--format', 'json'];
  // ajv-cli takes one schema (-s) per invocation, so one job takes three invocations. It reads
  // .yml data files with its own js-yaml (3.x) by extension; no plugin is needed.
  const ajvBin = rel(realpathSync(join(ROOT, 'node_modules', '.bin', 'ajv')));
  const ajvOptions = ['validate', '--spec=draft2020', '--strict=true', '--all-errors'];
  const ajv = [
    [node, ajvBin, ...ajvOptions, '-s', 'schemas/ladder.schema.json', '-d', rel(join(orgDir, 'ladder.yml'))],
    [node, ajvBin, ...ajvOptions, '-s', 'schemas/competencies.schema.json', '-d', rel(join(orgDir, 'competencies.yml'))],
    [node, ajvBin, ...ajvOptions, '-s', 'schemas/level.schema.json', ...frontMatters.flatMap((f) => ['-d', rel(f)])],
  ];
  const bare = [node, '-e', '0'];

  // Both must succeed on the org before their times mean anything.
  verifyOurs(runOnce(ours), org.files.length);
  const ajvFiles = 2 + frontMatters.length;
  const valid = ajv.reduce((n, command) => n + countValid(runOnce(command)), 0);
  if (valid !== ajvFiles) throw new Error(`ajv-cli reported ${valid} valid files, expected ${ajvFiles}`);

  const m = org.model;
  console.log(
    `Org: ${m.tracks.length} tracks × ${m.bands.length} levels × ${m.competencies.length} competencies, ` +
      `${org.files.length} files, ${(org.bytes / 1e6).toFixed(2)} MB (${rel(orgDir)})`,
  );
  console.log(
    `ajv-cli input: ${rel(join(orgDir, 'ladder.yml'))}, ${rel(join(orgDir, 'competencies.yml'))} and ${frontMatters.length} front matters in ${rel(join(ajvDir, 'levels'))}/`,
  );
  console.log(`Median wall time of ${runs} runs each (interleaved), after 1 warm-up run each; Node ${process.version}.\n`);

  // Interleaved (node, ours, ajv-cli, node, ...) so load changes on the machine hit all three alike.
  const { node: tNode, ours: tOurs, ajv: tAjv } = medians({ node: bare, ours, ajv }, runs);
  const ratio = tOurs.median / tAjv.median;
  const fastest = Math.min(...tAjv.parts.map((p) => p.median));

  table([
    ['', 'median', 'min', 'max', 'command'],
    ['node -e 0 (reference)', ms(tNode.median), ms(tNode.min), ms(tNode.max), show(bare)],
    ['ours: ladder check', ms(tOurs.median), ms(tOurs.min), ms(tOurs.max), show(ours)],
    [
      'ajv-cli (3 invocations, summed)',
      ms(tAjv.median),
      ms(tAjv.min),
      ms(tAjv.max),
      `${ajv.length} × ${show(ajv[0].slice(0, 2 + ajvOptions.length))} -s <schema> -d <files>`,
    ],
  ]);
  console.log('\n  ajv-cli invocations (one sample = their summed wall time):');
  table([['median', 'command'], ...ajv.map((command, i) => [ms(tAjv.parts[i].median), abbreviate(show(command))])], { indent: '    ' });
  console.log('');
  table(
    [
      ['ratio ours / ajv-cli', `${ratio.toFixed(2)}×`],
      ['goal', `≤ ${GOAL.toFixed(1)}×`],
      ['verdict', ratio <= GOAL ? 'met' : 'NOT met'],
      ['(for information) ours / fastest single ajv-cli invocation', `${(tOurs.median / fastest).toFixed(2)}×`],
    ],
    { header: false },
  );
  return { ours: tOurs.median, ajv: tAjv.median, node: tNode.median, ratio, goal: GOAL, met: ratio <= GOAL };
}

/** Writes each level's front matter to <out>/<id>.yml, as ajv-cli needs YAML files. Returns their paths. */
function extractFrontMatters(orgDir, files, out) {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const paths = [];
  for (const file of files.filter((f) => f.startsWith('levels/') && f.endsWith('.md'))) {
    const text = readFileSync(join(orgDir, file), 'utf8');
    const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
    if (!match) throw new Error(`${file}: no front matter`);
    const target = join(out, `${file.split('/').pop().replace(/\.md$/, '')}.yml`);
    writeFileSync(target, `${match[1]}\n`);
    paths.push(target);
  }
  return paths;
}

function verifyOurs({ stdout }, expectedFiles) {
  let report;
  try {
    report = JSON.parse(stdout);
  } catch {
    throw new Error(`ladder check --format json printed no JSON:\n${stdout.slice(0, 500)}`);
  }
  if (!Array.isArray(report.diagnostics) || report.diagnostics.length > 0) {
    throw new Error(`ladder check found problems in the generated org:\n${JSON.stringify(report.diagnostics?.slice(0, 10), null, 2)}`);
  }
  const files = report.summary?.files;
  if (files !== undefined && files !== expectedFiles) throw new Error(`ladder check examined ${files} files, the org has ${expectedFiles}`);
}

const countValid = ({ stdout }) => stdout.split('\n').filter((l) => / valid$/.test(l)).length;

/** A long list of -d arguments, shortened for display. */
function abbreviate(line) {
  const parts = line.split(' -d ');
  return parts.length <= 3 ? line : `${parts.slice(0, 2).join(' -d ')} -d … (${parts.length - 1} × -d)`;
}

/** Warns when a source file is newer than the bundle: the bench would time old code. */
function warnIfStale(cli) {
  const built = statSync(cli).mtimeMs;
  const newer = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (statSync(full).mtimeMs > built) newer.push(relative(ROOT, full));
    }
  };
  for (const dir of ['src', 'schemas']) if (existsSync(join(ROOT, dir))) walk(join(ROOT, dir));
  if (newer.length > 0)
    console.warn(`warning: dist/cli.js is older than ${newer.slice(0, 3).join(', ')}${newer.length > 3 ? ', …' : ''}; run \`npm run build\`.\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    run();
  } catch (error) {
    console.error(`bench/check.js failed: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
  }
}
