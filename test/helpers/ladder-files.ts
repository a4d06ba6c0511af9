import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkLadder } from '../../src/check.js';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import type { SourceFile } from '../../src/core/source-file.js';

/** The repository root (/work/main in a checkout). */
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The example ladder shipped in ladder/. */
export const exampleDir = join(repoRoot, 'ladder');
/** Fixture ladders, one directory per rule. */
export const fixturesDir = join(repoRoot, 'test', 'fixtures');

function listFiles(root: string, rel: string, out: string[], packets = false): void {
  for (const name of readdirSync(join(root, rel)).sort()) {
    const path = rel ? `${rel}/${name}` : name;
    if (rel === '' && name === 'packets' && !packets) continue;
    if (statSync(join(root, path)).isDirectory()) listFiles(root, path, out, packets);
    else if (/\.(ya?ml|md)$/.test(name)) out.push(path);
  }
}

let cached: readonly SourceFile[] | undefined;

/** The example ladder (without packets/), read once; every call returns a fresh copy to mutate. */
export function exampleFiles(): SourceFile[] {
  if (!cached) {
    const paths: string[] = [];
    listFiles(exampleDir, '', paths);
    cached = Object.freeze(paths.map((path) => Object.freeze({ path, text: readFileSync(join(exampleDir, path), 'utf8') })));
  }
  return cached.map((f) => ({ ...f }));
}

/** A fixture ladder under test/fixtures/ (packets included), read afresh. */
export function fixtureFiles(name: string): SourceFile[] {
  const root = join(fixturesDir, name);
  const paths: string[] = [];
  listFiles(root, '', paths, true);
  return paths.map((path) => ({ path, text: readFileSync(join(root, path), 'utf8') }));
}

/** The text of one file of a ladder; throws when it is absent or unreadable (a broken test, not a broken ladder). */
export function textOf(files: readonly SourceFile[], path: string): string {
  const file = files.find((f) => f.path === path);
  if (!file) throw new Error(`test setup: no file ${path}`);
  if (!('text' in file)) throw new Error(`test setup: ${path} has no text`);
  return file.text;
}

/** A copy of `files` with `file` in place of the file of the same path (kept in its place), or added in path order. */
function put(files: readonly SourceFile[], file: SourceFile): SourceFile[] {
  const out = [...files];
  const at = out.findIndex((f) => f.path === file.path);
  if (at !== -1) out[at] = file;
  else {
    const after = out.findIndex((f) => f.path > file.path);
    out.splice(after === -1 ? out.length : after, 0, file);
  }
  return out;
}

/** A copy of `files` with `path` holding `text` (added when absent). */
export function withFile(files: readonly SourceFile[], path: string, text: string): SourceFile[] {
  return put(files, { path, text });
}

/** A copy of `files` with `path` replaced by an unreadable file, as readLadderDir reports one. */
export function withProblem(files: readonly SourceFile[], path: string, problem: string): SourceFile[] {
  return put(files, { path, problem });
}

/** A copy of `files` without `path`. */
export function without(files: readonly SourceFile[], ...paths: string[]): SourceFile[] {
  for (const path of paths) textOf(files, path);
  return files.filter((f) => !paths.includes(f.path));
}

/**
 * A copy of `files` where the text `from` in `path` becomes `to`. `from` must occur exactly once,
 * so that a test never edits a place it did not mean to.
 */
export function edit(files: readonly SourceFile[], path: string, from: string | RegExp, to: string): SourceFile[] {
  const text = textOf(files, path);
  if (typeof from === 'string') {
    const first = text.indexOf(from);
    if (first === -1) throw new Error(`test setup: ${JSON.stringify(from)} is not in ${path}`);
    if (text.indexOf(from, first + 1) !== -1) throw new Error(`test setup: ${JSON.stringify(from)} occurs more than once in ${path}`);
    return withFile(files, path, text.slice(0, first) + to + text.slice(first + from.length));
  }
  if (!from.test(text)) throw new Error(`test setup: ${String(from)} does not match ${path}`);
  return withFile(files, path, text.replace(from, to));
}

/** A copy of `files` with `path` moved to `to`. */
export function move(files: readonly SourceFile[], path: string, to: string): SourceFile[] {
  return withFile(without(files, path), to, textOf(files, path));
}

/** The 1-based line of the first occurrence of `needle` in a file, and the column where it starts. */
export function positionOf(files: readonly SourceFile[], path: string, needle: string, occurrence = 1): { line: number; column: number } {
  const text = textOf(files, path);
  let at = -1;
  for (let i = 0; i < occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at === -1) throw new Error(`test setup: ${JSON.stringify(needle)} (occurrence ${occurrence}) is not in ${path}`);
  }
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  return { line, column: at - (before.lastIndexOf('\n') + 1) + 1 };
}

/** Every diagnostic the engine reports for these files. */
export function diagnosticsOf(files: readonly SourceFile[]): Diagnostic[] {
  return checkLadder(files).diagnostics;
}

/** The diagnostics of one rule. */
export function diagnosticsOfRule(files: readonly SourceFile[], rule: string): Diagnostic[] {
  return diagnosticsOf(files).filter((d) => d.rule === rule);
}

/** Where a diagnostic points, for compact assertions: { rule, file, line, column }. */
export function where(d: Diagnostic): { rule: string; file: string; line: number; column: number } {
  return { rule: d.rule, file: d.file, line: d.line, column: d.column };
}

/** A copy of `files` whose ladder.yml sets `policy.rules` to `rules` (the example has `rules: {}`). */
export function withPolicy(files: readonly SourceFile[], rules: Record<string, string>): SourceFile[] {
  const entries = Object.entries(rules).map(([id, severity]) => `${id}: ${severity}`);
  return edit(files, 'ladder.yml', /^ {2}rules: \{\}$/m, `  rules: { ${entries.join(', ')} }`);
}

/** The rule ids of a list of diagnostics, sorted and without repeats. */
export function rulesOf(diagnostics: readonly Diagnostic[]): string[] {
  return [...new Set(diagnostics.map((d) => d.rule))].sort();
}

/** Writes a ladder's files under `dir` (created as needed); returns `dir`. */
export function writeLadder(dir: string, files: readonly SourceFile[]): string {
  for (const file of files) {
    if (!('text' in file)) throw new Error(`test setup: cannot write unreadable ${file.path}`);
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.text);
  }
  return dir;
}

/** The example ladder's section names, in file order: what every IC and every EM level holds. */
export const IC_SECTIONS = [
  'Technical craft',
  'System design',
  'Delivery',
  'Operational excellence',
  'Communication and collaboration',
  'Growing others',
  'Strategy and impact',
];
export const EM_SECTIONS = [
  'Technical craft',
  'Delivery',
  'Communication and collaboration',
  'Growing others',
  'People leadership',
  'Hiring and team design',
  'Strategy and impact',
];
