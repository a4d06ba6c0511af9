import { at } from '../core/model.js';
import type { Rule } from './rule.js';

/** Bands are listed lowest first; where pay is given, each band pays strictly more than the one below. */
export const bandOrder: Rule = {
  id: 'band-order',
  severity: 'error',
  group: 'ladder',
  description: 'Bands are strictly ordered: each pay range is valid and higher than the band below it.',
  check({ ladder, report }) {
    let below: (typeof ladder.bands)[number] | undefined;
    for (const band of ladder.bands) {
      const pay = band.pay;
      if (pay && pay.min > pay.max) {
        report(at(band.origin, 'pay/min'), `Band "${band.id}" pays from ${pay.min} to ${pay.max}: the minimum is above the maximum. Swap them.`);
      }
      if (pay && below?.pay) {
        const lower = below.pay;
        if (lower.currency !== pay.currency) {
          report(
            at(band.origin, 'pay/currency'),
            `Band "${band.id}" is paid in ${pay.currency} but "${below.id}" below it in ${lower.currency}; use one currency so bands can be ordered.`,
          );
        } else if (pay.min <= lower.min || pay.max <= lower.max) {
          report(
            at(band.origin, 'pay'),
            `Band "${band.id}" (${pay.min}-${pay.max}) does not pay more than "${below.id}" below it (${lower.min}-${lower.max}). Bands are listed lowest first; raise this band's range or reorder the bands.`,
          );
        }
      }
      if (pay) below = band;
    }
  },
};
