import { at, type Band } from '../core/model.js';
import { inZone, type UsableRange, usablePay } from '../core/pay.js';
import type { Rule } from './rule.js';

/**
 * Bands are listed lowest first; where pay is given, each band pays strictly more than the one below,
 * zone by zone (ranges in different zones, and so in different currencies, are never compared).
 */
export const bandOrder: Rule = {
  id: 'band-order',
  severity: 'error',
  group: 'ladder',
  description: 'Bands are strictly ordered: each pay range is valid and higher than the band below it, in every zone.',
  check({ ladder, index, report }) {
    const below = new Map<string, { band: Band; r: UsableRange }>();
    const paid: Array<{ band: Band; zones: Set<string> }> = [];
    for (const band of ladder.bands) {
      if (!band.pay) continue;
      const { usable, problems } = usablePay(`Band "${band.id}"`, band.pay, index);
      for (const p of problems) report(at(band.origin, p.key), p.message);
      if (band.pay.zoned) paid.push({ band, zones: new Set(band.pay.ranges.map((r) => r.zone ?? '')) });
      for (const r of usable) {
        const { min, max } = r.range;
        if (min > max) {
          report(
            at(band.origin, `${r.range.key}/min`),
            `Band "${band.id}" pays from ${min} to ${max}${inZone(r)}: the minimum is above the maximum. Swap them.`,
          );
        }
        const lower = below.get(r.zone);
        below.set(r.zone, { band, r });
        if (!lower) continue;
        const { min: lowerMin, max: lowerMax } = lower.r.range;
        if (lower.r.currency !== r.currency) {
          report(
            at(band.origin, `${r.range.key}/currency`),
            `Band "${band.id}" is paid in ${r.currency} but "${lower.band.id}" below it in ${lower.r.currency}; use one currency so bands can be ordered.`,
          );
        } else if (min <= lowerMin || max <= lowerMax) {
          report(
            at(band.origin, r.range.key),
            `Band "${band.id}"${inZone(r)} (${min}-${max}) does not pay more than "${lower.band.id}" below it (${lowerMin}-${lowerMax}). Bands are listed lowest first; raise this band's range or reorder the bands.`,
          );
        }
      }
    }
    // A zone some bands pay in and others not cannot be ordered, nor published band by band.
    for (const zone of index.zoneById.values()) {
      const holders = paid.filter((p) => p.zones.has(zone.id));
      if (holders.length === 0) continue;
      for (const { band, zones } of paid) {
        if (zones.has(zone.id)) continue;
        report(
          at(band.origin, 'pay'),
          `Band "${band.id}" gives no pay in zone "${zone.id}" (${zone.name}), which ${holders.length === 1 ? `band "${holders[0]?.band.id}" pays in` : `${holders.length} other bands pay in`}. Add its range (${zone.id}: { min, max }), or remove zone "${zone.id}" from the bands that have it and from zones.`,
        );
      }
    }
  },
};
