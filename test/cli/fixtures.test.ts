import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { modelRules } from '../../src/rules/index.js';
import { type JsonReport, runCli } from '../helpers/cli.js';
import { fixturesDir, repoRoot } from '../helpers/ladder-files.js';

const ruleFixtures = readdirSync(join(fixturesDir, 'rules')).sort();
/** The rules of issue 2 (and those added since): every model rule of the ladder itself, and every rule the loader reports. */
const ladderRules = [
  'unique-id',
  'unknown-reference',
  'band-order',
  'level-climb',
  'level-sections',
  'level-migration',
  'competency-groups',
  'proficiency-steps',
  'proficiency-order',
  'parity-band-coverage',
  'parity-ic-reach',
  'parity-fork',
  'parity-lateral-entry',
  'parity-pay',
  'policy-exception',
  'calibration-output',
  'schema',
  'yaml-syntax',
  'front-matter',
  'file-location',
  'missing-file',
  'file-read',
];

describe('fixture ladders, one per rule, through `ladder check --format json`', () => {
  test('there is a fixture for every ladder rule, and each names its own rule', () => {
    expect(ruleFixtures).toEqual([...ladderRules].sort());
    for (const r of modelRules.filter((r) => r.group === 'ladder' || r.group === 'parity')) expect(ladderRules).toContain(r.id);
  });

  test.each(ruleFixtures)('%s: fails with exactly that rule, at the expected file, line and column', async (name) => {
    const dir = join(fixturesDir, 'rules', name);
    const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { rule: string; file: string; line: number; column: number };
    expect(expected.rule).toBe(name);
    const { status, stdout, stderr } = await runCli(['check', '.', '--format', 'json'], dir);
    expect(stderr).toBe('');
    expect(status).toBe(1);
    const report = JSON.parse(stdout) as JsonReport;
    const at = report.diagnostics.map(({ rule, file, line, column }) => ({ rule, file, line, column }));
    expect(at).toContainEqual(expected);
    // Nothing else is wrong with the fixture: it isolates its rule.
    expect(new Set(report.diagnostics.map((d) => d.rule))).toEqual(new Set([name]));
    expect(report.diagnostics.every((d) => d.severity === 'error' && d.message.length > 20)).toBe(true);
  });

  test('the valid fixture passes', async () => {
    const { status, stdout } = await runCli(['check', '.', '--format', 'json'], join(fixturesDir, 'valid'));
    expect(JSON.parse(stdout)).toMatchObject({ summary: { errors: 0, warnings: 0 }, diagnostics: [] });
    expect(status).toBe(0);
  });

  test('a fixture checked from elsewhere prints paths relative to the working directory', async () => {
    const { stdout } = await runCli(['check', 'test/fixtures/rules/parity-pay', '--format', 'json'], repoRoot);
    expect((JSON.parse(stdout) as JsonReport).diagnostics.map((d) => `${d.file}:${d.line}:${d.column}`)).toEqual([
      'test/fixtures/rules/parity-pay/levels/ic/E2.md:7:6',
    ]);
  });
});

describe('the installed bin (dist/cli.js, built by `npm run build`, which `npm test` runs first)', () => {
  const bin = (args: string[]) => {
    expect(existsSync(join(repoRoot, 'dist', 'cli.js'))).toBe(true);
    return spawnSync(process.execPath, ['bin/ladder.js', ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });
  };

  test('`node bin/ladder.js check ladder` passes the example ladder', () => {
    const run = bin(['check', 'ladder']);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/no problems/);
    expect(run.status).toBe(0);
  });

  test('`node bin/ladder.js check` on a failing fixture exits 1 and names the place', () => {
    const run = bin(['check', 'test/fixtures/rules/unknown-reference']);
    expect(run.stdout).toContain('test/fixtures/rules/unknown-reference/levels/em/M2.md');
    expect(run.stdout).toMatch(/ {2}5:7 +error +.*Did you mean "staff"\?.*unknown-reference/);
    expect(run.status).toBe(1);
  });

  test('`node bin/ladder.js render` writes the stylesheet src/render/site.css, as it is', () => {
    const out = mkdtempSync(join(tmpdir(), 'ladder-bin-render-'));
    try {
      const run = bin(['render', 'ladder', '--out', out]);
      expect(run.status).toBe(0);
      expect(readFileSync(join(out, 'assets', 'site.css'), 'utf8')).toBe(readFileSync(join(repoRoot, 'src', 'render', 'site.css'), 'utf8'));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
