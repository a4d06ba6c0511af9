import { at, type Level } from '../core/model.js';
import { inZone, rangeText, type UsableRange, usablePay } from '../core/pay.js';
import type { Rule } from './rule.js';

/**
 * Where levels state their own pay, levels on one band pay the same, whatever their track: zone by
 * zone, against the band's range in that zone when it gives one, else against the first level's.
 */
export const parityPay: Rule = {
  id: 'parity-pay',
  severity: 'error',
  group: 'parity',
  description: "Levels on one band have equal pay in every zone, where pay is given per level (and it matches the band's range).",
  check({ ladder, index, report }) {
    // Per band, then per zone: the first level that states a range there.
    const firstOnBand = new Map<string, Map<string, { level: Level; r: UsableRange }>>();
    for (const level of ladder.levels) {
      const band = index.bandById.get(level.band);
      if (!level.pay || !band) continue;
      const { usable, problems } = usablePay(`Level "${level.id}"`, level.pay, index);
      for (const p of problems) report(at(level.origin, p.key), p.message);
      const bandRanges = new Map((band.pay ? usablePay('', band.pay, index).usable : []).map((r) => [r.zone, r]));
      const first = firstOnBand.get(level.band) ?? new Map<string, { level: Level; r: UsableRange }>();
      firstOnBand.set(level.band, first);
      for (const r of usable) {
        const own = rangeText(r);
        const ofBand = bandRanges.get(r.zone);
        if (ofBand) {
          if (rangeText(ofBand) !== own) {
            report(
              at(level.origin, r.range.key),
              `Level "${level.id}" pays ${own}${inZone(r)} but its band "${band.id}" pays ${rangeText(ofBand)}; pay belongs to the band. Remove the level's pay or make it equal.`,
            );
          }
          continue;
        }
        const earlier = first.get(r.zone);
        if (!earlier) {
          first.set(r.zone, { level, r });
        } else if (rangeText(earlier.r) !== own) {
          report(
            at(level.origin, r.range.key),
            `Level "${level.id}" pays ${own}${inZone(r)} but "${earlier.level.id}" on the same band "${level.band}" pays ${rangeText(earlier.r)}: equivalent levels must be paid the same. Make the ranges equal.`,
          );
        }
      }
    }
  },
};
