import { describe, expect, test } from '@jest/globals';
import type { SourceFile } from '../../src/core/source-file.js';
import { diagnosticsOfRule, edit, where } from '../helpers/ladder-files.js';
import { EXAMPLE_PACKETS, examplePacketFiles, PROMOTION, SWITCH_TO_EM, withRules } from '../helpers/packet-files.js';

const RULE = 'packet-promotion';

/** The example promotion (jo-rivera, E4 → E5) asking for other levels. */
function promotion(from: string, to: string): SourceFile[] {
  return edit(edit(examplePacketFiles(), PROMOTION, 'from: E4', `from: ${from}`), PROMOTION, 'to: E5', `to: ${to}`);
}

/** The one diagnostic of this rule, which must sit on the packet's "to" value (line 5, column 5). */
function onlyOnTo(files: SourceFile[]): string {
  const found = diagnosticsOfRule(files, RULE);
  expect(found.map(where)).toEqual([{ rule: RULE, file: PROMOTION, line: 5, column: 5 }]);
  expect(found[0]?.severity).toBe('error');
  return found[0]?.message ?? '';
}

describe(RULE, () => {
  test.each(EXAMPLE_PACKETS)('passes: %s', (path) => {
    expect(diagnosticsOfRule(examplePacketFiles(), RULE).filter((d) => d.file === path)).toEqual([]);
  });

  test.each([
    ['E1', 'E2'],
    ['E7', 'E8'],
    ['M1', 'M2'],
    ['M3', 'M4'],
  ])('passes: %s → %s climbs exactly one band on one track', (from, to) => {
    expect(diagnosticsOfRule(promotion(from, to), RULE)).toEqual([]);
  });

  test('skipping a band: says how many bands it climbs and names the next level', () => {
    const message = onlyOnTo(promotion('E4', 'E6'));
    expect(message).toContain('A promotion climbs one band at a time');
    expect(message).toContain('E4 (Senior Engineer) → E6 (Senior Staff Engineer) climbs 2 bands, from "Senior" to "Senior Staff"');
    expect(message).toContain('Ask for E5 (Staff Engineer), the next level.');
  });

  test('skipping several bands on the management track', () => {
    const message = onlyOnTo(promotion('M1', 'M4'));
    expect(message).toContain('climbs 3 bands, from "Senior" to "Principal"');
    expect(message).toContain('Ask for M2 (Senior Engineering Manager), the next level.');
  });

  test('staying on the same band', () => {
    const message = onlyOnTo(promotion('E4', 'E4'));
    expect(message).toContain('E4 (Senior Engineer) → E4 (Senior Engineer) stays on band "Senior"');
    expect(message).toContain('Ask for E5 (Staff Engineer)');
  });

  test('going down a band', () => {
    const message = onlyOnTo(promotion('E4', 'E3'));
    expect(message).toContain('E4 (Senior Engineer) → E3 (Engineer III) goes down to band "Career"');
    expect(message).toContain('Ask for E5 (Staff Engineer), the next level.');
  });

  test('at the top of a track there is no next level to suggest', () => {
    const message = onlyOnTo(promotion('E8', 'E8'));
    expect(message).toContain('stays on band "Distinguished"');
    expect(message).not.toContain('Ask for');
  });

  test('changing track, even one band up, is a track switch and not a promotion', () => {
    const message = onlyOnTo(promotion('E4', 'M2'));
    expect(message).toContain(
      'A promotion stays on one track, but E4 (Senior Engineer) is on "Individual Contributor" and M2 (Senior Engineering Manager) on "Engineering Management"',
    );
    expect(message).toContain('use kind: track-switch to the level on the same band');
  });

  test('changing track on the same band, EM to IC, is also told to use track-switch', () => {
    const message = onlyOnTo(promotion('M1', 'E4'));
    expect(message).toContain('A promotion stays on one track');
    expect(message).toContain('use kind: track-switch');
  });

  test('only promotions are judged by it: a track switch that climbs is the switch rule’s business', () => {
    const files = edit(examplePacketFiles(), SWITCH_TO_EM, 'to: M2', 'to: M3');
    expect(diagnosticsOfRule(files, RULE)).toEqual([]);
    expect(diagnosticsOfRule(files, 'packet-track-switch')).toHaveLength(1);
  });

  test('policy severity applies: warning, or off', () => {
    const files = promotion('E4', 'E6');
    expect(diagnosticsOfRule(withRules(files, { [RULE]: 'warning' }), RULE).map((d) => d.severity)).toEqual(['warning']);
    expect(diagnosticsOfRule(withRules(files, { [RULE]: 'off' }), RULE)).toEqual([]);
  });
});
