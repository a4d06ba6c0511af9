import type { Pay } from './model.js';

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

export function pay(value: unknown): Pay | undefined {
  if (!isMapping(value)) return undefined;
  const { currency, min, max } = value;
  if (typeof currency !== 'string' || typeof min !== 'number' || typeof max !== 'number') return undefined;
  return { currency, min, max };
}
