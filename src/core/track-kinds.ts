/**
 * The kinds of track, as one table: everything the engine says or decides per kind lives here, so
 * that a new kind is one entry and the compiler lists every place that must follow (each use is a
 * `Record<TrackKind, …>` or reads this table).
 */
export interface TrackKindInfo {
  /** "IC", "EM": how approvers and messages name the kind. */
  short: string;
  /** The site's label for a track of this kind. */
  label: string;
  /**
   * Parity's role: every band with a `measured` level (management) must have a `reference` level
   * (IC), the reference kind reaches at least as high, and the first measured level sits on a band
   * of the reference kind (entering is lateral).
   */
  parity: 'reference' | 'measured';
  /** Why a track switch into this kind keeps the band. */
  switchInto: string;
}

export const TRACK_KINDS = {
  ic: {
    short: 'IC',
    label: 'Individual contributor track',
    parity: 'reference',
    switchInto: 'Going back to the IC track is never a demotion',
  },
  em: {
    short: 'EM',
    label: 'Management track',
    parity: 'measured',
    switchInto: 'Moving into management is never a promotion',
  },
} as const satisfies Record<string, TrackKindInfo>;

export type TrackKind = keyof typeof TRACK_KINDS;

export const TRACK_KIND_IDS = Object.keys(TRACK_KINDS) as TrackKind[];

export function isTrackKind(value: unknown): value is TrackKind {
  return typeof value === 'string' && Object.hasOwn(TRACK_KINDS, value);
}

/** The kinds parity measures against (IC), and those it measures (management). */
export const REFERENCE_KINDS = TRACK_KIND_IDS.filter((k) => TRACK_KINDS[k].parity === 'reference');
export const MEASURED_KINDS = TRACK_KIND_IDS.filter((k) => TRACK_KINDS[k].parity === 'measured');
