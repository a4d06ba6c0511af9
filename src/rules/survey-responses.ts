import { INPUT_RULES } from '../core/input-rules.js';
import type { RuleMeta } from './rule.js';

/** Reported by the loader: raw survey answers in the ladder directory are on their way into git. */
export const surveyResponses: RuleMeta = {
  id: INPUT_RULES.surveyResponses,
  severity: 'error',
  group: 'input',
  description: 'No row-level survey answers under the ladder directory: no .csv or .tsv file, no YAML or Markdown with a row per respondent.',
};
