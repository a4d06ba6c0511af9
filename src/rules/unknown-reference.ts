import { appliesAt } from '../core/applicability.js';
import { at, atKey, type Competency, type LadderIndex, type Level, type Located, type Origin, type Pay } from '../core/model.js';
import { didYouMean, listOf } from '../core/suggest.js';
import { escapePointer } from '../core/yaml-document.js';
import type { Rule } from './rule.js';

/** Every track, band and competency a file names exists. */
export const unknownReference: Rule = {
  id: 'unknown-reference',
  severity: 'error',
  group: 'ladder',
  description:
    "Every reference resolves: level tracks and bands, competency and family tracks, declared moves, pay zones; a competency's `from`, `scale`, `group` and per-track descriptions' tracks; the competencies a level's `differences` name.",
  check({ ladder, index, report }) {
    // Without ladder.yml every reference would dangle; its own diagnostic says why.
    if (!ladder.config) return;
    const tracks = [...index.trackById.keys()];
    const bands = [...index.bandById.keys()];
    for (const level of ladder.levels) {
      // A shared level names its tracks under `tracks` (positions follow the file's list).
      const front = level.origin.doc.value as Record<string, unknown>;
      const named: Array<[string, unknown]> = Array.isArray(front.tracks) ? front.tracks.map((t, i) => [`tracks/${i}`, t]) : [['track', level.track]];
      for (const [key, track] of named) {
        if (typeof track !== 'string' || !track || index.trackById.has(track)) continue;
        report(
          at(level.origin, key),
          `Level "${level.id}" names track "${track}", which ladder.yml does not declare.${didYouMean(track, tracks)} Known tracks: ${listOf(tracks)}.`,
        );
      }
      if (level.band && !index.bandById.has(level.band)) {
        report(
          at(level.origin, 'band'),
          `Level "${level.id}" names band "${level.band}", which ladder.yml does not declare.${didYouMean(level.band, bands)} Known bands: ${listOf(bands)}.`,
        );
      }
    }
    if (ladder.competenciesLoaded) for (const level of ladder.levels) checkDifferences(level, index, report);
    for (const family of ladder.families) {
      family.tracks.forEach((track, i) => {
        if (index.trackById.has(track)) return;
        report(
          at(family.origin, `tracks/${i}`),
          `Family "${family.id}" lists track "${track}", which ladder.yml does not declare.${didYouMean(track, tracks)} Known tracks: ${listOf(tracks)}.`,
        );
      });
    }
    // Pay per zone names zones: each must be one ladder.yml declares.
    const zones = [...index.zoneById.keys()];
    const checkZones = (owner: string, pay: Pay | undefined, origin: Origin) => {
      if (!pay?.zoned) return;
      for (const range of pay.ranges) {
        if (range.zone === undefined || index.zoneById.has(range.zone)) continue;
        const fix =
          zones.length === 0
            ? 'Declare it under zones (id, name, currency), or give one range without zones: pay: { currency, min, max }.'
            : `${didYouMean(range.zone, zones)} Known zones: ${listOf(zones)}.`.trim();
        report(atKey(origin, range.key), `${owner} gives pay in zone "${range.zone}", which ladder.yml does not declare. ${fix}`);
      }
    };
    for (const band of ladder.bands) checkZones(`Band "${band.id}"`, band.pay, band.origin);
    for (const level of ladder.levels) checkZones(`Level "${level.id}"`, level.pay, level.origin);
    const levels = [...index.levelById.keys()];
    for (const move of ladder.moves) {
      for (const key of ['from', 'to'] as const) {
        const id = move[key];
        if (!id || index.levelById.has(id)) continue;
        report(
          at(move.origin, key),
          `This move's ${key} names level "${id}", which does not exist.${didYouMean(id, levels)} A declared move goes from one level id to another.`,
        );
      }
    }
    for (const competency of ladder.competencies) {
      competency.tracks.forEach((track, i) => {
        if (!index.trackById.has(track)) {
          report(
            at(competency.origin, `tracks/${i}`),
            `Competency "${competency.id}" applies to track "${track}", which ladder.yml does not declare.${didYouMean(track, tracks)} Known tracks: ${listOf(tracks)}.`,
          );
        }
      });
      for (const c of [competency, ...(competency.subs ?? [])]) checkCompetency(c, index, report);
    }
  },
};

/** The references a competency (or a sub) makes beyond its tracks. */
function checkCompetency(c: Competency, index: LadderIndex, report: (where: Located, message: string) => void): void {
  if (c.from !== undefined && c.from !== '' && !index.bandById.has(c.from) && !index.levelById.has(c.from)) {
    const names = [...index.bandById.keys(), ...index.levelById.keys()];
    report(
      at(c.origin, 'from'),
      `Competency "${c.id}" applies from "${c.from}", which is neither a band nor a level.${didYouMean(c.from, names)} Use a band id (${listOf([...index.bandById.keys()])}) or a level id.`,
    );
  }
  if (c.scale !== undefined && !index.scaleById.has(c.scale)) {
    const scales = [...index.scaleById.keys()];
    report(
      at(c.origin, 'scale'),
      `Competency "${c.id}" uses scale "${c.scale}", which competencies.yml does not declare.${didYouMean(c.scale, scales)} ${scales.length ? `Known scales: ${listOf(scales)}.` : 'Declare it under scales: with its steps.'}`,
    );
  }
  if (c.group !== undefined && !index.groupById.has(c.group)) {
    const groups = [...index.groupById.keys()];
    report(
      at(c.origin, 'group'),
      `Competency "${c.id}" is an option of group "${c.group}", which competencies.yml does not declare.${didYouMean(c.group, groups)} ${groups.length ? `Known groups: ${listOf(groups)}.` : 'Declare it under groups: with how many options to choose.'}`,
    );
  }
  for (const track of Object.keys(c.descriptionByTrack ?? {})) {
    if (c.tracks.includes(track)) continue;
    report(
      atKey(c.origin, `description/${escapePointer(track)}`),
      `Competency "${c.id}" has a description for track "${track}", which it does not apply to.${didYouMean(track, c.tracks)} Its tracks: ${listOf(c.tracks)}.`,
    );
  }
}

/** A level's `differences` name competencies that apply at the level: one sentence each, on the promotion into it. */
function checkDifferences(level: Level, index: LadderIndex, report: (where: Located, message: string) => void): void {
  if (!level.differences || !index.trackById.has(level.track)) return; // an unknown track is reported above
  const applying = index.competenciesOf(level.track).filter((c) => appliesAt(c, level, index) !== 'no');
  const ids = applying.map((c) => c.id);
  for (const id of Object.keys(level.differences)) {
    if (ids.includes(id)) continue;
    const known = index.competencyById.get(id);
    const why = !known
      ? `which is no competency id.${didYouMean(id, ids)}`
      : known.tracks.includes(level.track)
        ? 'which does not apply at this level yet (its `from`).'
        : `which track "${level.track}" does not measure.`;
    report(
      atKey(level.origin, `differences/${escapePointer(id)}`),
      `Level "${level.id}" says what is different in "${id}", ${why} Keys of differences are ids of competencies that apply at this level: ${listOf(ids)}.`,
    );
  }
}
