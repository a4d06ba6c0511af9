// Benchmark for issue 15 ("check is 1.73× a bare read"): `ladder check` beside the least any tool
// that reads the ladder must do, a bare read of the same files with js-yaml (bench/peers/read-yaml.js:
// list the directory, read every file, split the front matter off, yaml.load it), at 1× and 8×
// (bench/lib.js SCALES). Goal: ours ≤ 1.3× the bare read at both scales.
//
//   node bench/run.js check-read [--runs N]
import { join, relative } from 'node:path';
import { generateOrg } from './generate.js';
import { medians, needCli, ROOT, runOnce, runsFromEnv, SCALES, show, spread, table, verdicts, WORK } from './lib.js';

export const title = 'ladder check vs a bare js-yaml read of the same files, 1× and 8× (issue 15)';

const GOAL = 1.3;

export function run({ runs = runsFromEnv(7) } = {}) {
  needCli();
  const node = process.execPath;
  const rows = [['', 'median', 'min', 'max', 'command']];
  const goals = [];
  const result = {};
  console.log(`Median wall time of ${runs} runs each, the two sides interleaved (peer, ours, peer, …) after 1 warm-up run each; Node ${process.version}.\n`);
  for (const scale of SCALES) {
    const dir = join(WORK, `check-read-${scale.name === '1×' ? 1 : 8}`);
    const org = generateOrg(dir, scale.options);
    const rel = relative(ROOT, dir);
    const peer = [node, 'bench/peers/read-yaml.js', rel];
    const ours = [node, 'bin/ladder.js', 'check', rel, '--format', 'json'];
    // Both must have read every file, and ours found nothing wrong, before their times mean anything.
    const read = runOnce(peer).stdout.trim();
    if (read !== `${org.files.length} files`) throw new Error(`the peer read ${read}, the org has ${org.files.length} files`);
    const report = JSON.parse(runOnce(ours).stdout);
    if (report.summary.errors + report.summary.warnings > 0 || report.summary.files !== org.files.length)
      throw new Error(`ladder check on ${rel}: ${JSON.stringify(report.summary)}, expected ${org.files.length} files and no problems`);
    const m = org.model;
    console.log(
      `${scale.name}: ${m.levels.length} levels (${m.tracks.length} tracks × ${m.bands.length}), ${m.competencies.length} competencies, ${m.packets.length} packets: ` +
        `${org.files.length} files, ${(org.bytes / 1e6).toFixed(1)} MB (${rel})`,
    );
    const t = medians({ peer, ours }, runs);
    rows.push([`${scale.name} bare read (js-yaml)`, ...spread(t.peer), show(peer)], [`${scale.name} ours: ladder check`, ...spread(t.ours), show(ours)]);
    goals.push({ label: `${scale.name} ours / bare read`, ratio: t.ours.median / t.peer.median, goal: GOAL });
    result[scale.name] = { peer: t.peer.median, ours: t.ours.median, ratio: t.ours.median / t.peer.median };
  }
  console.log('');
  table(rows);
  console.log('');
  return { ...result, met: verdicts(goals) };
}
