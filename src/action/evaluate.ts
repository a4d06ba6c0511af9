import { checkLadder } from '../check.js';
import { changesLadder, isRechecked, recheckOf, selectChanged } from '../core/changed.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { diffLadders } from '../core/diff.js';
import { loadLadder } from '../core/load.js';
import { type Ladder, LadderIndex, type Packet } from '../core/model.js';
import { groupThreads, PacketSummarizer, type ThreadCounts } from '../core/packet-summary.js';
import type { SourceFile } from '../core/source-file.js';
import { type ChangedInput, readForChanged } from '../node/read-changed.js';
import { readLadderDir } from '../node/read-ladder-dir.js';
import type { PacketReview, RunReport } from '../report/model.js';
import { VERSION } from '../version.js';
import { describeFailure } from './api.js';
import type { Identity } from './comment.js';
import type { RunContext } from './context.js';
import type { Inputs } from './inputs.js';
import { evaluateQuorum, needsLadderApproval, type Quorum, type Review, reviewStates } from './quorum.js';
import type { PullRequestReads } from './reads.js';
import type { Settled } from './settled.js';
import type { PullRequestThread } from './threads.js';

export interface Evaluation {
  report: RunReport;
  /** The token's identity, when the run already asked for it (the comment does not ask again). */
  identity?: Identity | undefined;
  /** GitHub API calls that failed, in words (each is also a notice in the report). */
  apiFailures: string[];
}

/**
 * Everything the run finds: the check of the changed files (or of the whole ladder outside pull
 * requests, or when the changed files are unknown), the diff of a ladder change against the base,
 * and the approvals. A failed API call leaves out what needed it, with a notice, never more.
 */
