import { at } from '../core/model.js';
import type { Rule } from './rule.js';

/** Every band that holds a management level also holds an IC level, so no manager is "more senior" than any engineer can be. */
export const parityBandCoverage: Rule = {
  id: 'parity-band-coverage',
  severity: 'error',
  group: 'parity',
  description: 'Every band that holds an EM level also holds an IC level.',
  check({ index, report }) {
    const icBands = new Set(index.referenceLevels().map((l) => l.band));
    for (const track of index.measuredTracks()) {
      // The first level of a management track is parity-lateral-entry's to report.
      for (const level of index.levelsOf(track.id).slice(1)) {
        if (icBands.has(level.band)) continue;
        report(
          at(level.origin, 'band'),
          `Band "${level.band}" holds management level "${level.id}" but no IC level: the tracks are not equally senior there. Add an IC level on band "${level.band}", or move "${level.id}" to a band the IC track has.`,
        );
      }
    }
  },
};
