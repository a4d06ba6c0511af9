import { countBySeverity } from '../core/diagnostic.js';
import type { Report } from './model.js';

/**
 * The version of the JSON report's shape, for scripts: raised when a key changes meaning or goes
 * away, not when one is added.
 */
export const JSON_FORMAT_VERSION = 1;

/**
 * One JSON object, the same for `ladder check --format json` and the Action's report file: the
 * format's version, the tool's version, a summary, the diagnostics (with `endLine`/`endColumn`
 * where the engine knows where the problem ends), and the ladder diff and the approvals when the
 * run has them (absent otherwise). Stable for scripts.
 */
export function formatJson({ version, files, diagnostics, diff, approvals }: Report): string {
  const { errors, warnings } = countBySeverity(diagnostics);
  return `${JSON.stringify({ formatVersion: JSON_FORMAT_VERSION, version, summary: { files, errors, warnings }, diagnostics, diff, approvals }, null, 2)}\n`;
}
