import type { Governance, Packet } from '../core/model.js';

/** A pull request review as the REST API returns it (only what we read). */
export interface Review {
  user?: { login?: unknown } | null;
  state?: unknown;
  submitted_at?: unknown;
}

export interface QuorumItem {
  /** What needs approving: a packet file or "the ladder". */
  subject: string;
  /** What it needs, in words. */
  needs: string;
  /** Approvals that count. */
  counted: string[];
  /** Approvals that do not count, and why. */
  ignored: Array<{ login: string; why: string }>;
  met: boolean;
  /** Why not met, in words, when not met. */
  missing: string | undefined;
}

export interface Quorum {
  items: QuorumItem[];
  met: boolean;
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
 * manager alone; a ladder change needs an IC approver and an EM approver. Pure.
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
    const ic = lower(governance.ladderApprovers.ic);
    const em = lower(governance.ladderApprovers.em);
    const icApprovers = approvals.filter((l) => ic.has(l));
    const emApprovers = approvals.filter((l) => em.has(l));
    // One person on both lists cannot speak for both tracks.
    const pair = icApprovers.flatMap((a) => emApprovers.filter((b) => b !== a).map((b) => [a, b] as const))[0];
    const counted = pair ? [...pair] : [...new Set([...icApprovers, ...emApprovers])];
    const ignored = approvals.filter((l) => !ic.has(l) && !em.has(l)).map((login) => ({ login, why: 'not a ladder approver' }));
    const missing = pair
      ? undefined
      : icApprovers.length === 0 && emApprovers.length === 0
        ? 'an approval from an IC approver and one from an EM approver'
        : icApprovers.length === 0
          ? 'an approval from an IC approver'
          : emApprovers.length === 0
            ? 'an approval from an EM approver'
            : 'approvals from two different people, one per track';
    items.push({
      subject: 'the ladder',
      needs: 'an approval from an IC approver and one from an EM approver (governance.ladderApprovers)',
      counted,
      ignored,
      met: pair !== undefined,
      missing,
    });
  }
  return { items, met: items.every((i) => i.met) };
}
