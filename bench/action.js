// Benchmark for issue 5: the bundled Action's size, and its cold start with nothing to check (a
// pull request that touches no ladder file), beside a bare `node -e 0`. Goal: ≤ 2× the bare start.
//
//   node bench/run.js action [--runs N]
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { medians, ms, ROOT, runOnce, runsFromEnv, show, table, WORK } from './lib.js';

export const title = 'Action bundle size and cold start (issue 5)';

const GOAL = 2.0;

export function run({ runs = runsFromEnv(21) } = {}) {
  const bundle = join(ROOT, 'action', 'dist', 'index.js');
  const bytes = statSync(bundle).size;
  const gzipped = gzipSync(readFileSync(bundle)).length;

  // A repository whose pull request changes only its README: the Action finds that from git, says
  // there is nothing to check, and exits without loading the GitHub client.
  const repo = join(WORK, 'action-repo');
  rmSync(repo, { recursive: true, force: true });
  mkdirSync(join(repo, 'ladder'), { recursive: true });
  const git = (...args) =>
    execFileSync('git', ['-c', 'user.name=Bench', '-c', 'user.email=bench@example.com', '-c', 'commit.gpgsign=false', ...args], {
      cwd: repo,
      encoding: 'utf8',
    }).trim();
  writeFileSync(join(repo, 'README.md'), 'base\n');
  writeFileSync(join(repo, 'ladder', 'ladder.yml'), 'organization: Bench\n');
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  const baseSha = git('rev-parse', 'HEAD');
  writeFileSync(join(repo, 'README.md'), 'head\n');
  git('commit', '-q', '-am', 'head');
  const headSha = git('rev-parse', 'HEAD');
  const event = join(WORK, 'action-event.json');
  writeFileSync(event, JSON.stringify({ pull_request: { number: 1, base: { sha: baseSha }, head: { sha: headSha }, user: { login: 'bench' } } }));
  const out = join(WORK, 'action-out');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'summary.md'), '');
  writeFileSync(join(out, 'output.txt'), '');
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: event,
    GITHUB_STEP_SUMMARY: join(out, 'summary.md'),
    GITHUB_OUTPUT: join(out, 'output.txt'),
    GITHUB_WORKSPACE: repo,
    GITHUB_REPOSITORY: 'bench/bench',
    GITHUB_API_URL: 'http://127.0.0.1:9', // never called on this path; a call would fail the run
    'INPUT_GITHUB-TOKEN': 'unused',
  };
  const action = [process.execPath, bundle];
  const bare = [process.execPath, '-e', '0'];
  const first = runOnce(action, { env, cwd: repo });
  if (!first.stdout.includes('nothing to check')) throw new Error(`the Action did not take the nothing-to-check path:\n${first.stdout}`);

  console.log(`Bundle: ${show([bundle.replace(`${ROOT}/`, '')])} ${(bytes / 1024).toFixed(0)} KiB (${(gzipped / 1024).toFixed(0)} KiB gzipped)`);
  console.log(`Median wall time of ${runs} runs each (interleaved), after 1 warm-up run; Node ${process.version}.\n`);
  const t = medians({ bare, action }, runs, { env, cwd: repo });
  const ratio = t.action.median / t.bare.median;
  table([
    ['', 'median', 'min', 'max'],
    ['node -e 0 (reference)', ms(t.bare.median), ms(t.bare.min), ms(t.bare.max)],
    ['node action/dist/index.js, nothing to check', ms(t.action.median), ms(t.action.min), ms(t.action.max)],
  ]);
  console.log('');
  table(
    [
      ['ratio Action / bare node', `${ratio.toFixed(2)}×`],
      ['goal', `≤ ${GOAL.toFixed(1)}×`],
      ['verdict', ratio <= GOAL ? 'met' : 'NOT met'],
    ],
    { header: false },
  );
  return { bytes, gzipped, action: t.action.median, bare: t.bare.median, ratio, met: ratio <= GOAL };
}
