import type { Diagnostic } from './diagnostic.js';
import { classify, scopeOf } from './kinds/index.js';

/** Whether a ladder-relative path is an item checked alone (a packet) rather than part of the ladder itself. */
export function isItemPath(path: string): boolean {
  return scopeOf(path) === 'item';
}

/** Whether any of the changed paths is a file of the ladder itself (a change that can break any file). */
export function changesLadder(changed: readonly string[]): boolean {
  return changed.some((p) => scopeOf(p) === 'ladder');
}

/**
 * Keeps the diagnostics a change is answerable for: those in the changed files, and, when a file
 * of the ladder itself changed, every diagnostic of the ladder (a level edit can break parity
 * elsewhere) and of the packets it re-checks (`rechecked`, see recheckOf), but never diagnostics
 * of other items nobody touched. (Rules about several packets, like
 * packet-one-per-cycle, report on each of them, so the changed one always carries its diagnostic.)
 */
export function selectChanged(diagnostics: readonly Diagnostic[], changed: readonly string[], rechecked: readonly string[] = []): Diagnostic[] {
  const files = new Set(changed);
  const again = new Set(rechecked);
  const ladderChanged = changesLadder(changed);
  return diagnostics.filter((d) => files.has(d.file) || (ladderChanged && !isItemPath(d.file)) || (again.has(d.file) && !NOT_BROKEN_BY_THE_LADDER.has(d.rule)));
}

/**
 * Findings of a re-checked packet that the ladder's change does not answer for: that a packet was
 * written against an older version is what every version bump makes so, and its author's to
 * update when they next touch it (the full check still says it).
 */
const NOT_BROKEN_BY_THE_LADDER: ReadonlySet<string> = new Set(['packet-ladder-version']);

/**
 * Which packets a change of the ladder's own files re-checks: every pending packet when ladder.yml
 * or competencies.yml changed (policy, bands, competencies: anything a packet is judged by), and
 * the pending packets that start from or target a changed level otherwise. A decided packet is a
 * record of what the committee decided under the ladder of its day: a later change does not reopen it.
 */
export interface Recheck {
  all: boolean;
  /** Ids of the changed levels (their file names: levels/<track>/<id>.md). */
  levels: ReadonlySet<string>;
}

/** What the changed paths re-check among packets; undefined when no file of the ladder itself changed. */
export function recheckOf(changed: readonly string[]): Recheck | undefined {
  let all = false;
  const levels = new Set<string>();
  let any = false;
  for (const path of changed) {
    const found = classify(path);
    if (!found || !('match' in found) || found.kind.scope !== 'ladder') continue;
    any = true;
    if (found.kind.id === 'level') levels.add((path.split('/').pop() ?? '').replace(/\.md$/, ''));
    else all = true;
  }
  return any ? { all, levels } : undefined;
}

/** Whether a packet (its levels, and whether it is decided) is re-checked by a change of the ladder. */
export function isRechecked(recheck: Recheck, packet: { from?: string | undefined; to?: string | undefined; decided?: boolean | undefined }): boolean {
  if (packet.decided) return false;
  return recheck.all || recheck.levels.has(packet.from ?? '') || recheck.levels.has(packet.to ?? '');
}
