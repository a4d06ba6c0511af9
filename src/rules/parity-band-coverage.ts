import { at } from '../core/model.js';
import type { Rule } from './rule.js';

/** Every band that holds a management level also holds an IC level, so no manager is "more senior" than any engineer can be. */
export const parityBandCoverage: Rule = {
  id: 'parity-band-coverage',
  severity: 'error',
  group: 'parity',
  description: 'Every band that holds an EM level also holds an IC level.',
  check({ index, report }) {
    const icLevels = index.referenceLevels();
    const icBands = new Set(icLevels.map((l) => l.band));
    const icTop = Math.max(-1, ...icLevels.map((l) => index.rankOf(l)));
    for (const track of index.measuredTracks()) {
      // The first level of a management track is parity-lateral-entry's to report; bands above
      // every IC level are parity-ic-reach's (one fact, one error: one exception waives it).
      for (const level of index.levelsOf(track.id).slice(1)) {
        if (icBands.has(level.band) || index.rankOf(level) > icTop) continue;
        report(
          at(level.origin, 'band'),
          `Band "${level.band}" holds management level "${level.id}" but no IC level: the tracks are not equally senior there. Add an IC level on band "${level.band}", or move "${level.id}" to a band the IC track has.`,
        );
      }
    }
  },
};
