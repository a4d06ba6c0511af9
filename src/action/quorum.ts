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
}

/** The latest decisive review of each reviewer: a later comment does not undo an approval, a later change request does. */
export function latestApprovals(reviews: readonly Review[]): string[] {
  const state = new Map<string, string>();
  for (const r of reviews) {
    // A deleted account's review has no user: it cannot count for anyone.
    const login = r.user?.login;
    if (typeof login !== 'string' || login === '' || typeof r.state !== 'string' || !['APPROVED', 'CHANGES_REQUESTED', 'DISMISSED'].includes(r.state)) continue;
    state.set(login.toLowerCase(), r.state);
  }
  return [...state].filter(([, s]) => s === 'APPROVED').map(([login]) => login);
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
    const enough = counted.length >= governance.quorum;
    const managerOnly = counted.length > 0 && counted.every((l) => l === manager);
    const met = enough && !managerOnly;
    items.push({
      subject: input.packetFile(packet),
      needs: `${governance.quorum} approval${governance.quorum === 1 ? '' : 's'} from the promotion committee, not counting the candidate`,
      counted,
      ignored,
      met,
      missing: met
        ? undefined
        : managerOnly
          ? "the candidate's manager's approval alone is never enough: managers do not decide promotions"
          : `${governance.quorum - counted.length} more committee approval${governance.quorum - counted.length === 1 ? '' : 's'}`,
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
