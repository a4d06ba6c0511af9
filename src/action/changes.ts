import { relative, resolve, sep } from 'node:path';
import { classify } from '../core/source-file.js';
import { changedFiles } from '../node/git.js';
import type { RunContext } from './context.js';
import type { GitHubClient } from './github.js';

/**
 * The ladder files a pull request changes, relative to the ladder directory: from git when both
 * commits are in the checkout (no API call), else from the API (renamed files count twice, under
 * both names, since the old name's absence can break the ladder too).
 */
export async function ladderChanges(
  context: RunContext,
  pr: NonNullable<RunContext['pullRequest']>,
  ladderDir: string,
  github: () => Promise<GitHubClient>,
): Promise<string[]> {
  let repoPaths = changedFiles(context.workspace, pr.baseSha, pr.headSha);
  if (!repoPaths) {
    const octokit = await github();
    const files = await octokit.paginate(octokit.rest.pulls.listFiles, { owner: context.owner, repo: context.repo, pull_number: pr.number, per_page: 100 });
    repoPaths = files.flatMap((f) => [f.filename, ...(f.previous_filename ? [f.previous_filename] : [])]);
  }
  return [...new Set(repoPaths)]
    .map((p) => relative(ladderDir, resolve(context.workspace, p)).split(sep).join('/'))
    .filter((p) => !p.startsWith('..') && classify(p).kind !== 'other');
}
