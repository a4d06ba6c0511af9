import { describe, expect, test } from '@jest/globals';
import { diagnosticsOf, diagnosticsOfRule, edit, exampleFiles, positionOf, textOf, where, withFile } from '../helpers/ladder-files.js';

const rule = 'unique-id';

describe(rule, () => {
  test('the example ladder has unique ids', () => {
    expect(diagnosticsOfRule(exampleFiles(), rule)).toEqual([]);
  });

  test('a band declared twice is reported on the second declaration, naming the line of the first', () => {
    const files = edit(exampleFiles(), 'ladder.yml', '  - id: staff\n', '  - id: senior\n');
    const found = diagnosticsOfRule(files, rule);
    expect(found.map(where)).toEqual([{ rule, file: 'ladder.yml', ...positionOf(files, 'ladder.yml', '  - id: senior', 2), column: 9 }]);
    const first = positionOf(files, 'ladder.yml', '  - id: senior').line;
    expect(found[0]?.message).toBe(`Duplicate band id "senior": it is already declared at line ${first}. Give this one another id, or remove it.`);
  });

  test('a track declared twice', () => {
    const files = edit(exampleFiles(), 'ladder.yml', '  - id: em\n', '  - id: ic\n');
    const found = diagnosticsOfRule(files, rule);
    expect(found.map(where)).toEqual([{ rule, file: 'ladder.yml', line: positionOf(files, 'ladder.yml', '  - id: ic', 2).line, column: 9 }]);
    expect(found[0]?.message).toContain('Duplicate track id "ic"');
  });

  test('a competency id declared twice, without contradictory section diagnostics in every level', () => {
    const files = edit(exampleFiles(), 'competencies.yml', '  - id: delivery\n', '  - id: system-design\n');
    const all = diagnosticsOf(files);
    expect(all.map(where)).toEqual([{ rule, file: 'competencies.yml', line: positionOf(files, 'competencies.yml', 'id: system-design', 2).line, column: 9 }]);
    expect(all[0]?.message).toContain('Duplicate competency id "system-design"');
    expect(all[0]?.message).toContain('Give this one another id, or remove it.');
  });

  test('competency names are unique regardless of case, since they are section headings', () => {
    const files = edit(exampleFiles(), 'competencies.yml', 'name: Delivery', 'name: system DESIGN');
    const found = diagnosticsOfRule(files, rule);
    expect(found.map(where)).toEqual([{ rule, file: 'competencies.yml', ...positionOf(files, 'competencies.yml', 'system DESIGN') }]);
    // The name as this file spells it (it used to print the lowercased comparison key).
    expect(found[0]?.message).toContain('Duplicate competency name "system DESIGN"');
    expect(found[0]?.message).toContain('Give this one another name');
  });

  test('a level id used by two files names the file of the first', () => {
    const copy = textOf(exampleFiles(), 'levels/ic/E4.md');
    const files = withFile(exampleFiles(), 'levels/ic/E9.md', copy);
    const found = diagnosticsOfRule(files, rule);
    expect(found.map(where)).toEqual([{ rule, file: 'levels/ic/E9.md', line: 3, column: 5 }]);
    expect(found[0]?.message).toBe('Duplicate level id "E4": it is already declared at levels/ic/E4.md. Give this one another id, or remove it.');
  });
});
