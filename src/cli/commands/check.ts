import { relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { checkLadder } from '../../check.js';
import { selectChanged } from '../../core/changed.js';
import { countBySeverity } from '../../core/diagnostic.js';
import { listOf } from '../../core/suggest.js';
import { plural, stripControl } from '../../core/text.js';
import { resolveChangedPaths } from '../../node/changed-paths.js';
import { repositoryRootOf } from '../../node/git.js';
import { type ChangedInput, readForChanged } from '../../node/read-changed.js';
import { readLadderDir } from '../../node/read-ladder-dir.js';
import { CHECK_FORMATS, formatNamed, formatNames } from '../../report/formats.js';
import { VERSION } from '../../version.js';
import { type CliIo, EXIT_OK, EXIT_PROBLEMS, UsageError } from '../io.js';

export const checkHelp = `Usage: ladder check [DIR] [--format text|json|sarif|markdown] [--changed FILE... | --changed -]

Checks the ladder in DIR (default: ./ladder): every file against its schema, the ladder's
structure, the parity of its IC and EM tracks, and every promotion packet.

Options:
  -f, --format FORMAT   text (default), json, sarif (SARIF 2.1.0 for code scanning), or
                        markdown (the report the Action writes to its job summary)
  --changed FILE...     check only these files and the ladder they need; paths relative to
                        here or to the repository root (as git prints them); "-" reads the
                        list from standard input, one per line. Paths that are not ladder
                        files are named on stderr and ignored. Must come last. For pull requests: git diff --name-only main | ladder check --changed -
  -h, --help            show this help

Exit status: 0 no errors (warnings allowed), 1 errors found, 2 usage error or unreadable DIR.
`;

export function check(args: string[], io: CliIo): number {
  // Everything after --changed is a file list, so that `--changed a.md b.md` reads naturally.
  const split = args.indexOf('--changed');
  const changedArgs = split === -1 ? undefined : args.slice(split + 1);
  const { values, positionals } = parseArgs({
    args: split === -1 ? args : args.slice(0, split),
    allowPositionals: true,
    options: { format: { type: 'string', short: 'f', default: 'text' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    io.stdout(checkHelp);
    return EXIT_OK;
  }
  const format = formatNamed(CHECK_FORMATS, values.format ?? 'text');
  if (!format) throw new UsageError(`unknown --format "${values.format}"; use ${formatNames(CHECK_FORMATS)}`);
  if (positionals.length > 1) throw new UsageError(`check takes one directory, got ${positionals.length}`);
  const dir = resolve(io.cwd, positionals[0] ?? 'ladder');

  const changed = changedArgs === undefined ? undefined : changedFiles(changedArgs, dir, io);

  const input: ChangedInput = changed ? readForChanged(dir, changed) : { files: readLadderDir(dir), otherPackets: [] };
  const result = checkLadder(input.files, input.otherPackets);
  // Show paths as the user can open them: relative to where they ran the command (or to the
  // repository's root, for a format that resolves them from there).
  const prefix = relative(format.paths === 'repository' ? (repositoryRootOf(dir) ?? io.cwd) : io.cwd, dir)
    .split(sep)
    .join('/');
  const selected = changed ? selectChanged(result.diagnostics, changed) : result.diagnostics;
  const diagnostics = selected.map((d) => ({ ...d, file: prefix ? `${prefix}/${d.file}` : d.file }));
  const report = { diagnostics, files: result.files, version: VERSION, waivers: result.waivers };
  io.stdout(format.render(report, { color: io.color }));
  return countBySeverity(diagnostics).errors > 0 ? EXIT_PROBLEMS : EXIT_OK;
}

/** The --changed paths that are files of the ladder, relative to it; what was left out is said on stderr. */
function changedFiles(args: string[], dir: string, io: CliIo): string[] {
  const list = args.length === 1 && args[0] === '-' ? (io.stdin?.() ?? '').split(/\r?\n/) : args;
  if (args.length === 0) throw new UsageError('--changed needs at least one file (or - to read them from standard input)');
  const option = list.find((a) => a.startsWith('-') && a !== '-');
  if (option) throw new UsageError(`--changed must come last; "${option}" follows it`);
  const given = list.map((p) => p.trim()).filter(Boolean);
  const { paths, ignored } = resolveChangedPaths(given, io.cwd, dir);
  const where = relative(io.cwd, dir).split(sep).join('/') || '.';
  if (ignored.length > 0) {
    io.stderr(
      `ladder check: ignored ${plural(ignored.length, 'changed path')}, not ${ignored.length === 1 ? 'a file' : 'files'} of the ladder in ${where}/: ${stripControl(listOf(ignored))}\n`,
    );
  }
  if (paths.length === 0 && given.length > 0)
    io.stderr(`ladder check: none of the changed paths is a file of the ladder in ${where}/, so no file was checked for this change.\n`);
  return paths;
}
