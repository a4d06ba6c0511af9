import { describe, expect, test } from '@jest/globals';
import type { SourceFile } from '../../src/core/source-file.js';
import { diagnosticsOfRule, edit, where } from '../helpers/ladder-files.js';
import { EXAMPLE_PACKETS, examplePacketFiles, feedbackEntries, GRADUATION, withFeedback, withRules } from '../helpers/packet-files.js';

const RULE = 'packet-graduation';
/** Where the graduation's feedback list starts: its first "-" (line 11, column 3). */
const FEEDBACK = { rule: RULE, file: GRADUATION, line: 11, column: 3 };
const TO = { rule: RULE, file: GRADUATION, line: 5, column: 5 };

function graduation(from: string, to: string): SourceFile[] {
  return edit(edit(examplePacketFiles(), GRADUATION, 'from: E4', `from: ${from}`), GRADUATION, 'to: M1', `to: ${to}`);
}

/** The example ladder without policy.packets.graduationStakeholders (so the default applies). */
function withoutStakeholderPolicy(files: SourceFile[]): SourceFile[] {
  return edit(files, 'ladder.yml', /\n *graduationStakeholders: 20\n/, '\n');
}

describe(RULE, () => {
  test.each(EXAMPLE_PACKETS)('passes: %s', (path) => {
    expect(diagnosticsOfRule(examplePacketFiles(), RULE).filter((d) => d.file === path)).toEqual([]);
  });

  test('EM → IC is not a graduation', () => {
    const found = diagnosticsOfRule(graduation('M1', 'E4'), RULE);
    expect(found.map(where)).toEqual([TO]);
    expect(found[0]?.message).toContain('goes from an IC level to a management level');
    expect(found[0]?.message).toContain(
      'M1 (Engineering Manager) is on "Engineering Management" (em) and E4 (Senior Engineer) on "Individual Contributor" (ic)',
    );
  });

  test('IC → IC is not a graduation either', () => {
    const found = diagnosticsOfRule(graduation('E3', 'E4'), RULE);
    expect(found.map(where)).toEqual([TO]);
    expect(found[0]?.message).toContain('(ic) and E4 (Senior Engineer) on "Individual Contributor" (ic)');
  });

  test('a graduation that changes band: becoming a manager is not a promotion, names the level to graduate to', () => {
    const found = diagnosticsOfRule(graduation('E4', 'M2'), RULE);
    expect(found.map(where)).toEqual([TO]);
    expect(found[0]?.message).toContain('A graduation keeps the band: becoming a manager is not a promotion.');
    expect(found[0]?.message).toContain(
      'E4 (Senior Engineer) is on "Senior" but M2 (Senior Engineering Manager) on "Staff"; graduate to M1 (Engineering Manager) instead.',
    );
  });

  // This used to advise 'graduate to the management level on band "Career"', a level that does not exist.
  test('a graduation down a band, from a band with no management level, says there is none', () => {
    const found = diagnosticsOfRule(graduation('E3', 'M1'), RULE);
    expect(found.map(where)).toEqual([TO]);
    expect(found[0]?.message).toContain(
      '"Engineering Management" has no level on band "Career" (its levels are on bands "Senior" to "Principal"): no graduation from E3 to it keeps the band.',
    );
  });

  test('fewer stakeholders than policy (20 in the example): one missing', () => {
    const files = withFeedback(examplePacketFiles(), GRADUATION, feedbackEntries(19));
    const found = diagnosticsOfRule(files, RULE);
    expect(found.map(where)).toEqual([FEEDBACK]);
    expect(found[0]?.message).toContain(
      'A graduation needs feedback from at least 20 distinct stakeholders (policy.packets.graduationStakeholders); this packet lists 19.',
    );
    expect(found[0]?.message).toContain('Graduating is as hard as a promotion');
  });

  test('exactly the policy minimum passes', () => {
    const files = withFeedback(examplePacketFiles(), GRADUATION, feedbackEntries(20));
    expect(diagnosticsOfRule(files, RULE)).toEqual([]);
  });

  test('without a policy the default is 12 stakeholders', () => {
    const base = withoutStakeholderPolicy(examplePacketFiles());
    const eleven = diagnosticsOfRule(withFeedback(base, GRADUATION, feedbackEntries(11)), RULE);
    expect(eleven.map(where)).toEqual([FEEDBACK]);
    expect(eleven[0]?.message).toContain('at least 12 distinct stakeholders (policy.packets.graduationStakeholders); this packet lists 11.');
    expect(diagnosticsOfRule(withFeedback(base, GRADUATION, feedbackEntries(12)), RULE)).toEqual([]);
  });

  test('without any packets policy the default is still 12', () => {
    const base = edit(examplePacketFiles(), 'ladder.yml', /\n {2}packets:\n[\s\S]*?graduationStakeholders: 20\n/, '\n');
    const found = diagnosticsOfRule(withFeedback(base, GRADUATION, feedbackEntries(11)), RULE);
    expect(found[0]?.message).toContain('at least 12 distinct stakeholders');
  });

  test('a duplicated handle (any case) is counted once', () => {
    const files = edit(examplePacketFiles(), GRADUATION, 'handle: sofia-marin', 'handle: Rosa-Jimenez');
    const found = diagnosticsOfRule(files, RULE);
    expect(found.map(where)).toEqual([FEEDBACK]);
    expect(found[0]?.message).toContain('this packet lists 19.');
    // packet-feedback reports the repeat itself, on the second entry's handle
    expect(diagnosticsOfRule(files, 'packet-feedback').map(where)).toEqual([{ rule: 'packet-feedback', file: GRADUATION, line: 30, column: 15 }]);
  });

  test('the candidate is not counted as a stakeholder', () => {
    const files = edit(examplePacketFiles(), GRADUATION, 'handle: sofia-marin', 'handle: Lena-Fischer');
    const found = diagnosticsOfRule(files, RULE);
    expect(found.map(where)).toEqual([FEEDBACK]);
    expect(found[0]?.message).toContain('this packet lists 19.');
    expect(diagnosticsOfRule(files, 'packet-self-review').map(where)).toEqual([{ rule: 'packet-self-review', file: GRADUATION, line: 30, column: 15 }]);
  });

  test('a graduation is counted here, not by packet-feedback, whatever that rule’s minimum', () => {
    let files = edit(examplePacketFiles(), 'ladder.yml', 'graduationStakeholders: 20', 'graduationStakeholders: 1');
    files = withFeedback(files, GRADUATION, feedbackEntries(1));
    expect(diagnosticsOfRule(files, RULE)).toEqual([]);
    expect(diagnosticsOfRule(files, 'packet-feedback')).toEqual([]);
  });

  test('a wrong move and too few stakeholders are both reported', () => {
    const files = withFeedback(graduation('E4', 'M2'), GRADUATION, feedbackEntries(3));
    expect(diagnosticsOfRule(files, RULE).map(where)).toEqual([TO, FEEDBACK]);
  });

  test('policy severity applies', () => {
    const files = withFeedback(examplePacketFiles(), GRADUATION, feedbackEntries(2));
    expect(diagnosticsOfRule(withRules(files, { [RULE]: 'warning' }), RULE).map((d) => d.severity)).toEqual(['warning']);
    expect(diagnosticsOfRule(withRules(files, { [RULE]: 'off' }), RULE)).toEqual([]);
  });
});
