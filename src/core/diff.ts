import { MIGRATION_VERB, migrationsOf, whereWent } from './migrations.js';
import { type Band, type Competency, type Ladder, LadderIndex, type Level, type MigrationKind, type Pay, type PayRange, type TrackKind } from './model.js';
import { FEEDBACK_MINIMUM_KINDS } from './packet-kinds.js';
import { stepAt, stepChangeText } from './proficiency.js';
import { joinWords } from './text.js';
import { MEASURED_KINDS, REFERENCE_KINDS } from './track-kinds.js';
import { diffWords, type Segment } from './word-diff.js';

/**
 * Like semver for the ladder: "major" when a change asks something new of an engineer, "minor"
 * for any other change, "none" when nothing that matters changed.
 */
export type Verdict = 'major' | 'minor' | 'none';

export interface LevelSummary {
  id: string;
  track: string;
  title: string;
  band: string;
}

export interface CompetencySummary {
  id: string;
  name: string;
  tracks: string[];
}

/** What changed in one level's expectations for one competency (one "## " section). */
export interface ExpectationChange {
  /** The level's id. */
  level: string;
  /** The base level it is compared with, when the head level is the target of a migration (see `levels.migrated`). */
  was?: string;
  /** The competency's id. */
  competency: string;
  /** The competency's name (head's, or base's when the competency is gone), for display. */
  competencyName: string;
  /** A section that is new on the level, gone from it, or edited. */
  change: 'added' | 'removed' | 'changed';
  /** Words added and removed, in order. */
  added: string[];
  removed: string[];
  /** The changed text as segments, for display (see Segment: concatenated, they give the texts back). */
  segments: Segment[];
  /** True when the change was too large to compare word by word (see MAX_EDIT_LENGTH) and its differing middle is shown replaced whole. */
  coarse: boolean;
}

/** A level's proficiency step on a scaled competency, before and after (undefined: no step on that side). */
export interface StepChange {
  level: string;
  /** The base level it is compared with, when the head level is the target of a migration. */
  was?: string;
  competency: string;
  competencyName: string;
  from: { step: number; name: string } | undefined;
  to: { step: number; name: string } | undefined;
}

/** Levels that share a band across tracks of both kinds (IC levels first): they are equally senior. */
export interface Equivalence {
  band: string;
  levels: string[];
}

/** An open packet whose current or target level changed. Never carries the packet's contents. */
export interface PacketImpact {
  /** The packet's path, relative to the ladder directory. */
  file: string;
  candidate: string;
  from: string;
  to: string;
  reason: string;
}

export interface LadderDiff {
  verdict: Verdict;
  /** Why the verdict is major, one sentence each (empty for minor/none). */
  reasons: string[];
  version: {
    base: string;
    head: string;
    /** The version head should have, when head's version does not reflect the verdict (e.g. major change but major not bumped). */
    suggested: string | undefined;
  };
  levels: {
    added: LevelSummary[];
    removed: LevelSummary[];
    retitled: Array<{ id: string; from: string; to: string }>;
    moved: Array<{ id: string; fromBand: string; toBand: string; was?: string }>;
    /**
     * Levels the head's changelog declares renamed, split or merged (through every version since
     * base): their old ids are not "removed", their new ids not "added".
     */
    migrated: Array<{ kind: MigrationKind; from: string[]; to: string[]; versions: string[] }>;
    /** Levels whose one-line summary changed. */
    summaryChanged: Array<{ id: string; from: string; to: string }>;
  };
  competencies: {
    added: CompetencySummary[];
    removed: CompetencySummary[];
    renamed: Array<{ id: string; from: string; to: string }>;
    tracksChanged: Array<{ id: string; added: string[]; removed: string[] }>;
  };
  expectations: ExpectationChange[];
  /** Proficiency steps that changed, per level and scaled competency; present only when some did. */
  proficiency?: StepChange[];
  /** Equivalences that appeared or disappeared; one whose membership changed is removed (old) and added (new). */
  parity: { added: Equivalence[]; removed: Equivalence[] };
  packets: PacketImpact[];
  /**
   * Every other change that counts (bands, tracks, descriptions, introductions, pay, policy,
   * governance), one sentence each. The version and the changelog do not count.
   */
  other: string[];
}

