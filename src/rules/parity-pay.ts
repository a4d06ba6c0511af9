import { at, type Level } from '../core/model.js';
import type { Rule } from './rule.js';

/** Where levels state their own pay, levels on one band pay the same, whatever their track. */
export const parityPay: Rule = {
  id: 'parity-pay',
  severity: 'error',
  group: 'parity',
  description: "Levels on one band have equal pay, where pay is given per level (and it matches the band's range).",
  check({ ladder, index, report }) {
    const firstOnBand = new Map<string, Level>();
    for (const level of ladder.levels) {
      const pay = level.pay;
      const band = index.bandById.get(level.band);
      if (!pay || !band) continue;
      const show = (p: { currency: string; min: number; max: number }) => `${p.currency} ${p.min}-${p.max}`;
      if (band.pay && show(band.pay) !== show(pay)) {
        report(
          at(level.origin, 'pay'),
          `Level "${level.id}" pays ${show(pay)} but its band "${band.id}" pays ${show(band.pay)}; pay belongs to the band. Remove the level's pay or make it equal.`,
        );
        continue;
      }
      const first = firstOnBand.get(level.band);
      if (!first) {
        firstOnBand.set(level.band, level);
        continue;
      }
      if (first.pay && show(first.pay) !== show(pay)) {
        report(
          at(level.origin, 'pay'),
          `Level "${level.id}" pays ${show(pay)} but "${first.id}" on the same band "${level.band}" pays ${show(first.pay)}: equivalent levels must be paid the same. Make the ranges equal.`,
        );
      }
    }
  },
};
