import { escapePointer } from './json-pointer.js';
import type { Pay, PayRange } from './model.js';

/**
 * Reading values out of YAML that passed its schema only in part: every helper takes anything and
 * returns the type asked for, or an empty value, so that a broken file still builds a model.
 */

export function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The mappings of a list, with their indexes (for JSON pointers). */
export function entries(value: unknown): Array<[number, Record<string, unknown>]> {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item, i): Array<[number, Record<string, unknown>]> => (isMapping(item) ? [[i, item]] : []));
}

export function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export function optStr(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** A whole number of at least 0, or the fallback. */
export function count(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : fallback;
}

/**
 * A band's or level's `pay`: one range (`{ currency, min, max }`), or one per zone
 * (`{ us: { min, max }, de: { currency: EUR, min, max } }`); undefined when the schema refuses it (it says why).
 */
export function pay(value: unknown): Pay | undefined {
  if (!isMapping(value)) return undefined;
  if ('currency' in value || 'min' in value || 'max' in value) {
    const range = rangeOf(value, undefined, 'pay');
    return range?.currency === undefined ? undefined : { zoned: false, ranges: [range] };
  }
  const ranges: PayRange[] = [];
  for (const [zone, v] of Object.entries(value)) {
    const range = isMapping(v) ? rangeOf(v, zone, `pay/${escapePointer(zone)}`) : undefined;
    // A zone whose range is unreadable would look missing to band-order: leave the whole pay out.
    if (!range) return undefined;
    ranges.push(range);
  }
  return ranges.length > 0 ? { zoned: true, ranges } : undefined;
}

function rangeOf(value: Record<string, unknown>, zone: string | undefined, key: string): PayRange | undefined {
  const { currency, min, max } = value;
  if (typeof min !== 'number' || typeof max !== 'number' || (currency !== undefined && typeof currency !== 'string')) return undefined;
  return { zone, currency, min, max, key };
}
