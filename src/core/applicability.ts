import type { Section } from './markdown-document.js';
import type { Competency, CompetencyGroup, LadderIndex, Level } from './model.js';

/**
 * Which competencies a level is measured on: those of its track, from the band their `from` names
 * upward, with the options of a choose-k group counted together. Rules, `ladder new packet` and
 * the site all ask this module, so that they agree on what applies where.
 */

/** `yes`, `no`, or `unknown` when a `from` or the level's band does not resolve (unknown-reference says why). */
export type Applies = 'yes' | 'no' | 'unknown';

/** The band rank a `from` names: a band's own, or the band of the level it names. */
export function fromRank(from: string, index: LadderIndex): number | undefined {
  const band = index.bandById.get(from);
  if (band) return band.rank;
  const level = index.levelById.get(from);
  return level ? index.bandById.get(level.band)?.rank : undefined;
}

/** Whether a competency (or a sub-competency) applies at a level. A sub applies where its pillar does and its own `from` allows. */
export function appliesAt(competency: Competency, level: Level, index: LadderIndex): Applies {
  if (!competency.tracks.includes(level.track)) return 'no';
  const pillar = competency.parent === undefined ? undefined : index.competencyById.get(competency.parent);
  const own = fromApplies(competency.from, level, index);
  const outer = pillar ? fromApplies(pillar.from, level, index) : 'yes';
  if (own === 'no' || outer === 'no') return 'no';
  return own === 'unknown' || outer === 'unknown' ? 'unknown' : 'yes';
}

function fromApplies(from: string | undefined, level: Level, index: LadderIndex): Applies {
  if (from === undefined) return 'yes';
  const rank = fromRank(from, index);
  const mine = index.rankOf(level);
  if (rank === undefined || mine < 0) return 'unknown';
  return mine >= rank ? 'yes' : 'no';
}

/** A choose-k group as one level sees it: its options that apply there, and how many of them a section must cover. */
export interface GroupAt {
  group: CompetencyGroup;
  options: Competency[];
  /** The group's `choose`, or every option when fewer apply here. */
  choose: number;
}

/** What a level (or a packet for it) needs sections for. */
export interface Expected {
  /** Applicable competencies outside groups: each needs its section. */
  required: Competency[];
  /** Groups with at least one applicable option. */
  groups: GroupAt[];
  /** Every competency of the track, with whether it applies here. */
  applies: Map<Competency, Applies>;
}

export function expectedAt(level: Level, index: LadderIndex): Expected {
  const applies = new Map<Competency, Applies>();
  const required: Competency[] = [];
  const byGroup = new Map<CompetencyGroup, Competency[]>();
  for (const competency of index.competenciesOf(level.track)) {
    const state = appliesAt(competency, level, index);
    applies.set(competency, state);
    if (state !== 'yes') continue;
    if (competency.group === undefined) {
      required.push(competency);
      continue;
    }
    const group = index.groupById.get(competency.group);
    // An option of an unknown group, or of a group asking more than it has (unknown-reference,
    // competency-groups): accepted, never required.
    if (!group || group.choose > optionsOf(group, index).length) applies.set(competency, 'unknown');
    else byGroup.set(group, [...(byGroup.get(group) ?? []), competency]);
  }
  const groups = [...byGroup].map(([group, options]) => ({ group, options, choose: Math.min(group.choose, options.length) }));
  return { required, groups, applies };
}

/** Every option of a group, on any track. */
export function optionsOf(group: CompetencyGroup, index: LadderIndex): Competency[] {
  return index.ladder.competencies.filter((c) => c.group === group.id);
}

/** The subs of a pillar and whether each applies at a level; empty for a competency without subs. */
export function subsAt(pillar: Competency, level: Level, index: LadderIndex): Map<Competency, Applies> {
  return new Map((pillar.subs ?? []).map((s) => [s, appliesAt(s, level, index)]));
}

/** Whether a pillar's section is judged by its subs at this level (some sub applies, or may). */
export function judgedBySubs(subs: Map<Competency, Applies>): boolean {
  return [...subs.values()].some((a) => a !== 'no');
}

/** How one heading matches the competencies it may name. */
export type Match = { kind: 'unknown' } | { kind: 'repeat'; competency: Competency; firstLine: number } | { kind: 'first'; competency: Competency };

/** Which competencies a file has a section for; by name, so that two competencies of one name (unique-id reports them) are both covered. */
export interface Seen {
  has(competency: Competency): boolean;
}

/**
 * Matches headings to competencies by name, without regard to case; the first section of a name
 * counts and later ones are repeats.
 */
export function matchSections(
  sections: readonly Section[],
  candidates: readonly Competency[] | CompetencyNames,
): { matches: Array<[Section, Match]>; seen: Seen } {
  const byName: CompetencyNames = 'get' in candidates ? candidates : namesOf(candidates);
  const firstLine = new Map<Competency, number>();
  const matches = sections.map((section): [Section, Match] => {
    const competency = byName.get(section.name.toLowerCase());
    if (!competency) return [section, { kind: 'unknown' }];
    const earlier = firstLine.get(competency);
    if (earlier !== undefined) return [section, { kind: 'repeat', competency, firstLine: earlier }];
    firstLine.set(competency, section.at.line);
    return [section, { kind: 'first', competency }];
  });
  // By name, for a competency that shares its name with a matched one; found directly first.
  let names: Set<string> | undefined;
  const has = (c: Competency) => {
    names ??= new Set([...firstLine.keys()].map((k) => k.name.toLowerCase()));
    return names.has(c.name.toLowerCase());
  };
  return { matches, seen: { has: (c) => firstLine.has(c) || has(c) } };
}

/** Competencies by lower-case name, the first of a name winning: what matchSections matches headings against. */
export type CompetencyNames = ReadonlyMap<string, Competency>;

export function namesOf(candidates: Iterable<Competency>): CompetencyNames {
  const byName = new Map<string, Competency>();
  for (const c of candidates) if (!byName.has(c.name.toLowerCase())) byName.set(c.name.toLowerCase(), c);
  return byName;
}

/** How a message says where a competency starts applying: `band "staff"` or `level E5's band`. */
export function fromText(from: string, index: LadderIndex): string {
  return index.bandById.has(from) ? `band "${from}"` : `the band of level "${from}"`;
}

/** The group options a set of sections covers. */
export function chosen(group: GroupAt, seen: Seen): Competency[] {
  return group.options.filter((o) => seen.has(o));
}

/** Why a section is one too many: its competency starts applying higher up. */
export function notYet(what: string, competency: Competency, index: LadderIndex): string {
  const pillar = competency.parent === undefined ? undefined : index.competencyById.get(competency.parent);
  const owner = competency.from !== undefined ? competency : pillar;
  const from = owner?.from ?? '';
  return `${what} is for "${competency.name}", which applies from ${fromText(from, index)} up (from: ${from} on "${owner?.id ?? competency.id}" in competencies.yml); remove the section, or lower its from.`;
}
