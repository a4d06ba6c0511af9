import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from '@jest/globals';
import { appendSummary, setOutputs } from '../../src/action/workflow.js';

/* The file commands a run with nothing to check sends without @actions/core, as the runner reads them. */

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ladder-workflow-'));
  dirs.push(dir);
  return dir;
}

/** GITHUB_OUTPUT as the runner parses it: `name<<delimiter`, the value's lines, the delimiter alone on a line. */
function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i] as string);
    if (!m) continue;
    const end = lines.indexOf(m[2] as string, i + 1);
    out[m[1] as string] = lines.slice(i + 1, end).join('\n');
    i = end;
  }
  return out;
}

describe('setOutputs', () => {
  test('writes each output as a block the runner reads back exactly', () => {
    const file = join(scratch(), 'output.txt');
    writeFileSync(file, '');
    setOutputs({ GITHUB_OUTPUT: file }, { errors: '0', report: '', verdict: 'none' });
    expect(parseOutputs(readFileSync(file, 'utf8'))).toEqual({ errors: '0', report: '', verdict: 'none' });
  });

  test('no value can end its block early: the delimiter is one that no value holds', () => {
    const file = join(scratch(), 'output.txt');
    writeFileSync(file, '');
    const hostile = 'x\nghadelimiter_0\ninjected<<ghadelimiter_1\nyes\nghadelimiter_1';
    setOutputs({ GITHUB_OUTPUT: file }, { a: hostile, b: 'ghadelimiter_2' });
    const text = readFileSync(file, 'utf8');
    expect(text.split('\n')[0]).toBe('a<<ghadelimiter_3');
    expect(parseOutputs(text)).toEqual({ a: hostile, b: 'ghadelimiter_2' });
  });

  test('a GITHUB_OUTPUT that does not exist is an error, as @actions/core says it', () => {
    const file = join(scratch(), 'missing.txt');
    expect(() => setOutputs({ GITHUB_OUTPUT: file }, { a: '1' })).toThrow(`Missing file at path: ${file}`);
  });
});

describe('appendSummary', () => {
  test('appends to the job summary; without one, or one it cannot write, it says why', () => {
    const file = join(scratch(), 'summary.md');
    writeFileSync(file, 'before\n');
    appendSummary({ GITHUB_STEP_SUMMARY: file }, '## Ladder check\n');
    expect(readFileSync(file, 'utf8')).toBe('before\n## Ladder check\n');
    expect(() => appendSummary({}, 'x')).toThrow(/Unable to find environment variable for \$GITHUB_STEP_SUMMARY/);
    if (process.getuid?.() !== 0) {
      chmodSync(file, 0o400);
      expect(() => appendSummary({ GITHUB_STEP_SUMMARY: file }, 'x')).toThrow(/Unable to access summary file/);
    }
    expect(() => appendSummary({ GITHUB_STEP_SUMMARY: join(file, 'nope') }, 'x')).toThrow(/Unable to access summary file/);
  });
});
