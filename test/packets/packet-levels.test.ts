import { describe, expect, test } from '@jest/globals';
import { diagnosticsOfRule, edit, where } from '../helpers/ladder-files.js';
import { diagnosticsIn, EXAMPLE_PACKETS, examplePacketFiles, PROMOTION, SWITCH_TO_IC, withRules } from '../helpers/packet-files.js';

const RULE = 'packet-levels';

describe(RULE, () => {
  test.each(EXAMPLE_PACKETS)('passes: %s names levels of the ladder', (path) => {
    expect(diagnosticsOfRule(examplePacketFiles(), RULE).filter((d) => d.file === path)).toEqual([]);
  });

  test('an unknown "to" is reported on its value, with a did-you-mean', () => {
    const files = edit(examplePacketFiles(), PROMOTION, 'to: E5', 'to: E55');
    const found = diagnosticsOfRule(files, RULE);
    expect(found.map(where)).toEqual([{ rule: RULE, file: PROMOTION, line: 5, column: 5 }]);
    expect(found[0]?.message).toContain('to level "E55" is not in the ladder. Did you mean "E5"?');
    expect(found[0]?.message).toContain('Level ids are the file names under levels/<track>/');
    expect(found[0]?.severity).toBe('error');
  });

  test('an unknown "from" (wrong case) is reported on its value, with a did-you-mean', () => {
    const files = edit(examplePacketFiles(), PROMOTION, 'from: E4', 'from: e4');
    const found = diagnosticsOfRule(files, RULE);
    expect(found.map(where)).toEqual([{ rule: RULE, file: PROMOTION, line: 4, column: 7 }]);
    expect(found[0]?.message).toContain('from level "e4" is not in the ladder. Did you mean "E4"?');
  });

  test('both levels unknown: one diagnostic each; a name close to nothing gets no suggestion', () => {
    let files = edit(examplePacketFiles(), SWITCH_TO_IC, 'from: M1', 'from: Lead');
    files = edit(files, SWITCH_TO_IC, 'to: E4', 'to: Staff-Engineer');
    const found = diagnosticsOfRule(files, RULE);
    expect(found.map(where)).toEqual([
      { rule: RULE, file: SWITCH_TO_IC, line: 4, column: 7 },
      { rule: RULE, file: SWITCH_TO_IC, line: 5, column: 5 },
    ]);
    expect(found[0]?.message).toContain('"Lead" is not in the ladder.');
    expect(found.map((d) => d.message).join('\n')).not.toContain('Did you mean');
  });

  test('with an unknown level the move and evidence rules stay silent: only this rule explains', () => {
    const files = edit(examplePacketFiles(), PROMOTION, 'to: E5', 'to: E55');
    expect(diagnosticsIn(files, PROMOTION).map((d) => d.rule)).toEqual([RULE]);
  });

  test('a level that exists on the other track is not unknown (the move rules judge it)', () => {
    const files = edit(examplePacketFiles(), PROMOTION, 'to: E5', 'to: M2');
    expect(diagnosticsOfRule(files, RULE)).toEqual([]);
  });

  test('policy can lower it to a warning or turn it off', () => {
    const broken = edit(examplePacketFiles(), PROMOTION, 'to: E5', 'to: E55');
    expect(diagnosticsOfRule(withRules(broken, { [RULE]: 'warning' }), RULE).map((d) => d.severity)).toEqual(['warning']);
    expect(diagnosticsOfRule(withRules(broken, { [RULE]: 'off' }), RULE)).toEqual([]);
  });
});
