// Benchmark for issue 15 ("check --changed reads every level's front matter"): `ladder check
// --changed` on one packet of the 1× org beside the same on the 8× org (bench/lib.js SCALES), in
// one interleaved run. A pull request that touches one packet should not wait longer because the
// ladder has more levels and packets. Goal: 8× within 1.3× of 1×.
//
//   node bench/run.js changed-scale [--runs N]
import { join, relative } from 'node:path';
import { generateOrg } from './generate.js';
import { medians, needCli, ROOT, runOnce, runsFromEnv, SCALES, show, spread, table, verdicts, WORK } from './lib.js';

export const title = 'check --changed on one packet, 1× beside 8× (issue 15)';

const GOAL = 1.3;

export function run({ runs = runsFromEnv(11) } = {}) {
  needCli();
  const node = process.execPath;
  const targets = {};
  const read = {};
  for (const scale of SCALES) {
    const dir = join(WORK, `changed-scale-${scale.name === '1×' ? 1 : 8}`);
    const org = generateOrg(dir, scale.options);
    const rel = relative(ROOT, dir);
    // The same packet at both scales: the first, in cycle-01, so its cycle is equally large.
    const packet = `${rel}/${org.model.packets[0].file}`;
    const command = [node, 'bin/ladder.js', 'check', rel, '--format', 'json', '--changed', packet];
    const report = JSON.parse(runOnce(command).stdout);
    if (report.summary.errors > 0) throw new Error(`${show(command)} found errors in the generated org`);
    targets[scale.name] = command;
    read[scale.name] = report.summary.files;
    const m = org.model;
    console.log(
      `${scale.name}: ${m.levels.length} levels, ${m.packets.length} packets, ${org.files.length} files; --changed read ${report.summary.files} of them (${rel})`,
    );
  }
  const bare = [node, '-e', '0'];
  console.log(`Median wall time of ${runs} runs each, interleaved (node, 1×, 8×, node, …) after 1 warm-up run each; Node ${process.version}.\n`);
  const t = medians({ bare, ...targets }, runs);
  table([
    ['', 'median', 'min', 'max', 'command'],
    ['node -e 0 (reference)', ...spread(t.bare), show(bare)],
    ...SCALES.map((s) => [`${s.name} check --changed one packet`, ...spread(t[s.name]), show(targets[s.name])]),
  ]);
  console.log('');
  const ratio = t['8×'].median / t['1×'].median;
  return { '1×': t['1×'].median, '8×': t['8×'].median, ratio, files: read, met: verdicts([{ label: '8× / 1×', ratio, goal: GOAL }]) };
}
