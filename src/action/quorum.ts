import { classify, type FileKindId } from '../core/kinds/index.js';
import type { Governance, Packet } from '../core/model.js';
import { TRACK_KIND_IDS, TRACK_KINDS } from '../core/track-kinds.js';
import type { Quorum, QuorumItem } from '../report/model.js';

export type { Quorum, QuorumItem };

/** A pull request review as the REST API returns it (only what we read). */
export interface Review {
  user?: { login?: unknown } | null;
  state?: unknown;
  submitted_at?: unknown;
  /** The commit the review was given on. */
  commit_id?: unknown;
}

/** What the reviews say, reviewer by reviewer (logins in lower case). */
export interface ReviewStates {
  /** Reviewers whose latest decisive review approves (on the head commit, when only those count). */
  approvals: string[];
  /** Reviewers whose latest decisive review approves an earlier commit, when only the head's count. */
  stale: string[];
  /** Reviewers whose latest decisive review requests changes: they block until they review again. */
  changesRequested: string[];
}

/**
 * Each reviewer's latest decisive review: an approval, a change request, or a dismissal (which
 * leaves the reviewer counting for nothing until they review again); a later comment changes
 * nothing. With `headSha`, an approval of another commit is stale: listed, never counted.
 */
export function reviewStates(reviews: readonly Review[], headSha?: string): ReviewStates {
  const latest = new Map<string, { state: string; commit: unknown }>();
  for (const r of reviews) {
    // A deleted account's review has no user: it cannot count for anyone.
    const login = r.user?.login;
    if (typeof login !== 'string' || login === '' || typeof r.state !== 'string' || !['APPROVED', 'CHANGES_REQUESTED', 'DISMISSED'].includes(r.state)) continue;
    latest.set(login.toLowerCase(), { state: r.state, commit: r.commit_id });
  }
  const out: ReviewStates = { approvals: [], stale: [], changesRequested: [] };
  for (const [login, { state, commit }] of latest) {
    if (state === 'CHANGES_REQUESTED') out.changesRequested.push(login);
    else if (state === 'APPROVED') (headSha !== undefined && commit !== headSha ? out.stale : out.approvals).push(login);
  }
  return out;
}

/** The latest decisive review of each reviewer: a later comment does not undo an approval, a later change request does. */
export function latestApprovals(reviews: readonly Review[]): string[] {
  return reviewStates(reviews).approvals;
}

const lower = (xs: readonly string[]) => new Set(xs.map((x) => x.toLowerCase()));

/**
 * Whether the pull request has the approvals the organization's governance asks for. Packets need
 * the committee's quorum, never counting the candidate, and never carried by the candidate's
 * manager alone; a ladder change needs an approver of each track kind (IC and EM), different people. Pure.
 */
