export { EM_SECTIONS, IC_SECTIONS } from '../helpers/ladder-files.js';

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkLadder } from '../../src/check.js';
import { diffLadders, type LadderDiff } from '../../src/core/diff.js';
import type { Ladder } from '../../src/core/model.js';
import type { SourceFile } from '../../src/core/source-file.js';

/** The repository root. */
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The example ladder, packets included. */
export const exampleDir = join(repoRoot, 'ladder');

function list(root: string, rel: string, out: string[]): void {
  for (const name of readdirSync(join(root, rel)).sort()) {
    const path = rel ? `${rel}/${name}` : name;
    if (statSync(join(root, path)).isDirectory()) list(root, path, out);
    else if (/\.(ya?ml|md)$/.test(name)) out.push(path);
  }
}

let cached: ReadonlyArray<{ path: string; text: string }> | undefined;

/** Every file of the example ladder (packets too), a fresh copy each call. */
export function ladderFiles(): Array<{ path: string; text: string }> {
  if (!cached) {
    const paths: string[] = [];
    list(exampleDir, '', paths);
    cached = paths.map((path) => ({ path, text: readFileSync(join(exampleDir, path), 'utf8') }));
  }
  return cached.map((f) => ({ ...f }));
}

export function textOf(files: readonly SourceFile[], path: string): string {
  const file = files.find((f) => f.path === path);
  if (!file || !('text' in file)) throw new Error(`test setup: no readable ${path}`);
  return file.text;
}

/** A copy of `files` with `path` holding `text` (added when absent). */
export function withFile(files: readonly SourceFile[], path: string, text: string): SourceFile[] {
  return [...files.filter((f) => f.path !== path), { path, text }];
}

export function without(files: readonly SourceFile[], path: string): SourceFile[] {
  textOf(files, path);
  return files.filter((f) => f.path !== path);
}

/** Replaces `from` (which must occur exactly once) by `to` in one file. */
export function edit(files: readonly SourceFile[], path: string, from: string, to: string): SourceFile[] {
  const text = textOf(files, path);
  const at = text.indexOf(from);
  if (at === -1) throw new Error(`test setup: ${JSON.stringify(from)} is not in ${path}`);
  if (text.indexOf(from, at + 1) !== -1) throw new Error(`test setup: ${JSON.stringify(from)} occurs more than once in ${path}`);
  return withFile(files, path, text.slice(0, at) + to + text.slice(at + from.length));
}

/** Replaces every occurrence of `from` in every level file. */
export function editLevels(files: readonly SourceFile[], from: string, to: string): SourceFile[] {
  return files.map((f) => (f.path.startsWith('levels/') && 'text' in f ? { path: f.path, text: f.text.split(from).join(to) } : f));
}

export function ladderOf(files: readonly SourceFile[]): Ladder {
  return checkLadder(files).ladder;
}

/** The diff from the example ladder to the example ladder changed by `change`. */
export function diffAfter(change: (files: SourceFile[]) => SourceFile[]): LadderDiff {
  const files = ladderFiles();
  return diffLadders(ladderOf(files), ladderOf(change(files)));
}

/** A level file with the example's competencies of its track, each with one bullet. */
export function levelFile(front: { id: string; track: string; title: string; band: string }, sections: string[]): string {
  return [
    '---',
    `id: ${front.id}`,
    `track: ${front.track}`,
    `title: ${front.title}`,
    `band: ${front.band}`,
    'summary: A level made up for a test.',
    '---',
    '',
    ...sections.flatMap((name) => [`## ${name}`, '', `- Does ${name.toLowerCase()} at this level.`, '']),
  ].join('\n');
}
