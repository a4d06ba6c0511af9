import { describe, expect, test } from '@jest/globals';
import { diagnosticsOf, diagnosticsOfRule, edit, exampleFiles, positionOf, textOf, where, without } from '../helpers/ladder-files.js';

const rule = 'level-sections';
const E4 = 'levels/ic/E4.md';
/** Where the missing-sections diagnostic points: the level's id in its front matter. */
const idOfE4 = { rule, file: E4, line: 3, column: 5 };

/** The example with one `## ` section of E4 (heading and body) removed. */
function withoutSection(name: string) {
  return edit(exampleFiles(), E4, new RegExp(`## ${name}\\n[\\s\\S]*?(?=## )`), '');
}

describe(rule, () => {
  test('every level of the example has exactly the sections of its track', () => {
    expect(diagnosticsOfRule(exampleFiles(), rule)).toEqual([]);
  });

  test('a missing section is named, on the level id', () => {
    const files = withoutSection('Operational excellence');
    expect(diagnosticsOf(files).map(where)).toEqual([idOfE4]);
    expect(diagnosticsOf(files)[0]?.message).toBe(
      'Level "E4" has no section for "Operational excellence"; add a "## Operational excellence" section with its expectations.',
    );
  });

  test('several missing sections are all named', () => {
    const files = edit(withoutSection('Delivery'), E4, /## Growing others\n[\s\S]*?(?=## )/, '');
    const found = diagnosticsOfRule(files, rule);
    expect(found.map(where)).toEqual([idOfE4]);
    expect(found[0]?.message).toContain('has no section for "Delivery", "Growing others"; add one "## <name>" section for each');
  });

  test('a misspelled section is unknown, with a "Did you mean", and its competency is missing', () => {
    const files = edit(exampleFiles(), E4, '## System design', '## Sytem design');
    const found = diagnosticsOfRule(files, rule);
    expect(found.map(where)).toEqual([idOfE4, { rule, file: E4, ...positionOf(files, E4, 'Sytem design') }]);
    expect(found[0]?.message).toContain('no section for "System design"');
    expect(found[1]?.message).toBe(
      'Unknown section "Sytem design" in level "E4": No competency has this name. Did you mean "System design"? Section headings must match a competency name in competencies.yml.',
    );
  });

  test("a section for another track's competency says which tracks it applies to", () => {
    const files = edit(exampleFiles(), E4, '## Delivery\n', '## People leadership\n\n- Runs the 1:1s.\n\n## Delivery\n');
    const found = diagnosticsOf(files);
    expect(found.map(where)).toEqual([{ rule, file: E4, ...positionOf(files, E4, 'People leadership') }]);
    expect(found[0]?.message).toBe(
      'Unknown section "People leadership" in level "E4": "People leadership" does not apply to track "ic" (competencies.yml lists it for em); remove the section or add the track to the competency.',
    );
  });

  test('a duplicated section points at the second heading and names the line of the first', () => {
    const files = edit(exampleFiles(), E4, '## Strategy and impact\n', '## Technical craft\n\n- Once more.\n\n## Strategy and impact\n');
    const found = diagnosticsOf(files);
    expect(found.map(where)).toEqual([{ rule, file: E4, ...positionOf(files, E4, '## Technical craft', 2), column: 4 }]);
    expect(found[0]?.message).toBe(
      `Section "Technical craft" appears twice in level "E4" (first on line ${positionOf(files, E4, '## Technical craft').line}); merge the two.`,
    );
  });

  test('an empty section asks for expectations', () => {
    const files = edit(exampleFiles(), E4, /## Delivery\n[\s\S]*?(?=## )/, '## Delivery\n\n');
    const found = diagnosticsOf(files);
    expect(found.map(where)).toEqual([{ rule, file: E4, ...positionOf(files, E4, 'Delivery\n'), column: 4 }]);
    expect(found[0]?.message).toBe('Section "Delivery" of level "E4" is empty; write what this level expects for delivery.');
  });

  test('headings match competency names without regard to case, and closing #s are ignored', () => {
    const files = edit(edit(exampleFiles(), E4, '## Delivery\n', '## DELIVERY ##\n'), E4, '## Growing others\n', '## Growing others #####\n');
    expect(diagnosticsOf(files)).toEqual([]);
  });

  test('a "## " line inside a fenced code block is not a section', () => {
    const files = edit(exampleFiles(), E4, '## Delivery\n', '## Delivery\n\n```markdown\n## Not a section\n```\n\n~~~\n## Nor this\n~~~\n');
    expect(diagnosticsOf(files)).toEqual([]);
    expect(textOf(files, E4)).toContain('## Not a section');
  });

  test('without competencies.yml no section is judged (missing-file says why)', () => {
    const files = without(exampleFiles(), 'competencies.yml');
    expect(diagnosticsOfRule(files, rule)).toEqual([]);
    expect(diagnosticsOf(files).map(where)).toEqual([{ rule: 'missing-file', file: 'competencies.yml', line: 1, column: 1 }]);
  });
});
