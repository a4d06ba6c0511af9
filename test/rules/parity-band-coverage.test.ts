import { describe, expect, test } from '@jest/globals';
import { diagnosticsOf, diagnosticsOfRule, exampleFiles, positionOf, rulesOf, where, without, withPolicy } from '../helpers/ladder-files.js';

const rule = 'parity-band-coverage';
const M2 = 'levels/em/M2.md';

describe(rule, () => {
  test('every band of the example that holds a management level holds an IC level', () => {
    expect(diagnosticsOfRule(exampleFiles(), rule)).toEqual([]);
  });

  test('a management level on a band without an IC level is reported on its band', () => {
    // Without E5 the IC track skips "staff", where M2 sits.
    const files = without(exampleFiles(), 'levels/ic/E5.md');
    const found = diagnosticsOfRule(files, rule);
    expect(found.map(where)).toEqual([{ rule, file: M2, ...positionOf(files, M2, 'staff') }]);
    expect(found[0]?.message).toBe(
      'Band "staff" holds management level "M2" but no IC level: the tracks are not equally senior there. Add an IC level on band "staff", or move "M2" to a band the IC track has.',
    );
    // The IC gap is level-climb's, and nothing else is wrong.
    expect(rulesOf(diagnosticsOf(files))).toEqual(['level-climb', rule]);
    expect(diagnosticsOf(withPolicy(files, { 'level-climb': 'off' })).map(where)).toEqual([{ rule, file: M2, line: 6, column: 7 }]);
  });

  test('the first management level is left to parity-lateral-entry', () => {
    // Without E1-E4 the IC track starts at "staff": M1 on "senior" has no IC peer.
    const files = without(exampleFiles(), 'levels/ic/E1.md', 'levels/ic/E2.md', 'levels/ic/E3.md', 'levels/ic/E4.md');
    expect(diagnosticsOfRule(files, rule)).toEqual([]);
    expect(rulesOf(diagnosticsOf(files))).toEqual(['parity-lateral-entry']);
  });
});
