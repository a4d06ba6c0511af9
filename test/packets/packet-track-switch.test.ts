import { describe, expect, test } from '@jest/globals';
import type { SourceFile } from '../../src/core/source-file.js';
import { diagnosticsOfRule, edit, where } from '../helpers/ladder-files.js';
import { EXAMPLE_PACKETS, examplePacketFiles, SWITCH_TO_EM, SWITCH_TO_IC, withRules } from '../helpers/packet-files.js';

const RULE = 'packet-track-switch';

/** The example switch into management (priya-natarajan, E5 → M2) with other levels. */
function intoManagement(from: string, to: string): SourceFile[] {
  return edit(edit(examplePacketFiles(), SWITCH_TO_EM, 'from: E5', `from: ${from}`), SWITCH_TO_EM, 'to: M2', `to: ${to}`);
}

/** The example return to IC (marcus-bell, M1 → E4) with other levels. */
function backToIc(from: string, to: string): SourceFile[] {
  return edit(edit(examplePacketFiles(), SWITCH_TO_IC, 'from: M1', `from: ${from}`), SWITCH_TO_IC, 'to: E4', `to: ${to}`);
}

/** The one diagnostic of this rule, on the packet's "to" value (line 5, column 5). */
function onlyOnTo(files: SourceFile[], file: string): string {
  const found = diagnosticsOfRule(files, RULE);
  expect(found.map(where)).toEqual([{ rule: RULE, file, line: 5, column: 5 }]);
  expect(found[0]?.severity).toBe('error');
  return found[0]?.message ?? '';
}

describe(RULE, () => {
  test.each(EXAMPLE_PACKETS)('passes: %s', (path) => {
    expect(diagnosticsOfRule(examplePacketFiles(), RULE).filter((d) => d.file === path)).toEqual([]);
  });

  test.each([
    ['E4', 'M1'],
    ['E6', 'M3'],
    ['E7', 'M4'],
  ])('passes: %s → %s keeps the band', (from, to) => {
    expect(diagnosticsOfRule(intoManagement(from, to), RULE)).toEqual([]);
  });

  test('into management one band up: never a promotion, names M1 on the same band', () => {
    const message = onlyOnTo(intoManagement('E4', 'M2'), SWITCH_TO_EM);
    expect(message).toContain(
      'A track switch keeps the band, but E4 (Senior Engineer) is on "Senior" and M2 (Senior Engineering Manager) on "Staff" (1 band up).',
    );
    expect(message).toContain('Moving into management is never a promotion: switch to M1 (Engineering Manager), and ask for a promotion separately.');
  });

  test('into management two bands up counts the bands', () => {
    const message = onlyOnTo(intoManagement('E4', 'M3'), SWITCH_TO_EM);
    expect(message).toContain('(2 bands up)');
    expect(message).toContain('switch to M1 (Engineering Manager)');
  });

  test('into management one band down: still never a promotion, names the level on the band, no promotion to ask for', () => {
    const message = onlyOnTo(intoManagement('E5', 'M1'), SWITCH_TO_EM);
    expect(message).toContain('(1 band down)');
    expect(message).toContain('Moving into management is never a promotion: switch to M2 (Senior Engineering Manager).');
    expect(message).not.toContain('ask for a promotion');
  });

  // This used to advise 'switch to the "Engineering Management" level on band "Career"', a level that does not exist.
  test('into management from a band with no management level says so, and where management starts', () => {
    const message = onlyOnTo(intoManagement('E3', 'M1'), SWITCH_TO_EM);
    expect(message).toContain(
      '"Engineering Management" has no level on band "Career" (its levels are on bands "Senior" to "Principal"): no switch from E3 to it keeps the band.',
    );
    expect(message).not.toContain('switch to the');
  });

  test('back to IC one band down: going back is never a demotion, names E4', () => {
    const message = onlyOnTo(backToIc('M1', 'E3'), SWITCH_TO_IC);
    expect(message).toContain('M1 (Engineering Manager) is on "Senior" and E3 (Engineer III) on "Career" (1 band down).');
    expect(message).toContain('Going back to the IC track is never a demotion: switch to E4 (Senior Engineer).');
  });

  test('back to IC one band up: never a demotion either, and the promotion is asked for separately', () => {
    const message = onlyOnTo(backToIc('M1', 'E5'), SWITCH_TO_IC);
    expect(message).toContain('(1 band up)');
    expect(message).toContain('Going back to the IC track is never a demotion: switch to E4 (Senior Engineer), and ask for a promotion separately.');
  });

  test('same track: a move up the same track is a promotion', () => {
    const message = onlyOnTo(backToIc('M1', 'M2'), SWITCH_TO_IC);
    expect(message).toContain(
      'A track switch changes track, but M1 (Engineering Manager) and M2 (Senior Engineering Manager) are both on "Engineering Management".',
    );
    expect(message).toContain('Use kind: promotion');
  });

  test('same track and same level is also no switch', () => {
    const message = onlyOnTo(intoManagement('E5', 'E5'), SWITCH_TO_EM);
    expect(message).toContain('are both on "Individual Contributor"');
  });

  test('policy severity applies', () => {
    const files = intoManagement('E4', 'M2');
    expect(diagnosticsOfRule(withRules(files, { [RULE]: 'warning' }), RULE).map((d) => d.severity)).toEqual(['warning']);
    expect(diagnosticsOfRule(withRules(files, { [RULE]: 'off' }), RULE)).toEqual([]);
  });
});
