import type { Position, Span } from './diagnostic.js';
import type { HtmlTag, Section } from './markdown-document.js';
import type { PacketIdentity } from './packet-identity.js';
import type { FeedbackMinimumKind, PacketKind } from './packet-kinds.js';
import { MEASURED_KINDS, REFERENCE_KINDS, type TrackKind } from './track-kinds.js';
import type { YamlDocument } from './yaml-document.js';

export type { PacketKind } from './packet-kinds.js';
export type { TrackKind } from './track-kinds.js';

/** Where an entity was declared: a file and a JSON pointer into its YAML. */
export interface Origin {
  file: string;
  doc: YamlDocument;
  pointer: string;
}

/** A location zone (ladder.yml `zones`): where pay is given per zone, each zone in its own currency. */
export interface Zone {
  id: string;
  name: string;
  currency: string;
  origin: Origin;
}

/** One yearly base pay range. */
export interface PayRange {
  /** The zone it is for; undefined for the one range of a band or level that gives pay without zones. */
  zone: string | undefined;
  /** The currency as written: required without a zone; with one, optional (LadderIndex.currencyOf gives the zone's). */
  currency: string | undefined;
  min: number;
  max: number;
  /** Where it is written, under its band's or level's origin: "pay", or "pay/us". */
  key: string;
}

/** A band's or a level's pay: one range (`pay: { currency, min, max }`), or one per zone (`pay: { us: { min, max } }`). */
export interface Pay {
  zoned: boolean;
  /** Never empty. */
  ranges: PayRange[];
}

export interface Band {
  id: string;
  name: string;
  description: string | undefined;
  /** Position on the seniority scale, 0 = lowest. */
  rank: number;
  pay: Pay | undefined;
  origin: Origin;
}

export interface Track {
  id: string;
  name: string;
  kind: TrackKind;
  description: string | undefined;
  origin: Origin;
}

/** Tracks grouped for people and for parity (ladder.yml `families`): "Engineering IC: SWE, SRE, QE". */
export interface Family {
  id: string;
  name: string;
  description: string | undefined;
  tracks: string[];
  origin: Origin;
}

/** How far parity-ic-reach looks: the IC tracks together, each family of IC tracks, or each IC track. */
export type ReachScope = 'ladder' | 'family' | 'track';

export interface Competency {
  id: string;
  name: string;
  /** The description every track shows; with per-track descriptions, the text for tracks the map leaves out (none). */
  description: string | undefined;
  tracks: string[];
  origin: Origin;
  /** `description` given as a map track id → text: each track shows its own (describe()). */
  descriptionByTrack?: Record<string, string>;
  /** A band id or level id: the competency applies from that band upward (applicability.ts). */
  from?: string;
  /** The id of the scale (competencies.yml `scales`) each level states a step on. */
  scale?: string;
  /** The id of the choose-k group (competencies.yml `groups`) this competency is an option of. */
  group?: string;
  /** With `subs`: whether packets give evidence per pillar (`## `, the default) or per sub (`### `). */
  evidence?: 'pillar' | 'sub';
  /** Sub-competencies: `### ` sections under the pillar's `## ` section. Their tracks are the pillar's. */
  subs?: Competency[];
  /** For a sub-competency: the id of its pillar. */
  parent?: string;
}

/** An ordered proficiency scale: steps lowest first, numbered from 1. */
export interface Scale {
  id: string;
  name: string;
  steps: string[];
  origin: Origin;
}

/** Optional competencies of which a level or packet covers at least `choose`. */
export interface CompetencyGroup {
  id: string;
  name: string;
  choose: number;
  description: string | undefined;
  origin: Origin;
}

