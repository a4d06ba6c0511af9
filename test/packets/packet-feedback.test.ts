import { describe, expect, test } from '@jest/globals';
import type { SourceFile } from '../../src/core/source-file.js';
import { diagnosticsOfRule, edit, where } from '../helpers/ladder-files.js';
import { EXAMPLE_PACKETS, examplePacketFiles, feedbackEntries, PROMOTION, SWITCH_TO_EM, withFeedback, withRules } from '../helpers/packet-files.js';

const RULE = 'packet-feedback';
/** Where a packet's feedback list starts (its first "-"), in the examples: line 11, column 3. */
const feedbackOf = (file: string) => ({ rule: RULE, file, line: 11, column: 3 });

/** The example ladder without policy.packets.minimumFeedback, so the defaults (3 and 2) apply. */
function withDefaultMinimums(files: SourceFile[]): SourceFile[] {
  return edit(files, 'ladder.yml', /\n *minimumFeedback: \{[^}]*\}\n/, '\n');
}

describe(RULE, () => {
  test.each(EXAMPLE_PACKETS)('passes: %s', (path) => {
    expect(diagnosticsOfRule(examplePacketFiles(), RULE).filter((d) => d.file === path)).toEqual([]);
  });

  test('a promotion below policy (5 in the example) is reported on the feedback list', () => {
    const found = diagnosticsOfRule(withFeedback(examplePacketFiles(), PROMOTION, feedbackEntries(4, 'peer')), RULE);
    expect(found.map(where)).toEqual([feedbackOf(PROMOTION)]);
    expect(found[0]?.message).toContain(
      'A promotion needs feedback from at least 5 distinct people (policy.packets.minimumFeedback.promotion); this packet lists 4.',
    );
    expect(found[0]?.message).toContain('Add each provider under feedback with handle, relationship and supports.');
  });

  test('a track switch below policy (3 in the example)', () => {
    const found = diagnosticsOfRule(withFeedback(examplePacketFiles(), SWITCH_TO_EM, feedbackEntries(2, 'peer')), RULE);
    expect(found.map(where)).toEqual([feedbackOf(SWITCH_TO_EM)]);
    expect(found[0]?.message).toContain(
      'A track-switch needs feedback from at least 3 distinct people (policy.packets.minimumFeedback.track-switch); this packet lists 2.',
    );
  });

  test('exactly the minimum passes', () => {
    let files = withFeedback(examplePacketFiles(), PROMOTION, feedbackEntries(5));
    files = withFeedback(files, SWITCH_TO_EM, feedbackEntries(3));
    expect(diagnosticsOfRule(files, RULE)).toEqual([]);
  });

  test('without a policy the defaults are 3 for a promotion and 2 for a track switch', () => {
    const base = withDefaultMinimums(examplePacketFiles());
    let files = withFeedback(base, PROMOTION, feedbackEntries(2));
    files = withFeedback(files, SWITCH_TO_EM, feedbackEntries(1));
    const found = diagnosticsOfRule(files, RULE);
    expect(found.map(where)).toEqual([feedbackOf(PROMOTION), feedbackOf(SWITCH_TO_EM)]);
    expect(found[0]?.message).toContain('at least 3 distinct people');
    expect(found[1]?.message).toContain('at least 2 distinct people');
    files = withFeedback(withFeedback(base, PROMOTION, feedbackEntries(3)), SWITCH_TO_EM, feedbackEntries(2));
    expect(diagnosticsOfRule(files, RULE)).toEqual([]);
  });

  test("a person listed twice (any case) is reported on the repeat's handle", () => {
    const files = edit(examplePacketFiles(), SWITCH_TO_EM, 'handle: olu-bankole', 'handle: Kwame-Asante');
    const found = diagnosticsOfRule(files, RULE);
    // 4 entries, 3 people: still the minimum, so only the repeat is reported
    expect(found.map(where)).toEqual([{ rule: RULE, file: SWITCH_TO_EM, line: 14, column: 15 }]);
    expect(found[0]?.message).toBe('Feedback entry 4 names the same person as entry 3; each person counts once. Remove the repeat.');
    expect(found[0]?.message).not.toMatch(/kwame/i);
  });

  test('a repeat is counted once toward the minimum', () => {
    const lines = `${feedbackEntries(4)}  - { handle: PERSON-4, relationship: peer, supports: false }\n`;
    const found = diagnosticsOfRule(withFeedback(examplePacketFiles(), PROMOTION, lines), RULE);
    expect(found.map(where)).toEqual([
      { rule: RULE, file: PROMOTION, line: 11, column: 3 },
      { rule: RULE, file: PROMOTION, line: 15, column: 15 },
    ]);
    expect(found[0]?.message).toContain('at least 5 distinct people (policy.packets.minimumFeedback.promotion); this packet lists 4.');
    expect(found[1]?.message).toContain('Feedback entry 5 names the same person as entry 4');
  });

  test('a packet with no feedback key is reported at the front matter', () => {
    const files = edit(examplePacketFiles(), PROMOTION, /feedback:\n(?: {2}- .*\n)+/, '');
    const found = diagnosticsOfRule(files, RULE);
    expect(found.map(where)).toEqual([{ rule: RULE, file: PROMOTION, line: 2, column: 1 }]);
    expect(found[0]?.message).toContain('this packet lists 0.');
  });

  test('policy severity applies', () => {
    const files = withFeedback(examplePacketFiles(), PROMOTION, feedbackEntries(1));
    expect(diagnosticsOfRule(withRules(files, { [RULE]: 'warning' }), RULE).map((d) => d.severity)).toEqual(['warning']);
    expect(diagnosticsOfRule(withRules(files, { [RULE]: 'off' }), RULE)).toEqual([]);
  });
});
