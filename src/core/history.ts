import type { LadderDiff } from './diff.js';

/**
 * The ladder's git history, as data for the changelog page. src/node/git-history.ts reads it; the
 * renderer only formats it.
 */

export type FileChange = 'added' | 'modified' | 'deleted' | 'renamed' | 'copied' | 'changed';

export interface HistoryFile {
  change: FileChange;
  /** Path relative to the ladder directory, forward slashes. */
  path: string;
  /** The path before a rename or copy. */
  from?: string;
}

export interface HistoryEntry {
  /** Full commit hash. */
  commit: string;
  /** Commit date, ISO 8601 with offset. */
  date: string;
  /**
   * The commit's subject line; undefined when the commit also touched packets/, whose messages may
   * name a candidate: the site then says the message is withheld.
   */
  subject: string | undefined;
  files: HistoryFile[];
}

export type History = { available: true; entries: HistoryEntry[]; truncated: boolean } | { available: false; reason: string };

/** What changed for people between one version of the ladder and the one before (ladder.yml `version:`). */
export interface LadderVersion {
  version: string;
  /** The commit where ladder.yml first says this version, and its date (ISO 8601). */
  commit: string;
  date: string;
  /** The version it is compared with; undefined for the first version in the history. */
  previous: string | undefined;
  /** The semantic diff from the previous version (src/core/diff.ts), packets left out; undefined for the first. */
  diff: LadderDiff | undefined;
}

export type VersionHistory = { available: true; versions: LadderVersion[]; truncated: boolean } | { available: false; reason: string };
