import type { Diagnostic } from './diagnostic.js';
import { scopeOf } from './kinds/index.js';

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
 * elsewhere), but never diagnostics of items nobody touched. (Rules about several packets, like
 * packet-one-per-cycle, report on each of them, so the changed one always carries its diagnostic.)
 */
export function selectChanged(diagnostics: readonly Diagnostic[], changed: readonly string[]): Diagnostic[] {
  const files = new Set(changed);
  const ladderChanged = changesLadder(changed);
  return diagnostics.filter((d) => files.has(d.file) || (ladderChanged && !isItemPath(d.file)));
}
