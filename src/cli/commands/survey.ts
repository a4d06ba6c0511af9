import { randomBytes } from 'node:crypto';
import { closeSync, constants, existsSync, fstatSync, lstatSync, mkdirSync, mkdtempSync, openSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { surveyKind } from '../../core/kinds/survey.js';
import { loadLadder } from '../../core/load.js';
import { emptyLedger, formatLedger, type Ledger, parseLedger } from '../../core/survey/ledger.js';
import { surveyReports } from '../../core/survey/report.js';
import { MAX_RESPONSES_BYTES, readResponses, type SurveyProblem } from '../../core/survey/responses.js';
import { readLadderDir } from '../../node/read-ladder-dir.js';
import { parseCommandArgs } from '../args.js';
import { type CliIo, EXIT_OK, EXIT_PROBLEMS, UsageError } from '../io.js';

export const surveyHelp = `Usage: ladder survey report --survey FILE --responses EXPORT.csv --out DIR
                            [--dir DIR] [--ledger FILE]

Turns a form tool's export of the anonymous manager survey into one Markdown report per manager
and an organization summary, in OUT/<round>/ (managers/<handle>.md and summary.md). No figure,
distribution or comment is reported for fewer than k respondents (the survey's minimumGroupSize),
other columns of the export (timestamps) are never read, and nothing is written unless the whole
export is sound. See docs/survey.md.

Options:
  --survey FILE        the round's questions: surveys/<round>.yml in the ladder directory
  --responses FILE     the export: CSV (UTF-8, comma-separated), a header line with a manager
                       column and one column per question id, then one line per respondent;
                       at most ${MAX_RESPONSES_BYTES / 1024 / 1024} MiB, and never inside the ladder directory
  -o, --out DIR        where the reports go (outside the ladder directory); keep one DIR for
                       every round, so that its ledger sees them all
  --ledger FILE        the respondent counts of earlier reports, to refuse differencing
                       (default: DIR/ledger.json)
  --dir DIR            the ladder directory (default: the folder above the survey's surveys/)
  -h, --help           show this help

Exit status: 0 reports written, 1 a problem with the survey, the export or the ledger (nothing
written), 2 usage error.
`;

export async function survey(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(args, {
    survey: { type: 'string' },
    responses: { type: 'string' },
    out: { type: 'string', short: 'o' },
    ledger: { type: 'string' },
    dir: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(surveyHelp);
    return EXIT_OK;
  }
  if (positionals[0] !== 'report' || positionals.length > 1)
    throw new UsageError(
      positionals.length === 0 ? 'say what to do: ladder survey report …' : `survey knows one subcommand, report, not ${positionals.join(' ')}`,
    );
  for (const name of ['survey', 'responses', 'out'] as const) if (!values[name]) throw new UsageError(`--${name} is required`);
  const surveyPath = resolve(io.cwd, values.survey as string);
  const responsesPath = resolve(io.cwd, values.responses as string);
  const out = resolve(io.cwd, values.out as string);
  const dir = resolve(io.cwd, values.dir ?? dirname(dirname(surveyPath)));
  const rel = relative(dir, surveyPath).split(sep).join('/');
  if (!surveyKind.match(rel)) throw new UsageError(`--survey must be a file surveys/<round>.yml of the ladder directory ${shown(io, dir)}`);
  if (inside(dir, out)) throw new UsageError('--out must be outside the ladder directory: reports are personal and never committed');
  if (inside(dir, responsesPath))
    throw new UsageError('--responses is inside the ladder directory, where it would be committed; move the export out of the repository');
  const ledgerPath = resolve(io.cwd, values.ledger ?? join(out, 'ledger.json'));

  const fail = (problems: readonly SurveyProblem[]) => {
    for (const p of problems) io.stderr(`${p.file}:${p.line}:${p.column}: error ${p.message}\n`);
    io.stderr('ladder survey: nothing was written.\n');
    return EXIT_PROBLEMS;
  };

  // The whole ladder: its people are redacted from comments, and the survey must load cleanly.
  const loaded = loadLadder(readLadderDir(dir));
  const surveyProblems = loaded.findings.filter((f) => f.file === rel);
  if (!existsSync(surveyPath)) return fail([{ file: shown(io, surveyPath), line: 1, column: 1, message: 'There is no such survey file.' }]);
  if (surveyProblems.length > 0) return fail(surveyProblems.map((f) => ({ ...f, file: shown(io, surveyPath), message: `${f.message} (${f.rule})` })));
  const definition = loaded.ladder.surveys.find((s) => s.origin.file === rel);
  if (!definition) return fail([{ file: shown(io, surveyPath), line: 1, column: 1, message: 'The survey could not be read; run ladder check.' }]);

  const bytes = readBounded(responsesPath, MAX_RESPONSES_BYTES);
  const responsesShown = shown(io, responsesPath);
  if ('problem' in bytes) return fail([{ file: responsesShown, line: 1, column: 1, message: bytes.problem }]);
  const read = readResponses(bytes.bytes, definition, responsesShown);
  if ('problems' in read) return fail(read.problems);

  let ledger: Ledger = emptyLedger();
  if (existsSync(ledgerPath)) {
    const text = readBounded(ledgerPath, MAX_RESPONSES_BYTES);
    const parsedLedger = 'problem' in text ? text : parseLedger(new TextDecoder().decode(text.bytes));
    if ('problem' in parsedLedger)
      return fail([
        {
          file: shown(io, ledgerPath),
          line: 1,
          column: 1,
          message: `${parsedLedger.problem} Without it, differencing across reports cannot be refused; restore it from where the reports are kept.`,
        },
      ]);
    ledger = parsedLedger;
  }

  const g = loaded.ladder.governance;
  const people = [
    ...g.committee,
    ...Object.values(g.ladderApprovers).flat(),
    ...loaded.ladder.packets.flatMap((p) => [p.candidate, p.manager ?? '', ...p.sponsors, ...p.feedback.map((f) => f.handle)]),
  ].filter((h) => h !== '');
  const random = randomBytes(16);
  const seed = [0, 4, 8, 12].map((i) => random.readUInt32LE(i));
  const output = surveyReports({ survey: definition, responses: read.responses, ledger, people, seed });

  // Everything is written to a fresh folder beside the target, then renamed into place: a run
  // that fails half-way leaves the previous reports as they were.
  const target = join(out, definition.round);
  if (existsSync(target) && (lstatSync(target).isSymbolicLink() || !lstatSync(target).isDirectory()))
    throw new UsageError(`${shown(io, target)} exists and is not a folder of reports; move it aside`);
  mkdirSync(out, { recursive: true });
  const staging = mkdtempSync(join(out, '.survey-'));
  try {
    for (const file of output.files) {
      const path = join(staging, ...file.path.split('/'));
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.text, { flag: 'wx' });
    }
    const ledgerStaging = join(staging, '.ledger.json');
    writeFileSync(ledgerStaging, formatLedger(output.ledger), { flag: 'wx' });
    mkdirSync(dirname(ledgerPath), { recursive: true });
    const old = existsSync(target) ? `${staging}-old` : undefined;
    if (old) renameSync(target, old);
    renameSync(ledgerStaging, ledgerPath);
    renameSync(staging, target);
    if (old) rmSync(old, { recursive: true, force: true });
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  const { reported, withheld } = output.managers;
  io.stdout(
    `Wrote ${reported === 1 ? 'one manager report' : `${reported} manager reports`} and the organization summary to ${shown(io, target)}/${
      withheld > 0
        ? ` (${withheld === 1 ? 'one manager has' : `${withheld} managers have`} fewer than ${definition.minimumGroupSize} respondents and no report)`
        : ''
    }; the ledger is ${shown(io, ledgerPath)}. Hand each manager their own report only.\n`,
  );
  return EXIT_OK;
}

function inside(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !rel.startsWith(sep) && !/^[A-Za-z]:/.test(rel));
}

function shown(io: CliIo, path: string): string {
  const rel = relative(io.cwd, path);
  return rel === '' ? '.' : rel.startsWith('..') ? path : rel;
}

// Never blocks on a FIFO put in place of the export, and never reads more than the cap (+1 byte).
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

function readBounded(path: string, cap: number): { bytes: Uint8Array } | { problem: string } {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (error) {
    return { problem: `The file could not be opened (${(error as NodeJS.ErrnoException).code ?? 'error'}).` };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { problem: 'This is not a regular file (a folder, a pipe or a device); give the exported file itself.' };
    const tooLarge = (size: string) =>
      `The file is ${size}, over the ${cap / 1024 / 1024} MiB limit for one round's export; it was not read. An export that large is not one survey round: check it is the right file, or split it by round.`;
    if (stat.size > cap) return { problem: tooLarge(`${(stat.size / 1024 / 1024).toFixed(1)} MiB`) };
    const buffer = Buffer.allocUnsafe(Math.min(stat.size, cap) + 1);
    let length = 0;
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length > cap) return { problem: tooLarge('larger than it said') };
      if (length === buffer.length) break;
    }
    return { bytes: buffer.subarray(0, length) };
  } finally {
    closeSync(fd);
  }
}
