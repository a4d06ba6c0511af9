import { existsSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UnreadableDirectoryError } from './unreadable.js';

/**
 * The ladder directory a repository-relative setting names, refused when it leaves the repository:
 * by `..`, by an absolute path elsewhere, or through a symbolic link (a pull request can replace
 * `ladder/` by a link to `/`, and diagnostics quote what they read). A directory that does not
 * exist yet is returned as it is; the readers report it.
 */
export function ladderDirIn(workspace: string, setting: string): string {
  const dir = resolve(workspace, setting);
  const inside = (root: string, path: string) => {
    const rel = relative(root, path);
    return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
  };
  if (!inside(workspace, dir)) throw new UnreadableDirectoryError(`the ladder directory "${setting}" is outside the repository`);
  let real: string;
  try {
    real = realpathSync(dir);
  } catch {
    return dir;
  }
  if (!inside(realpathSync(workspace), real)) {
    throw new UnreadableDirectoryError(`the ladder directory "${setting}" is a symbolic link that leads out of the repository; it was not read`);
  }
  return dir;
}

/**
 * The ladder directory a file belongs to: the nearest folder at or above it that holds ladder.yml,
 * or undefined when there is none up to the root of the file system.
 */
export function ladderDirOf(file: string): string | undefined {
  for (let at = dirname(resolve(file)); ; at = dirname(at)) {
    if (existsSync(join(at, 'ladder.yml'))) return at;
    if (dirname(at) === at) return undefined;
  }
}
