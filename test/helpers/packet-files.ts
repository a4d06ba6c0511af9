import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import type { SourceFile } from '../../src/core/source-file.js';
import { diagnosticsOf, edit, exampleDir, exampleFiles, textOf, withFile } from './ladder-files.js';

/** The example packets, one per move of the dual-track ladder (paths relative to the ladder). */
export const PROMOTION = 'packets/2026-h2/jo-rivera-promotion.md'; // E4 → E5
export const SWITCH_TO_EM = 'packets/2026-h2/priya-natarajan-track-switch.md'; // E5 → M2
export const SWITCH_TO_IC = 'packets/2026-h2/marcus-bell-track-switch.md'; // M1 → E4
export const GRADUATION = 'packets/2026-h2/lena-fischer-graduation.md'; // E4 → M1, 20 stakeholders
export const EXAMPLE_PACKETS = [PROMOTION, SWITCH_TO_EM, SWITCH_TO_IC, GRADUATION] as const;

let cached: readonly SourceFile[] | undefined;

/** The example ladder with its packets (ladder/packets/<cycle>/*.md), read once; a fresh copy per call. */
export function examplePacketFiles(): SourceFile[] {
  if (!cached) {
    let files: SourceFile[] = exampleFiles();
    const root = join(exampleDir, 'packets');
    for (const cycle of readdirSync(root).sort()) {
      for (const name of readdirSync(join(root, cycle)).sort()) {
        if (name.endsWith('.md')) files = withFile(files, `packets/${cycle}/${name}`, readFileSync(join(root, cycle, name), 'utf8'));
      }
    }
    cached = Object.freeze(files.map((f) => Object.freeze({ ...f })));
  }
  return cached.map((f) => ({ ...f }));
}

/** A copy of `files` whose ladder.yml sets `policy.rules` to these severities. */
export function withRules(files: readonly SourceFile[], rules: Record<string, 'error' | 'warning' | 'off'>): SourceFile[] {
  const flow = Object.entries(rules)
    .map(([id, severity]) => `${id}: ${severity}`)
    .join(', ');
  return edit(files, 'ladder.yml', '  rules: {}', `  rules: { ${flow} }`);
}

/** The diagnostics in one file. */
export function diagnosticsIn(files: readonly SourceFile[], file: string): Diagnostic[] {
  return diagnosticsOf(files).filter((d) => d.file === file);
}

/** `count` feedback entries in the examples' flow style, with handles person-1, person-2… */
export function feedbackEntries(count: number, relationship = 'stakeholder', prefix = 'person'): string {
  return Array.from({ length: count }, (_, i) => `  - { handle: ${prefix}-${i + 1}, relationship: ${relationship}, supports: true }\n`).join('');
}

/** A copy of `files` where the packet at `path` lists exactly these feedback lines instead of its own. */
export function withFeedback(files: readonly SourceFile[], path: string, lines: string): SourceFile[] {
  const text = textOf(files, path);
  const replaced = text.replace(/^feedback:\n(?: {2}- .*\n)+/m, `feedback:\n${lines}`);
  if (replaced === text) throw new Error(`test setup: no block feedback list in ${path}`);
  return withFile(files, path, replaced);
}

/** A temporary copy of the example ladder (with its packets) at <root>/ladder; remove it with cleanup(). */
export function tempLadder(prefix = 'ladder-packets-'): { root: string; dir: string; cleanup: () => void } {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const dir = join(root, 'ladder');
  cpSync(exampleDir, dir, { recursive: true });
  return { root, dir, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process, as `ladder ...argv` typed in `cwd`. */
export async function runCli(argv: string[], cwd: string, stdin?: string): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    cwd,
    color: false,
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    ...(stdin === undefined ? {} : { stdin: () => stdin }),
  });
  return { code, stdout, stderr };
}

export interface JsonReport {
  summary: { files: number; errors: number; warnings: number };
  diagnostics: Diagnostic[];
}

/** `ladder check --format json ...args` in `cwd`, parsed. */
export async function checkJson(args: string[], cwd: string, stdin?: string): Promise<{ code: number; report: JsonReport; stderr: string }> {
  const split = args.indexOf('--changed');
  const argv = split === -1 ? ['check', '--format', 'json', ...args] : ['check', ...args.slice(0, split), '--format', 'json', ...args.slice(split)];
  const { code, stdout, stderr } = await runCli(argv, cwd, stdin);
  return { code, report: JSON.parse(stdout) as JsonReport, stderr };
}
