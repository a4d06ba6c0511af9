import { at } from '../core/model.js';
import { didYouMean, listOf } from '../core/suggest.js';
import type { Rule } from './rule.js';

/** Every track, band and competency a file names exists. */
export const unknownReference: Rule = {
  id: 'unknown-reference',
  severity: 'error',
  group: 'ladder',
  description: 'Every reference resolves: level tracks and bands, competency tracks.',
  check({ ladder, index, report }) {
    // Without ladder.yml every reference would dangle; its own diagnostic says why.
    if (!ladder.config) return;
    const tracks = [...index.trackById.keys()];
    const bands = [...index.bandById.keys()];
    for (const level of ladder.levels) {
      if (level.track && !index.trackById.has(level.track)) {
        report(
          at(level.origin, 'track'),
          `Level "${level.id}" names track "${level.track}", which ladder.yml does not declare.${didYouMean(level.track, tracks)} Known tracks: ${listOf(tracks)}.`,
        );
      }
      if (level.band && !index.bandById.has(level.band)) {
        report(
          at(level.origin, 'band'),
          `Level "${level.id}" names band "${level.band}", which ladder.yml does not declare.${didYouMean(level.band, bands)} Known bands: ${listOf(bands)}.`,
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
    }
  },
};
