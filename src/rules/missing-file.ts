import { INPUT_RULES } from '../core/input-rules.js';
import type { RuleMeta } from './rule.js';

/** Reported by the loader when ladder.yml or competencies.yml is absent. */
export const missingFile: RuleMeta = {
  id: INPUT_RULES.missingFile,
  severity: 'error',
  group: 'input',
  description: 'The ladder directory holds ladder.yml and competencies.yml.',
};
