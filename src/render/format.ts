import type { PayRange } from '../core/model.js';

const formatters = new Map<string, Intl.NumberFormat>();

function money(amount: number, currency: string): string {
  let f = formatters.get(currency);
  if (!f) {
    try {
      f = new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 });
    } catch {
      f = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
    }
    formatters.set(currency, f);
  }
  return f.format(amount);
}

// A range's currency is fixed by its ladder (as written, or its zone's), so the range alone keys the cache.
const long = new WeakMap<PayRange, [string, string]>();

/** ["$180,000", "$230,000"]: the ends of a yearly base pay range, in its currency. */
export function formatPay(pay: PayRange, currency: string): [string, string] {
  let ends = long.get(pay);
  if (ends === undefined) {
    ends = [money(pay.min, currency), money(pay.max, currency)];
    long.set(pay, ends);
  }
  return ends;
}

/** ["$180k", "$230k"]: compact, for tables. */
export function formatPayShort(pay: PayRange, currency: string): [string, string] {
  const short = (n: number) => {
    const s = money(n, currency);
    return n >= 1000 && n % 1000 === 0 ? s.replace(/,000$/, 'k') : s;
  };
  return [short(pay.min), short(pay.max)];
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "1 September 2026" from "2026-09-01" or an ISO date-time; the input unchanged when it is not a date. */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const month = MONTHS[Number(m[2]) - 1];
  return month ? `${Number(m[3])} ${month} ${m[1]}` : iso;
}

export { joinWords, plural } from '../core/text.js';
