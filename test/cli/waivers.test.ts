import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';
import { checkLadder } from '../../src/check.js';
import { reportMarkdown } from '../../src/report/markdown.js';
import type { RunReport } from '../../src/report/model.js';
import { waiverLines } from '../../src/report/waivers.js';
import { runCli } from '../helpers/cli.js';
import { edit, exampleFiles, without, withPolicy, writeLadder } from '../helpers/ladder-files.js';

const work = mkdtempSync(join(tmpdir(), 'ladder-waivers-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const reason = 'Principal Manager is a management-only role.';
/** The example without E7 and E8 (management reaches above IC), parity-pay off and one exception for the gap. */
const waived = () =>
  edit(
    withPolicy(without(exampleFiles(), 'levels/ic/E7.md', 'levels/ic/E8.md'), { 'parity-pay': 'off' }),
    'ladder.yml',
    '  packets:\n',
    `  exceptions:\n    - { rule: parity-ic-reach, level: M4, reason: "${reason}" }\n  packets:\n`,
  );

describe('the check says what its policy left out', () => {
  test('the text output lists rules off and exceptions under "no problems"', async () => {
    const dir = writeLadder(join(work, 'waived'), waived());
    const { status, stdout } = await runCli(['check', '.'], dir);
    expect(stdout.split('\n')).toEqual([
      `✔ ${waived().length} files checked, no problems`,
      '  ℹ Rules turned off in policy.rules: parity-pay.',
      `  ℹ Rule parity-ic-reach waived at level M4 (1 finding; ladder.yml:${waiverLine()}): ${reason}`,
      '',
    ]);
    expect(status).toBe(0);
  });

  test('a ladder that waives nothing prints what it always did', () => {
    expect(waiverLines(checkLadder(exampleFiles()).waivers)).toEqual([]);
  });

  test("the Action's report lists them too, even with no problems", () => {
    const report: RunReport = {
      version: '0.0.0',
      diagnostics: [],
      files: 3,
      scope: 'repository',
      notices: [],
      waivers: checkLadder(waived()).waivers,
      runUrl: undefined,
    };
    const md = reportMarkdown(report, 60_000);
    expect(md).toContain("Not checked, by the ladder's policy:\n\n- Rules turned off in policy.rules: parity-pay.\n- Rule parity-ic-reach waived at level M4");
    expect(md).toContain('## Ladder check: ✅ no problems');
  });
});

function waiverLine(): number {
  return checkLadder(waived()).waivers.exceptions[0]?.line ?? 0;
}
