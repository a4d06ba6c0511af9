import { describe, expect, test } from '@jest/globals';
import { diagnosticsOfRule, edit, where } from '../helpers/ladder-files.js';
import { EXAMPLE_PACKETS, examplePacketFiles, GRADUATION, PROMOTION, withRules } from '../helpers/packet-files.js';

const RULE = 'packet-self-review';

describe(RULE, () => {
  test.each(EXAMPLE_PACKETS)('passes: %s', (path) => {
    expect(diagnosticsOfRule(examplePacketFiles(), RULE).filter((d) => d.file === path)).toEqual([]);
  });

  test('passes: the manager may also sponsor and give feedback (the graduation example does)', () => {
    expect(diagnosticsOfRule(examplePacketFiles(), RULE).filter((d) => d.file === GRADUATION)).toEqual([]);
  });

  test('the candidate as a sponsor, in any case, is reported on that sponsor', () => {
    const files = edit(examplePacketFiles(), PROMOTION, 'sponsors: [lee-park]', 'sponsors: [lee-park, Jo-Rivera]');
    const found = diagnosticsOfRule(files, RULE);
    expect(found.map(where)).toEqual([{ rule: RULE, file: PROMOTION, line: 8, column: 22 }]);
    expect(found[0]?.message).toContain('The candidate cannot sponsor their own packet; remove them from sponsors.');
  });

  test("the candidate giving feedback is reported on that entry's handle", () => {
    const files = edit(examplePacketFiles(), PROMOTION, 'handle: noor-haddad', 'handle: jo-rivera');
    const found = diagnosticsOfRule(files, RULE);
    expect(found.map(where)).toEqual([{ rule: RULE, file: PROMOTION, line: 16, column: 15 }]);
    expect(found[0]?.message).toContain('cannot give feedback on their own packet; remove this entry (self-assessment belongs in the summary)');
  });

  test('the candidate as their own manager', () => {
    const files = edit(examplePacketFiles(), PROMOTION, 'manager: sam-okoye', 'manager: JO-RIVERA');
    const found = diagnosticsOfRule(files, RULE);
    expect(found.map(where)).toEqual([{ rule: RULE, file: PROMOTION, line: 7, column: 10 }]);
    expect(found[0]?.message).toContain('is named as their own manager; name the person they report to.');
  });

  test('all three at once: three diagnostics, in file order', () => {
    let files = edit(examplePacketFiles(), PROMOTION, 'sponsors: [lee-park]', 'sponsors: [jo-rivera]');
    files = edit(files, PROMOTION, 'handle: lee-park', 'handle: jo-rivera');
    files = edit(files, PROMOTION, 'manager: sam-okoye', 'manager: jo-rivera');
    expect(diagnosticsOfRule(files, RULE).map(where)).toEqual([
      { rule: RULE, file: PROMOTION, line: 7, column: 10 },
      { rule: RULE, file: PROMOTION, line: 8, column: 12 },
      { rule: RULE, file: PROMOTION, line: 11, column: 15 },
    ]);
  });

  test('policy severity applies', () => {
    const files = edit(examplePacketFiles(), PROMOTION, 'manager: sam-okoye', 'manager: jo-rivera');
    expect(diagnosticsOfRule(withRules(files, { [RULE]: 'warning' }), RULE).map((d) => d.severity)).toEqual(['warning']);
    expect(diagnosticsOfRule(withRules(files, { [RULE]: 'off' }), RULE)).toEqual([]);
  });
});
