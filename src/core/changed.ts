import type { Diagnostic } from './diagnostic.js';
import { classify } from './source-file.js';

/** Whether a ladder-relative path is a packet (checked alone) rather than part of the ladder itself. */
export function isPacketPath(path: string): boolean {
  return path.split('/')[0] === 'packets';
}

/**
 * Keeps the diagnostics a change is answerable for: those in the changed files, and, when a file
 * of the ladder itself changed, every diagnostic of the ladder (a level edit can break parity
 * elsewhere), but never diagnostics of packets nobody touched. (Rules about several packets, like
 * packet-one-per-cycle, report on each of them, so the changed one always carries its diagnostic.)
 */
export function selectChanged(diagnostics: readonly Diagnostic[], changed: readonly string[]): Diagnostic[] {
  const files = new Set(changed);
  const ladderChanged = changed.some((p) => !isPacketPath(p) && classify(p).kind !== 'other');
  return diagnostics.filter((d) => files.has(d.file) || (ladderChanged && !isPacketPath(d.file)));
}