export interface Level {
  id: string;
  /** How people read the level ("IC3"): its `code`, or its id. Several tracks may show the same code; ids stay unique. */
  code: string;
  /**
   * The level's own track: its folder, and the track whose competencies it is written against.
   * A level shared by several tracks (front matter `tracks:`) lists them all in `tracks`.
   */
  track: string;
  /** Every track the level belongs to, its own first: [track] unless shared before a fork. */
  tracks: string[];
  title: string;
  band: string;
  summary: string;
  pay: Pay | undefined;
  /** Competency id → step (1-based) on the competency's scale, from the front matter's `proficiency`. */
  proficiency?: Record<string, number>;
  /**
   * Competency id → one author-written sentence on what this level asks beyond the level below
   * (front matter `differences`), shown first on the "what changes" page of a promotion into it.
   */
  differences?: Record<string, string>;
  intro: string;
  /** Where the introduction starts in the file. */
  introAt: Position;
  sections: Section[];
  html: HtmlTag[];
  /** The track folder the file lives in (levels/<folder>/<id>.md). */
  folder: string;
  origin: Origin;
  /** Only the front matter was read (a packet's check, readForChanged): the sections are unknown, not missing. */
  head?: true;
}

/**
 * One recorded exception to a rule (policy.exceptions): the rule stays on everywhere else, and the
 * reason is published with the check's summary.
 */
export interface PolicyException {
  rule: string;
  /** The level, or the band, the rule is waived at (one of the two; policy-exception reports the rest). */
  level: string | undefined;
  band: string | undefined;
  reason: string;
  origin: Origin;
}

/**
 * A promotion that changes track at a fork (ladder.yml `moves`): Senior 1 on the IC track to
 * Senior 2 Manager. Promotions along a track, and onto a track a shared level belongs to, need none.
 */
export interface DeclaredMove {
  from: string;
  to: string;
  description: string | undefined;
  origin: Origin;
}

export interface Policy {
  publishPay: boolean;
  /** How the published site presents itself to search engines (ladder.yml `policy.site`). */
  site: { noindex: boolean };
  rules: Record<string, 'error' | 'warning' | 'off'>;
  exceptions: PolicyException[];
  parity: { reach: ReachScope };
  packets: {
    minimumFeedback: Record<FeedbackMinimumKind, number>;
    graduationStakeholders: number;
    /** Evidence sections with fewer words than this are "thin" in the pull-request comment and the calibration packet. */
    thinEvidenceWords: number;
    /** Whether the committee's quorum counts only once no review thread on the packet is open. */
    requireResolvedThreads: boolean;
    /** Whether only approvals of the pull request's head commit count (approvals before a later push are stale). */
    approvalsOnHeadOnly: boolean;
    /** Whether calibration packets (`ladder calibrate`) may be kept in the ladder directory. */
    allowCalibrationFiles: boolean;
  };
}

export interface ChangelogEntry {
  version: string;
  date: string | undefined;
  changes: string[];
  /** Levels this version renamed, split or merged: how ids of the version before map to this one's. */
  migrations: Migration[];
}

export type MigrationKind = 'rename' | 'split' | 'merge';

/** `rename: E3, to: SWE3`, `split: E3, into: [SWE3, SRE3]` or `merge: [M3, M4], into: M3`, as one shape. */
export interface Migration {
  kind: MigrationKind;
  /** Level ids before the change (one, except for a merge). */
  from: string[];
  /** Level ids after it (one, except for a split). */
  to: string[];
  /** The version whose changelog entry declares it. */
  version: string;
  origin: Origin;
}

export interface Feedback {
  handle: string;
  relationship: string;
  supports: boolean;
  /** Index in the front matter's feedback list, for positions. */
  index: number;
}

/** A question of the manager survey: a column of the form tool's export. */
export interface SurveyQuestion {
  id: string;
  text: string;
  kind: 'rating' | 'text';
  /** A rating's scale, whole numbers from min (least favourable) to max. */
  scale?: { min: number; max: number };
}

/** One round of the anonymous manager survey (surveys/<round>.yml): its questions, never its answers. */
export interface Survey {
  round: string;
  title: string | undefined;
  /** k: the fewest respondents any reported group has. */
  minimumGroupSize: number;
  /** Every manager handle of the export, or these (lower-cased: handles are case-insensitive). */
  managers: 'all' | string[];
  questions: SurveyQuestion[];
  origin: Origin;
}

