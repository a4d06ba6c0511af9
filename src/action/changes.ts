import { relative, resolve, sep } from 'node:path';
import { changedFilesAsync } from '../node/git-diff.js';
import type { RunContext } from './context.js';
import type { GitHubClient } from './github.js';

/**
 * The ladder files a pull request changes, relative to the ladder directory: from git when both
 * commits are in the checkout (no API call), else from the API (renamed files count twice, under
 * both names, since the old name's absence can break the ladder too). undefined when neither can
 * tell (the failure is added to `apiFailures`).
 */
export async function ladderChanges(
  context: RunContext,
  pr: NonNullable<RunContext['pullRequest']>,
  ladderDir: string,
  /** What git says changed (changedFilesAsync, started early), if it was asked. */
  listed: Promise<string[] | undefined> | undefined,
  github: () => Promise<GitHubClient>,
  apiFailures: string[],
): Promise<string[] | undefined> {
  let repoPaths = await (listed ?? changedFilesAsync(context.workspace, pr.baseSha, pr.headSha));
  if (!repoPaths) {
    // Only without the base commit: the API's list, and the code that reads it, are loaded then.
    const { describeFailure, listAll } = await import('./api.js');
    try {
      const files = await listAll<{ filename?: unknown; previous_filename?: unknown }>(await github(), 'GET /repos/{owner}/{repo}/pulls/{pull_number}/files', {
        owner: context.owner,
        repo: context.repo,
        pull_number: pr.number,
      });
      repoPaths = files.flatMap((f) => [f.filename, f.previous_filename]).filter((p): p is string => typeof p === 'string' && p !== '');
    } catch (error) {
      apiFailures.push(`Could not list the pull request's files (the checkout lacks the base commit, and ${describeFailure(error)}).`);
      return undefined;
    }
  }
  const inside = [...new Set(repoPaths)].map((p) => relative(ladderDir, resolve(context.workspace, p)).split(sep).join('/')).filter((p) => !p.startsWith('..'));
  if (inside.length === 0) return [];
  // The kinds of files are loaded only when a change lies in the ladder directory at all.
  const { isLadderPath } = await import('../core/kinds/index.js');
  return inside.filter(isLadderPath);
}