/** Compares two ladders (as loaded by checkLadder) and says what changed for the people on them. Pure. */
export function diffLadders(base: Ladder, head: Ladder): LadderDiff {
  const b = new LadderIndex(base);
  const h = new LadderIndex(head);
  const other: string[] = [];
  const reasons: string[] = [];

  // ---- levels
  const levelOrder = orderOf(h, b);
  const levels: LadderDiff['levels'] = { added: [], removed: [], retitled: [], moved: [], summaryChanged: [], migrated: [] };
  for (const level of sortLevels([...h.levelById.values()], levelOrder)) {
    const before = b.levelById.get(level.id);
    if (!before) {
      levels.added.push(summarize(level));
      continue;
    }
    if (before.title !== level.title) levels.retitled.push({ id: level.id, from: before.title, to: level.title });
    if (before.band !== level.band) levels.moved.push({ id: level.id, fromBand: before.band, toBand: level.band });
    if (before.summary !== level.summary) levels.summaryChanged.push({ id: level.id, from: before.summary, to: level.summary });
    if (before.track !== level.track) other.push(`Level ${level.id} moved from track ${before.track} to track ${level.track}.`);
    if (normalize(before.intro) !== normalize(level.intro)) other.push(`Level ${level.id}: the introduction changed.`);
    other.push(...payChanges(`Level ${level.id}`, before.pay, level.pay, b, h));
  }
  levels.migrated = migratedLevels(b, h, head);
  const migratedFrom = new Set(levels.migrated.flatMap((m) => m.from));
  const migratedTo = new Set(levels.migrated.flatMap((m) => m.to));
  levels.added = levels.added.filter((l) => !migratedTo.has(l.id));
  for (const level of sortLevels([...b.levelById.values()], levelOrder)) {
    if (!h.levelById.has(level.id) && !migratedFrom.has(level.id)) levels.removed.push(summarize(level));
  }
  // A migrated level keeps its place on the ladder only if it keeps its band.
  const pairs = migrationPairs(levels.migrated, b, h);
  for (const { was, is } of pairs) {
    if (was.band !== is.band) levels.moved.push({ id: is.id, fromBand: was.band, toBand: is.band, was: was.id });
  }

  // ---- competencies
  const competencies: LadderDiff['competencies'] = { added: [], removed: [], renamed: [], tracksChanged: [] };
  /** competency id → tracks it newly applies to (sections there are expected to appear). */
  const newlyApplies = new Map<string, Set<string>>();
  for (const c of h.competencyById.values()) {
    const before = b.competencyById.get(c.id);
    if (!before) {
      competencies.added.push({ id: c.id, name: c.name, tracks: [...c.tracks] });
      newlyApplies.set(c.id, new Set(c.tracks));
      continue;
    }
    if (before.name !== c.name) competencies.renamed.push({ id: c.id, from: before.name, to: c.name });
    const added = c.tracks.filter((t) => !before.tracks.includes(t));
    const removed = before.tracks.filter((t) => !c.tracks.includes(t));
    if (added.length > 0 || removed.length > 0) competencies.tracksChanged.push({ id: c.id, added, removed });
    if (added.length > 0) newlyApplies.set(c.id, new Set(added));
    if (normalize(before.description) !== normalize(c.description)) other.push(`Competency "${c.name}": the description changed.`);
  }
  for (const c of b.competencyById.values()) {
    if (!h.competencyById.has(c.id)) competencies.removed.push({ id: c.id, name: c.name, tracks: [...c.tracks] });
  }

  // ---- expectations, per level × competency, on levels both sides have
  const expectations: ExpectationChange[] = [];
  const competencyOrder = new Map<string, number>();
  for (const c of [...h.competencyById.values(), ...b.competencyById.values()]) {
    if (!competencyOrder.has(c.id)) competencyOrder.set(c.id, competencyOrder.size);
  }
  const compared: Array<{ was: Level; is: Level; migrated: boolean }> = [];
  for (const level of sortLevels([...h.levelById.values()], levelOrder)) {
    const before = b.levelById.get(level.id);
    if (before) compared.push({ was: before, is: level, migrated: false });
    for (const pair of pairs) if (pair.is === level) compared.push({ ...pair, migrated: true });
  }
  for (const { was: before, is: level, migrated } of compared) {
    const old = sectionsById(before, b);
    const now = sectionsById(level, h);
    const ids = [...new Set([...now.keys(), ...old.keys()])].sort((x, y) => (competencyOrder.get(x) ?? 0) - (competencyOrder.get(y) ?? 0));
    for (const id of ids) {
      const was = old.get(id);
      const is = now.get(id);
      if (was && is && was.body === is.body) continue;
      const competencyName = is?.name ?? was?.name ?? id;
      const words = diffWords(was?.body ?? '', is?.body ?? '');
      if (words.added.length === 0 && words.removed.length === 0) continue;
      const change = !was ? 'added' : !is ? 'removed' : 'changed';
      expectations.push({ level: level.id, ...(migrated ? { was: before.id } : {}), competency: id, competencyName, change, ...words });
    }
  }

  // ---- proficiency steps: a number on a scale, shown as "step 3 → 4", never as words
  const proficiency: StepChange[] = [];
  for (const { was: before, is: level, migrated } of compared) {
    const ids = [...new Set([...Object.keys(level.proficiency ?? {}), ...Object.keys(before.proficiency ?? {})])].sort(
      (x, y) => (competencyOrder.get(x) ?? 0) - (competencyOrder.get(y) ?? 0),
    );
    for (const id of ids) {
      const c = h.competencyById.get(id) ?? b.competencyById.get(id);
      const was = stepSummary(before, b.competencyById.get(id), b);
      const is = stepSummary(level, h.competencyById.get(id), h);
      if (!c || was?.step === is?.step) continue;
      proficiency.push({ level: level.id, ...(migrated ? { was: before.id } : {}), competency: id, competencyName: c.name, from: was, to: is });
    }
  }

  // ---- parity
  const parity = diffParity(b, h);

  // ---- bands, tracks, the rest of ladder.yml
  diffBands(b, h, other);
  diffZones(b, h, other);
  diffTracks(b, h, other);
  diffConfig(base, head, other);

  // ---- the verdict: does the change ask something new of an engineer?
  const title = (id: string) => {
    const level = h.levelById.get(id) ?? b.levelById.get(id);
    return level?.title ? `${id} (${level.title})` : id;
  };
  const bandName = (index: LadderIndex, id: string) => index.bandById.get(id)?.name ?? id;
  for (const l of levels.removed) reasons.push(`Level ${title(l.id)} was removed.`);
  for (const m of levels.moved) {
    const was = m.was ? ` (was ${m.was})` : '';
    reasons.push(`Level ${title(m.id)}${was} moved from the ${bandName(b, m.fromBand)} band to the ${bandName(h, m.toBand)} band.`);
  }
  for (const c of competencies.added) {
    if (c.tracks.length > 0) reasons.push(`New competency "${c.name}" applies to ${trackList(c.tracks)}.`);
  }
  for (const c of competencies.tracksChanged) {
    if (c.added.length > 0) reasons.push(`Competency "${h.competencyById.get(c.id)?.name ?? c.id}" now also applies to ${trackList(c.added)}.`);
  }
  const asksMore = new Map<string, string[]>();
  for (const e of expectations) {
    const level = h.levelById.get(e.level);
    // A section that appears because its competency now applies to the level's track is covered by the reason above.
    const expected = e.change === 'added' && level !== undefined && newlyApplies.get(e.competency)?.has(level.track);
    if ((e.change === 'added' && !expected) || (e.change === 'changed' && addsWords(e.added, e.removed))) {
      const list = asksMore.get(e.level) ?? [];
      list.push(e.competencyName);
      asksMore.set(e.level, list);
    }
  }
  for (const [id, names] of asksMore) reasons.push(`Level ${title(id)} asks for more in ${joinWords(names.map((n) => `"${n}"`))}.`);
  for (const p of proficiency) {
    if (p.from && p.to && p.to.step > p.from.step) {
      reasons.push(`Level ${title(p.level)} asks for a higher step in "${p.competencyName}": ${stepChangeText(p.from, p.to)}.`);
    }
  }

  // ---- open packets that aim at, or start from, a changed level
  const changes = new Map<string, string[]>();
  const note = (id: string, what: string) => changes.set(id, [...(changes.get(id) ?? []), what]);
  for (const l of levels.removed) note(l.id, 'was removed');
  for (const m of levels.migrated) for (const id of m.from) if (!m.to.includes(id)) note(id, `was ${MIGRATION_VERB[m.kind]} ${m.to.join(', ')}`);
  for (const r of levels.retitled) note(r.id, 'was retitled');
  for (const m of levels.moved) note(m.id, `moved from band ${m.fromBand} to ${m.toBand}`);
  const changedSections = new Map<string, string[]>();
  for (const e of expectations) changedSections.set(e.level, [...(changedSections.get(e.level) ?? []), e.competencyName]);
  for (const [id, names] of changedSections) note(id, `has changed expectations (${names.join(', ')})`);
  const packets: PacketImpact[] = [];
  for (const p of [...head.packets].sort((x, y) => (x.origin.file < y.origin.file ? -1 : x.origin.file > y.origin.file ? 1 : 0))) {
    const why: string[] = [];
    const to = changes.get(p.to);
    if (to) why.push(`target level ${p.to} ${to.join(', ')}`);
    const from = p.from !== p.to ? changes.get(p.from) : undefined;
    if (from) why.push(`current level ${p.from} ${from.join(', ')}`);
    if (why.length === 0) continue;
    const reason = why.join('; ');
    packets.push({ file: p.origin.file, candidate: p.candidate, from: p.from, to: p.to, reason: `${reason[0]?.toUpperCase() ?? ''}${reason.slice(1)}.` });
  }

  const changed =
    levels.added.length +
      levels.removed.length +
      levels.retitled.length +
      levels.moved.length +
      levels.summaryChanged.length +
      levels.migrated.length +
      competencies.added.length +
      competencies.removed.length +
      competencies.renamed.length +
      competencies.tracksChanged.length +
      expectations.length +
      proficiency.length +
      parity.added.length +
      parity.removed.length +
      other.length >
    0;
  const verdict: Verdict = reasons.length > 0 ? 'major' : changed ? 'minor' : 'none';
  return {
    verdict,
    reasons: verdict === 'major' ? reasons : [],
    version: { base: base.version, head: head.version, suggested: suggestVersion(verdict, base.version, head.version) },
    levels,
    competencies,
    expectations,
    ...(proficiency.length > 0 ? { proficiency } : {}),
    parity,
    packets,
    other,
  };
}

