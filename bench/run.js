// Runs every benchmark: each bench/*.js module that exports run(), in file-name order.
//
//   npm run bench                     all benches
//   node bench/run.js check           only bench/check.js (names without .js; several allowed)
//   node bench/run.js --runs 21       more timed runs (also BENCH_RUNS=21)
//
// A new bench is a new file here exporting `run()` (and optionally `title`); run() prints its own
// figures and may return a summary object. Helpers (lib.js, generate.js) export no run() and are
// skipped. A failing bench is reported and the others still run; the exit code is then 1.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const wanted = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--runs');

const files = readdirSync(here)
  .filter((f) => f.endsWith('.js') && f !== 'run.js')
  .sort();
const benches = [];
for (const file of files) {
  const mod = await import(pathToFileURL(join(here, file)).href);
  if (typeof mod.run === 'function') benches.push({ name: file.replace(/\.js$/, ''), mod });
}
const unknown = wanted.filter((w) => !benches.some((b) => b.name === w));
if (unknown.length > 0) {
  console.error(`unknown bench: ${unknown.join(', ')} (available: ${benches.map((b) => b.name).join(', ')})`);
  process.exit(2);
}

let failed = 0;
for (const { name, mod } of benches) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  console.log(`\n== ${name}${mod.title ? `: ${mod.title}` : ''} ==\n`);
  try {
    await mod.run();
  } catch (error) {
    failed++;
    console.error(`\nbench ${name} FAILED: ${error instanceof Error ? error.message : error}`);
  }
}
if (failed > 0) process.exitCode = 1;
