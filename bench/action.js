// Benchmark for issue 5: the bundled Action's size, and its cold start with nothing to check (a
// pull request that touches no ladder file), beside a bare `node -e 0`. Goal: ≤ 2× the bare start
// (issue 5), ≤ 1.8× (issue 15).
//
//   node bench/run.js action [--runs N]
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { actionEnv, gitRepo, medians, ms, ROOT, runOnce, runsFromEnv, show, table, verdicts, WORK } from './lib.js';

export const title = 'Action bundle size and cold start (issues 5 and 15)';

// Issue 5 asked for 2×; issue 15 ("Speed where users wait") for 1.8×.
const GOALS = [
  { issue: 'issue 5', goal: 2.0 },
  { issue: 'issue 15', goal: 1.8 },
];

export function run({ runs = runsFromEnv(21) } = {}) {
  const bundle = join(ROOT, 'action', 'dist', 'index.js');
  const bytes = statSync(bundle).size;
  const gzipped = gzipSync(readFileSync(bundle)).length;

  // A repository whose pull request changes only its README: the Action finds that from git, says
  // there is nothing to check, and exits without loading the GitHub client.
  const repo = join(WORK, 'action-repo');
  const git = gitRepo(repo);
  mkdirSync(join(repo, 'ladder'), { recursive: true });
  writeFileSync(join(repo, 'README.md'), 'base\n');
  writeFileSync(join(repo, 'ladder', 'ladder.yml'), 'organization: Bench\n');
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  const baseSha = git('rev-parse', 'HEAD');
  writeFileSync(join(repo, 'README.md'), 'head\n');
  git('commit', '-q', '-am', 'head');
  const headSha = git('rev-parse', 'HEAD');
  // GITHUB_API_URL is never called on this path; a call would fail the run.
  const env = actionEnv({ repo, scratch: join(WORK, 'action-out'), baseSha, headSha, apiUrl: 'http://127.0.0.1:9' });
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
  const met = verdicts(GOALS.map((g) => ({ label: `Action / node -e 0 (${g.issue})`, ratio, goal: g.goal })));
  return { bytes, gzipped, action: t.action.median, bare: t.bare.median, ratio, met };
}
