import type { LadderIndex, Pay, PayRange } from './model.js';
import { listOf } from './suggest.js';

const CURRENCY = /^[A-Z]{3}$/;

/** A pay range a rule can compare: its zone ('' on a ladder without zones) and its currency. */
export interface UsableRange {
  zone: string;
  currency: string;
  range: PayRange;
}

/** Something wrong with a pay as written; `key` is under its band's or level's origin. */
export interface PayProblem {
  key: string;
  message: string;
}

/**
 * The ranges of a band's or level's pay that can be compared with others, and what is wrong with
 * the shape of the rest: one range on a ladder with zones, or a currency that is not its zone's.
 * Zones that ladder.yml does not declare are left out, unreported: unknown-reference says so.
 */
export function usablePay(owner: string, pay: Pay, index: LadderIndex): { usable: UsableRange[]; problems: PayProblem[] } {
  const zones = [...index.zoneById.values()];
  if (!pay.zoned) {
    if (zones.length === 0) return { usable: pay.ranges.map((range) => ({ zone: '', currency: index.currencyOf(range), range })), problems: [] };
    const example = zones
      .slice(0, 2)
      .map((z) => `${z.id}: { min, max }`)
      .join(', ');
    return {
      usable: [],
      problems: [
        {
          key: 'pay',
          message: `${owner} gives one pay range, but ladder.yml declares zones (${listOf(zones.map((z) => z.id))}): give one range per zone, as pay: { ${example} }.`,
        },
      ],
    };
  }
  const usable: UsableRange[] = [];
  const problems: PayProblem[] = [];
  for (const range of pay.ranges) {
    const zone = range.zone === undefined ? undefined : index.zoneById.get(range.zone);
    if (!zone) continue;
    // A zone whose own currency is malformed is the schema's to report, not every range's.
    if (range.currency !== undefined && range.currency !== zone.currency && CURRENCY.test(zone.currency)) {
      problems.push({
        key: `${range.key}/currency`,
        message: `${owner} is paid in ${range.currency} in zone "${zone.id}", which ladder.yml pays in ${zone.currency}. Remove this currency (the zone gives it), or correct it.`,
      });
      continue;
    }
    usable.push({ zone: zone.id, currency: zone.currency, range });
  }
  return { usable, problems };
}

/** "USD 180000-230000", as rule messages show a range. */
export function rangeText(r: UsableRange): string {
  return `${r.currency} ${r.range.min}-${r.range.max}`;
}

/** " in zone "de"", or nothing on a ladder without zones: how messages say which range they mean. */
export function inZone(r: UsableRange): string {
  return r.zone === '' ? '' : ` in zone "${r.zone}"`;
}
