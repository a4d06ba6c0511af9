import type { Diagnostic } from '../core/diagnostic.js';
import { ruleById } from '../rules/index.js';

/** GitHub shows at most this many error and this many warning annotations per step. */
export const ANNOTATION_LIMIT = 10;

const GROUP_ORDER: Record<string, number> = { parity: 0, packet: 1, ladder: 2, input: 3 };

/** Parity first (the promise the tool exists for), then packets, the ladder, and input problems. */
function importance(d: Diagnostic): number {
  return GROUP_ORDER[ruleById.get(d.rule)?.group ?? 'input'] ?? 4;
}

export interface AnnotationPlan {
  errors: Diagnostic[];
  warnings: Diagnostic[];
  /** How many were left out for the limit (they are in the summary and comment). */
  hiddenErrors: number;
  hiddenWarnings: number;
}

/** The diagnostics worth a line annotation, most important first, within GitHub's limits. Pure. */
export function planAnnotations(diagnostics: readonly Diagnostic[], limit = ANNOTATION_LIMIT): AnnotationPlan {
  const pick = (severity: Diagnostic['severity']) => diagnostics.filter((d) => d.severity === severity).sort((a, b) => importance(a) - importance(b));
  const errors = pick('error');
  const warnings = pick('warning');
  return {
    errors: errors.slice(0, limit),
    warnings: warnings.slice(0, limit),
    hiddenErrors: Math.max(0, errors.length - limit),
    hiddenWarnings: Math.max(0, warnings.length - limit),
  };
}