/** A level's step on a competency's scale, as the diff reports it. */
function stepSummary(level: Level, competency: Competency | undefined, index: LadderIndex): { step: number; name: string } | undefined {
  const at = competency && stepAt(level, competency, index);
  return at ? { step: at.step, name: at.name } : undefined;
}

/** The version head should carry for this verdict, when it does not already. */
export function suggestVersion(verdict: Verdict, base: string, head: string): string | undefined {
  const from = parseVersion(base);
  if (!from) return undefined;
  if (verdict === 'major') {
    const to = parseVersion(head);
    return !to || to[0] <= from[0] ? `${from[0] + 1}.0.0` : undefined;
  }
  if (verdict === 'minor' && head === base) return `${from[0]}.${from[1] + 1}.0`;
  return undefined;
}

function parseVersion(v: string): [number, number, number] | undefined {
  const m = /^v?(\d+)\.(\d+)\.(\d+)/.exec(v.trim());
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

/**
 * Whether an edit adds words rather than only deleting or reordering them: a word added counts
 * unless the same word (ignoring case and surrounding punctuation) was removed elsewhere in the
 * section: a bullet moved, words swapped, "simplicity and consistency." cut to "simplicity.".
 * Punctuation alone asks nothing new.
 */
export function addsWords(added: readonly string[], removed: readonly string[]): boolean {
  const bare = (w: string) => w.toLowerCase().replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, '');
  const pool = new Map<string, number>();
  for (const w of removed) pool.set(bare(w), (pool.get(bare(w)) ?? 0) + 1);
  for (const w of added.map(bare)) {
    if (w === '') continue;
    const n = pool.get(w) ?? 0;
    if (n === 0) return true;
    pool.set(w, n - 1);
  }
  return false;
}

