import type { Diagnostic } from '../core/diagnostic.js';

/** What every output format receives. Paths in diagnostics are already relative to the working directory. */
export interface Report {
  diagnostics: Diagnostic[];
  /** How many files were examined. */
  files: number;
  version: string;
}

/** The approvals a pull request has and needs, as the Action evaluates them (action/quorum.ts). */
export interface QuorumItem {
  /** What needs approving: a packet file or "the ladder". */
  subject: string;
  /** What it needs, in words. */
  needs: string;
  /** Approvals that count. */
  counted: string[];
  /** Approvals that do not count, and why. */
  ignored: Array<{ login: string; why: string }>;
  met: boolean;
  /** Why not met, in words, when not met. */
  missing: string | undefined;
}

export interface Quorum {
  items: QuorumItem[];
  met: boolean;
}
