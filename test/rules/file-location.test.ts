import { describe, expect, test } from '@jest/globals';
import { diagnosticsOf, diagnosticsOfRule, edit, exampleFiles, move, where } from '../helpers/ladder-files.js';

const rule = 'file-location';

describe(rule, () => {
  test('every file of the example is where it belongs', () => {
    expect(diagnosticsOfRule(exampleFiles(), rule)).toEqual([]);
  });

  test('a level in the folder of another track points at its track', () => {
    const files = move(exampleFiles(), 'levels/ic/E4.md', 'levels/em/E4.md');
    // The level still counts for its own track: nothing else is wrong.
    expect(diagnosticsOf(files).map(where)).toEqual([{ rule, file: 'levels/em/E4.md', line: 4, column: 8 }]);
    expect(diagnosticsOf(files)[0]?.message).toBe(
      'Level "E4" is on track "ic" but lives in levels/em/; move the file to levels/ic/E4.md, or correct its track.',
    );
  });

  test('a level at the wrong depth is not checked, and says where it belongs', () => {
    const files = move(exampleFiles(), 'levels/ic/E4.md', 'levels/E4.md');
    const found = diagnosticsOfRule(files, rule);
    expect(found.map(where)).toEqual([{ rule, file: 'levels/E4.md', line: 1, column: 1 }]);
    expect(found[0]?.message).toBe('This file is not where the engine looks for it, so it is not checked; move it to levels/<track>/<level id>.md.');
  });

  test('a level nested too deep', () => {
    const files = move(exampleFiles(), 'levels/ic/E4.md', 'levels/ic/senior/E4.md');
    expect(diagnosticsOfRule(files, rule).map(where)).toEqual([{ rule, file: 'levels/ic/senior/E4.md', line: 1, column: 1 }]);
  });

  test('a level id that differs from its file name points at the id', () => {
    const files = edit(exampleFiles(), 'levels/ic/E4.md', 'id: E4', 'id: E4a');
    const found = diagnosticsOfRule(files, rule);
    expect(found.map(where)).toEqual([{ rule, file: 'levels/ic/E4.md', line: 3, column: 5 }]);
    expect(found[0]?.message).toContain('Level id "E4a" differs from its file name "E4.md"; rename the file to E4a.md or change the id');
  });

  test('ladder.yaml instead of ladder.yml', () => {
    const files = move(exampleFiles(), 'ladder.yml', 'ladder.yaml');
    expect(diagnosticsOf(files).map(where)).toEqual([
      { rule, file: 'ladder.yaml', line: 1, column: 1 },
      { rule: 'missing-file', file: 'ladder.yml', line: 1, column: 1 },
    ]);
    expect(diagnosticsOf(files)[0]?.message).toContain('move it to ladder.yml');
  });
});
