import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { checkLadder } from '../../src/check.js';
import type { SourceFile } from '../../src/core/source-file.js';
import { readLadderDir } from '../../src/node/read-ladder-dir.js';
import { diagnosticsOf, diagnosticsOfRule, edit, fixturesDir, positionOf, where } from '../helpers/ladder-files.js';

/** Two zones (us in USD, de in EUR), a range per zone on every band; M1 states its own pay, equal to its band's. */
const zones = (): SourceFile[] => readLadderDir(join(fixturesDir, 'model', 'zones'));
const M1 = 'levels/em/M1.md';
const E4 = 'levels/ic/E4.md';
const staffDe = 'de: { min: 105000, max: 135000 }';

/** The zones fixture where the Senior band gives no pay, so levels on it state their own. */
function seniorWithoutPay(): SourceFile[] {
  return edit(zones(), 'ladder.yml', /( {4}name: Senior\n) {4}pay:\n.*\n.*\n/, '$1');
}

describe('pay per zone: the model', () => {
  test('the zones fixture is valid, and its ranges carry their zone and currency', () => {
    expect(diagnosticsOf(zones())).toEqual([]);
    const { ladder } = checkLadder(zones());
    expect(ladder.zones.map((z) => [z.id, z.name, z.currency])).toEqual([
      ['us', 'United States', 'USD'],
      ['de', 'Germany', 'EUR'],
    ]);
    const senior = ladder.bands.find((b) => b.id === 'senior');
    expect(senior?.pay).toEqual({
      zoned: true,
      ranges: [
        { zone: 'us', currency: undefined, min: 180000, max: 230000, key: 'pay/us' },
        { zone: 'de', currency: 'EUR', min: 85000, max: 110000, key: 'pay/de' },
      ],
    });
  });
});

describe('band-order, zone by zone', () => {
  const rule = 'band-order';

  test('ranges are compared within a zone, never across zones and currencies (EUR 105000 is below USD 150000, and fine)', () => {
    expect(diagnosticsOfRule(zones(), rule)).toEqual([]);
  });

  test("a band that does not pay more than the band below it in one zone points at that zone's range", () => {
    const files = edit(zones(), 'ladder.yml', staffDe, 'de: { min: 80000, max: 135000 }');
    expect(diagnosticsOf(files).map(where)).toEqual([{ rule, file: 'ladder.yml', ...positionOf(files, 'ladder.yml', '{ min: 80000') }]);
    expect(diagnosticsOf(files)[0]?.message).toBe(
      'Band "staff" in zone "de" (80000-135000) does not pay more than "senior" below it (85000-110000). Bands are listed lowest first; raise this band\'s range or reorder the bands.',
    );
  });

  test('a range whose minimum is above its maximum points at the minimum and names the zone', () => {
    const files = edit(zones(), 'ladder.yml', staffDe, 'de: { min: 140000, max: 135000 }');
    const found = diagnosticsOfRule(files, rule);
    expect(found.map(where)[0]).toEqual({ rule, file: 'ladder.yml', ...positionOf(files, 'ladder.yml', '140000') });
    expect(found[0]?.message).toBe('Band "staff" pays from 140000 to 135000 in zone "de": the minimum is above the maximum. Swap them.');
  });

  test("a currency that is not the zone's points at the currency, and the range is not compared", () => {
    const files = edit(zones(), 'ladder.yml', 'de: { currency: EUR, min: 85000', 'de: { currency: USD, min: 85000');
    const found = diagnosticsOf(files);
    expect(found.map(where)).toEqual([{ rule, file: 'ladder.yml', ...positionOf(files, 'ladder.yml', 'USD, min: 85000') }]);
    expect(found[0]?.message).toBe(
      'Band "senior" is paid in USD in zone "de", which ladder.yml pays in EUR. Remove this currency (the zone gives it), or correct it.',
    );
  });

  test('a band missing a zone the other bands pay in is reported once, at its pay; the next band is compared with the last that has the zone', () => {
    const files = edit(zones(), 'ladder.yml', '      de: { currency: EUR, min: 85000, max: 110000 }\n', '');
    const found = diagnosticsOf(files);
    expect(found.map(where)).toEqual([{ rule, file: 'ladder.yml', ...positionOf(files, 'ladder.yml', 'us: { min: 180000') }]);
    expect(found[0]?.message).toBe(
      'Band "senior" gives no pay in zone "de" (Germany), which 2 other bands pay in. Add its range (de: { min, max }), or remove zone "de" from the bands that have it and from zones.',
    );
  });

  test('one range on a ladder with zones says to give a range per zone', () => {
    const files = edit(zones(), 'ladder.yml', /( {4}name: Staff\n) {4}pay:\n.*\n.*\n/, '$1    pay: { currency: USD, min: 220000, max: 280000 }\n');
    const found = diagnosticsOf(files);
    expect(found.map(where)).toEqual([{ rule, file: 'ladder.yml', ...positionOf(files, 'ladder.yml', '{ currency: USD, min: 220000') }]);
    expect(found[0]?.message).toBe(
      'Band "staff" gives one pay range, but ladder.yml declares zones ("us", "de"): give one range per zone, as pay: { us: { min, max }, de: { min, max } }.',
    );
  });

  test('a band without pay is fine: a zone is missing only from bands that give pay', () => {
    expect(diagnosticsOf(seniorWithoutPay())).toEqual([]);
  });
});