/**
 * Base levels that head no longer has, which head's changelog migrations take to head levels
 * (following chains through several versions). Grouped by migration, in changelog order.
 */
function migratedLevels(b: LadderIndex, h: LadderIndex, head: Ladder): LadderDiff['levels']['migrated'] {
  const all = migrationsOf(head);
  const out: LadderDiff['levels']['migrated'] = [];
  const seen = new Set<string>();
  all.forEach((m, i) => {
    const from = m.from.filter((id) => b.levelById.has(id) && !seen.has(id) && (!h.levelById.has(id) || m.to.includes(id)));
    if (from.length === 0 || from.every((id) => h.levelById.has(id))) return;
    const went = from.map((id) => whereWent(id, all.slice(i)));
    const to = [...new Set(went.flatMap((w) => w?.to ?? []))].filter((id) => h.levelById.has(id));
    if (to.length === 0) return;
    for (const id of from) seen.add(id);
    const versions = [...new Set(went.flatMap((w) => w?.steps.map((s) => s.version) ?? []))];
    out.push({ kind: from.length > 1 ? 'merge' : to.length > 1 ? 'split' : 'rename', from, to, versions });
  });
  return out;
}

/** Which base level each migration target is compared with: its one source, or the source on its band. */
function migrationPairs(migrated: LadderDiff['levels']['migrated'], b: LadderIndex, h: LadderIndex): Array<{ was: Level; is: Level }> {
  const pairs: Array<{ was: Level; is: Level }> = [];
  for (const m of migrated) {
    for (const id of m.to) {
      const is = h.levelById.get(id);
      if (!is || b.levelById.get(id)) continue;
      const sources = m.from.map((f) => b.levelById.get(f)).filter((l): l is Level => l !== undefined);
      const was = sources.find((l) => l.band === is.band) ?? sources[0];
      if (was) pairs.push({ was, is });
    }
  }
  return pairs;
}

