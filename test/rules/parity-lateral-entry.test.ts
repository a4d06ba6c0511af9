import { describe, expect, test } from '@jest/globals';
import { diagnosticsOf, diagnosticsOfRule, edit, exampleFiles, positionOf, where, without } from '../helpers/ladder-files.js';

const rule = 'parity-lateral-entry';
const M1 = 'levels/em/M1.md';

describe(rule, () => {
  test('entering management in the example is lateral: M1 shares the Senior band with E4', () => {
    expect(diagnosticsOfRule(exampleFiles(), rule)).toEqual([]);
  });

  test('a first management level on a band without an IC level makes entering management a promotion', () => {
    // Without E1-E4 the IC track starts at "staff"; M1 stays on "senior".
    const files = without(exampleFiles(), 'levels/ic/E1.md', 'levels/ic/E2.md', 'levels/ic/E3.md', 'levels/ic/E4.md');
    expect(diagnosticsOf(files).map(where)).toEqual([{ rule, file: M1, ...positionOf(files, M1, 'senior') }]);
    expect(diagnosticsOf(files)[0]?.message).toBe(
      '"M1", the first level of track "em", sits on band "senior", where there is no IC level: an engineer could only enter management by changing band, which makes it a promotion. Put "M1" on the band of an IC level (for example the Senior band).',
    );
  });

  test('the first level is the lowest by band, not the first file', () => {
    // M2 now sits below M1; without E4 the "senior" band has no IC level.
    let files = edit(exampleFiles(), M1, 'band: senior', 'band: staff');
    files = edit(files, 'levels/em/M2.md', 'band: staff', 'band: senior');
    files = without(files, 'levels/ic/E4.md');
    const found = diagnosticsOfRule(files, rule);
    expect(found.map(where)).toEqual([{ rule, file: 'levels/em/M2.md', ...positionOf(files, 'levels/em/M2.md', 'senior') }]);
    expect(found[0]?.message).toContain('"M2", the first level of track "em"');
  });
});
