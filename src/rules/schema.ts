import { INPUT_RULES } from '../core/input-rules.js';
import type { RuleMeta } from './rule.js';

/** Reported by the loader: a document does not match its JSON Schema in schemas/. */
export const schema: RuleMeta = {
  id: INPUT_RULES.schema,
  severity: 'error',
  group: 'input',
  description: 'Every file matches its JSON Schema (schemas/): required keys, types, formats, no unknown keys.',
};