function summarize(level: Level): LevelSummary {
  return { id: level.id, track: level.track, title: level.title, band: level.band };
}

/** Sort keys for levels: track order (head's, then base's), then band rank, then id. */
function orderOf(h: LadderIndex, b: LadderIndex): (level: Level) => [number, number, string] {
  const tracks = new Map<string, number>();
  for (const t of [...h.trackById.keys(), ...b.trackById.keys()]) if (!tracks.has(t)) tracks.set(t, tracks.size);
  return (level) => {
    const index = h.levelById.get(level.id) === level ? h : b;
    return [tracks.get(level.track) ?? tracks.size, index.bandById.get(level.band)?.rank ?? Number.MAX_SAFE_INTEGER, level.id];
  };
}

function sortLevels(levels: Level[], key: (level: Level) => [number, number, string]): Level[] {
  return levels
    .map((level) => ({ level, k: key(level) }))
    .sort((x, y) => x.k[0] - y.k[0] || x.k[1] - y.k[1] || (x.k[2] < y.k[2] ? -1 : x.k[2] > y.k[2] ? 1 : 0))
    .map((e) => e.level);
}

/** A level's sections keyed by competency id (via the heading = the competency's name); sections that name no competency are left out. */
function sectionsById(level: Level, index: LadderIndex): Map<string, { name: string; body: string }> {
  const byName = new Map<string, Competency>();
  for (const c of index.competencyById.values()) if (!byName.has(c.name)) byName.set(c.name, c);
  const out = new Map<string, { name: string; body: string }>();
  for (const section of level.sections) {
    const c = byName.get(section.name);
    if (c && !out.has(c.id)) out.set(c.id, { name: c.name, body: section.body });
  }
  return out;
}

/** For each band with levels on both an IC and an EM track: those levels, IC first. */
export function equivalences(index: LadderIndex): Equivalence[] {
  const byKind = (kind: TrackKind, band: string) =>
    index
      .levelsOfKind(kind)
      .filter((l) => l.band === band)
      .map((l) => l.id);
  const out: Equivalence[] = [];
  for (const band of index.bandById.values()) {
    const ic = REFERENCE_KINDS.flatMap((k) => byKind(k, band.id));
    const em = MEASURED_KINDS.flatMap((k) => byKind(k, band.id));
    if (ic.length > 0 && em.length > 0) out.push({ band: band.id, levels: [...new Set([...ic, ...em])] });
  }
  return out;
}

