import { describe, expect, test } from '@jest/globals';
import { checkLadder } from '../../src/check.js';
import type { SourceFile } from '../../src/core/source-file.js';
import { diagnosticsOfRule, edit, where } from '../helpers/ladder-files.js';
import { EXAMPLE_PACKETS, examplePacketFiles, PROMOTION, withRules } from '../helpers/packet-files.js';

const RULE = 'packet-ladder-version';
const VERSION = { rule: RULE, file: PROMOTION, line: 9, column: 16 };
const writtenAgainst = (version: string, files: SourceFile[] = examplePacketFiles()) =>
  edit(files, PROMOTION, 'ladderVersion: 1.1.0', `ladderVersion: ${version}`);

describe(RULE, () => {
  test.each(EXAMPLE_PACKETS)('passes: %s is written against the current ladder (1.1.0)', (path) => {
    expect(diagnosticsOfRule(examplePacketFiles(), RULE).filter((d) => d.file === path)).toEqual([]);
  });

  test('an older version: a warning on ladderVersion listing what changed since, and the version to set', () => {
    const found = diagnosticsOfRule(writtenAgainst('1.0.0'), RULE);
    expect(found.map(where)).toEqual([VERSION]);
    expect(found[0]?.severity).toBe('warning');
    expect(found[0]?.message).toContain('The packet was written against ladder 1.0.0; the ladder is now 1.1.0.');
    expect(found[0]?.message).toContain(
      'What changed since: 1.1.0: Engineering Manager (M1): Hiring and team design now expects managers to run structured, rubric-based interviews.',
    );
    expect(found[0]?.message).not.toContain('First published ladder');
    expect(found[0]?.message).not.toContain('..');
    expect(found[0]?.message).toContain("Re-read the target level's expectations, then set ladderVersion: 1.1.0.");
  });

  test('much older: every changelog entry since, newest first', () => {
    const message = diagnosticsOfRule(writtenAgainst('0.9.0'), RULE)[0]?.message ?? '';
    expect(message).toMatch(/What changed since: 1\.1\.0: Engineering Manager \(M1\).* \| 1\.0\.0: First published ladder/);
  });

  test('a warning does not fail the check', () => {
    const { diagnostics } = checkLadder(writtenAgainst('1.0.0'));
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  test('without a changelog the warning says so', () => {
    const files = writtenAgainst('1.0.0', edit(examplePacketFiles(), 'ladder.yml', /\nchangelog:\n[\s\S]*?First published ladder\.\n/, '\n'));
    const found = diagnosticsOfRule(files, RULE);
    expect(found.map(where)).toEqual([VERSION]);
    expect(found[0]?.message).toContain("The ladder's changelog does not say what changed");
  });

  test('a version newer than the ladder is a typo', () => {
    const found = diagnosticsOfRule(writtenAgainst('1.2.0'), RULE);
    expect(found.map(where)).toEqual([VERSION]);
    expect(found[0]?.message).toContain('The packet names ladder version 1.2.0, but the ladder is at 1.1.0; set ladderVersion: 1.1.0.');
  });

  test('policy can turn it off, or make it an error', () => {
    const files = writtenAgainst('1.0.0');
    expect(diagnosticsOfRule(withRules(files, { [RULE]: 'off' }), RULE)).toEqual([]);
    const strict = diagnosticsOfRule(withRules(files, { [RULE]: 'error' }), RULE);
    expect(strict.map(where)).toEqual([VERSION]);
    expect(strict[0]?.severity).toBe('error');
  });

  test('turning it off leaves the other packet rules on', () => {
    const files = withRules(edit(writtenAgainst('1.0.0'), PROMOTION, 'to: E5', 'to: E6'), { [RULE]: 'off' });
    expect(checkLadder(files).diagnostics.map((d) => d.rule)).toEqual(['packet-promotion']);
  });
});
