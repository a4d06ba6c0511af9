import { realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { checkLadder } from '../../check.js';
import { countBySeverity } from '../../core/diagnostic.js';
import { diffLadders } from '../../core/diff.js';
import type { SourceFile } from '../../core/source-file.js';
import { didYouMean } from '../../core/suggest.js';
import { GitError, readLadderAtRef, repoTop } from '../../node/git.js';
import { readLadderDir } from '../../node/read-ladder-dir.js';
import { DIFF_FORMATS, formatNamed, formatNames } from '../../report/formats.js';
import { COLOR_OPTIONS, colorFlag, parseCommandArgs } from '../args.js';
import { type CliIo, EXIT_OK, UsageError } from '../io.js';

export const diffHelp = `Usage: ladder diff BASE [HEAD] [--dir DIR] [--format text|markdown|json] [--color|--no-color]

Compares the ladder at git ref BASE with the ladder at HEAD (default: the working tree) and says
what changed for the people on it: levels added, removed, retitled or moved to another band;
competencies added, removed or renamed; expectations changed per level and competency, word by
word; which levels stop or start being equivalent across tracks; open packets that aim at a
changed level. Ends with a verdict, like semver for the ladder: "major" when the change asks
something new of an engineer, "minor" for any other change, "none".

Run it inside the git repository that holds the ladder.

Options:
  --dir DIR             the ladder directory (default ./ladder), relative to here; the
                        arguments are git refs, so the directory is given only this way
  -f, --format FORMAT   text (default), markdown (as in a pull-request comment), or json
  --color, --no-color   force colour on or off (default: on a terminal, unless NO_COLOR is
                        set; FORCE_COLOR=1 forces it)
  -h, --help            show this help

Exit status: 0 when the diff was made (whatever it found), 2 on a usage error or an unknown ref.
`;

export function diff(args: string[], io: CliIo): number {
  const parsed = parseCommandArgs(args, {
    dir: { type: 'string', default: 'ladder' },
    format: { type: 'string', short: 'f', default: 'text' },
    ...COLOR_OPTIONS,
    help: { type: 'boolean', short: 'h' },
  });
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(diffHelp);
    return EXIT_OK;
  }
  const format = formatNamed(DIFF_FORMATS, values.format ?? 'text');
  if (!format)
    throw new UsageError(`unknown --format "${values.format}"; use ${formatNames(DIFF_FORMATS)}.${didYouMean(values.format, Object.keys(DIFF_FORMATS))}`);
  if (positionals.length === 0) throw new UsageError('which version to compare with? Give a git ref, e.g. ladder diff main');
  if (positionals.length > 2) throw new UsageError(`diff takes a base ref and an optional head ref, got ${positionals.length} arguments`);
  const [baseRef, headRef] = positionals as [string, string | undefined];

  const dir = resolve(io.cwd, values.dir ?? 'ladder');
  let top: string;
  try {
    top = repoTop(io.cwd);
  } catch (error) {
    if (error instanceof GitError) throw new UsageError(`${error.message} ladder diff reads the ladder's history from git.`);
    throw error;
  }
  const rel = relative(real(top), real(resolve(real(io.cwd), values.dir ?? 'ladder')))
    .split(sep)
    .join('/');
  if (rel.startsWith('..') || isAbsolute(rel)) throw new UsageError(`the ladder directory ${dir} is outside the git repository at ${top}`);

  const atRef = (ref: string): SourceFile[] => {
    try {
      const files = readLadderAtRef(top, ref, rel);
      if (files.length === 0) io.stderr(`ladder diff: note: there is no ladder under ${rel || '.'} at ${ref}; comparing with an empty ladder.\n`);
      return files;
    } catch (error) {
      if (error instanceof GitError) throw new UsageError(error.message);
      throw error;
    }
  };
  const baseFiles = atRef(baseRef);
  // Without HEAD: the working tree, uncommitted edits included.
  const headFiles = headRef !== undefined ? atRef(headRef) : readLadderDir(dir);

  const base = checkLadder(baseFiles);
  const head = checkLadder(headFiles);
  // The diff compares what could be read; say so when a side is broken, on stderr so that JSON stays clean.
  for (const [name, result] of [
    [baseRef, base],
    [headRef ?? 'the working tree', head],
  ] as const) {
    const { errors } = countBySeverity(result.diagnostics);
    if (errors > 0 && result.files > 0) {
      io.stderr(
        `ladder diff: note: the ladder at ${name} has ${errors} error${errors === 1 ? '' : 's'}; the diff compares what could be read (see ladder check).\n`,
      );
    }
  }
  const result = diffLadders(base.ladder, head.ladder);
  io.stdout(format.render(result, { color: colorFlag(parsed) ?? io.color }));
  return EXIT_OK;
}

function real(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
