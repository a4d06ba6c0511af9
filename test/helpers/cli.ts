import { main } from '../../src/cli/main.js';

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process, as `ladder <argv>` started in `cwd`, and collects what it prints; `color` is what the shell decided (default: no colour). */
export async function runCli(argv: string[], cwd: string, { color = false }: { color?: boolean } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const status = await main(argv, {
    cwd,
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    color,
  });
  return { status, stdout, stderr };
}

/** The shape `ladder check --format json` prints. */
export interface JsonReport {
  formatVersion: number;
  version: string;
  summary: { files: number; errors: number; warnings: number };
  diagnostics: Array<{ rule: string; severity: string; message: string; file: string; line: number; column: number; endLine?: number; endColumn?: number }>;
}
