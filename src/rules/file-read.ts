import { INPUT_RULES } from '../core/input-rules.js';
import type { RuleMeta } from './rule.js';

/** Reported by the reader: a file too large, not UTF-8 text, unreadable, a link it does not follow, a special file, an unreadable folder (src/node/file-policy.ts). */
export const fileRead: RuleMeta = {
  id: INPUT_RULES.fileRead,
  severity: 'error',
  group: 'input',
  description: 'Every ladder file can be read: a regular file (or a link to one inside the ladder), UTF-8 text, within the size limit.',
};
