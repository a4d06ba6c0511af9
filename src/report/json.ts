import { countBySeverity } from '../core/diagnostic.js';
import type { Report } from './model.js';

/** One JSON object: the diagnostics and a summary. Stable for scripts. */
export function formatJson({ diagnostics, files, version }: Report): string {
  const { errors, warnings } = countBySeverity(diagnostics);
  return `${JSON.stringify({ version, summary: { files, errors, warnings }, diagnostics }, null, 2)}\n`;
}
