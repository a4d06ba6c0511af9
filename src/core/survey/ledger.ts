import { isMapping } from '../values.js';

/**
 * What `ladder survey report` remembers between runs, to refuse differencing: for each figure it
 * wrote, the round, the group (`manager:<handle>` or `organization`), the question id and how many
 * respondents it counted. Counts of published figures only (never below k), no answers, nothing
 * about any respondent.
 */
export interface LedgerEntry {
  round: string;
  group: string;
  question: string;
  respondents: number;
}

export interface Ledger {
  entries: LedgerEntry[];
}

export const LEDGER_FORMAT = 1;

export function emptyLedger(): Ledger {
  return { entries: [] };
}

/** The ledger a previous run wrote, or why it cannot be trusted (then nothing is written). */
export function parseLedger(text: string): Ledger | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { problem: 'The ledger is not valid JSON.' };
  }
  if (!isMapping(value) || value.formatVersion !== LEDGER_FORMAT || !Array.isArray(value.entries))
    return { problem: `The ledger is not one this command writes (formatVersion ${LEDGER_FORMAT}, entries).` };
  const entries: LedgerEntry[] = [];
  for (const e of value.entries) {
    if (!isMapping(e) || typeof e.round !== 'string' || typeof e.group !== 'string' || typeof e.question !== 'string' || !Number.isInteger(e.respondents))
      return { problem: 'The ledger holds an entry that is not {round, group, question, respondents}.' };
    entries.push({ round: e.round, group: e.group, question: e.question, respondents: e.respondents as number });
  }
  return { entries };
}

export function formatLedger(ledger: Ledger): string {
  const note =
    'Written by `ladder survey report`: the respondent counts of every survey figure it reported, to refuse reports that could be subtracted from one another. Keep it with the reports; do not edit it.';
  return `${JSON.stringify({ formatVersion: LEDGER_FORMAT, note, entries: ledger.entries }, null, 2)}\n`;
}