export function evaluateQuorum(input: {
  governance: Governance;
  packets: readonly Packet[];
  packetFile: (p: Packet) => string;
  ladderChanged: boolean;
  approvals: readonly string[];
  /** Approvals of an earlier commit (policy.packets.approvalsOnHeadOnly): listed as stale, never counted. */
  stale?: readonly string[];
  /** Reviewers whose latest review requests changes: a committee member's blocks a packet. */
  changesRequested?: readonly string[];
  /** Open review threads per packet, when the policy asks for them resolved first (policy.packets.requireResolvedThreads); undefined: could not be read. */
  openThreads?: (p: Packet) => number | undefined;
}): Quorum {
  const { governance, approvals } = input;
  const committee = lower(governance.committee);
  const items: QuorumItem[] = [];
  for (const packet of input.packets) {
    const candidate = packet.candidate.toLowerCase();
    const manager = packet.manager?.toLowerCase();
    const counted: string[] = [];
    const ignored: QuorumItem['ignored'] = [];
    for (const login of approvals) {
      if (login === candidate) ignored.push({ login, why: 'the candidate' });
      else if (!committee.has(login)) ignored.push({ login, why: 'not on the promotion committee' });
      else counted.push(login);
    }
    for (const login of input.stale ?? []) ignored.push({ login, why: 'approved an earlier commit (stale): only approvals of the latest commit count' });
    const blocking = (input.changesRequested ?? []).filter((l) => committee.has(l) && l !== candidate);
    const threads = input.openThreads?.(packet);
    const enough = counted.length >= governance.quorum;
    const managerOnly = counted.length > 0 && counted.every((l) => l === manager);
    const unresolved = input.openThreads !== undefined && threads !== 0;
    const met = enough && !managerOnly && blocking.length === 0 && !unresolved;
    items.push({
      subject: input.packetFile(packet),
      needs: `${governance.quorum} approval${governance.quorum === 1 ? '' : 's'} from the promotion committee, not counting the candidate${input.openThreads ? ', once every review thread is resolved' : ''}`,
      counted,
      ignored,
      met,
      missing: met
        ? undefined
        : managerOnly
          ? "the candidate's manager's approval alone is never enough: managers do not decide promotions"
          : !enough
            ? `${governance.quorum - counted.length} more committee approval${governance.quorum - counted.length === 1 ? '' : 's'}`
            : blocking.length > 0
              ? `a new review from ${blocking.join(', ')}: a committee member's request for changes blocks until they review again`
              : threads === undefined
                ? 'the review threads, which could not be read (policy.packets.requireResolvedThreads)'
                : `${threads} open review thread${threads === 1 ? '' : 's'} resolved first (policy.packets.requireResolvedThreads)`,
      blockedBy: blocking.length > 0 ? blocking : undefined,
      stale: input.stale && input.stale.length > 0 ? [...input.stale] : undefined,
    });
  }
  if (input.ladderChanged) {
    const lists = TRACK_KIND_IDS.map((kind) => ({ short: TRACK_KINDS[kind].short, approvers: lower(governance.ladderApprovers[kind]) }));
    const byKind = lists.map((l) => approvals.filter((a) => l.approvers.has(a)));
    // One person on several lists cannot speak for several tracks.
    const chosen = distinct(byKind);
    const counted = chosen ?? [...new Set(byKind.flat())];
    const ignored = approvals.filter((l) => !lists.some((x) => x.approvers.has(l))).map((login) => ({ login, why: 'not a ladder approver' }));
    const absent = lists.filter((_, i) => byKind[i]?.length === 0).map((l) => l.short);
    const missing = chosen
      ? undefined
      : absent.length > 0
        ? approvalFrom(absent)
        : `approvals from ${lists.length === 2 ? 'two' : lists.length} different people, one per track`;
    items.push({
      subject: 'the ladder',
      needs: `${approvalFrom(lists.map((l) => l.short))} (governance.ladderApprovers)`,
      counted,
      ignored,
      met: chosen !== undefined,
      missing,
    });
  }
  return { items, met: items.every((i) => i.met) };
}

/** "an approval from an IC approver and one from an EM approver". */
function approvalFrom(kinds: readonly string[]): string {
  // Initialisms are read letter by letter: "an IC", "an EM", "a PM".
  const article = (k: string) => (/^[AEFHILMNORSX]/.test(k) ? 'an' : 'a');
  return kinds.map((k, i) => `${i === 0 ? 'an approval' : 'one'} from ${article(k)} ${k} approver`).join(' and ');
}

/** One approver per list, all different people, or undefined when there is no such choice. */
function distinct(lists: readonly string[][], taken: ReadonlySet<string> = new Set()): string[] | undefined {
  const [first, ...rest] = lists;
  if (!first) return [];
  for (const login of first) {
    if (taken.has(login)) continue;
    const others = distinct(rest, new Set([...taken, login]));
    if (others) return [login, ...others];
  }
  return undefined;
}

/** Whose approval a change to a file of each kind needs: the ladder approvers, or the promotion committee. */
export const APPROVALS_BY_KIND: Record<FileKindId, 'ladder' | 'committee'> = {
  config: 'ladder',
  competencies: 'ladder',
  level: 'ladder',
  packet: 'committee',
  // The survey's questions are the organization's, changed like the ladder: both tracks approve.
  survey: 'ladder',
};

/** Whether the changed paths need the ladder approvers' sign-off (a misplaced file counts as its kind). */
export function needsLadderApproval(changed: readonly string[]): boolean {
  return changed.some((p) => {
    const kind = classify(p)?.kind.id;
    return kind !== undefined && APPROVALS_BY_KIND[kind] === 'ladder';
  });
}
