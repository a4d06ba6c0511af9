import type { RuleMeta } from './rule.js';

/** Reported by the reader: a file too large, not UTF-8 text, or unreadable. */
export const fileRead: RuleMeta = {
  id: 'file-read',
  severity: 'error',
  group: 'input',
  description: 'Every ladder file can be read: UTF-8 text, within the size limit.',
};
