import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { checkJson, PROMOTION, runCli, SWITCH_TO_IC, tempLadder } from '../helpers/packet-files.js';

let root: string;
let dir: string;
let cleanup: () => void;

beforeEach(() => {
  ({ root, dir, cleanup } = tempLadder('ladder-calibrate-'));
});
afterEach(() => cleanup());

const read = (path: string) => readFileSync(join(dir, path), 'utf8');
const change = (path: string, from: string, to: string) => {
  const text = read(path);
  if (!text.includes(from)) throw new Error(`test setup: ${from} is not in ${path}`);
  writeFileSync(join(dir, path), text.replace(from, to));
};
/** Sentences of a packet's body: none of them may reach a calibration file. */
const sentences = (path: string) =>
  (read(path).split('\n---\n')[1] ?? '')
    .split(/(?<=\.)\s+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 30 && !s.startsWith('#'));

describe('ladder calibrate', () => {
  test('writes a Markdown and a self-contained HTML committee packet, grouped by target level, with no packet text', async () => {
    const run = await runCli(['calibrate', '2026-h2'], root);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe('Wrote the calibration of 2026-h2 (4 packets) to calibration-2026-h2.md and calibration-2026-h2.html.\n');
    const md = readFileSync(join(root, 'calibration-2026-h2.md'), 'utf8');
    const html = readFileSync(join(root, 'calibration-2026-h2.html'), 'utf8');
    expect(md.split('\n')[0]).toBe('<!-- ladder-as-code:calibration cycle=2026-h2 -->');
    // Lowest band first; on one band, by level id.
    const headings = [...md.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(headings).toEqual([
      'E4: Senior Engineer (Senior band, Individual Contributor)',
      'M1: Engineering Manager (Senior band, Engineering Management)',
      'E5: Staff Engineer (Staff band, Individual Contributor)',
      'M2: Senior Engineering Manager (Staff band, Engineering Management)',
      'Moves that need attention',
      'Decisions',
    ]);
    expect(md).toContain('| `jo-rivera` | ✅ 111 | ✅ 127 | ✅ 92 |');
    expect(md).toContain('track switch, lateral (same band, Engineering Management → Individual Contributor, not a demotion)');
    expect(md).toContain('| `jo-rivera` | E4 → E5 |  |  |  |  |');
    // The graduation has 2 of 20 stakeholders against: the committee is told.
    expect(md).toMatch(/`lena-fischer` \(`packets\/2026-h2\/lena-fischer-graduation\.md`\): 2 feedback providers do not support the move/);
    expect(html).toMatch(/^<!DOCTYPE html>\n<!-- ladder-as-code:calibration cycle=2026-h2 -->\n<html lang="en">/);
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<script|<link|src=|href=/i);
    for (const file of readdirSync(join(dir, 'packets/2026-h2'))) {
      for (const s of sentences(`packets/2026-h2/${file}`)) {
        expect(md).not.toContain(s);
        expect(html).not.toContain(s);
      }
    }
  });

  test('moves that need attention: skipped bands, thin and missing evidence, an old ladder version, too little feedback', async () => {
    change(PROMOTION, 'to: E5', 'to: E6');
    change(PROMOTION, 'ladderVersion: 1.1.0', 'ladderVersion: 1.0.0');
    change('ladder.yml', 'graduationStakeholders: 20', 'graduationStakeholders: 20\n    thinEvidenceWords: 80');
    change(SWITCH_TO_IC, '## Delivery', '## Delivery\n\n<!-- guidance -->\n\n## Unused');
    const run = await runCli(['calibrate', '2026-h2', '-o', 'out/cal'], root);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/The ladder has \d+ errors?: run ladder check\./);
    const md = readFileSync(join(root, 'out/cal.md'), 'utf8');
    const line = (who: string) => md.split('\n').find((l) => l.startsWith(`- \`${who}\``)) ?? '';
    expect(line('jo-rivera')).toContain('skips 1 band');
    expect(line('jo-rivera')).toContain('written against ladder 1.0.0, now 1.1.0');
    expect(line('marcus-bell')).toContain('no evidence for Delivery');
    expect(line('marcus-bell')).toMatch(/thin evidence for [^;]*System design/);
    expect(existsSync(join(root, 'out/cal.html'))).toBe(true);
  });

  test('refuses to write inside the ladder directory unless the policy allows calibration files', async () => {
    const refused = await runCli(['calibrate', '2026-h2', '-o', 'ladder/cal'], root);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--out is inside the ladder directory');
    expect(existsSync(join(dir, 'cal.md'))).toBe(false);
    change('ladder.yml', 'graduationStakeholders: 20', 'graduationStakeholders: 20\n    allowCalibrationFiles: true');
    expect((await runCli(['calibrate', '2026-h2', '-o', 'ladder/cal'], root)).code).toBe(0);
    expect((await checkJson([], root)).report.diagnostics.filter((d) => d.rule === 'calibration-output')).toEqual([]);
  });

  test('a calibration file in the ladder directory is an error, and render refuses the ladder', async () => {
    await runCli(['calibrate', '2026-h2'], root);
    writeFileSync(join(dir, 'packets', 'notes.md'), readFileSync(join(root, 'calibration-2026-h2.md'), 'utf8'));
    writeFileSync(join(dir, 'calibration.md'), readFileSync(join(root, 'calibration-2026-h2.md'), 'utf8'));
    const { code, report } = await checkJson([], root);
    expect(code).toBe(1);
    expect(report.diagnostics.filter((d) => d.rule === 'calibration-output').map((d) => `${d.file}:${d.line}:${d.column}`)).toEqual([
      'ladder/calibration.md:1:1',
      'ladder/packets/notes.md:1:1',
    ]);
    const render = await runCli(['render', 'ladder', '--out', 'site'], root);
    expect(render.code).toBe(1);
    expect(render.stdout).toContain('calibration-output');
    expect(existsSync(join(root, 'site', 'index.html'))).toBe(false);
  });

  test('usage errors and an empty cycle', async () => {
    expect((await runCli(['calibrate'], root)).code).toBe(2);
    expect((await runCli(['calibrate', '../etc'], root)).code).toBe(2);
    const empty = await runCli(['calibrate', '2030-h1'], root);
    expect(empty).toMatchObject({ code: 1, stderr: 'ladder calibrate: packets/2030-h1/ holds no packet; nothing was written.\n' });
  });
});