export async function evaluate(options: {
  context: RunContext;
  inputs: Inputs;
  ladderDir: string;
  ladderRel: string;
  /** The changed files; undefined outside pull requests, or when they could not be learned. */
  changed: string[] | undefined;
  /** The base commit's ladder files (see baseRead), on a pull request. */
  base?: Promise<Settled<SourceFile[]>> | undefined;
  /** The API reads started for a pull request (reads.ts). */
  reads?: PullRequestReads | undefined;
  /** API failures so far (this adds its own). */
  apiFailures: string[];
}): Promise<Evaluation> {
  const { context, inputs, ladderDir, ladderRel, changed, apiFailures } = options;
  const pr = context.pullRequest;
  const toRepoPath = (p: string) => (ladderRel ? `${ladderRel}/${p}` : p);
  const notices: string[] = [];
  if (pr && !changed) {
    notices.push('The changed files are unknown, so the whole ladder was checked, and the approvals, which depend on what changed, were not evaluated.');
  }

  // A change to the ladder itself is diffed with every packet that may target it, so it reads the
  // whole directory once; a packet change reads only what its check needs.
  const ladderChanged = changed ? changesLadder(changed) : false;
  const input: ChangedInput = changed && !ladderChanged ? readForChanged(ladderDir, changed) : { files: readLadderDir(ladderDir), otherPackets: [] };
  const result = checkLadder(input.files, input.otherPackets);
  // The packets a ladder change re-checks answer for their diagnostics too (core/changed.ts).
  const recheck = changed ? recheckOf(changed) : undefined;
  const rechecked =
    input.rechecked ??
    (recheck
      ? result.ladder.packets
          .filter((p) => !changed?.includes(p.origin.file) && isRechecked(recheck, { from: p.from, to: p.to, decided: p.decision !== undefined }))
          .map((p) => p.origin.file)
      : []);
  const local = changed ? selectChanged(result.diagnostics, changed, rechecked) : result.diagnostics;
  const diagnostics: Diagnostic[] = local.map((d) => ({ ...d, file: toRepoPath(d.file) }));

  // The base ladder: governance and policy are read from it (a pull request cannot approve itself
  // by editing the committee), and ladder changes are diffed against it. Both live in the ladder's
  // own files, never in packets, and no rule runs on the base (its findings are nobody's): a packet
  // pull request reads only ladder.yml there, a ladder change the ladder without its packets.
  // It was read with git while the files were checked (see baseRead in run.ts).
  let base: Ladder | undefined;
  const baseFiles = pr ? await options.base : undefined;
  if (baseFiles && 'value' in baseFiles) base = loadLadder(baseFiles.value).ladder;
  else if (pr) {
    notices.push(
      'The base commit of this pull request is not in the checkout, so the ladder diff and the approvals could not be evaluated. Check out with fetch-depth: 0.',
    );
  }
  const diff = ladderChanged && base ? diffLadders(base, result.ladder) : undefined;

  // The reviews, the identity and the threads were asked for while the files were checked (reads.ts).
  let quorum: Quorum | undefined;
  let reviews: Review[] | undefined;
  const approvalsDue = pr && changed && inputs.requireApprovals && base;
  const governance = base?.config ? base.governance : result.ladder.governance;
  // Like governance, the review policy is the base branch's: a pull request cannot relax it for itself.
  const policy = (base?.config ? base.policy : result.ladder.policy).packets;
  if (approvalsDue) {
    if (!base?.config) notices.push('The base branch has no ladder.yml yet: approvals follow the governance this pull request proposes.');
    const read = await options.reads?.reviews;
    if (read && 'value' in read) reviews = read.value;
    else
      apiFailures.push(
        `Could not read the pull request's reviews, so the approvals were not evaluated: ${describeFailure(read?.error ?? 'they were not asked for')}.`,
      );
  }

  // Each changed packet, summarized for the reviewers: the move and counts, never its text.
  const changedSet = new Set(changed ?? []);
  const changedPackets = pr && changed ? result.ladder.packets.filter((p) => changedSet.has(p.origin.file)) : [];
  const index = new LadderIndex(result.ladder);
  // The move's site page is linked only when the site's URL is given.
  const summarizer = new PacketSummarizer(index, { changePages: Boolean(inputs.siteUrl) });
  // Review threads on each packet, by the competency section they are on: a failed read leaves them out, with a notice.
  let threads: PullRequestThread[] | undefined;
  let identity: Identity | undefined;
  if (pr && changedPackets.length > 0) {
    // The comment needs the token's identity before it touches any comment: learned first, once.
    if (inputs.comment) identity = await options.reads?.identity;
    const read = await options.reads?.threads;
    if (read && 'value' in read) threads = read.value;
    else
      apiFailures.push(
        `Could not read the pull request's review threads, so they are not counted per competency: ${describeFailure(read?.error ?? 'they were not asked for')}.`,
      );
  }
  const threadsOf = new Map<Packet, ThreadCounts>();
  for (const p of threads ? changedPackets : []) {
    const file = toRepoPath(p.origin.file);
    threadsOf.set(p, groupThreads(p, index, threads?.filter((t) => t.path === file) ?? []));
  }
  const packets: PacketReview[] = changedPackets.map((p) => ({ file: toRepoPath(p.origin.file), summary: summarizer.summarize(p), threads: threadsOf.get(p) }));

  if (pr && reviews) {
    const states = reviewStates(reviews, policy.approvalsOnHeadOnly ? pr.headSha : undefined);
    quorum = evaluateQuorum({
      governance,
      packets: changedPackets,
      packetFile: (p) => toRepoPath(p.origin.file),
      ladderChanged: needsLadderApproval(changed ?? []),
      approvals: states.approvals,
      stale: states.stale,
      changesRequested: states.changesRequested,
      openThreads: policy.requireResolvedThreads ? (p) => threadsOf.get(p)?.open : undefined,
    });
  }

  return {
    apiFailures,
    identity,
    report: {
      version: VERSION,
      diagnostics,
      files: result.files,
      scope: pr ? 'pull request' : 'repository',
      diff,
      approvals: quorum,
      packets: packets.length > 0 ? packets : undefined,
      siteUrl: inputs.siteUrl || undefined,
      notices: [...apiFailures, ...notices],
      waivers: result.waivers,
      runUrl: context.runId ? `${context.serverUrl}/${context.owner}/${context.repo}/actions/runs/${context.runId}` : undefined,
    },
  };
}
