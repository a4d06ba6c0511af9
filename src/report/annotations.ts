import type { Diagnostic } from '../core/diagnostic.js';
import { ruleById } from '../rules/index.js';

/** GitHub shows at most this many error and this many warning annotations per step. */
export const ANNOTATION_LIMIT = 10;

const GROUP_ORDER: Record<string, number> = { parity: 0, packet: 1, ladder: 2, input: 3 };

/** Parity first (the promise the tool exists for), then packets, the ladder, and input problems. */
function importance(d: Diagnostic): number {
  return GROUP_ORDER[ruleById.get(d.rule)?.group ?? 'input'] ?? 4;
}

/**
 * One annotation as GitHub's workflow commands take it (`::error file=…,line=…,col=…::message`).
 * Places are 1-based; a field left out is not sent (a notice about the run has no place).
 */
export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  message: string;
  title?: string;
  file?: string;
  line?: number;
  col?: number;
  endLine?: number;
  endColumn?: number;
}

/**
 * The annotations of a run, within GitHub's limits: the most important errors, then warnings, each
 * on its file, line and column and titled with its rule, and a notice counting those left out
 * (the summary and the comment list them all). Pure: the Action only sends them.
 */
export function planAnnotations(diagnostics: readonly Diagnostic[], limit = ANNOTATION_LIMIT): Annotation[] {
  const pick = (severity: Diagnostic['severity']) => diagnostics.filter((d) => d.severity === severity).sort((a, b) => importance(a) - importance(b));
  const errors = pick('error');
  const warnings = pick('warning');
  const shown = [...errors.slice(0, limit), ...warnings.slice(0, limit)];
  const plan: Annotation[] = shown.map((d) => ({ level: d.severity, message: d.message, title: d.rule, file: d.file, line: d.line, col: d.column, ...end(d) }));
  const hiddenErrors = Math.max(0, errors.length - limit);
  const hiddenWarnings = Math.max(0, warnings.length - limit);
  if (hiddenErrors + hiddenWarnings > 0) {
    plan.push({
      level: 'notice',
      message: `${hiddenErrors} more errors and ${hiddenWarnings} more warnings are not annotated (GitHub shows ${limit} of each); the job summary lists them all.`,
    });
  }
  return plan;
}

/** Where the problem ends, when the engine knows: GitHub takes an end column only on a one-line annotation. */
function end(d: Diagnostic): Pick<Annotation, 'endLine' | 'endColumn'> {
  if (d.endLine === undefined) return {};
  return d.endLine === d.line && d.endColumn !== undefined ? { endLine: d.endLine, endColumn: d.endColumn } : { endLine: d.endLine };
}
