import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { isLadderPath } from '../core/kinds/index.js';

export interface ChangedPaths {
  /** Ladder-relative paths of ladder files, as the check wants them. */
  paths: string[];
  /** The given paths that are not files of this ladder: outside its directory, or of no kind it reads. */
  ignored: string[];
}

/**
 * Maps the paths given to `--changed` onto the ladder directory. `git diff --name-only` prints
 * paths relative to the repository root wherever it runs, and people type paths relative to where
 * they are: a path is read both ways, and the reading that names an existing file inside the ladder
 * wins (for a deleted file, the first reading inside the ladder).
 */
export function resolveChangedPaths(given: readonly string[], cwd: string, dir: string): ChangedPaths {
  const root = repositoryRoot(dir);
  const paths = new Set<string>();
  const ignored: string[] = [];
  for (const path of given) {
    const readings = isAbsolute(path) ? [path] : [resolve(cwd, path), ...(root ? [resolve(root, path)] : [])];
    const inside = readings.filter((p) => insideDir(dir, p));
    const chosen = inside.find((p) => existsSync(p)) ?? inside[0];
    const rel = chosen === undefined ? undefined : relative(dir, chosen).split(sep).join('/');
    if (rel !== undefined && isLadderPath(rel)) paths.add(rel);
    else ignored.push(path);
  }
  return { paths: [...paths], ignored };
}

function insideDir(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

/** The nearest folder at or above `dir` that holds `.git` (a folder, or a file in a worktree). */
function repositoryRoot(dir: string): string | undefined {
  for (let at = resolve(dir); ; at = dirname(at)) {
    if (existsSync(join(at, '.git'))) return at;
    if (dirname(at) === at) return undefined;
  }
}
