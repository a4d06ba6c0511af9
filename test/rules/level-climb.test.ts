import { describe, expect, test } from '@jest/globals';
import { diagnosticsOf, diagnosticsOfRule, edit, exampleFiles, positionOf, where } from '../helpers/ladder-files.js';

const rule = 'level-climb';

/** The example with a "fellow" band above "distinguished", which no level uses yet. */
function withFellowBand() {
  return edit(
    exampleFiles(),
    'ladder.yml',
    '    pay: { currency: USD, min: 380000, max: 480000 }\n',
    '    pay: { currency: USD, min: 380000, max: 480000 }\n  - id: fellow\n    name: Fellow\n',
  );
}

describe(rule, () => {
  test('both tracks of the example climb one band at a time', () => {
    expect(diagnosticsOfRule(exampleFiles(), rule)).toEqual([]);
    expect(diagnosticsOf(withFellowBand())).toEqual([]);
  });

  test('a gap: a level two bands above the one below it names the skipped band', () => {
    const files = edit(withFellowBand(), 'levels/ic/E8.md', 'band: distinguished', 'band: fellow');
    expect(diagnosticsOf(files).map(where)).toEqual([{ rule, file: 'levels/ic/E8.md', ...positionOf(files, 'levels/ic/E8.md', 'fellow') }]);
    expect(diagnosticsOf(files)[0]?.message).toBe(
      'Track "ic" jumps from "E7" (band "principal") to "E8" (band "fellow"), skipping band "distinguished". Add a level on the skipped band, or move "E8" down.',
    );
  });

  test('two levels of one track on one band', () => {
    const files = edit(exampleFiles(), 'levels/em/M4.md', 'band: principal', 'band: senior-staff');
    const found = diagnosticsOfRule(files, rule);
    expect(found.map(where)).toEqual([{ rule, file: 'levels/em/M4.md', ...positionOf(files, 'levels/em/M4.md', 'senior-staff') }]);
    expect(found[0]?.message).toBe(
      'Levels "M3" and "M4" of track "em" both sit on band "senior-staff"; a track has one level per band. Move one to another band, or merge them.',
    );
  });

  test('moving a level down reports both the crowded band and the gap it leaves', () => {
    const files = edit(exampleFiles(), 'levels/ic/E5.md', 'band: staff', 'band: senior');
    const found = diagnosticsOfRule(files, rule);
    expect(found.map(where)).toEqual([
      { rule, file: 'levels/ic/E5.md', ...positionOf(files, 'levels/ic/E5.md', 'senior') },
      { rule, file: 'levels/ic/E6.md', ...positionOf(files, 'levels/ic/E6.md', 'senior-staff') },
    ]);
    expect(found[0]?.message).toContain('both sit on band "senior"');
    expect(found[1]?.message).toContain('skipping band "staff"');
  });

  test('a level on an unknown band is left to unknown-reference', () => {
    const files = edit(exampleFiles(), 'levels/ic/E8.md', 'band: distinguished', 'band: legendary');
    expect(diagnosticsOfRule(files, rule)).toEqual([]);
    expect(diagnosticsOfRule(files, 'unknown-reference')).toHaveLength(1);
  });
});
