import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { needsLadderApproval } from '../../src/action/quorum.js';
import { classify, isLadderPath, isPersonalPath, scopeOf } from '../../src/core/kinds/index.js';
import { runCli } from '../helpers/cli.js';

describe('the survey file kind', () => {
  test('surveys/<round>.yml is a survey; other shapes there are misplaced; exports are ladder paths (to be reported)', () => {
    expect(classify('surveys/2026-h2.yml')).toMatchObject({ kind: { id: 'survey' }, match: { folder: '', name: '2026-h2' } });
    for (const path of ['surveys/2026-h2.yaml', 'surveys/old/2026-h2.yml', 'surveys/2026-h2.md'])
      expect(classify(path)).toMatchObject({ kind: { id: 'survey' }, misplaced: true });
    expect(classify('surveys/answers.csv')).toBeUndefined();
    expect(isLadderPath('surveys/answers.csv')).toBe(true);
    expect(isLadderPath('anywhere/export.TSV')).toBe(true);
  });

  test('not personal (the questions are the organization’s); re-checked as the ladder; approved like a ladder change', () => {
    expect(isPersonalPath('surveys/2026-h2.yml')).toBe(false);
    expect(scopeOf('surveys/2026-h2.yml')).toBe('ladder');
    expect(needsLadderApproval(['surveys/2026-h2.yml'])).toBe(true);
  });
});

describe('ladder init', () => {
  test('its .gitignore keeps survey exports and reports out of git', async () => {
    const repo = mkdtempSync(join(tmpdir(), 'ladder-init-survey-'));
    try {
      execFileSync('git', ['init', '-q'], { cwd: repo });
      expect((await runCli(['init'], repo)).status).toBe(0);
      for (const path of ['survey-responses/2026-h2.csv', 'survey-reports/2026-h2/summary.md', 'exports/2026-h2.responses.csv']) {
        expect(execFileSync('git', ['check-ignore', path], { cwd: repo, encoding: 'utf8' }).trim()).toBe(path);
      }
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });
});
