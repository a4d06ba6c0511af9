import { describe, expect, test } from '@jest/globals';
import { diagnosticsOf, edit, fixtureFiles, positionOf, where } from '../helpers/ladder-files.js';

/** Proficiency scales on test/fixtures/competencies: craft 1…5 up the IC track, people 3…5 up management. */
const model = () => fixtureFiles('competencies');
const C = 'competencies.yml';
const E4 = 'levels/ic/E4.md';
const M2 = 'levels/em/M2.md';

describe('proficiency-order', () => {
  const rule = 'proficiency-order';

  test('a step that goes down as the track climbs is reported on the higher level, once', () => {
    const files = edit(model(), E4, 'craft: 4', 'craft: 2');
    const found = diagnosticsOf(files);
    expect(found.map(where)).toEqual([{ rule, file: E4, ...positionOf(files, E4, '2 }') }]);
    expect(found[0]?.message).toBe(
      'Level "E4" puts "craft" at step 2 (Practicing), below the step 3 (Proficient) of "E3", the level under it on track "ic"; steps never go down as a track climbs: raise it to at least 3, or lower E3\'s.',
    );
  });

  test('equal steps on consecutive levels are fine (M1 and M2 share craft 3)', () => {
    expect(diagnosticsOf(edit(model(), E4, 'craft: 4', 'craft: 3'))).toEqual([]);
  });

  test('its severity is set in policy.rules like any rule', () => {
    const down = edit(model(), E4, 'craft: 4', 'craft: 2');
    const warned = diagnosticsOf(edit(down, 'ladder.yml', '  rules: {}', '  rules: { proficiency-order: warning }'));
    expect(warned.map((d) => [d.rule, d.severity])).toEqual([[rule, 'warning']]);
    expect(diagnosticsOf(edit(down, 'ladder.yml', '  rules: {}', '  rules: { proficiency-order: off }'))).toEqual([]);
  });
});

describe('proficiency-steps', () => {
  const rule = 'proficiency-steps';

  test('a scaled competency without a step on a level where it applies', () => {
    const files = edit(model(), M2, 'craft: 3, people: 4', 'craft: 3');
    const found = diagnosticsOf(files);
    expect(found.map(where)).toEqual([{ rule, file: M2, ...positionOf(files, M2, 'proficiency') }]);
    expect(found[0]?.message).toBe('Level "M2" states no step for "people"; add people: <1-5> under proficiency to its front matter.');
  });

  test('a step beyond the scale is reported on the value, with the range', () => {
    const files = edit(model(), E4, 'craft: 4', 'craft: 6');
    const found = diagnosticsOf(files);
    expect(found.map(where)).toEqual([{ rule, file: E4, ...positionOf(files, E4, '6 }') }]);
    expect(found[0]?.message).toBe(
      'Step 6 of "craft" in level "E4" is not on scale "proficiency", which has 5 steps (1 Aware to 5 Expert); use a step from 1 to 5.',
    );
  });

  test('steps are numbers of at least 1: 0, or a step name, is a schema error (and nothing more)', () => {
    const zero = edit(model(), E4, 'craft: 4', 'craft: 0');
    expect(diagnosticsOf(zero).map((d) => [d.rule, d.message])).toEqual([['schema', 'proficiency.craft must be at least 1, not number 0.']]);
    const named = edit(model(), E4, 'craft: 4', 'craft: Advanced');
    expect(diagnosticsOf(named).map((d) => [d.rule, d.message])).toEqual([
      ['schema', 'proficiency.craft must be an integer, not "Advanced". For example: `craft: 3`.'],
    ]);
  });

  test('a step for no competency, for one without a scale, and for one that does not apply here', () => {
    const unknown = edit(model(), E4, 'craft: 4', 'craft: 4, crafts: 2');
    expect(diagnosticsOf(unknown).map((d) => [d.rule, d.message])).toEqual([
      [
        rule,
        'Level "E4" states a step for "crafts", which is no competency id. Did you mean "craft"? proficiency keys are ids of competencies with a scale (here: "craft").',
      ],
    ]);
    const unscaled = edit(model(), E4, 'craft: 4', 'craft: 4, strategy: 2');
    expect(diagnosticsOf(unscaled).map((d) => [d.rule, d.message])).toEqual([
      [rule, 'Level "E4" states a step for "strategy", which has no scale; remove the step, or give the competency a scale in competencies.yml.'],
    ]);
    const elsewhere = edit(model(), E4, 'craft: 4', 'craft: 4, people: 2');
    const found = diagnosticsOf(elsewhere);
    expect(found.map(where)).toEqual([{ rule, file: E4, ...positionOf(elsewhere, E4, 'people') }]);
    expect(found[0]?.message).toBe('Level "E4" states a step for "people", which does not apply at this level (track "ic", band "staff"); remove the step.');
  });

  test('an unknown scale is one unknown-reference; steps on it are not judged', () => {
    const files = edit(model(), C, '    scale: proficiency\n  - id: engineering', '    scale: proficency\n  - id: engineering');
    const found = diagnosticsOf(files);
    expect(found.map(where)).toEqual([{ rule: 'unknown-reference', file: C, ...positionOf(files, C, 'proficency') }]);
    expect(found[0]?.message).toBe(
      'Competency "craft" uses scale "proficency", which competencies.yml does not declare. Did you mean "proficiency"? Known scales: "proficiency".',
    );
  });

  test('scales: a duplicate id, one step only, a step named twice', () => {
    const duplicate = edit(
      model(),
      C,
      '    steps: [Aware, Practicing, Proficient, Advanced, Expert]\n',
      '    steps: [Aware, Practicing, Proficient, Advanced, Expert]\n  - id: proficiency\n    steps: [Low, High]\n',
    );
    expect(diagnosticsOf(duplicate).map((d) => [d.rule, d.message])).toEqual([
      ['unique-id', 'Duplicate scale id "proficiency": it is already declared at line 2. Give this one another id, or remove it.'],
    ]);
    const one = edit(model(), C, '[Aware, Practicing, Proficient, Advanced, Expert]', '[Aware]');
    // Levels' steps above 1 are then off the scale, each reported where it is.
    expect(
      diagnosticsOf(one)
        .filter((d) => d.rule === 'schema')
        .map((d) => d.message),
    ).toEqual([expect.stringMatching(/^scales\[0\]\.steps must list at least 2 items\. The step names, lowest first/)]);
    const same = edit(model(), C, '[Aware, Practicing, Proficient, Advanced, Expert]', '[Aware, Aware, Proficient, Advanced, Expert]');
    expect(diagnosticsOf(same).map((d) => [d.rule, d.message])).toEqual([
      ['schema', 'scales[0].steps lists the same value twice (items 0 and 1); remove one.'],
    ]);
  });
});
