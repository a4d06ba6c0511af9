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
