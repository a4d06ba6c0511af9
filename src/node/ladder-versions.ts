import { realpathSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { diffLadders } from '../core/diff.js';
import type { LadderVersion, VersionHistory } from '../core/history.js';
import type { Ladder } from '../core/model.js';
import type { SourceFile } from '../core/source-file.js';
import { GitError, readLadderAtRef, repoTop } from './git.js';
import { git } from './git-runner.js';

/** Versions the changelog shows at most, newest first (each one diff, two ladders read from git). */
export const VERSION_LIMIT = 20;
/** Commits of ladder.yml looked at to find where its `version:` changed. */
const COMMIT_LIMIT = 1000;

/**
 * The ladder's versions from its git history, each with what changed for people since the one
 * before: the commits where ladder.yml's `version:` changed, and between consecutive ones the
 * semantic diff of src/core/diff.ts (levels, expectations, competencies, parity, migrations).
 * Ladders are read at those commits with packets/ skipped: no packet is read, and the diffs
 * carry no packet impact. `load` builds a model from files (checkLadder's, which this layer may
 * not import). Never throws: outside git, the history is unavailable with a reason.
 */
export function readLadderVersions(dir: string, load: (files: SourceFile[]) => Ladder, options: { limit?: number } = {}): VersionHistory {
  const limit = options.limit ?? VERSION_LIMIT;
  try {
    const top = repoTop(dir);
    const rel = relative(realpathSync(top), realpathSync(dir)).split(sep).join('/');
    const file = rel ? `${rel}/ladder.yml` : 'ladder.yml';
    const log = git(top, ['log', `--max-count=${COMMIT_LIMIT}`, '--format=%H%x1f%cI', '--', file]).toString('utf8');
    const commits = log
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [commit = '', date = ''] = line.split('\x1f');
        return { commit, date };
      })
      .reverse();
    if (commits.length === 0) return { available: true, versions: [], truncated: false };
    const texts = blobs(
      top,
      commits.map((c) => `${c.commit}:${file}`),
    );
    // Where each version begins: the first commit (oldest first) whose ladder.yml says it.
    const starts: Array<{ version: string; commit: string; date: string }> = [];
    commits.forEach((c, i) => {
      const version = versionOf(texts[i]);
      if (version !== undefined && version !== starts[starts.length - 1]?.version) starts.push({ version, ...c });
    });
    const shown = starts.slice(-limit);
    const ladders = new Map<string, Ladder>();
    const ladderAt = (commit: string): Ladder => {
      let ladder = ladders.get(commit);
      if (!ladder) {
        ladder = load(readLadderAtRef(top, commit, rel, { personal: false }));
        ladders.set(commit, ladder);
      }
      return ladder;
    };
    const versions: LadderVersion[] = shown.map((v, i) => {
      const before = starts[starts.length - shown.length + i - 1];
      if (!before) return { ...v, previous: undefined, diff: undefined };
      const diff = diffLadders(ladderAt(before.commit), ladderAt(v.commit));
      return { ...v, previous: before.version, diff: { ...diff, packets: [] } };
    });
    return { available: true, versions: versions.reverse(), truncated: starts.length > shown.length };
  } catch (error) {
    return { available: false, reason: error instanceof GitError ? error.reason : String(error) };
  }
}

/** `version:` at the top level of ladder.yml, read as a line (a ladder.yml that does not parse still has one). */
export function versionOf(text: string | undefined): string | undefined {
  const m = /^version:[ \t]*(["']?)([^"'\s#]+)\1[ \t]*(?:#.*)?$/m.exec(text ?? '');
  return m?.[2];
}

/** The contents of these blobs (`<commit>:<path>`), undefined where missing, from one `git cat-file --batch`. */
function blobs(top: string, names: readonly string[]): Array<string | undefined> {
  const out = git(top, ['cat-file', '--batch'], { input: `${names.join('\n')}\n`, maxBuffer: 512 * 1024 * 1024 });
  const result: Array<string | undefined> = [];
  let offset = 0;
  for (let i = 0; i < names.length; i++) {
    const nl = out.indexOf(0x0a, offset);
    if (nl === -1) break;
    const header = out.subarray(offset, nl).toString('utf8').split(' ');
    if (header[1] !== 'blob' || header.length < 3) {
      result.push(undefined);
      offset = nl + 1;
      continue;
    }
    const size = Number(header[2]);
    result.push(out.subarray(nl + 1, nl + 1 + size).toString('utf8'));
    offset = nl + 1 + size + 1;
  }
  return result;
}