function diffParity(b: LadderIndex, h: LadderIndex): LadderDiff['parity'] {
  const before = new Map(equivalences(b).map((e) => [e.band, e]));
  const after = new Map(equivalences(h).map((e) => [e.band, e]));
  const parity: LadderDiff['parity'] = { added: [], removed: [] };
  for (const band of [...new Set([...after.keys(), ...before.keys()])]) {
    const was = before.get(band);
    const is = after.get(band);
    if (was && is && was.levels.join('\u0000') === is.levels.join('\u0000')) continue;
    if (was) parity.removed.push(was);
    if (is) parity.added.push(is);
  }
  return parity;
}

function diffBands(b: LadderIndex, h: LadderIndex, other: string[]): void {
  for (const band of h.bandById.values()) {
    const before = b.bandById.get(band.id);
    if (!before) {
      other.push(`Band "${band.name}" (${band.id}) was added.`);
      continue;
    }
    if (before.name !== band.name) other.push(`Band ${band.id} was renamed from "${before.name}" to "${band.name}".`);
    if (normalize(before.description) !== normalize(band.description)) other.push(`Band "${band.name}": the description changed.`);
    other.push(...payChanges(`Band "${band.name}"`, before.pay, band.pay, b, h));
  }
  for (const band of b.bandById.values()) if (!h.bandById.has(band.id)) other.push(`Band "${band.name}" (${band.id}) was removed.`);
  const kept = (index: LadderIndex, against: LadderIndex) =>
    [...index.bandById.values()]
      .filter((x: Band) => against.bandById.has(x.id))
      .map((x) => x.id)
      .join(' < ');
  const order = kept(h, b);
  if (order !== kept(b, h)) other.push(`The order of the bands changed: ${order}.`);
}

function diffZones(b: LadderIndex, h: LadderIndex, other: string[]): void {
  for (const zone of h.zoneById.values()) {
    const before = b.zoneById.get(zone.id);
    if (!before) other.push(`Zone "${zone.name}" (${zone.id}, ${zone.currency}) was added.`);
    else {
      if (before.name !== zone.name) other.push(`Zone ${zone.id} was renamed from "${before.name}" to "${zone.name}".`);
      if (before.currency !== zone.currency) other.push(`Zone "${zone.name}" is now paid in ${zone.currency} (was ${before.currency}).`);
    }
  }
  for (const zone of b.zoneById.values()) if (!h.zoneById.has(zone.id)) other.push(`Zone "${zone.name}" (${zone.id}) was removed.`);
}

function diffTracks(b: LadderIndex, h: LadderIndex, other: string[]): void {
  for (const track of h.trackById.values()) {
    const before = b.trackById.get(track.id);
    if (!before) {
      other.push(`Track "${track.name}" (${track.id}, ${track.kind}) was added.`);
      continue;
    }
    if (before.name !== track.name) other.push(`Track ${track.id} was renamed from "${before.name}" to "${track.name}".`);
    if (before.kind !== track.kind) other.push(`Track ${track.id} changed kind from ${before.kind} to ${track.kind}.`);
    if (normalize(before.description) !== normalize(track.description)) other.push(`Track "${track.name}": the description changed.`);
  }
  for (const track of b.trackById.values()) if (!h.trackById.has(track.id)) other.push(`Track "${track.name}" (${track.id}) was removed.`);
}