export type DecisionOutcome = 'promoted' | 'not-yet' | 'withdrawn';

/** What the committee decided on a packet (front matter `decision`). */
export interface Decision {
  outcome: DecisionOutcome | undefined;
  date: string | undefined;
  /** The committee members who decided (GitHub handles). */
  by: string[];
  /** For "not yet": the competency ids to grow in. */
  grow: string[];
}

/** One person's proposed move on the ladder. Personal: never rendered, never logged beyond its path. */
export interface Packet {
  kind: PacketKind | undefined;
  candidate: string;
  from: string;
  to: string;
  cycle: string;
  manager: string | undefined;
  sponsors: string[];
  ladderVersion: string;
  feedback: Feedback[];
  /** The committee's decision, once recorded; undefined while the packet is pending. */
  decision: Decision | undefined;
  /** The text before the first section. */
  summary: string;
  /** Where the summary starts in the file. */
  summaryAt: Position;
  sections: Section[];
  html: HtmlTag[];
  /** The cycle folder the file lives in (packets/<folder>/<name>.md). */
  folder: string;
  origin: Origin;
}

export interface Governance {
  committee: string[];
  quorum: number;
  /** Who approves a ladder change, per track kind: one of each kind, different people. */
  ladderApprovers: Record<TrackKind, string[]>;
}

/**
 * The ladder as rules see it: everything that could be read, even when parts are broken.
 * Entities that failed their schema badly enough to lack an id are left out; the schema
 * diagnostics already say why.
 */
export interface Ladder {
  organization: string;
  version: string;
  bands: Band[];
  /** Location zones, as ladder.yml declares them (none: pay, where given, is one range). */
  zones: Zone[];
  tracks: Track[];
  /** Track families, as ladder.yml declares them (none: every track stands alone). */
  families: Family[];
  competencies: Competency[];
  /** Proficiency scales and choose-k groups, from competencies.yml. */
  scales: Scale[];
  groups: CompetencyGroup[];
  levels: Level[];
  /** Promotions that change track, as ladder.yml declares them. */
  moves: DeclaredMove[];
  packets: Packet[];
  /** Rounds of the manager survey, as surveys/<round>.yml defines them. */
  surveys: Survey[];
  /** Packets that exist but were not loaded (a pull request's check), known only by who they are for. */
  otherPackets: PacketIdentity[];
  policy: Policy;
  changelog: ChangelogEntry[];
  governance: Governance;
  /** ladder.yml, when it could be parsed. */
  config: Origin | undefined;
  /** Files that hold a calibration packet (`ladder calibrate`'s marker), wherever they lie. */
  calibrationFiles: string[];
  /** Whether competencies.yml could be parsed; rules that judge sections skip when it could not. */
  competenciesLoaded: boolean;
}

export interface Located {
  file: string;
  /** Where, and where it ends when that is known (a scalar or a key). */
  at: Span;
}

/** Lookups every rule needs; built once per check. */
export class LadderIndex {
  readonly bandById = new Map<string, Band>();
  readonly trackById = new Map<string, Track>();
  readonly competencyById = new Map<string, Competency>();
  readonly levelById = new Map<string, Level>();
  readonly scaleById = new Map<string, Scale>();
  readonly groupById = new Map<string, CompetencyGroup>();
  readonly zoneById = new Map<string, Zone>();

  constructor(readonly ladder: Ladder) {
    // First declaration wins; unique-id reports the rest.
    for (const b of ladder.bands) if (!this.bandById.has(b.id)) this.bandById.set(b.id, b);
    for (const t of ladder.tracks) if (!this.trackById.has(t.id)) this.trackById.set(t.id, t);
    for (const c of ladder.competencies) if (!this.competencyById.has(c.id)) this.competencyById.set(c.id, c);
    for (const l of ladder.levels) if (!this.levelById.has(l.id)) this.levelById.set(l.id, l);
    for (const x of ladder.scales) if (!this.scaleById.has(x.id)) this.scaleById.set(x.id, x);
    for (const g of ladder.groups) if (!this.groupById.has(g.id)) this.groupById.set(g.id, g);
    for (const z of ladder.zones) if (!this.zoneById.has(z.id)) this.zoneById.set(z.id, z);
  }

