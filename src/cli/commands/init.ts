import { lstatSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { initFiles } from '../../core/init-template.js';
import { repositoryRootOf } from '../../node/git.js';
import { ladderDirArg, parseCommandArgs } from '../args.js';
import { type CliIo, EXIT_OK, EXIT_PROBLEMS, UsageError } from '../io.js';

export const initHelp = `Usage: ladder init [DIR] [--org NAME]

Starts a ladder in DIR (default: ./ladder) and sets up the repository around it: a minimal ladder
(two tracks, IC and EM, on three bands, five competencies, a level per band where a track has one,
no people), a workflow that checks pull requests with the Action, a workflow that publishes the
site to GitHub Pages, a pull-request template, VS Code settings that validate the YAML against
the schemas, and a .gitignore for the rendered site. The repository is the git work tree that
holds DIR (or the current directory outside one). Nothing is ever overwritten: if any of the
files exists, none is written.

Options:
  --dir DIR      the ladder directory (default ./ladder); the same as giving DIR
  --org NAME     the organization's name in ladder.yml (default: "Your Organization")
  -h, --help     show this help

Exit status: 0 written, 1 a file exists already (nothing written), 2 usage error.
`;

// Workflows and the pull-request template spell the directory unquoted: keep it to safe characters.
const SAFE_DIR = /^[A-Za-z0-9._-]+(?:\/[A-Za-z0-9._-]+)*$/;

export function init(args: string[], io: CliIo): number {
  const { values, positionals } = parseCommandArgs(args, { dir: { type: 'string' }, org: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
  if (values.help) {
    io.stdout(initHelp);
    return EXIT_OK;
  }
  if (positionals.length > 1) throw new UsageError(`init takes one directory, got ${positionals.length}`);
  const organization = (values.org ?? 'Your Organization').trim();
  if (organization === '') throw new UsageError('--org needs a name');
  const dir = resolve(io.cwd, ladderDirArg(values.dir, positionals[0]));
  const root = repositoryRootOf(dir) ?? io.cwd;
  const ladderDir = relative(root, dir).split(sep).join('/');
  if (ladderDir.startsWith('..') || isAbsolute(ladderDir))
    throw new UsageError(`${positionals[0]} is outside the repository (${root}); the workflows must live in the repository that holds the ladder`);
  if (ladderDir !== '' && (!SAFE_DIR.test(ladderDir) || ladderDir.split('/').some((s) => s === '.' || s === '..')))
    throw new UsageError(`choose a directory of letters, digits, dots, dashes and underscores (not "${ladderDir}"): the workflows name it unquoted`);

  const files = initFiles({ ladderDir, organization }).map((f) => ({ ...f, target: join(root, ...f.path.split('/')) }));
  const shown = (target: string) => relative(io.cwd, target).split(sep).join('/') || '.';
  // Everything is checked before anything is written: a half-written set up helps nobody.
  const existing = files.filter((f) => exists(f.target));
  if (existing.length > 0) {
    io.stderr(
      `ladder init: ${existing.length === 1 ? 'this file exists' : 'these files exist'} already, and ladder init never overwrites one:\n${existing
        .map((f) => `  ${shown(f.target)}\n`)
        .join(
          '',
        )}Nothing was written. Move ${existing.length === 1 ? 'it' : 'them'} aside, or choose another directory for the ladder, and run ladder init again.\n`,
    );
    return EXIT_PROBLEMS;
  }
  for (const file of files) {
    mkdirSync(dirname(file.target), { recursive: true });
    // 'wx': should a file appear meanwhile, fail rather than overwrite it.
    writeFileSync(file.target, file.text, { flag: 'wx' });
  }
  const check = ladderDir === 'ladder' && root === io.cwd ? 'npx ladder check' : `npx ladder check ${shown(dir)}`;
  io.stdout(
    `Wrote ${files.length} files:\n${files.map((f) => `  ${shown(f.target)}\n`).join('')}
Next steps:
  1. npm install --save-dev ladder-as-code   (the Pages workflow runs the version package-lock.json pins)
  2. ${check}   (it passes; edit the levels and competencies, and check again)
  3. Add GitHub handles to governance in ${shown(join(dir, 'ladder.yml'))}: the committee and the ladder approvers.
  4. Commit, push, and turn on Pages: Settings → Pages → Source: GitHub Actions.
`,
  );
  return EXIT_OK;
}

/** Whether anything is at `path`, a dangling link included. */
const exists = (path: string): boolean => lstatSync(path, { throwIfNoEntry: false }) !== undefined;
