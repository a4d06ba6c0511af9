import { INPUT_RULES } from '../core/input-rules.js';
import type { RuleMeta } from './rule.js';

/** Reported by the loader for YAML that does not parse (including front matter). */
export const yamlSyntax: RuleMeta = {
  id: INPUT_RULES.yamlSyntax,
  severity: 'error',
  group: 'input',
  description: 'YAML parses: no syntax errors, tabs, duplicate keys, runaway nesting or alias bombs.',
};
