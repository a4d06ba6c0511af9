import { at } from '../core/model.js';
import type { Rule } from './rule.js';

/** The first management level sits on the band of an IC level: entering management is a lateral move, not a promotion. */
export const parityLateralEntry: Rule = {
  id: 'parity-lateral-entry',
  severity: 'error',
  group: 'parity',
  description: 'The first EM level sits on the band of an IC level, so entering management is lateral.',
  check({ index, report }) {
    const icLevels = index.referenceLevels();
    const icBands = new Set(icLevels.map((l) => l.band));
    const icTop = Math.max(-1, ...icLevels.map((l) => index.rankOf(l)));
    for (const track of index.measuredTracks()) {
      const first = index.levelsOf(track.id)[0];
      // Above every IC level, the fact is that management reaches higher: parity-ic-reach's to report.
      if (!first || icBands.has(first.band) || index.rankOf(first) > icTop) continue;
      report(
        at(first.origin, 'band'),
        `"${first.id}", the first level of track "${track.id}", sits on band "${first.band}", where there is no IC level: an engineer could only enter management by changing band, which makes it a promotion. Put "${first.id}" on the band of an IC level (for example the Senior band).`,
      );
    }
  },
};
