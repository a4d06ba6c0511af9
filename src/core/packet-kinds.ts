import type { TrackKind } from './track-kinds.js';

/**
 * The kinds of packet, as one table (see track-kinds.ts for why). The checks of each move live in
 * moves.ts, keyed by the same kinds; the schema's `kind` enum is tested against this table.
 */
export interface PacketKindInfo {
  /** Bands the move climbs: 1 for a promotion, 0 for a lateral move. */
  climb: number;
  /** Whether the move stays on one track. */
  sameTrack: boolean;
  /** The track kinds it moves between, when it is tied to them (graduation: IC to management). */
  tracks?: { from: TrackKind; to: TrackKind };
  /**
   * How much feedback it needs: policy.packets.minimumFeedback.<kind> (`minimum`), or
   * policy.packets.graduationStakeholders (`stakeholders`), with the default when policy is silent.
   */
  feedback: { policy: 'minimum' | 'stakeholders'; default: number };
}

export const PACKET_KINDS = {
  promotion: { climb: 1, sameTrack: true, feedback: { policy: 'minimum', default: 3 } },
  'track-switch': { climb: 0, sameTrack: false, feedback: { policy: 'minimum', default: 2 } },
  graduation: { climb: 0, sameTrack: false, tracks: { from: 'ic', to: 'em' }, feedback: { policy: 'stakeholders', default: 12 } },
} as const satisfies Record<string, PacketKindInfo>;

export type PacketKind = keyof typeof PACKET_KINDS;

export const PACKET_KIND_IDS = Object.keys(PACKET_KINDS) as PacketKind[];

export function isPacketKind(value: unknown): value is PacketKind {
  return typeof value === 'string' && Object.hasOwn(PACKET_KINDS, value);
}

/** The kinds whose feedback minimum is policy.packets.minimumFeedback.<kind>. */
export type FeedbackMinimumKind = { [K in PacketKind]: (typeof PACKET_KINDS)[K]['feedback']['policy'] extends 'minimum' ? K : never }[PacketKind];

export const FEEDBACK_MINIMUM_KINDS = PACKET_KIND_IDS.filter((k): k is FeedbackMinimumKind => PACKET_KINDS[k].feedback.policy === 'minimum');

export function hasFeedbackMinimum(kind: PacketKind): kind is FeedbackMinimumKind {
  return PACKET_KINDS[kind].feedback.policy === 'minimum';
}

/** An evidence section shorter than this many words is "thin" unless policy.packets.thinEvidenceWords says otherwise. */
export const DEFAULT_THIN_EVIDENCE_WORDS = 40;
