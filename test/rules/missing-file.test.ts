import { describe, expect, test } from '@jest/globals';
import { diagnosticsOf, diagnosticsOfRule, exampleFiles, where, without } from '../helpers/ladder-files.js';

const rule = 'missing-file';

describe(rule, () => {
  test('the example has both ladder.yml and competencies.yml', () => {
    expect(diagnosticsOfRule(exampleFiles(), rule)).toEqual([]);
  });

  test('no ladder.yml: one diagnostic, no cascade of unknown references', () => {
    const found = diagnosticsOf(without(exampleFiles(), 'ladder.yml'));
    expect(found.map(where)).toEqual([{ rule, file: 'ladder.yml', line: 1, column: 1 }]);
    expect(found[0]?.message).toContain('There is no ladder.yml in the ladder directory. Create it with organization, version, bands and tracks');
    expect(found[0]?.message).toContain('or point the command at the directory that holds it');
  });

  test('no competencies.yml', () => {
    const found = diagnosticsOf(without(exampleFiles(), 'competencies.yml'));
    expect(found.map(where)).toEqual([{ rule, file: 'competencies.yml', line: 1, column: 1 }]);
    expect(found[0]?.message).toContain('Create it with the list of competencies');
  });

  test('an empty directory misses both', () => {
    expect(diagnosticsOf([]).map(where)).toEqual([
      { rule, file: 'competencies.yml', line: 1, column: 1 },
      { rule, file: 'ladder.yml', line: 1, column: 1 },
    ]);
  });
});