describe('parity-pay, zone by zone', () => {
  const rule = 'parity-pay';

  test("a level paid differently from its band in one zone points at that zone's range", () => {
    const files = edit(zones(), M1, 'de: { min: 85000, max: 110000 }', 'de: { min: 90000, max: 110000 }');
    expect(diagnosticsOf(files).map(where)).toEqual([{ rule, file: M1, ...positionOf(files, M1, '{ min: 90000') }]);
    expect(diagnosticsOf(files)[0]?.message).toBe(
      'Level "M1" pays EUR 90000-110000 in zone "de" but its band "senior" pays EUR 85000-110000; pay belongs to the band. Remove the level\'s pay or make it equal.',
    );
  });

  test('levels on a band without pay are compared zone by zone', () => {
    const e4 = (us: string, de: string) => `band: senior\npay:\n  us: ${us}\n  de: ${de}\n`;
    const same = edit(seniorWithoutPay(), E4, 'band: senior\n', e4('{ min: 180000, max: 230000 }', '{ currency: EUR, min: 85000, max: 110000 }'));
    expect(diagnosticsOf(same)).toEqual([]);
    const files = edit(seniorWithoutPay(), E4, 'band: senior\n', e4('{ min: 180000, max: 230000 }', '{ min: 80000, max: 100000 }'));
    // levels/em/M1.md is read before levels/ic/E4.md: E4 is the one that disagrees, in zone de only.
    expect(diagnosticsOf(files).map(where)).toEqual([{ rule, file: E4, ...positionOf(files, E4, '{ min: 80000') }]);
    expect(diagnosticsOf(files)[0]?.message).toBe(
      'Level "E4" pays EUR 80000-100000 in zone "de" but "M1" on the same band "senior" pays EUR 85000-110000: equivalent levels must be paid the same. Make the ranges equal.',
    );
  });

  test('a level that states pay in fewer zones is compared in the zones it states', () => {
    const files = edit(seniorWithoutPay(), E4, 'band: senior\n', 'band: senior\npay:\n  us: { min: 180000, max: 230000 }\n');
    expect(diagnosticsOf(files)).toEqual([]);
  });

  test('one range on a level of a ladder with zones says to give a range per zone', () => {
    const files = edit(zones(), M1, /pay:\n.*\n.*\n/, 'pay: { currency: USD, min: 180000, max: 230000 }\n');
    const found = diagnosticsOf(files);
    expect(found.map(where)).toEqual([{ rule, file: M1, ...positionOf(files, M1, '{ currency: USD') }]);
    expect(found[0]?.message).toContain('Level "M1" gives one pay range, but ladder.yml declares zones ("us", "de")');
  });

  test("a level's currency that is not its zone's", () => {
    const files = edit(zones(), M1, 'de: { min: 85000', 'de: { currency: USD, min: 85000');
    const found = diagnosticsOf(files);
    expect(found.map(where)).toEqual([{ rule, file: M1, ...positionOf(files, M1, 'USD') }]);
    expect(found[0]?.message).toBe(
      'Level "M1" is paid in USD in zone "de", which ladder.yml pays in EUR. Remove this currency (the zone gives it), or correct it.',
    );
  });
});

