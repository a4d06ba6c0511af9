import { at } from '../core/model.js';
import type { Rule } from './rule.js';

/** The IC track goes at least as high as management: growing never requires becoming a manager. */
export const parityIcReach: Rule = {
  id: 'parity-ic-reach',
  severity: 'error',
  group: 'parity',
  description: "The IC track reaches at least the management track's top band.",
  check({ ladder, index, report }) {
    const top = (levels: typeof ladder.levels) =>
      levels.reduce<(typeof levels)[number] | undefined>((best, l) => (!best || index.rankOf(l) > index.rankOf(best) ? l : best), undefined);
    const topEm = top(index.measuredLevels());
    if (!topEm) return;
    const topIc = top(index.referenceLevels());
    if (!topIc) {
      report(
        at(topEm.origin, 'track'),
        `The ladder has management levels but no IC level: engineers could only grow by becoming managers. Add an IC track (kind: ic) reaching band "${topEm.band}".`,
      );
    } else if (index.rankOf(topIc) < index.rankOf(topEm)) {
      report(
        at(topEm.origin, 'band'),
        `Management reaches band "${topEm.band}" ("${topEm.id}") but the IC track stops at "${topIc.band}" ("${topIc.id}"): engineers would have to manage to grow that far. Add IC levels up to band "${topEm.band}".`,
      );
    }
  },
};