  /** A pay range's currency: as written, else its zone's ('' when neither is known). */
  currencyOf(range: PayRange): string {
    return range.currency ?? (range.zone === undefined ? undefined : this.zoneById.get(range.zone)?.currency) ?? '';
  }

  // Rules ask these per level, and an index never changes once built: each track's list is
  // worked out once (shared, so never to be changed by a caller; the types say so).
  private readonly competenciesByTrack = new Map<string, readonly Competency[]>();
  private readonly levelsByTrack = new Map<string, readonly Level[]>();

  /** Competencies that apply to a track, in declaration order. */
  competenciesOf(trackId: string): readonly Competency[] {
    let found = this.competenciesByTrack.get(trackId);
    if (!found) {
      found = [...this.competencyById.values()].filter((c) => c.tracks.includes(trackId));
      this.competenciesByTrack.set(trackId, found);
    }
    return found;
  }

  /** The family a track belongs to (the first that lists it), if any. */
  familyOf(trackId: string): Family | undefined {
    return this.ladder.families.find((f) => f.tracks.includes(trackId));
  }

  /** The declared move from one level to another, if ladder.yml declares it. */
  declaredMove(fromId: string, toId: string): DeclaredMove | undefined {
    return this.ladder.moves.find((m) => m.from === fromId && m.to === toId);
  }

  /** Levels of a track (its own and those it shares) whose band resolves, lowest band first. */
  levelsOf(trackId: string): readonly Level[] {
    let found = this.levelsByTrack.get(trackId);
    if (!found) {
      found = this.ladder.levels.filter((l) => l.tracks.includes(trackId) && this.bandById.has(l.band)).sort((a, b) => this.rankOf(a) - this.rankOf(b));
      this.levelsByTrack.set(trackId, found);
    }
    return found;
  }

  rankOf(level: Level): number {
    return this.bandById.get(level.band)?.rank ?? -1;
  }

  tracksOfKind(kind: TrackKind): Track[] {
    return [...this.trackById.values()].filter((t) => t.kind === kind);
  }

  /** Levels on tracks of a kind, each once (a shared level belongs to several tracks). */
  levelsOfKind(kind: TrackKind): Level[] {
    return [...new Set(this.tracksOfKind(kind).flatMap((t) => this.levelsOf(t.id)))];
  }

  /** Levels of the kinds parity measures against (IC): see track-kinds.ts. */
  referenceLevels(): Level[] {
    return REFERENCE_KINDS.flatMap((k) => this.levelsOfKind(k));
  }

  /** Tracks of the kinds parity measures against (IC). */
  referenceTracks(): Track[] {
    return REFERENCE_KINDS.flatMap((k) => this.tracksOfKind(k));
  }

  /** Tracks of the kinds parity measures (management). */
  measuredTracks(): Track[] {
    return MEASURED_KINDS.flatMap((k) => this.tracksOfKind(k));
  }

  measuredLevels(): Level[] {
    return MEASURED_KINDS.flatMap((k) => this.levelsOfKind(k));
  }

  /** "E4 (Senior Engineer)", or "swe-3 (IC3 Software Engineer)" when the code differs from the id: how messages name a level. */
  nameOf(level: Level): string {
    return level.code === level.id ? `${level.id} (${level.title})` : `${level.id} (${level.code} ${level.title})`;
  }
}

/** The description of a competency as the given track shows it. */
export function describe(competency: Competency, trackId: string | undefined): string | undefined {
  return (trackId === undefined ? undefined : competency.descriptionByTrack?.[trackId]) ?? competency.description;
}

export function at(origin: Origin, key?: string): Located {
  const pointer = key === undefined ? origin.pointer : `${origin.pointer}/${key}`;
  return { file: origin.file, at: origin.doc.span(pointer) };
}

export function atKey(origin: Origin, key: string): Located {
  return { file: origin.file, at: origin.doc.keySpan(`${origin.pointer}/${key}`) };
}
