import type { FileChange, History, HistoryEntry, HistoryFile } from '../core/history.js';
import { PERSONAL_ROOTS } from '../core/kinds/index.js';
import { GitError, gitAsync } from './git-runner.js';

/** Commits listed at most; the changelog says when older ones are left out. */
export const HISTORY_LIMIT = 500;

const CHANGES: Record<string, FileChange> = { A: 'added', M: 'modified', D: 'deleted', R: 'renamed', C: 'copied' };

/**
 * The git history of a ladder directory, for the site's changelog. Runs `git log` limited to the
 * directory with packets/ excluded by pathspec, so no packet path or content is ever read; commits
 * that touched packets/ as well keep their place but lose their message (it may name a candidate).
 * Without blocking, both commands at once: `ladder render` starts it first, and loads the renderer
 * and checks the ladder while git walks the history. Never rejects: outside a git repository, or
 * without git, the history is unavailable with a reason.
 */
export async function readGitHistory(dir: string, options: { limit?: number } = {}): Promise<History> {
  const limit = options.limit ?? HISTORY_LIMIT;
  const [logArgs, packetArgs] = commands(limit);
  const [log, packets] = await Promise.allSettled([gitAsync(dir, logArgs, OPTIONS), gitAsync(dir, packetArgs, OPTIONS)]);
  // The first command's failure first.
  if (log.status === 'rejected') return { available: false, reason: reasonOf(log.reason) };
  if (packets.status === 'rejected') return { available: false, reason: reasonOf(packets.reason) };
  return historyOf(log.value.toString('utf8'), packets.value.toString('utf8'), limit);
}

/** `git log` limited to the directory with packets/ excluded by pathspec; then the commits that touched packets/. */
function commands(limit: number): [string[], string[]] {
  return [
    [
      'log',
      '--no-merges',
      '-z',
      `--max-count=${limit + 1}`,
      '--format=%x1e%H%x1f%cI%x1f%s',
      '--name-status',
      '--no-ext-diff',
      '--no-textconv',
      '--relative',
      '--',
      '.',
      ...PERSONAL_ROOTS.map((root) => `:(exclude)${root}`),
    ],
    ['log', '--no-merges', '--format=%H', '--', ...PERSONAL_ROOTS],
  ];
}

function historyOf(log: string, packets: string, limit: number): History {
  const withPackets = new Set(packets.split('\n').filter(Boolean));
  const entries = parseLog(log).map((e) => (withPackets.has(e.commit) ? { ...e, subject: undefined } : e));
  return { available: true, entries: entries.slice(0, limit), truncated: entries.length > limit };
}

/** The commit lists can be long (every commit that touched packets/): more room than the default. */
const LOG_MAX_BUFFER = 256 * 1024 * 1024;

const OPTIONS = { maxBuffer: LOG_MAX_BUFFER };

function reasonOf(error: unknown): string {
  return error instanceof GitError ? error.reason : String(error);
}

/** Parses `git log -z --format=%x1e%H%x1f%cI%x1f%s --name-status`. */
export function parseLog(output: string): HistoryEntry[] {
  const entries: HistoryEntry[] = [];
  for (const record of output.split('\x1e')) {
    if (!record) continue;
    const headerEnd = record.indexOf('\0');
    const header = headerEnd === -1 ? record : record.slice(0, headerEnd);
    const [commit = '', date = '', subject = ''] = header.split('\x1f');
    if (!/^[0-9a-f]{7,64}$/.test(commit)) continue;
    const files: HistoryFile[] = [];
    const tokens =
      headerEnd === -1
        ? []
        : record
            .slice(headerEnd + 1)
            .replace(/^\n/, '')
            .split('\0');
    for (let i = 0; i < tokens.length; i++) {
      const status = tokens[i]?.trim();
      if (!status) continue;
      const change = CHANGES[status[0] as string] ?? 'changed';
      if (change === 'renamed' || change === 'copied') {
        const from = tokens[++i];
        const path = tokens[++i];
        if (path !== undefined && from !== undefined) files.push({ change, path, from });
      } else {
        const path = tokens[++i];
        if (path !== undefined) files.push({ change, path });
      }
    }
    entries.push({ commit, date, subject, files });
  }
  return entries;
}
