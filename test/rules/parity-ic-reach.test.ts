import { describe, expect, test } from '@jest/globals';
import { diagnosticsOf, diagnosticsOfRule, exampleFiles, positionOf, rulesOf, where, without } from '../helpers/ladder-files.js';

const rule = 'parity-ic-reach';
const M4 = 'levels/em/M4.md';
const icLevels = ['E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7', 'E8'].map((id) => `levels/ic/${id}.md`);

describe(rule, () => {
  test('the IC track of the example goes higher than management', () => {
    expect(diagnosticsOfRule(exampleFiles(), rule)).toEqual([]);
  });

  test('an IC track that stops below management is reported on the top management level', () => {
    // Without E7 and E8 the IC track stops at "senior-staff"; M4 is on "principal".
    const files = without(exampleFiles(), 'levels/ic/E7.md', 'levels/ic/E8.md');
    const found = diagnosticsOfRule(files, rule);
    expect(found.map(where)).toEqual([{ rule, file: M4, ...positionOf(files, M4, 'principal') }]);
    expect(found[0]?.message).toBe(
      'Management reaches band "principal" ("M4") but the IC track stops at "senior-staff" ("E6"): engineers would have to manage to grow that far. Add IC levels up to band "principal".',
    );
    // M4's band has no IC level either, but that is the same fact: parity-band-coverage leaves
    // bands above every IC level to this rule, so one exception can waive it.
    expect(rulesOf(diagnosticsOf(files))).toEqual([rule]);
  });

  test('an IC track that reaches exactly as high is enough', () => {
    expect(diagnosticsOfRule(without(exampleFiles(), 'levels/ic/E8.md'), rule)).toEqual([]);
  });

  test('a ladder with management levels and no IC level at all', () => {
    const files = without(exampleFiles(), ...icLevels);
    const found = diagnosticsOfRule(files, rule);
    expect(found.map(where)).toEqual([{ rule, file: M4, line: 4, column: 8 }]);
    expect(found[0]?.message).toContain('engineers could only grow by becoming managers. Add an IC track (kind: ic) reaching band "principal".');
  });
});
