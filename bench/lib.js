// Helpers shared by the benchmarks: timing child processes and printing aligned tables.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root; benchmarks run their commands from here. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Scratch space for generated inputs (gitignored). */
export const WORK = join(ROOT, 'bench', '.work');

/** How many timed runs a measurement takes: `--runs N` or BENCH_RUNS, else the caller's default. */
export function runsFromEnv(fallback) {
  const i = process.argv.indexOf('--runs');
  const raw = i !== -1 ? process.argv[i + 1] : process.env.BENCH_RUNS;
  const n = Number(raw);
  return raw !== undefined && Number.isInteger(n) && n > 0 ? n : fallback;
}

/**
 * The environment commands run in unless a bench gives its own: this one's, without
 * NODE_EXTRA_CA_CERTS, which makes every Node process load a CA bundle at start (50–60 ms on the
 * development machine, where it is set for its proxy). A runner does not set it, and a constant
 * that large on both sides of a ratio would hide what the tools themselves cost.
 */
export const BENCH_ENV = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NODE_EXTRA_CA_CERTS'));

/**
 * Runs one command ([file, ...args]) from the repository root, synchronously, and returns its
 * wall time in ms. Throws (loudly, with its output) if it does not exit with `expect` (default 0).
 */
export function runOnce(command, { expect = 0, cwd = ROOT, env = BENCH_ENV } = {}) {
  const [file, ...args] = command;
  const start = process.hrtime.bigint();
  const result = spawnSync(file, args, { cwd, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.error) throw new Error(`${show(command)} could not run: ${result.error.message}`);
  if (result.status !== expect) {
    const tail = (s) => (s ?? '').trim().split('\n').slice(-20).join('\n');
    throw new Error(
      `${show(command)} exited with ${result.status ?? result.signal}, expected ${expect}\n--- stdout (tail) ---\n${tail(result.stdout)}\n--- stderr (tail) ---\n${tail(result.stderr)}`,
    );
  }
  return { ms, stdout: result.stdout, stderr: result.stderr };
}

/**
 * The median wall time (ms) of `target` over `runs` timed runs, after `warmup` untimed ones (which
 * fill the OS file cache and Node's compile cache, if any, so every timed run starts equally warm).
 *
 * `target` is one of:
 * - a command, [file, ...args]: one child process per run;
 * - a list of commands, [[file, ...args], ...]: run one after the other, and one sample is their
 *   summed wall time (for tools that need several invocations to do one job);
 * - a function: called once per run and timed as a whole (it may spawn processes itself);
 * - { setup, run }: `run` is one of the above, and setup() is called before each run, untimed.
 *
 * Returns { median, min, max, samples }, and for a list of commands `parts`: the same per command.
 */
export function median(target, runs = 11, { warmup = 1, ...options } = {}) {
  return medians({ target }, runs, { warmup, ...options }).target;
}

/**
 * Like median() for several targets ({ name: target }), interleaved: each round runs every target
 * once, in order, so a change in machine load during the bench hits all of them alike and their
 * ratio stays meaningful. Returns { name: { median, min, max, samples, parts } }.
 */
export function medians(targets, runs = 11, { warmup = 1, ...options } = {}) {
  const names = Object.keys(targets);
  const runners = names.map((name) => toRunner(targets[name], options));
  for (let i = 0; i < warmup; i++) for (const once of runners) once();
  const samples = names.map(() => []);
  const parts = names.map(() => []);
  for (let i = 0; i < runs; i++) {
    runners.forEach((once, t) => {
      const { total, each } = once();
      samples[t].push(total);
      each.forEach((v, p) => {
        parts[t][p] ??= [];
        parts[t][p].push(v);
      });
    });
  }
  return Object.fromEntries(
    names.map((name, t) => [name, { ...summarize(samples[t]), parts: parts[t].length > 1 ? parts[t].map((p) => summarize(p)) : undefined }]),
  );
}

function summarize(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const med = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median: med, min: sorted[0], max: sorted[sorted.length - 1], samples };
}

/** A function that runs the target once and returns { total, each } in ms (each: per command of a list). */
function toRunner(target, options) {
  if (target !== null && typeof target === 'object' && !Array.isArray(target)) {
    // { setup, run }: setup() before each run, outside the timing (emptying an output folder, editing an input).
    const once = toRunner(target.run, options);
    return () => {
      target.setup();
      return once();
    };
  }
  if (typeof target === 'function') {
    return () => {
      const start = process.hrtime.bigint();
      target();
      const total = Number(process.hrtime.bigint() - start) / 1e6;
      return { total, each: [total] };
    };
  }
  if (!Array.isArray(target) || target.length === 0) throw new TypeError('median: target must be a function, a command or a list of commands');
  const commands = Array.isArray(target[0]) ? target : [target];
  return () => {
    const each = commands.map((command) => runOnce(command, options).ms);
    return { total: each.reduce((a, b) => a + b, 0), each };
  };
}

