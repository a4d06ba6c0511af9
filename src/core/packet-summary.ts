import { chosen, expectedAt, matchSections } from './applicability.js';
import type { Section } from './markdown-document.js';
import type { Competency, LadderIndex, Level, Packet, PacketKind, TrackKind } from './model.js';
import { resolveMove } from './moves.js';
import { hasFeedbackMinimum } from './packet-kinds.js';
import { compareVersions, VERSION_PATTERN } from './semver.js';
import { pagePath } from './site-paths.js';
import { siteTracks, stepFor, stepsOf } from './site-steps.js';

/*
 * What a reviewer or the committee sees of a packet: the move, and counts. Packets are personal,
 * so a summary holds ids (levels, competencies, GitHub handles), the ladder's own names, and
 * numbers; never a heading, a sentence or any other text of the packet.
 */

/** Guidance comments left by `ladder new packet` are not evidence. */
export function withoutComments(text: string): string {
  return text.replace(/<!--[\s\S]*?(?:-->|$)/g, '').trim();
}

/** Words of evidence in a section: whitespace-separated runs, guidance comments left out. */
export function evidenceWords(text: string): number {
  const plain = withoutComments(text);
  return plain === '' ? 0 : plain.split(/\s+/).length;
}

export type Coverage = 'present' | 'thin' | 'missing';

/** One competency of the target level (or one choose-k group that is short of options), as the packet covers it. */
export interface CompetencyCoverage {
  /** The competency's id, or the group's. */
  id: string;
  /** The ladder's name for it. */
  name: string;
  state: Coverage;
  words: number;
}

/** A level as the summary names it: the ladder's ids and names only. */
export interface LevelRef {
  id: string;
  title: string;
  band: string;
  track: string;
  trackKind: TrackKind | undefined;
}

export interface PacketSummary {
  /** The packet's path, relative to the ladder directory. */
  file: string;
  /** GitHub handles: ids, shown; anything that is not shaped like one is left out. */
  candidate: string | undefined;
  kind: PacketKind | undefined;
  cycle: string | undefined;
  /** The level ids as written (when id-shaped), and the levels when they exist. */
  fromId: string | undefined;
  toId: string | undefined;
  from: LevelRef | undefined;
  to: LevelRef | undefined;
  /** Bands climbed (1 for a promotion, 0 lateral, negative down); undefined when a level is unknown. */
  bands: number | undefined;
  lateral: boolean | undefined;
  trackChange: boolean | undefined;
  /** Per competency of the target level, in the ladder's order. */
  coverage: CompetencyCoverage[];
  feedback: { count: number; supporting: number; minimum: number; policy: string };
  sponsors: string[];
  /** The ladder version the packet names, and whether the ladder has moved on since. */
  ladderVersion: { written: string | undefined; current: string; behind: boolean };
  /** Site-relative path of the "what changes" page of the move, when the site has one. */
  changePage: string | undefined;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const HANDLE = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const idOrUndefined = (value: string, pattern = ID) => (pattern.test(value) ? value : undefined);

/** Summaries of several packets share the site's steps, computed once. */
export class PacketSummarizer {
  private steps: ReturnType<typeof stepsOf> | undefined;

  constructor(
    private readonly index: LadderIndex,
    /** changePages: false leaves changePage out, for a report with no site to link to (the site's steps are every move of the ladder: milliseconds at 800 levels). */
    private readonly options: { changePages?: boolean } = {},
  ) {}

  summarize(packet: Packet): PacketSummary {
    const { index } = this;
    const ladder = index.ladder;
    const from = index.levelById.get(packet.from);
    const to = index.levelById.get(packet.to);
    const move = resolveMove(index, packet.from, packet.to);
    const thin = ladder.policy.packets.thinEvidenceWords;
    const people = new Set(packet.feedback.map((f) => f.handle.toLowerCase()));
    const supporting = new Set(packet.feedback.filter((f) => f.supports).map((f) => f.handle.toLowerCase()));
    const minimum = !packet.kind
      ? 0
      : hasFeedbackMinimum(packet.kind)
        ? ladder.policy.packets.minimumFeedback[packet.kind]
        : ladder.policy.packets.graduationStakeholders;
    const policy = !packet.kind
      ? ''
      : hasFeedbackMinimum(packet.kind)
        ? `policy.packets.minimumFeedback.${packet.kind}`
        : 'policy.packets.graduationStakeholders';
    const written = VERSION_PATTERN.test(packet.ladderVersion) ? packet.ladderVersion : undefined;
    if (this.options.changePages !== false) this.steps ??= stepsOf(index, siteTracks(index));
    const step = move && this.steps ? stepFor(this.steps, move.from.id, move.to.id) : undefined;
    return {
      file: packet.origin.file,
      candidate: idOrUndefined(packet.candidate, HANDLE),
      kind: packet.kind,
      cycle: idOrUndefined(packet.cycle),
      fromId: idOrUndefined(packet.from),
      toId: idOrUndefined(packet.to),
      from: from && this.ref(from),
      to: to && this.ref(to),
      bands: move?.climb,
      lateral: move ? move.climb === 0 : undefined,
      trackChange: move ? move.fromTrack.id !== move.toTrack.id : undefined,
      coverage: to && index.trackById.has(to.track) && ladder.competenciesLoaded ? coverageAt(packet.sections, to, index, thin) : [],
      feedback: { count: people.size, supporting: supporting.size, minimum, policy },
      sponsors: packet.sponsors.filter((s) => HANDLE.test(s)),
      ladderVersion: {
        written,
        current: ladder.version,
        behind: written !== undefined && ladder.version !== '' && compareVersions(written, ladder.version) < 0,
      },
      changePage: step ? pagePath.change(step.key) : undefined,
    };
  }

