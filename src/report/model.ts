import type { Diagnostic } from '../core/diagnostic.js';
import type { LadderDiff } from '../core/diff.js';
import type { PacketSummary, ThreadCounts } from '../core/packet-summary.js';
import type { Waivers } from '../core/waivers.js';

/**
 * What one check found: the report model every format reads, the CLI's and the Action's alike.
 * Paths in diagnostics are already as the reader opens them (relative to the working directory
 * for the CLI, to the repository root for the Action).
 */
export interface Report {
  version: string;
  diagnostics: Diagnostic[];
  /** How many files were examined. */
  files: number;
  /** The semantic diff, when the ladder itself changed against a base (pull requests). */
  diff?: LadderDiff | undefined;
  /** The approvals, when they were evaluated (pull requests that require them). */
  approvals?: Quorum | undefined;
  /** What the ladder's policy left out (rules off, exceptions): text and Markdown list it under the summary. */
  waivers?: Waivers | undefined;
}

/** A report of one Action run: the check, and what the reader should know about the run itself. */
export interface RunReport extends Report {
  scope: 'pull request' | 'repository';
  /** Degraded modes and skipped parts, in words. */
  notices: string[];
  runUrl: string | undefined;
  /** The changed packets, for reviewers (pull requests). */
  packets?: PacketReview[] | undefined;
  /** The published ladder site (the Action's site-url input), for links to "what changes" pages. */
  siteUrl?: string | undefined;
}

/** One changed packet as the pull request's comment shows it: names, ids and counts only. */
export interface PacketReview {
  /** The packet's path from the repository root. */
  file: string;
  summary: PacketSummary;
  /** Review threads by competency, when they could be read. */
  threads?: ThreadCounts | undefined;
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
  /** Committee members whose latest review requests changes: the packet waits for their new review. */
  blockedBy?: string[] | undefined;
  /** Approvals of an earlier commit, not counted (policy.packets.approvalsOnHeadOnly). */
  stale?: string[] | undefined;
}

export interface Quorum {
  items: QuorumItem[];
  met: boolean;
}