function diffConfig(base: Ladder, head: Ladder, other: string[]): void {
  if (base.organization !== head.organization) other.push(`The organization was renamed from "${base.organization}" to "${head.organization}".`);
  const p = base.policy;
  const q = head.policy;
  if (p.publishPay !== q.publishPay) other.push(q.publishPay ? 'Pay ranges are now published on the site.' : 'Pay ranges are no longer published on the site.');
  if (p.site.noindex !== q.site.noindex)
    other.push(q.site.noindex ? 'The site now asks search engines not to index it.' : 'The site no longer asks search engines not to index it.');
  for (const rule of [...new Set([...Object.keys(p.rules), ...Object.keys(q.rules)])].sort()) {
    if (p.rules[rule] !== q.rules[rule]) other.push(`Rule ${rule}: ${p.rules[rule] ?? 'default'} → ${q.rules[rule] ?? 'default'}.`);
  }
  for (const kind of FEEDBACK_MINIMUM_KINDS) {
    const [x, y] = [p.packets.minimumFeedback[kind], q.packets.minimumFeedback[kind]];
    if (x !== y) other.push(`A ${kind} packet now needs feedback from ${y} people (was ${x}).`);
  }
  if (p.packets.graduationStakeholders !== q.packets.graduationStakeholders) {
    other.push(`Graduation now needs ${q.packets.graduationStakeholders} stakeholders (was ${p.packets.graduationStakeholders}).`);
  }
  if (p.packets.thinEvidenceWords !== q.packets.thinEvidenceWords) {
    other.push(`Evidence under ${q.packets.thinEvidenceWords} words is now thin (was ${p.packets.thinEvidenceWords}).`);
  }
  const switches: Array<['requireResolvedThreads' | 'approvalsOnHeadOnly' | 'allowCalibrationFiles', string]> = [
    ['requireResolvedThreads', "the committee's quorum counts only once no review thread on the packet is open"],
    ['approvalsOnHeadOnly', "only approvals of a pull request's latest commit count"],
    ['allowCalibrationFiles', 'calibration packets may be kept in the ladder directory'],
  ];
  for (const [key, what] of switches) {
    if (p.packets[key] !== q.packets[key]) other.push(`${q.packets[key] ? 'Now' : 'No longer'}: ${what} (policy.packets.${key}).`);
  }
  const g = base.governance;
  const k = head.governance;
  const people = (what: string, x: string[], y: string[]) => {
    const added = y.filter((v) => !x.includes(v));
    const removed = x.filter((v) => !y.includes(v));
    if (added.length > 0) other.push(`${what}: added ${added.join(', ')}.`);
    if (removed.length > 0) other.push(`${what}: removed ${removed.join(', ')}.`);
  };
  people('Promotion committee', g.committee, k.committee);
  if (g.quorum !== k.quorum) other.push(`The committee quorum is now ${k.quorum} (was ${g.quorum}).`);
  people('IC ladder approvers', g.ladderApprovers.ic, k.ladderApprovers.ic);
  people('EM ladder approvers', g.ladderApprovers.em, k.ladderApprovers.em);
}

/**
 * How a band's or a level's pay changed: one sentence per zone whose range changed when both sides
 * give pay per zone, else one sentence for the whole pay ("USD 180000–230000", "none").
 */
function payChanges(what: string, before: Pay | undefined, after: Pay | undefined, b: LadderIndex, h: LadderIndex): string[] {
  const range = (r: PayRange | undefined, index: LadderIndex) => (r ? `${index.currencyOf(r)} ${r.min}–${r.max}` : 'none');
  if (before?.zoned && after?.zoned) {
    const zones = [...new Set([...after.ranges, ...before.ranges].map((r) => r.zone))];
    return zones.flatMap((zone) => {
      const [was, is] = [
        range(
          before.ranges.find((r) => r.zone === zone),
          b,
        ),
        range(
          after.ranges.find((r) => r.zone === zone),
          h,
        ),
      ];
      return was === is ? [] : [`${what}: pay in zone ${zone} changed from ${was} to ${is}.`];
    });
  }
  const whole = (pay: Pay | undefined, index: LadderIndex) =>
    pay ? pay.ranges.map((r) => (r.zone === undefined ? range(r, index) : `${r.zone} ${range(r, index)}`)).join(', ') : 'none';
  const [was, is] = [whole(before, b), whole(after, h)];
  return was === is ? [] : [`${what}: pay changed from ${was} to ${is}.`];
}

function normalize(text: string | undefined): string {
  return (text ?? '').split(/\s+/).filter(Boolean).join(' ');
}

function trackList(tracks: string[]): string {
  return `the ${joinWords(tracks)} track${tracks.length === 1 ? '' : 's'}`;
}
