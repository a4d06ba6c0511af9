import { realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { UnreadableDirectoryError } from './read-ladder-dir.js';

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
