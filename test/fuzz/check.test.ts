import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { checkLadder } from '../../src/check.js';
import { readLadderDir } from '../../src/node/read-ladder-dir.js';
import { renderSite } from '../../src/render/index.js';
import { exampleDir } from '../helpers/ladder-files.js';
import { runCli } from '../helpers/packet-files.js';
import { applyMutation, mutations, type Tree } from './mutations.js';

/**
 * Property: whatever is done to the example ladder's files, `ladder check` ends with exit 0 or 1,
 * prints no stack trace, gives every diagnostic a rule, file, line and column, and prints the
 * same on a second run; a ladder that still checks clean renders without throwing.
 *
 * Bounded in time for the suite (FUZZ_SECONDS, default 4); `npm run fuzz` runs it for minutes.
 * A failure prints fast-check's seed and path: FUZZ_SEED and FUZZ_PATH replay it.
 */
const seconds = Number(process.env.FUZZ_SECONDS) || 4;

function readTree(root: string, rel = '', out: Tree = new Map()): Tree {
  for (const name of readdirSync(join(root, rel)).sort()) {
    const path = rel ? `${rel}/${name}` : name;
    if (statSync(join(root, path)).isDirectory()) readTree(root, path, out);
    else out.set(path, readFileSync(join(root, path)));
  }
  return out;
}

const example = readTree(exampleDir);
const scratch = mkdtempSync(join(tmpdir(), 'ladder-fuzz-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let runs = 0;

function writeTree(tree: Tree): string {
  const dir = join(scratch, String(runs++), 'ladder');
  for (const [path, bytes] of tree) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), bytes);
  }
  return dir;
}

interface JsonDiagnostic {
  rule: unknown;
  severity: unknown;
  file: unknown;
  line: unknown;
  column: unknown;
  message: unknown;
}

const STACK = /\n\s+at .+[:(]\d+|internal error|a bug in ladder-as-code/;

describe('ladder check on mutated copies of the example ladder', () => {
  test(
    `never crashes, always points at a place, and is deterministic (${seconds} s)`,
    async () => {
      const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
      const path = process.env.FUZZ_PATH;
      await fc.assert(
        fc.asyncProperty(mutations, async (list) => {
          const tree = list.reduce(applyMutation, example);
          const dir = writeTree(tree);
          const cwd = dirname(dir);
          try {
            const first = await runCli(['check', 'ladder', '--format', 'json'], cwd);
            expect([0, 1]).toContain(first.code);
            expect(first.stderr).toBe('');
            expect(first.stdout).not.toMatch(STACK);
            const report = JSON.parse(first.stdout) as { diagnostics: JsonDiagnostic[] };
            for (const d of report.diagnostics) {
              expect(typeof d.rule).toBe('string');
              expect(['error', 'warning']).toContain(d.severity);
              expect(typeof d.file === 'string' && d.file.startsWith('ladder/')).toBe(true);
              expect(Number.isInteger(d.line) && (d.line as number) >= 1).toBe(true);
              expect(Number.isInteger(d.column) && (d.column as number) >= 1).toBe(true);
              expect(typeof d.message === 'string' && d.message.length > 0).toBe(true);
            }
            expect(first.code).toBe(report.diagnostics.some((d) => d.severity === 'error') ? 1 : 0);

            const second = await runCli(['check', 'ladder', '--format', 'json'], cwd);
            expect(second).toEqual(first);
            const text = await runCli(['check', 'ladder'], cwd);
            expect(text.code).toBe(first.code);
            expect(text.stdout).not.toMatch(STACK);

            if (first.code === 0) {
              const { ladder } = checkLadder(readLadderDir(dir, { personal: false }));
              expect(() => renderSite(ladder)).not.toThrow();
            }
          } finally {
            rmSync(dirname(dir), { recursive: true, force: true });
          }
        }),
        {
          interruptAfterTimeLimit: seconds * 1000,
          numRuns: Number.MAX_SAFE_INTEGER,
          ...(seed === undefined ? {} : { seed }),
          ...(path === undefined ? {} : { path }),
        },
      );
      // The time limit, not a run count, ends the search: make sure it did real work.
      if (process.env.FUZZ_VERBOSE) console.log(`fuzz runs: ${runs}`);
      expect(runs).toBeGreaterThan(5);
    },
    (seconds + 60) * 1000,
  );
});
