import { INPUT_RULES } from '../core/input-rules.js';
import type { RuleMeta } from './rule.js';

/** Reported by the loader: a file whose path does not say what it is. */
export const fileLocation: RuleMeta = {
  id: INPUT_RULES.fileLocation,
  severity: 'error',
  group: 'input',
  description: 'Files live where their kind says: levels/<track>/<level id>.md.',
};