describe('ladder history', () => {
  /** Writes a decided packet for marcus-bell: a copy of an example with other levels and a decision. */
  const decided = (cycle: string, from: string, to: string, kind: string, decision: string) => {
    const text = read(SWITCH_TO_IC)
      .replace('cycle: 2026-h2', `cycle: ${cycle}`)
      .replace('from: M1', `from: ${from}`)
      .replace('to: E4', `to: ${to}`)
      .replace('kind: track-switch', `kind: ${kind}`)
      .replace('\n---\n', `\ndecision: ${decision}\n---\n`);
    const folder = join(dir, 'packets', cycle);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `marcus-bell-${kind}.md`), text);
  };

  test('prints the path from the decided packets, oldest first; a return to IC is lateral, never a demotion', async () => {
    decided('2024-h1', 'E4', 'M1', 'graduation', '{ outcome: promoted, date: "2024-06-10", by: [ada-okafor, bjorn-lind, chen-wei] }');
    decided(
      '2025-h1',
      'M1',
      'M2',
      'promotion',
      '{ outcome: not-yet, date: "2025-06-12", by: [ada-okafor, bjorn-lind, chen-wei], grow: [hiring-and-team-design] }',
    );
    change(SWITCH_TO_IC, '\n---\n', '\ndecision: { outcome: promoted, date: "2026-12-04", by: [ada-okafor, bjorn-lind, dara-nwosu] }\n---\n');
    const run = await runCli(['history', 'marcus-bell'], root);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe("marcus-bell's path through the Northwind Engineering ladder, from 3 decided packets:");
    expect(lines.slice(2, 5).map((l) => l.trim().replace(/\s{2,}/g, ' | '))).toEqual([
      '2024-06-10 | 2024-h1 | moved | E4 (Senior Engineer, Senior) → M1 (Engineering Manager, Senior): graduation, lateral (same band, Individual Contributor → Engineering Management, not a promotion)',
      expect.stringMatching(
        /^2025-06-12 \| 2025-h1 \| not yet \| M1 \(Engineering Manager, Senior\) → M2 \(.*\): promotion, 1 band up; to grow in: Hiring and team design$/,
      ),
      '2026-12-04 | 2026-h2 | moved | M1 (Engineering Manager, Senior) → E4 (Senior Engineer, Senior): track switch, lateral (same band, Engineering Management → Individual Contributor, not a demotion)',
    ]);
    expect(run.stdout).toContain('Now: E4 (Senior Engineer, Senior), on the Individual Contributor track.');
    expect(run.stdout).not.toMatch(/demoted|down/);
  });

  test('a person with no decided packet, and usage errors', async () => {
    expect((await runCli(['history', 'jo-rivera'], root)).stdout).toContain('jo-rivera has no decided packet');
    expect((await runCli(['history'], root)).code).toBe(2);
    expect((await runCli(['history', 'not a handle'], root)).code).toBe(2);
  });
});