  private ref(level: Level): LevelRef {
    const { index } = this;
    return {
      id: level.id,
      title: level.title,
      band: index.bandById.get(level.band)?.name ?? level.band,
      track: index.trackById.get(level.track)?.name ?? level.track,
      trackKind: index.trackById.get(level.track)?.kind,
    };
  }
}

/** How the sections cover what the target level asks: each required competency, the options chosen of each group, and a group short of options. */
export function coverageAt(sections: readonly Section[], target: Level, index: LadderIndex, thin: number): CompetencyCoverage[] {
  const expected = expectedAt(target, index);
  const { matches, seen } = matchSections(sections, [...expected.applies.keys()]);
  const words = new Map<Competency, number>();
  for (const [section, match] of matches) if (match.kind === 'first') words.set(match.competency, evidenceWords(section.body));
  const row = (c: Competency): CompetencyCoverage => {
    const n = words.get(c);
    return { id: c.id, name: c.name, words: n ?? 0, state: n === undefined || n === 0 ? 'missing' : n < thin ? 'thin' : 'present' };
  };
  const rows = expected.required.map(row);
  for (const group of expected.groups) {
    const picked = chosen(group, seen);
    rows.push(...picked.map(row));
    if (picked.length < group.choose) rows.push({ id: group.group.id, name: group.group.name, words: 0, state: 'missing' });
  }
  // In the ladder's order of competencies; a group's row after its options.
  const order = [...expected.applies.keys()].map((c) => c.id);
  const rank = (r: CompetencyCoverage) => {
    const i = order.indexOf(r.id);
    return i === -1 ? order.length : i;
  };
  return rows.sort((a, b) => rank(a) - rank(b));
}

/** The section of a packet a line of its file falls in: the competency's name, or undefined before the first section. */
export function sectionAtLine(sections: readonly Section[], line: number): Section | undefined {
  let found: Section | undefined;
  for (const s of sections) if (s.at.line <= line) found = s;
  return found;
}

/** A review thread on a packet's file, as the Action reads it: where it is, and whether it is resolved. */
export interface ReviewThread {
  /** The line in the packet's file it is on (the head's line, or the original line of an outdated thread). */
  line: number | undefined;
  resolved: boolean;
}

export interface ThreadCount {
  open: number;
  resolved: number;
}

/** Review threads by the competency whose section they are on; the rest (front matter, summary, an unknown section) apart. */
export interface ThreadCounts extends ThreadCount {
  byCompetency: Array<ThreadCount & { id: string; name: string }>;
  elsewhere: ThreadCount;
}

/** Groups a packet's review threads by the competency section each falls in, in the ladder's order. */
export function groupThreads(packet: Packet, index: LadderIndex, threads: readonly ReviewThread[]): ThreadCounts {
  const target = index.levelById.get(packet.to);
  const candidates = target && index.trackById.has(target.track) ? [...expectedAt(target, index).applies.keys()] : [];
  const { matches } = matchSections(packet.sections, candidates);
  const competencyOf = new Map<Section, Competency>();
  for (const [section, match] of matches) if (match.kind !== 'unknown') competencyOf.set(section, match.competency);
  const counts = new Map<Competency, ThreadCount>();
  const elsewhere: ThreadCount = { open: 0, resolved: 0 };
  const total: ThreadCount = { open: 0, resolved: 0 };
  for (const thread of threads) {
    const section = thread.line === undefined ? undefined : sectionAtLine(packet.sections, thread.line);
    const competency = section && competencyOf.get(section);
    let count = elsewhere;
    if (competency) {
      count = counts.get(competency) ?? { open: 0, resolved: 0 };
      counts.set(competency, count);
    }
    const key = thread.resolved ? 'resolved' : 'open';
    count[key]++;
    total[key]++;
  }
  const order = candidates.map((c) => c.id);
  const byCompetency = [...counts].map(([c, n]) => ({ id: c.id, name: c.name, ...n })).sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
  return { ...total, byCompetency, elsewhere };
}
