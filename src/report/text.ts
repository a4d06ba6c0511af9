import { countBySeverity } from '../core/diagnostic.js';
import { plural, stripControl } from '../core/text.js';
import type { Report } from './model.js';
import { waiverLines } from './waivers.js';

/** eslint-style: problems grouped under their file, then one summary line. */
export function formatText({ diagnostics, files, waivers }: Report, color: boolean): string {
  const paint = (code: number, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const out: string[] = [];
  let current: string | undefined;
  for (const d of diagnostics) {
    if (d.file !== current) {
      if (current !== undefined) out.push('');
      out.push(paint(4, d.file));
      current = d.file;
    }
    const where = `${d.line}:${d.column}`.padEnd(7);
    const severity = d.severity === 'error' ? paint(31, 'error  ') : paint(33, 'warning');
    out.push(`  ${where} ${severity}  ${oneLine(d.message)}  ${paint(2, d.rule)}`);
  }
  const { errors, warnings } = countBySeverity(diagnostics);
  if (out.length > 0) out.push('');
  const summary =
    diagnostics.length === 0
      ? `✔ ${plural(files, 'file')} checked, no problems`
      : `✖ ${plural(diagnostics.length, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}) in ${plural(files, 'file')} checked`;
  out.push(errors > 0 ? paint(31, summary) : warnings > 0 ? paint(33, summary) : paint(32, summary));
  // "No problems" with rules off or waived is not the same as no problems: say what was left out.
  for (const line of waivers ? waiverLines(waivers) : []) out.push(`  ${paint(2, 'ℹ')} ${oneLine(line)}`);
  return `${out.join('\n')}\n`;
}

/** Messages quote file content; keep each diagnostic on one line and free of terminal escapes. */
export function oneLine(message: string): string {
  return stripControl(message);
}
