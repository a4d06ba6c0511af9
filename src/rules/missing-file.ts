import type { RuleMeta } from './rule.js';

/** Reported by the loader when ladder.yml or competencies.yml is absent. */
export const missingFile: RuleMeta = {
  id: 'missing-file',
  severity: 'error',
  group: 'input',
  description: 'The ladder directory holds ladder.yml and competencies.yml.',
};
