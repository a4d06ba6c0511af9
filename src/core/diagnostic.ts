/** How bad a finding is. `off` only exists in policy; a reported diagnostic is never `off`. */
export type Severity = 'error' | 'warning';
export type SeveritySetting = Severity | 'off';

/** A place in a file, 1-based like every editor shows it. */
export interface Position {
  line: number;
  column: number;
}

/**
 * A position that may know where the thing it points at ends: a YAML scalar or key, a Markdown
 * heading. The end is 1-based, its column exclusive (the column after the last character), as
 * ESLint and SARIF count; absent where the engine does not know it (a whole file, a mapping).
 */
export interface Span extends Position {
  endLine?: number;
  endColumn?: number;
}

/** A finding before policy gives it a severity. */
export interface Finding extends Span {
  rule: string;
  message: string;
  file: string;
}

/** A finding, always pointing at a file, line and column (and, where known, where the problem ends). */
export interface Diagnostic extends Span {
  rule: string;
  severity: Severity;
  message: string;
  /** Path relative to the ladder directory, with forward slashes. */
  file: string;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const d of diagnostics) if (d.severity === 'error') errors++;
  return { errors, warnings: diagnostics.length - errors };
}
