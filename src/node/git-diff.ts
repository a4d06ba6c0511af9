import { git, gitAsync } from './git-runner.js';

/*
 * What changed between two commits. Apart from git.ts so that the Action can start git on its first
 * line, before it loads anything else (git.ts brings the file policy and the kinds of files).
 */

/**
 * The paths (relative to the repository's top) that differ between two commits, as
 * `git diff --name-only -z --no-renames` lists them: a renamed file appears under both names.
 * Undefined when either commit is not available here (a shallow clone), or `repoDir` is not a
 * git repository; the caller then asks elsewhere (the GitHub API).
 */
export function changedFiles(repoDir: string, base: string, head: string): string[] | undefined {
  const args = diffArgs(base, head);
  if (!args) return undefined;
  try {
    return namesOf(git(repoDir, args));
  } catch {
    return undefined;
  }
}

/** changedFiles without blocking: git runs while the caller does other work. Never rejects. */
export async function changedFilesAsync(repoDir: string, base: string, head: string): Promise<string[] | undefined> {
  const args = diffArgs(base, head);
  if (!args) return undefined;
  try {
    return namesOf(await gitAsync(repoDir, args));
  } catch {
    return undefined;
  }
}

/** The diff's arguments, or undefined for a ref that could pass for an option. One process: a missing commit makes git exit non-zero, which is the "unavailable" answer. */
function diffArgs(base: string, head: string): string[] | undefined {
  const safe = (ref: string) => ref !== '' && !ref.startsWith('-') && !/[\0\n]/.test(ref);
  if (!safe(base) || !safe(head)) return undefined;
  return ['diff', '--name-only', '-z', '--no-renames', '--no-ext-diff', '--no-textconv', `${base}^{commit}`, `${head}^{commit}`, '--'];
}

const namesOf = (out: Buffer) =>
  out
    .toString('utf8')
    .split('\0')
    .filter((p) => p !== '');
