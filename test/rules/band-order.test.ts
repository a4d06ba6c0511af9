import { describe, expect, test } from '@jest/globals';
import { diagnosticsOf, diagnosticsOfRule, edit, exampleFiles, positionOf, where } from '../helpers/ladder-files.js';

const rule = 'band-order';
const staffPay = '{ currency: USD, min: 220000, max: 280000 }';

describe(rule, () => {
  test("the example's bands pay strictly more, band after band", () => {
    expect(diagnosticsOfRule(exampleFiles(), rule)).toEqual([]);
  });

  test('a band that does not pay more than the band below it points at its pay', () => {
    const files = edit(exampleFiles(), 'ladder.yml', staffPay, '{ currency: USD, min: 170000, max: 280000 }');
    // Exactly one problem in the whole ladder: this rule's.
    expect(diagnosticsOf(files).map(where)).toEqual([{ rule, file: 'ladder.yml', ...positionOf(files, 'ladder.yml', '{ currency: USD, min: 170000') }]);
    expect(diagnosticsOf(files)[0]?.message).toBe(
      'Band "staff" (170000-280000) does not pay more than "senior" below it (180000-230000). Bands are listed lowest first; raise this band\'s range or reorder the bands.',
    );
  });

  test('an equal maximum is not strictly more', () => {
    const files = edit(exampleFiles(), 'ladder.yml', staffPay, '{ currency: USD, min: 220000, max: 230000 }');
    expect(diagnosticsOfRule(files, rule).map(where)).toEqual([
      { rule, file: 'ladder.yml', ...positionOf(files, 'ladder.yml', '{ currency: USD, min: 220000') },
    ]);
  });

  test('bands listed in the wrong order', () => {
    const files = edit(exampleFiles(), 'ladder.yml', /( {2}- id: staff\n.*\n.*\n)( {2}- id: senior-staff\n.*\n.*\n)/, '$2$1');
    const found = diagnosticsOfRule(files, rule);
    expect(found.map(where)).toEqual([{ rule, file: 'ladder.yml', ...positionOf(files, 'ladder.yml', '{ currency: USD, min: 220000') }]);
    expect(found[0]?.message).toContain('Band "staff" (220000-280000) does not pay more than "senior-staff" below it');
  });

  test('a pay range whose minimum is above its maximum points at the minimum', () => {
    const files = edit(exampleFiles(), 'ladder.yml', staffPay, '{ currency: USD, min: 290000, max: 280000 }');
    const found = diagnosticsOfRule(files, rule);
    expect(found.map(where)[0]).toEqual({ rule, file: 'ladder.yml', ...positionOf(files, 'ladder.yml', '290000') });
    expect(found[0]?.message).toBe('Band "staff" pays from 290000 to 280000: the minimum is above the maximum. Swap them.');
  });

  test('a band paid in another currency points at the currency', () => {
    const files = edit(exampleFiles(), 'ladder.yml', staffPay, '{ currency: EUR, min: 220000, max: 280000 }');
    const found = diagnosticsOfRule(files, rule);
    expect(found.map(where)[0]).toEqual({ rule, file: 'ladder.yml', ...positionOf(files, 'ladder.yml', 'EUR') });
    expect(found[0]?.message).toContain('use one currency so bands can be ordered');
  });

  test('a band without pay is skipped: the next band is compared with the last band that has pay', () => {
    const noPay = edit(exampleFiles(), 'ladder.yml', `    pay: ${staffPay}\n`, '');
    expect(diagnosticsOfRule(noPay, rule)).toEqual([]);
    const lower = edit(noPay, 'ladder.yml', '{ currency: USD, min: 265000, max: 335000 }', '{ currency: USD, min: 175000, max: 335000 }');
    const found = diagnosticsOfRule(lower, rule);
    expect(found.map(where)).toEqual([{ rule, file: 'ladder.yml', ...positionOf(lower, 'ladder.yml', '{ currency: USD, min: 175000') }]);
    expect(found[0]?.message).toContain('"senior-staff" (175000-335000) does not pay more than "senior" below it');
  });
});