describe('zones: references, ids and shapes', () => {
  test('a misspelled zone in a band\'s pay is an unknown reference with a "did you mean", at its key', () => {
    const files = edit(zones(), 'ladder.yml', staffDe, 'dee: { min: 105000, max: 135000 }');
    const found = diagnosticsOfRule(files, 'unknown-reference');
    expect(found.map(where)).toEqual([{ rule: 'unknown-reference', file: 'ladder.yml', ...positionOf(files, 'ladder.yml', 'dee:') }]);
    expect(found[0]?.message).toBe('Band "staff" gives pay in zone "dee", which ladder.yml does not declare. Did you mean "de"? Known zones: "us", "de".');
    // The band then lacks de: one more fact, one more message (band-order), and nothing else.
    expect(diagnosticsOf(files).map((d) => d.rule)).toEqual(['band-order', 'unknown-reference']);
  });

  test("a zone in a level's pay that ladder.yml does not declare", () => {
    const files = edit(zones(), M1, '  de: {', '  xx: {');
    const found = diagnosticsOf(files);
    expect(found.map(where)).toEqual([{ rule: 'unknown-reference', file: M1, ...positionOf(files, M1, 'xx:') }]);
    expect(found[0]?.message).toBe('Level "M1" gives pay in zone "xx", which ladder.yml does not declare. Known zones: "us", "de".');
  });

  test('pay per zone on a ladder without zones says how to declare them', () => {
    const files = edit(zones(), 'ladder.yml', /zones:\n(?: {2}.*\n)+/, '');
    const found = diagnosticsOf(files);
    expect(new Set(found.map((d) => d.rule))).toEqual(new Set(['unknown-reference']));
    expect(found).toHaveLength(8);
    expect(found[0]?.message).toBe(
      'Band "career" gives pay in zone "us", which ladder.yml does not declare. Declare it under zones (id, name, currency), or give one range without zones: pay: { currency, min, max }.',
    );
  });

  test('a zone declared twice is a duplicate id', () => {
    const files = edit(zones(), 'ladder.yml', '  - id: de\n', '  - id: us\n');
    const found = diagnosticsOfRule(files, 'unique-id');
    expect(found.map(where)).toEqual([{ rule: 'unique-id', file: 'ladder.yml', line: positionOf(files, 'ladder.yml', '  - id: us', 2).line, column: 9 }]);
    expect(found[0]?.message).toBe(
      `Duplicate zone id "us": it is already declared at line ${positionOf(files, 'ladder.yml', '  - id: us').line}. Give this one another id, or remove it.`,
    );
  });

  test('hostile shapes are schema diagnostics, not crashes', () => {
    const cases: Array<[string, string, string]> = [
      [staffDe, 'de: 105000', 'must be'],
      [staffDe, 'de: { min: 105000, max: 135000, curency: EUR }', 'Did you mean "currency"?'],
      [staffDe, 'de: { min: 105000 }', 'Missing required key "max"'],
      ['  - id: de\n    name: Germany\n    currency: EUR\n', '  - id: de\n    name: Germany\n    currency: euro\n', 'currency'],
    ];
    for (const [from, to, says] of cases) {
      const files = edit(zones(), 'ladder.yml', from, to);
      const found = diagnosticsOf(files);
      // One fact, one message: a broken range is the schema's, and no other rule reads it as missing.
      expect(found.map((d) => d.rule)).toEqual(['schema']);
      expect(found.map((d) => d.message).join('\n')).toContain(says);
    }
  });

  test('{ min, max } without a currency on a ladder without zones is one range missing its currency', () => {
    const files = edit(zones(), 'ladder.yml', /zones:\n(?: {2}.*\n)+/, '');
    const flat = edit(files, 'ladder.yml', /( {4}name: Career\n) {4}pay:\n.*\n.*\n/, '$1    pay: { min: 150000, max: 190000 }\n');
    expect(diagnosticsOfRule(flat, 'schema').map((d) => d.message)[0]).toContain('Missing required key "currency"');
  });
});
