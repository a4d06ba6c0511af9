import { closeSync, constants, mkdirSync, openSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { checkLadder } from '../../check.js';
import { calibrationOf } from '../../core/calibration.js';
import { readLadderDir } from '../../node/read-ladder-dir.js';
import { calibrationHtml, calibrationMarkdown } from '../../report/calibration.js';
import { type CliIo, EXIT_OK, EXIT_PROBLEMS, UsageError } from '../io.js';

export const calibrateHelp = `Usage: ladder calibrate CYCLE [--dir DIR] [-o OUT]

Writes the committee packet of one cycle, for the calibration meeting: every packet of
packets/CYCLE/ grouped by target level and band, evidence per competency, feedback and support
counts, sponsors, the moves that need attention (skipped bands, thin or missing evidence, an old
ladder version), and a decision table to fill in. Two local files, OUT.md and OUT.html (one
self-contained page, no script): never part of the site, and not for the repository (the
calibration-output rule reports them in the ladder directory). Names, ids and counts only: no
packet text.

Options:
  --dir DIR        the ladder directory (default: ./ladder)
  -o, --out OUT    where to write, without extension (default: ./calibration-CYCLE)
  -h, --help       show this help

Exit status: 0 written, 1 the cycle has no packet, 2 usage error or unreadable DIR.
`;

const CYCLE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
// Never write through a link put where the file goes, and never over a file that is not ours to replace.
const WRITE_FLAGS = constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | (constants.O_NOFOLLOW ?? 0);

export function calibrate(args: string[], io: CliIo): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { dir: { type: 'string', default: 'ladder' }, out: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    io.stdout(calibrateHelp);
    return EXIT_OK;
  }
  const [cycle, ...extra] = positionals;
  if (!cycle) throw new UsageError('calibrate needs the cycle, such as 2026-h2');
  if (extra.length > 0) throw new UsageError(`calibrate takes one cycle, got ${positionals.length}`);
  if (!CYCLE.test(cycle)) throw new UsageError('the cycle is a folder name under packets/, such as 2026-h2');
  const dir = resolve(io.cwd, values.dir ?? 'ladder');
  const base = resolve(io.cwd, values.out ?? `calibration-${cycle}`);

  const result = checkLadder(readLadderDir(dir));
  const inLadder = isInside(dir, dirname(base));
  if (inLadder && !result.ladder.policy.packets.allowCalibrationFiles) {
    throw new UsageError(
      '--out is inside the ladder directory: a calibration packet is for the meeting, not for the repository. Write it elsewhere, or set policy.packets.allowCalibrationFiles: true',
    );
  }
  const calibration = calibrationOf(result.ladder, cycle);
  if (calibration.packets === 0) {
    io.stderr(`ladder calibrate: packets/${cycle}/ holds no packet; nothing was written.\n`);
    return EXIT_PROBLEMS;
  }
  mkdirSync(dirname(base), { recursive: true });
  const written: string[] = [];
  for (const [ext, text] of [
    ['md', calibrationMarkdown(calibration)],
    ['html', calibrationHtml(calibration)],
  ] as const) {
    const path = `${base}.${ext}`;
    const fd = openSync(path, WRITE_FLAGS, 0o600);
    try {
      writeFileSync(fd, text);
    } finally {
      closeSync(fd);
    }
    written.push(relative(io.cwd, path).split(sep).join('/') || path);
  }
  const problems = result.diagnostics.filter((d) => d.severity === 'error').length;
  io.stdout(
    `Wrote the calibration of ${cycle} (${calibration.packets} packet${calibration.packets === 1 ? '' : 's'}) to ${written.join(' and ')}.${problems > 0 ? ` The ladder has ${problems} error${problems === 1 ? '' : 's'}: run ladder check.` : ''}\n`,
  );
  return EXIT_OK;
}

/** Whether `path` is `dir` or inside it, links resolved where they exist. */
function isInside(dir: string, path: string): boolean {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return p;
    }
  };
  const rel = relative(real(dir), real(path));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}
