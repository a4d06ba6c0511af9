import { countBySeverity } from '../core/diagnostic.js';
import { plural, stripControl } from '../core/text.js';
import type { Report } from './model.js';
import { waiverLines } from './waivers.js';

/** The warnings found (shown or not: --quiet hides them) and the most `--max-warnings` allows. */
export interface TooManyWarnings {
  warnings: number;
  max: number;
}

/**
 * eslint-style: problems grouped under their file, then one summary line, which says so when
 * there are more warnings than `ladder check --max-warnings` allows.
 */
export function formatText({ diagnostics, files, waivers }: Report, color: boolean, tooMany?: TooManyWarnings): string {
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
  const line = tooMany ? `${summary}; too many warnings (${tooMany.warnings}, --max-warnings ${tooMany.max})` : summary;
  out.push(errors > 0 || tooMany ? paint(31, line) : warnings > 0 ? paint(33, line) : paint(32, line));
  // "No problems" with rules off or waived is not the same as no problems: say what was left out.
  for (const line of waivers ? waiverLines(waivers) : []) out.push(`  ${paint(2, 'ℹ')} ${oneLine(line)}`);
  return `${out.join('\n')}\n`;
}

/** Messages quote file content; keep each diagnostic on one line and free of terminal escapes. */
export function oneLine(message: string): string {
  return stripControl(message);
}
