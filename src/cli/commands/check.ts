import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { checkLadder } from '../../check.js';
import { selectChanged } from '../../core/changed.js';
import { countBySeverity, type Diagnostic } from '../../core/diagnostic.js';
import { didYouMean, listOf } from '../../core/suggest.js';
import { plural, stripControl } from '../../core/text.js';
import { resolveChangedPaths } from '../../node/changed-paths.js';
import { repositoryRootOf } from '../../node/git.js';
import { ladderDirOf } from '../../node/ladder-root.js';
import { type ChangedInput, readForChanged } from '../../node/read-changed.js';
import { errorCode, readLadderDir } from '../../node/read-ladder-dir.js';
import { CHECK_FORMATS, formatNamed, formatNames } from '../../report/formats.js';
import { VERSION } from '../../version.js';
import { COLOR_OPTIONS, colorFlag, ladderDirArg, parseCommandArgs } from '../args.js';
import { type CliIo, EXIT_OK, EXIT_PROBLEMS, UsageError } from '../io.js';

export const checkHelp = `Usage: ladder check [DIR | FILE...] [--format FORMAT] [options] [--changed FILE... | --changed -]

Checks the ladder in DIR (default: ./ladder): every file against its schema, the ladder's
structure, the parity of its IC and EM tracks, and every promotion packet. Given files instead
(ladder check ladder/levels/ic/E4.md), checks the ladder they belong to (the folder above them
that holds ladder.yml) and reports only on those files.

Options:
  --dir DIR             the ladder directory (default ./ladder); the same as giving DIR
  -f, --format FORMAT   text (default), json (with "formatVersion" and end positions),
                        sarif (SARIF 2.1.0 for code scanning), markdown (the report the
                        Action writes to its job summary), or compact (one
                        "file:line:col: severity message (rule)" line per problem, for
                        problem matchers: .github/ladder-problem-matcher.json)
  -o, --output-file FILE
                        write the report to FILE instead of standard output
  --quiet               report errors only: warnings are not shown and do not fail the check
  --max-warnings N      exit with status 1 when there are more than N warnings (counted
                        even with --quiet, as ESLint does)
  --color, --no-color   force colour on or off (default: on a terminal, unless NO_COLOR is
                        set; FORCE_COLOR=1 forces it); a report written with -o is never
                        coloured unless --color is given
  --changed FILE...     check only these files and the ladder they need, reporting on the
                        ladder as a whole when a ladder file is among them; paths relative to
                        here or to the repository root (as git prints them); "-" reads the
                        list from standard input, one per line. Paths that are not ladder
                        files are named on stderr and ignored. Must come last. For pull requests: git diff --name-only main | ladder check --changed -
  -h, --help            show this help

Exit status: 0 no errors (warnings allowed, up to --max-warnings), 1 errors found (or too many
warnings), 2 usage error or unreadable DIR.
`;

const OPTIONS = {
  dir: { type: 'string' },
  format: { type: 'string', short: 'f', default: 'text' },
  'output-file': { type: 'string', short: 'o' },
  quiet: { type: 'boolean' },
  'max-warnings': { type: 'string' },
  ...COLOR_OPTIONS,
  help: { type: 'boolean', short: 'h' },
} as const;

export function check(args: string[], io: CliIo): number {
  // Everything after --changed is a file list, so that `--changed a.md b.md` reads naturally.
  const split = args.indexOf('--changed');
  const changedArgs = split === -1 ? undefined : args.slice(split + 1);
  const parsed = parseCommandArgs(split === -1 ? args : args.slice(0, split), OPTIONS);
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(checkHelp);
    return EXIT_OK;
  }
  const formatName = values.format ?? 'text';
  const format = formatNamed(CHECK_FORMATS, formatName);
  if (!format)
    throw new UsageError(`unknown --format "${formatName}"; use ${formatNames(CHECK_FORMATS)}.${didYouMean(formatName, Object.keys(CHECK_FORMATS))}`);
  const maxWarnings = maxWarningsOf(values['max-warnings']);

  const target = targetOf(positionals, values.dir, io.cwd);
  const dir = target.dir;
  if (target.files && changedArgs !== undefined) throw new UsageError('give files to check or --changed, not both');
  const only = target.files ? changedFiles(target.files, dir, io, 'path') : undefined;
  const changed = changedArgs === undefined ? only : changedFiles(changedArgs, dir, io, 'changed path');

  const input: ChangedInput = changed ? readForChanged(dir, changed) : { files: readLadderDir(dir), otherPackets: [] };
  const result = checkLadder(input.files, input.otherPackets);
  const wanted = new Set(only);
  const selected = only
    ? result.diagnostics.filter((d) => wanted.has(d.file))
    : changed
      ? selectChanged(result.diagnostics, changed, input.rechecked)
      : result.diagnostics;
  // Warnings count against --max-warnings even when --quiet hides them (ESLint does the same).
  const { errors, warnings } = countBySeverity(selected);
  const shown = values.quiet ? selected.filter((d) => d.severity === 'error') : selected;
  // Show paths as the user can open them: relative to where they ran the command (or to the
  // repository's root, for a format that resolves them from there).
  const prefix = relative(format.paths === 'repository' ? (repositoryRootOf(dir) ?? io.cwd) : io.cwd, dir)
    .split(sep)
    .join('/');
  const diagnostics: Diagnostic[] = shown.map((d) => ({ ...d, file: prefix ? `${prefix}/${d.file}` : d.file }));
  const report = { diagnostics, files: result.files, version: VERSION, waivers: result.waivers };
  const tooMany = maxWarnings !== undefined && warnings > maxWarnings;

  const outputFile = values['output-file'];
  const color = colorFlag(parsed) ?? (outputFile === undefined ? io.color : false);
  const text = format.render(report, { color, tooManyWarnings: tooMany ? { warnings, max: maxWarnings } : undefined });
  if (outputFile === undefined) io.stdout(text);
  else write(resolve(io.cwd, outputFile), outputFile, text);
  // Only the text report has a summary line to say it in; the other formats stay machine-readable.
  if (tooMany && (formatName !== 'text' || outputFile !== undefined))
    io.stderr(`ladder check: too many warnings (${warnings}, --max-warnings ${maxWarnings}).\n`);
  return errors > 0 || tooMany ? EXIT_PROBLEMS : EXIT_OK;
}

function maxWarningsOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`--max-warnings takes a whole number of warnings, 0 or more, not "${value}"`);
  return Number(value);
}

/** Writes the report, creating the folders on the way (as ESLint's --output-file does). */
function write(path: string, shown: string, text: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  } catch (error) {
    throw new UsageError(`cannot write --output-file ${shown}: ${errorCode(error)}`);
  }
}

/**
 * What the positionals ask for: a ladder directory (one, or none for --dir or ./ladder), or files
 * of one ladder, whose directory is --dir or else the folder above them that holds ladder.yml.
 */
function targetOf(positionals: string[], dirOption: string | undefined, cwd: string): { dir: string; files?: string[] } {
  const kinds = positionals.map((p) => kindOf(resolve(cwd, p)));
  const [first] = positionals;
  // One path that does not exist is taken as the directory, so the error names what could not be read.
  if (kinds.includes('directory') || (positionals.length === 1 && kinds[0] === 'missing')) {
    if (positionals.length > 1)
      throw new UsageError(`check takes one directory, got ${positionals.length}; to check some files of a ladder, give only the files`);
    return { dir: resolve(cwd, ladderDirArg(dirOption, first)) };
  }
  if (positionals.length === 0) return { dir: resolve(cwd, ladderDirArg(dirOption, undefined)) };
  const missing = positionals.filter((_, i) => kinds[i] === 'missing');
  if (missing.length > 0) throw new UsageError(`cannot read ${listOf(missing)}: no such file`);
  if (dirOption !== undefined) return { dir: resolve(cwd, dirOption), files: positionals };
  const dirs = new Set<string>();
  for (const p of positionals) {
    const found = ladderDirOf(resolve(cwd, p));
    if (found === undefined) throw new UsageError(`${p} is in no ladder: no folder above it holds a ladder.yml. Give the ladder directory with --dir DIR`);
    dirs.add(found);
  }
  if (dirs.size > 1) {
    const shown = [...dirs].map((d) => relative(cwd, d) || '.');
    throw new UsageError(`the files belong to ${dirs.size} ladders (${listOf(shown)}); check one ladder at a time`);
  }
  return { dir: [...dirs][0] as string, files: positionals };
}

function kindOf(path: string): 'directory' | 'file' | 'missing' {
  try {
    return statSync(path).isDirectory() ? 'directory' : 'file';
  } catch {
    return 'missing';
  }
}

/** The given paths that are files of the ladder, relative to it; what was left out is said on stderr. */
function changedFiles(args: string[], dir: string, io: CliIo, noun: string): string[] {
  const list = args.length === 1 && args[0] === '-' ? (io.stdin?.() ?? '').split(/\r?\n/) : args;
  if (args.length === 0) throw new UsageError('--changed needs at least one file (or - to read them from standard input)');
  const option = list.find((a) => a.startsWith('-') && a !== '-');
  if (option) throw new UsageError(`--changed must come last; "${option}" follows it`);
  const given = list.map((p) => p.trim()).filter(Boolean);
  const { paths, ignored } = resolveChangedPaths(given, io.cwd, dir);
  const where = relative(io.cwd, dir).split(sep).join('/') || '.';
  if (ignored.length > 0) {
    io.stderr(
      `ladder check: ignored ${plural(ignored.length, noun)}, not ${ignored.length === 1 ? 'a file' : 'files'} of the ladder in ${where}/: ${stripControl(listOf(ignored))}\n`,
    );
  }
  if (paths.length === 0 && given.length > 0)
    io.stderr(
      `ladder check: none of the ${noun}s is a file of the ladder in ${where}/, so no file was checked${noun === 'changed path' ? ' for this change' : ''}.\n`,
    );
  return paths;
}
