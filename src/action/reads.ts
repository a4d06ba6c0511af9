import { changesLadder, isItemPath } from '../core/changed.js';
import { configKind } from '../core/kinds/config.js';
import type { SourceFile } from '../core/source-file.js';
import { readLadderAtRefAsync } from '../node/git.js';
import { listAll } from './api.js';
import { type Identity, learnIdentity } from './comment.js';
import type { RunContext } from './context.js';
import type { GitHubClient } from './github.js';
import type { Inputs } from './inputs.js';
import type { Review } from './quorum.js';
import { type Settled, settle } from './settled.js';
import { type PullRequestThread, reviewThreads } from './threads.js';

/**
 * The base commit's ladder, read with git while the run checks the files: a packet pull request
 * needs only its ladder.yml (governance, policy), a ladder change the ladder without packets (the diff).
 */
export function startBaseRead(context: RunContext, ladderRel: string, changed: readonly string[] | undefined): Promise<Settled<SourceFile[]>> | undefined {
  const pr = context.pullRequest;
  if (!pr) return undefined;
  const only = changed && changesLadder(changed) ? { personal: false } : { only: [configKind.place] };
  return settle(readLadderAtRefAsync(context.workspace, pr.baseSha, ladderRel, only));
}

/** What a pull request's run reads from the API before it reports, each started as soon as it may be needed. */
export interface PullRequestReads {
  /** When approvals are required. */
  reviews?: Promise<Settled<Review[]>>;
  /** When a packet changed and the comment is on: the token's identity (which the comment needs before it touches one). */
  identity?: Promise<Identity>;
  /** When a packet changed: the review threads, asked after the identity. */
  threads?: Promise<Settled<PullRequestThread[]>>;
}

/**
 * Starts the reads (once the client is loaded) before the run checks the files: none waits for
 * the check, nor for another except the threads for the identity. They are asked for what the
 * changed paths say the run will need; a read the check makes needless (the base commit is
 * missing, a changed packet does not load) is left unused, and its failure unreported.
 */
export async function startReads(
  github: () => Promise<GitHubClient>,
  context: RunContext,
  inputs: Inputs,
  changed: readonly string[],
): Promise<PullRequestReads> {
  const pr = context.pullRequest;
  const packets = changed.some(isItemPath);
  if (!pr || !(packets || inputs.requireApprovals)) return {};
  // The client first, so that the requests are on their way while the run loads the rest of itself.
  await github().catch(() => undefined);
  const where = { owner: context.owner, repo: context.repo };
  const reviews = inputs.requireApprovals
    ? settle(github().then((g) => listAll<Review>(g, 'GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews', { ...where, pull_number: pr.number })))
    : undefined;
  const identity = packets && inputs.comment ? github().then(learnIdentity, (error: Error) => ({ identity: undefined, error: error.message })) : undefined;
  const threads = packets ? settle(Promise.resolve(identity).then(async () => reviewThreads(await github(), { ...where, number: pr.number }))) : undefined;
  return { reviews, identity, threads };
}
