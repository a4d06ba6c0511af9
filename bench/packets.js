// Benchmark for issue 3: the synthetic org with 5,000 promotion packets. The full check, and the
// pull-request check of one packet (`ladder check --changed`), which reads only the ladder and that
// packet's cycle. Goal for the latter: ≤ 200 ms wall on the development machine.
//
//   node bench/run.js packets [--runs N]
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DEFAULTS, generateOrg } from './generate.js';
import { medians, ms, ROOT, runOnce, runsFromEnv, show, table, WORK } from './lib.js';

export const title = 'packets: full check and --changed on one packet (issue 3)';

const PACKETS = 5000;
const GOAL_MS = 200;

export function run({ runs = runsFromEnv(11) } = {}) {
  if (!existsSync(join(ROOT, 'dist', 'cli.js'))) throw new Error('dist/cli.js is missing: run `npm run build` first.');
  const orgDir = join(WORK, 'org-packets');
  const org = generateOrg(orgDir, { ...DEFAULTS, packets: PACKETS });
  const rel = relative(ROOT, orgDir);
  const packet = org.model.packets[Math.floor(PACKETS / 2)].file;
  const node = process.execPath;
  const full = [node, 'bin/ladder.js', 'check', rel, '--format', 'json'];
  const changed = [node, 'bin/ladder.js', 'check', rel, '--format', 'json', '--changed', `${rel}/${packet}`];
  const bare = [node, '-e', '0'];

  // Both must pass on the org, and --changed must really read less.
  const fullOut = JSON.parse(runOnce(full).stdout);
  const changedOut = JSON.parse(runOnce(changed).stdout);
  if (fullOut.summary.errors + changedOut.summary.errors > 0) throw new Error('the synthetic org with packets does not pass ladder check');

  console.log(
    `Org: ${org.model.levels.length} levels, ${PACKETS} packets in ${Math.ceil(PACKETS / 500)} cycles, ${org.files.length} files, ${(org.bytes / 1e6).toFixed(1)} MB (${rel})`,
  );
  console.log(`Files read: full check ${fullOut.summary.files}, --changed ${changedOut.summary.files} (the ladder and one cycle).`);
  console.log(`Median wall time of ${runs} runs each (interleaved), after 1 warm-up run; Node ${process.version}.\n`);
  const t = medians({ bare, changed, full }, runs);
  table([
    ['', 'median', 'min', 'max', 'command'],
    ['node -e 0 (reference)', ms(t.bare.median), ms(t.bare.min), ms(t.bare.max), show(bare)],
    ['check --changed one packet', ms(t.changed.median), ms(t.changed.min), ms(t.changed.max), show(changed)],
    ['full check, 5,000 packets', ms(t.full.median), ms(t.full.min), ms(t.full.max), show(full)],
  ]);
  console.log('');
  table(
    [
      ['--changed goal', `≤ ${GOAL_MS} ms`],
      ['verdict', t.changed.median <= GOAL_MS ? 'met' : 'NOT met'],
    ],
    { header: false },
  );
  return { changed: t.changed.median, full: t.full.median, met: t.changed.median <= GOAL_MS };
}
