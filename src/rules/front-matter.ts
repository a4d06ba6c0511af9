import { INPUT_RULES } from '../core/input-rules.js';
import type { RuleMeta } from './rule.js';

/** Reported by the loader for Markdown files whose front matter is missing or never closes. */
export const frontMatter: RuleMeta = {
  id: INPUT_RULES.frontMatter,
  severity: 'error',
  group: 'input',
  description: 'Level and packet files start with YAML front matter between two "---" lines.',
};
