// Benchmark for issue 15 ("the Action on a one-packet pull request"): the bundled Action on a pull
// request that changes one packet, beside the CLI's `ladder check --changed` on the same packet in
// the same checkout, at 1× and 8× (bench/lib.js SCALES), in one interleaved run. The Action talks
// to a stand-in for the GitHub API on 127.0.0.1 (bench/peers/github-stub.js: three committee
// members approve, the comment is posted). Goals: the Action ≤ 1.5× the CLI at each scale, and
// flat as packets grow: the Action at 8× within 1.2× of the Action at 1×.
//
//   node bench/run.js action-packet [--runs N]
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateOrg } from './generate.js';
import { actionEnv, gitRepo, medians, needCli, ROOT, runOnce, runsFromEnv, SCALES, show, spread, table, verdicts, WORK } from './lib.js';

export const title = "the Action's packet pull request vs check --changed, 1× and 8× (issue 15)";

const GOAL_CLI = 1.5;
const GOAL_FLAT = 1.2;

export async function run({ runs = runsFromEnv(7) } = {}) {
  needCli();
  const bundle = join(ROOT, 'action', 'dist', 'index.js');
  const node = process.execPath;
  const checkouts = SCALES.map((scale) => ({ scale, ...pullRequest(scale) }));
  // Each org's committee approves (the stub answers both lists; others' reviews do not count).
  const stub = await startStub(checkouts.flatMap((c) => c.governance.committee.slice(0, c.governance.quorum)));
  try {
    const targets = {};
    for (const { scale, n, repo, baseSha, headSha, packet, files, model } of checkouts) {
      const env = actionEnv({
        repo,
        scratch: join(WORK, `action-packet-out-${n}`),
        baseSha,
        headSha,
        apiUrl: stub.url,
        inputs: { 'ladder-directory': 'ladder' },
      });
      const cli = [node, join(ROOT, 'bin', 'ladder.js'), 'check', 'ladder', '--format', 'json', '--changed', packet];
      const action = [node, bundle];
      // Both must pass, and the Action must have approved the pull request, before their times mean anything.
      const report = JSON.parse(runOnce(cli, { cwd: repo }).stdout);
      if (report.summary.errors > 0) throw new Error(`${show(cli)} found errors in ${repo}`);
      const first = runOnce(action, { env, cwd: repo });
      const outputs = readFileSync(env.GITHUB_OUTPUT, 'utf8');
      if (!/approved<<[^\n]*\ntrue\n/.test(outputs)) throw new Error(`the Action did not pass the pull request:\n${first.stdout.slice(-2000)}\n${outputs}`);
      targets[`cli${n}`] = { command: cli, run: () => runOnce(cli, { cwd: repo }) };
      targets[`action${n}`] = { command: action, run: () => runOnce(action, { env, cwd: repo }) };
      // For information: the same run without the comment, whose writes the client's throttling spaces out.
      const quiet = { ...env, INPUT_COMMENT: 'false' };
      targets[`quiet${n}`] = { command: action, run: () => runOnce(action, { env: quiet, cwd: repo }) };
      console.log(
        `${scale.name}: ${model.levels.length} levels, ${model.packets.length} packets, ${files} files in ${repo.replace(`${ROOT}/`, '')}/ladder; the pull request changes ${packet}`,
      );
    }
    console.log(
      `Median wall time of ${runs} runs each, interleaved (CLI 1×, Action 1×, Action 1× without comment, CLI 8×, …) after 1 warm-up run each; Node ${process.version}.\n`,
    );
    const t = medians(Object.fromEntries(Object.entries(targets).map(([k, v]) => [k, v.run])), runs);
    table([
      ['', 'median', 'min', 'max', 'command (from the checkout)'],
      ...checkouts.flatMap(({ scale, n }) => [
        [`${scale.name} CLI: check --changed one packet`, ...spread(t[`cli${n}`]), show(targets[`cli${n}`].command)],
        [`${scale.name} the Action, one-packet pull request`, ...spread(t[`action${n}`]), show(targets[`action${n}`].command)],
        [
          `${scale.name} (for information) the Action with comment: false`,
          ...spread(t[`quiet${n}`]),
          `INPUT_COMMENT=false ${show(targets[`quiet${n}`].command)}`,
        ],
      ]),
    ]);
    console.log('');
    const ratio = (a, b) => t[a].median / t[b].median;
    const met = verdicts([
      { label: '1× Action / CLI', ratio: ratio('action1', 'cli1'), goal: GOAL_CLI },
      { label: '8× Action / CLI', ratio: ratio('action8', 'cli8'), goal: GOAL_CLI },
      { label: 'Action 8× / Action 1× (flat)', ratio: ratio('action8', 'action1'), goal: GOAL_FLAT },
    ]);
    return { ...Object.fromEntries(Object.entries(t).map(([k, v]) => [k, v.median])), met };
  } finally {
    stub.stop();
  }
}

/** A checkout of the org at `scale` under ladder/, with a base commit and a head commit that adds a sentence to one packet. */
function pullRequest(scale) {
  const n = scale.name === '1×' ? 1 : 8;
  const repo = join(WORK, `action-packet-${n}`);
  const git = gitRepo(repo);
  const org = generateOrg(join(repo, 'ladder'), scale.options);
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  const baseSha = git('rev-parse', 'HEAD');
  const packet = `ladder/${org.model.packets[0].file}`;
  const text = readFileSync(join(repo, packet), 'utf8');
  writeFileSync(join(repo, packet), text.replace('\n\n## ', ' One more sentence of evidence.\n\n## '));
  git('commit', '-q', '-am', 'one packet');
  return { n, repo, baseSha, headSha: git('rev-parse', 'HEAD'), packet, files: org.files.length, model: org.model, governance: org.model.governance };
}

/** Starts bench/peers/github-stub.js in its own process; resolves with its URL once it listens. */
function startStub(approvers) {
  const child = spawn(process.execPath, [join(ROOT, 'bench', 'peers', 'github-stub.js'), ...approvers], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.stdout.once('data', (chunk) => {
      const port = /listening on (\d+)/.exec(String(chunk))?.[1];
      if (port) resolve({ url: `http://127.0.0.1:${port}`, stop: () => child.kill() });
      else reject(new Error(`the GitHub stub printed ${chunk}`));
    });
  });
}