/** A command as a person would type it from the repository root (node for process.execPath, relative paths). */
export function show(command) {
  return command
    .map((part, i) => {
      let s = part === process.execPath ? 'node' : part;
      if (i > 0 && s.startsWith(ROOT)) s = relative(ROOT, s) || '.';
      return /[\s"'$`*?]/.test(s) ? `'${s.replaceAll("'", "'\\''")}'` : s;
    })
    .join(' ');
}

/** Milliseconds with one decimal. */
export const ms = (n) => `${n.toFixed(1)} ms`;

/**
 * Prints rows as an aligned table. `rows` are arrays of cells; the first row is the header unless
 * `header: false`. Columns whose cells (below the header) all look numeric are right-aligned.
 */
export function table(rows, { header = true, indent = '  ', out = console.log } = {}) {
  const cells = rows.map((row) => row.map((c) => String(c ?? '')));
  const width = Math.max(...cells.map((r) => r.length));
  const body = header ? cells.slice(1) : cells;
  const widths = [];
  const right = [];
  for (let c = 0; c < width; c++) {
    widths[c] = Math.max(...cells.map((r) => (r[c] ?? '').length));
    const column = body.map((r) => r[c] ?? '').filter((s) => s !== '');
    right[c] = column.length > 0 && column.every((s) => /^[-+~≤<>]?\s*[\d.,]+\s*(ms|s|%|×|x|MB|KB|B)?$/.test(s));
  }
  const line = (r) =>
    indent +
    r
      .map((s, c) => (right[c] ? s.padStart(widths[c]) : s.padEnd(widths[c])))
      .join('  ')
      .trimEnd();
  const lines = cells.map(line);
  if (header && lines.length > 0) lines.splice(1, 0, indent + widths.map((w) => '─'.repeat(w)).join('  '));
  out(lines.join('\n'));
}

/**
 * The org sizes of issue 15's benches: 1× is 10 tracks × 10 levels × 25 competencies with 625
 * packets, 8× has 8× the levels (80 bands) and 8× the packets (5,000), the same tracks and competencies.
 */
export const SCALES = Object.freeze([
  { name: '1×', options: { tracks: 10, levels: 10, competencies: 25, packets: 625 } },
  { name: '8×', options: { tracks: 10, levels: 80, competencies: 25, packets: 5000 } },
]);

/** A ratio as printed: two decimals and ×. */
export const times = (n) => `${n.toFixed(2)}×`;

/**
 * Prints one line per goal: what is compared, the ratio measured, the goal (≤) and whether it is
 * met. Returns whether every goal is met.
 */
export function verdicts(goals) {
  // One decimal, two for a goal that needs them (0.25×).
  const goal = (g) => `≤ ${g.goal.toFixed(Number.isInteger(g.goal * 10) ? 1 : 2)}×`;
  table([['', 'ratio', 'goal', 'verdict'], ...goals.map((g) => [g.label, times(g.ratio), goal(g), g.ratio <= g.goal ? 'met' : 'NOT met'])]);
  return goals.every((g) => g.ratio <= g.goal);
}

/** Wall-time summary cells: median, min, max. */
export const spread = (t) => [ms(t.median), ms(t.min), ms(t.max)];

/** Fails when dist/cli.js is missing: the benches time the bundled CLI. */
export function needCli() {
  if (!existsSync(join(ROOT, 'dist', 'cli.js'))) throw new Error('dist/cli.js is missing: run `npm run build` first.');
}

/** A git repository in `dir` (emptied first); returns git(...args), run there, trimmed output. */
export function gitRepo(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const git = (...args) =>
    execFileSync('git', ['-c', 'user.name=Bench', '-c', 'user.email=bench@example.com', '-c', 'commit.gpgsign=false', ...args], {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    }).trim();
  git('init', '-q', '-b', 'main');
  return git;
}

/**
 * The environment the Action runs with on a pull request from `baseSha` to `headSha` of the
 * repository `repo`, as the runner sets it (inputs at their action.yml defaults unless given).
 * Its event file and outputs go to `scratch`.
 */
export function actionEnv({ repo, scratch, baseSha, headSha, apiUrl, inputs = {} }) {
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  const event = join(scratch, 'event.json');
  writeFileSync(event, JSON.stringify({ pull_request: { number: 1, base: { sha: baseSha }, head: { sha: headSha }, user: { login: 'bench' } } }));
  writeFileSync(join(scratch, 'summary.md'), '');
  writeFileSync(join(scratch, 'output.txt'), '');
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: event,
    GITHUB_STEP_SUMMARY: join(scratch, 'summary.md'),
    GITHUB_OUTPUT: join(scratch, 'output.txt'),
    GITHUB_WORKSPACE: repo,
    GITHUB_REPOSITORY: 'bench/bench',
    GITHUB_JOB: 'ladder',
    GITHUB_API_URL: apiUrl,
    RUNNER_TEMP: scratch,
    'INPUT_GITHUB-TOKEN': 'unused',
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
  };
}
