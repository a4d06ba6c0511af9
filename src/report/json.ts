import { countBySeverity } from '../core/diagnostic.js';
import type { Report } from './model.js';

/**
 * One JSON object, the same for `ladder check --format json` and the Action's report file: the
 * version, a summary, the diagnostics, and the ladder diff and the approvals when the run has
 * them (absent otherwise). Stable for scripts.
 */
export function formatJson({ version, files, diagnostics, diff, approvals }: Report): string {
  const { errors, warnings } = countBySeverity(diagnostics);
  return `${JSON.stringify({ version, summary: { files, errors, warnings }, diagnostics, diff, approvals }, null, 2)}\n`;
}
