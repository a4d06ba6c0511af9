import type { Diagnostic } from '../../core/diagnostic.js';

/** What every output format receives. Paths in diagnostics are already relative to the working directory. */
export interface Report {
  diagnostics: Diagnostic[];
  /** How many files were examined. */
  files: number;
  version: string;
}
