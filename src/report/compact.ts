import type { Report } from './model.js';
import { oneLine } from './text.js';

/**
 * One line per problem, `file:line:col: severity message (rule)`, as compilers print them: what
 * editors jump to and CI problem matchers read (.github/ladder-problem-matcher.json parses it).
 * Nothing else: no summary line for a matcher to trip on, nothing at all for a clean ladder.
 */
export function formatCompact({ diagnostics }: Report): string {
  return diagnostics.map((d) => `${d.file}:${d.line}:${d.column}: ${d.severity} ${oneLine(d.message)} (${d.rule})\n`).join('');
}
