import { describe, expect, test } from '@jest/globals';
import { diagnosticsOf, diagnosticsOfRule, edit, exampleFiles, positionOf, where } from '../helpers/ladder-files.js';

const rule = 'parity-pay';
const E4 = 'levels/ic/E4.md';
const M1 = 'levels/em/M1.md';
const seniorPay = '{ currency: USD, min: 180000, max: 230000 }';

/** Gives a level its own pay range, right after its band. */
function withPay(files: ReturnType<typeof exampleFiles>, path: string, band: string, pay: string) {
  return edit(files, path, `band: ${band}\n`, `band: ${band}\npay: ${pay}\n`);
}

/** The example where the Senior band gives no pay, so levels on it state their own. */
function seniorWithoutPay() {
  return edit(exampleFiles(), 'ladder.yml', `    name: Senior\n    pay: ${seniorPay}\n`, '    name: Senior\n');
}

describe(rule, () => {
  test('the example gives pay per band only, so levels agree', () => {
    expect(diagnosticsOfRule(exampleFiles(), rule)).toEqual([]);
  });

  test("a level's pay equal to its band's is fine", () => {
    expect(diagnosticsOf(withPay(exampleFiles(), M1, 'senior', seniorPay))).toEqual([]);
  });

  test("a level paid differently from its band points at the level's pay", () => {
    const files = withPay(exampleFiles(), M1, 'senior', '{ currency: USD, min: 200000, max: 260000 }');
    expect(diagnosticsOf(files).map(where)).toEqual([{ rule, file: M1, ...positionOf(files, M1, '{ currency') }]);
    expect(diagnosticsOf(files)[0]?.message).toBe(
      'Level "M1" pays USD 200000-260000 but its band "senior" pays USD 180000-230000; pay belongs to the band. Remove the level\'s pay or make it equal.',
    );
  });

  test('levels on one band with different pay: equivalent levels must be paid the same', () => {
    let files = withPay(seniorWithoutPay(), M1, 'senior', '{ currency: USD, min: 190000, max: 240000 }');
    files = withPay(files, E4, 'senior', '{ currency: USD, min: 180000, max: 230000 }');
    // levels/em/M1.md is read before levels/ic/E4.md: E4 is the one that disagrees.
    expect(diagnosticsOf(files).map(where)).toEqual([{ rule, file: E4, ...positionOf(files, E4, '{ currency') }]);
    expect(diagnosticsOf(files)[0]?.message).toBe(
      'Level "E4" pays USD 180000-230000 but "M1" on the same band "senior" pays USD 190000-240000: equivalent levels must be paid the same. Make the ranges equal.',
    );
  });

  test('levels on one band with equal pay, or in another currency', () => {
    let files = withPay(seniorWithoutPay(), M1, 'senior', seniorPay);
    expect(diagnosticsOf(withPay(files, E4, 'senior', seniorPay))).toEqual([]);
    files = withPay(files, E4, 'senior', '{ currency: EUR, min: 180000, max: 230000 }');
    expect(diagnosticsOfRule(files, rule).map(where)).toEqual([{ rule, file: E4, ...positionOf(files, E4, '{ currency') }]);
  });

  test('levels on different bands may differ', () => {
    let files = withPay(seniorWithoutPay(), M1, 'senior', seniorPay);
    files = edit(files, 'ladder.yml', '    name: Staff\n    pay: { currency: USD, min: 220000, max: 280000 }\n', '    name: Staff\n');
    files = withPay(files, 'levels/em/M2.md', 'staff', '{ currency: USD, min: 220000, max: 280000 }');
    expect(diagnosticsOf(files)).toEqual([]);
  });
});
