import { describe, expect, test } from '@jest/globals';
import { diagnosticsOfRule, edit, exampleFiles, positionOf, where, without } from '../helpers/ladder-files.js';

const rule = 'unknown-reference';

describe(rule, () => {
  test('every reference of the example ladder resolves', () => {
    expect(diagnosticsOfRule(exampleFiles(), rule)).toEqual([]);
  });

  test('a misspelled band in a level points at the value and suggests the band', () => {
    const files = edit(exampleFiles(), 'levels/ic/E4.md', 'band: senior', 'band: senoir');
    const found = diagnosticsOfRule(files, rule);
    expect(found.map(where)).toEqual([{ rule, file: 'levels/ic/E4.md', ...positionOf(files, 'levels/ic/E4.md', 'senoir') }]);
    expect(positionOf(files, 'levels/ic/E4.md', 'senoir')).toEqual({ line: 6, column: 7 });
    expect(found[0]?.message).toContain('Level "E4" names band "senoir", which ladder.yml does not declare. Did you mean "senior"?');
    expect(found[0]?.message).toContain('Known bands: "entry", "developing"');
  });

  test('a misspelled track in a level suggests the track', () => {
    const files = edit(exampleFiles(), 'levels/em/M2.md', 'track: em', 'track: emm');
    const found = diagnosticsOfRule(files, rule);
    expect(found.map(where)).toEqual([{ rule, file: 'levels/em/M2.md', line: 4, column: 8 }]);
    expect(found[0]?.message).toContain('Level "M2" names track "emm", which ladder.yml does not declare. Did you mean "em"? Known tracks: "ic", "em".');
  });

  test('a misspelled track in competencies.yml points at the list item', () => {
    const files = edit(exampleFiles(), 'competencies.yml', 'tracks: [ic]\n  - id: delivery', 'tracks: [ic, mgmt, e]\n  - id: delivery');
    const found = diagnosticsOfRule(files, rule);
    expect(found.map(where)).toEqual([
      { rule, file: 'competencies.yml', ...positionOf(files, 'competencies.yml', 'mgmt') },
      { rule, file: 'competencies.yml', ...positionOf(files, 'competencies.yml', ', e]', 1), column: positionOf(files, 'competencies.yml', ', e]').column + 2 },
    ]);
    // "mgmt" is not close to any track: no guess, but the list of known ones.
    expect(found[0]?.message).toBe('Competency "system-design" applies to track "mgmt", which ladder.yml does not declare. Known tracks: "ic", "em".');
    expect(found[1]?.message).toContain('Did you mean');
  });

  test("a level's differences name competencies that apply at the level", () => {
    const front = 'band: senior-staff';
    let files = edit(
      exampleFiles(),
      'levels/ic/E6.md',
      front,
      `differences:\n  delivery: Leads cross-team projects.\n  sytem-design: Designs shared systems.\n  people-leadership: Manages.\n${front}`,
    );
    // The example ladder's own differences (E5's) stay valid: only the two bad keys are reported.
    const found = diagnosticsOfRule(files, rule);
    expect(found.map(where)).toEqual([
      { rule, file: 'levels/ic/E6.md', ...positionOf(files, 'levels/ic/E6.md', 'sytem-design') },
      { rule, file: 'levels/ic/E6.md', ...positionOf(files, 'levels/ic/E6.md', 'people-leadership: Manages') },
    ]);
    expect(found[0]?.message).toContain('Level "E6" says what is different in "sytem-design", which is no competency id. Did you mean "system-design"?');
    expect(found[1]?.message).toContain('which track "ic" does not measure.');
    files = edit(files, 'levels/ic/E6.md', '  sytem-design: Designs shared systems.\n  people-leadership: Manages.\n', '');
    expect(diagnosticsOfRule(files, rule)).toEqual([]);
  });

  test('without ladder.yml nothing is reported as unknown (missing-file says why)', () => {
    expect(diagnosticsOfRule(without(exampleFiles(), 'ladder.yml'), rule)).toEqual([]);
  });
});
