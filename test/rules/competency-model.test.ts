import { describe, expect, test } from '@jest/globals';
import { diagnosticsOf, edit, fixtureFiles, positionOf, where } from '../helpers/ladder-files.js';

/**
 * The competency model of issue 10 on test/fixtures/competencies: `from`, choose-k groups, pillars with
 * subs and per-track definitions. Each test breaks one thing and expects exactly its diagnostics.
 */
const model = () => fixtureFiles('competencies');
const C = 'competencies.yml';
const E2 = 'levels/ic/E2.md';
const E3 = 'levels/ic/E3.md';
const E4 = 'levels/ic/E4.md';
const PACKET = 'packets/2026-h2/sam-lee-promotion.md';
const idOf = (file: string) => ({ file, line: 2, column: 5 });

describe('the model fixture', () => {
  test('is valid as it is', () => {
    expect(diagnosticsOf(model())).toEqual([]);
  });
});

describe('from: a competency applies from a band upward', () => {
  const rule = 'level-sections';

  test('a level below the band has no section for it, and one there is too many', () => {
    const files = edit(model(), E2, '## Delivery', '## Strategy\n\n- Too early.\n\n## Delivery');
    const found = diagnosticsOf(files);
    expect(found.map(where)).toEqual([{ rule, file: E2, ...positionOf(files, E2, 'Strategy') }]);
    expect(found[0]?.message).toBe(
      'Section "Strategy" of level "E2" is for "Strategy", which applies from band "staff" up (from: staff on "strategy" in competencies.yml); remove the section, or lower its from.',
    );
  });

  test('a level on the band or above must have it', () => {
    const files = edit(model(), E4, /## Strategy\n[\s\S]*?(?=## )/, '');
    const found = diagnosticsOf(files);
    expect(found.map(where)).toEqual([{ rule, ...idOf(E4) }]);
    expect(found[0]?.message).toBe('Level "E4" has no section for "Strategy"; add a "## Strategy" section with its expectations.');
  });

  test("from may name a level: it stands for that level's band, on every track", () => {
    const files = edit(model(), C, '    from: staff\n', '    from: E4\n');
    expect(diagnosticsOf(files)).toEqual([]);
    const lower = edit(model(), C, '    from: staff\n', '    from: M1\n');
    expect(diagnosticsOf(lower).map(where)).toEqual([
      { rule, ...idOf('levels/em/M1.md') },
      { rule, ...idOf(E3) },
    ]);
  });

  test('an unknown from is one unknown-reference, with a "did you mean", and no section is judged for it', () => {
    const files = edit(model(), C, '    from: staff\n', '    from: stafff\n');
    const found = diagnosticsOf(files);
    expect(found.map(where)).toEqual([{ rule: 'unknown-reference', file: C, ...positionOf(files, C, 'stafff') }]);
    expect(found[0]?.message).toBe(
      'Competency "strategy" applies from "stafff", which is neither a band nor a level. Did you mean "staff"? Use a band id ("entry", "mid", "senior", "staff", "principal") or a level id.',
    );
  });

  test('a from that is not text is one schema error; no section is judged for it', () => {
    const files = edit(model(), C, '    from: staff\n', '    from: [staff]\n');
    expect(diagnosticsOf(files).map((d) => [d.rule, d.line, d.message])).toEqual([
      ['schema', positionOf(files, C, '[staff]').line, expect.stringContaining('competencies[2].from must be a string, not a list.')],
    ]);
  });
});

describe('choose-k groups', () => {
  const rule = 'level-sections';

  test('a level may cover just one option of a choose-1 group', () => {
    expect(diagnosticsOf(edit(model(), E3, /## Mobile\n[\s\S]*?(?=## )/, ''))).toEqual([]);
  });

  test('a level with no option is told which ones it may choose', () => {
    const files = edit(edit(model(), E3, /## Mobile\n[\s\S]*?(?=## )/, ''), E3, /## Web\n[\s\S]*?(?=## )/, '');
    const found = diagnosticsOf(files);
    expect(found.map(where)).toEqual([{ rule, ...idOf(E3) }]);
    expect(found[0]?.message).toBe(
      'Level "E3" has 0 of the options of group "specialization", which asks for at least 1 of "Mobile", "Web"; add a "## <name>" section with expectations for one more.',
    );
  });

  test('choose 2 needs both, from levels and packets', () => {
    const files = edit(edit(model(), C, 'choose: 1', 'choose: 2'), E3, /## Mobile\n[\s\S]*?(?=## )/, '');
    expect(diagnosticsOf(files).map(where)).toEqual([
      { rule, ...idOf(E3) },
      { rule: 'packet-evidence', file: PACKET, ...positionOf(files, PACKET, 'E4\n') },
    ]);
  });

  test('choose more than the group has options is reported at choose (competency-groups), with the options', () => {
    const files = edit(model(), C, 'choose: 1', 'choose: 3');
    const found = diagnosticsOf(files);
    expect(found.map(where)).toEqual([{ rule: 'competency-groups', file: C, ...positionOf(files, C, '3\n') }]);
    expect(found[0]?.message).toBe(
      'Group "specialization" asks to choose 3 but has only 2 options (mobile, web); lower choose, or add group: specialization to more competencies.',
    );
  });

  test('choose 0 is a schema error', () => {
    const files = edit(model(), C, 'choose: 1', 'choose: 0');
    expect(diagnosticsOf(files).map((d) => [d.rule, d.message])).toEqual([['schema', 'groups[0].choose must be at least 1, not number 0.']]);
  });

  test('an unknown group is reported; its competency is accepted, never required, and the group has one option fewer', () => {
    const renamed = edit(model(), C, /(id: web\n {4}name: Web\n {4}tracks: \[ic\]\n {4}group: )specialization/, '$1specialisation');
    const found = diagnosticsOf(renamed);
    expect(found.map(where)).toEqual([
      { rule: 'unknown-reference', file: C, ...positionOf(renamed, C, 'specialisation') },
      // The packet chose Web, which is no longer an option of the group.
      { rule: 'packet-evidence', file: PACKET, ...positionOf(renamed, PACKET, 'E4\n') },
    ]);
    expect(found[0]?.message).toBe(
      'Competency "web" is an option of group "specialisation", which competencies.yml does not declare. Did you mean "specialization"? Known groups: "specialization".',
    );
  });
});

describe('pillars with sub-competencies (### under ##)', () => {
  const rule = 'level-sections';

  test('a missing sub is named, at the pillar heading', () => {
    const files = edit(model(), E3, /### Architecture\n[\s\S]*?(?=## )/, '');
    const found = diagnosticsOf(files);
    expect(found.map(where)).toEqual([{ rule, file: E3, ...positionOf(files, E3, 'Engineering') }]);
    expect(found[0]?.message).toBe(
      'Section "Engineering" of level "E3" has no subsection for "Architecture"; add a "### <name>" section under it for each, with its expectations.',
    );
  });

  test("a sub below its from is one too many; its pillar's text alone is not enough", () => {
    const files = edit(model(), E2, '## Mobile', '### Architecture\n\n- Too early.\n\n## Mobile');
    const found = diagnosticsOf(files);
    expect(found.map(where)).toEqual([{ rule, file: E2, ...positionOf(files, E2, 'Architecture') }]);
    expect(found[0]?.message).toBe(
      'Subsection "Architecture" of level "E2" is for "Architecture", which applies from band "senior" up (from: senior on "architecture" in competencies.yml); remove the section, or lower its from.',
    );
  });

  test('an unknown, a repeated and an empty subsection', () => {
    const unknown = edit(model(), E3, '### Architecture', '### Architecure');
    expect(diagnosticsOf(unknown).map((d) => d.message)).toEqual([
      'Section "Engineering" of level "E3" has no subsection for "Architecture"; add a "### <name>" section under it for each, with its expectations.',
      'Unknown subsection "Architecure" under "Engineering" in level "E3": "Engineering" has no sub-competency of this name. Did you mean "Architecture"? "### " headings under a pillar name its subs in competencies.yml.',
    ]);
    const repeated = edit(model(), E3, '## Mobile', '### Code review\n\n- Again.\n\n## Mobile');
    expect(diagnosticsOf(repeated).map(where)).toEqual([{ rule, file: E3, ...positionOf(repeated, E3, '### Code review', 2), column: 5 }]);
    const empty = edit(model(), E3, '- Designs at E3.\n', '');
    expect(diagnosticsOf(empty).map((d) => d.message)).toEqual([
      'Subsection "Architecture" of level "E3" is empty; write what this level expects for architecture.',
    ]);
  });

  test('a sub with a bad from is one unknown-reference', () => {
    const files = edit(model(), C, '        from: senior\n', '        from: snr\n');
    expect(diagnosticsOf(files).map(where)).toEqual([{ rule: 'unknown-reference', file: C, ...positionOf(files, C, 'snr') }]);
  });

  test('sub ids are unique among all competencies; sub names within their pillar', () => {
    const id = edit(model(), C, '      - id: architecture', '      - id: craft');
    expect(diagnosticsOf(id).map((d) => [d.rule, d.message])).toEqual([
      ['unique-id', 'Duplicate competency id "craft": it is already declared at line 10. Give this one another id, or remove it.'],
    ]);
    const name = edit(model(), C, '        name: Architecture', '        name: Code Review');
    expect(diagnosticsOf(name).flatMap((d) => (d.rule === 'unique-id' ? [[d.rule, d.message]] : []))).toEqual([
      [
        'unique-id',
        'Duplicate sub-competency name under "engineering" "Code Review": it is already declared at line 23. Give this one another name, or remove it.',
      ],
    ]);
  });

  test('a sub may not nest subs or a scale, and an alias that points back at its pillar is refused, not followed', () => {
    const cyclic = edit(model(), C, '  - id: engineering\n', '  - &pillar\n    id: engineering\n');
    const files = edit(cyclic, C, '        from: senior\n', '        from: senior\n      - *pillar\n');
    const found = diagnosticsOf(files);
    const at = positionOf(files, C, '*pillar');
    expect(found.map((d) => [d.rule, d.file, d.line])).toEqual([...Array(4)].map(() => ['schema', C, at.line]));
    expect(found.map((d) => d.message)).toEqual([
      'Unknown key "tracks" in competencies[1].subs[2]. Allowed keys: "id", "name", "description", "from".',
      'Unknown key "evidence" in competencies[1].subs[2]. Allowed keys: "id", "name", "description", "from".',
      'Unknown key "subs" in competencies[1].subs[2]. Allowed keys: "id", "name", "description", "from".',
      'competencies[1].subs[2] is an alias of its own pillar: a competency cannot be its own sub-competency. Write the sub out with its own id and name.',
    ]);
    const scaled = edit(model(), C, '        from: senior\n', '        from: senior\n        scale: proficiency\n');
    expect(diagnosticsOf(scaled).map((d) => d.message)).toEqual([
      'Unknown key "scale" in competencies[1].subs[1]. Allowed keys: "id", "name", "description", "from".',
    ]);
  });
});

describe('one competency name, defined per track', () => {
  test('two competencies of one name on disjoint tracks are fine; sharing a track is a duplicate', () => {
    // The fixture defines "Delivery" twice: delivery-ic and delivery-em.
    expect(diagnosticsOf(model())).toEqual([]);
    const shared = edit(model(), C, /(id: delivery-em\n {4}name: Delivery\n {4}description: .*\n {4}tracks: )\[em\]/, '$1[em, ic]');
    expect(diagnosticsOf(shared).map((d) => [d.rule, d.message])).toEqual([
      ['unique-id', 'Duplicate competency name "Delivery": it is already declared at line 45. Give this one another name, or remove it.'],
    ]);
  });

  test('a per-track description for a track the competency does not apply to', () => {
    const files = edit(model(), C, '      em: The technical', '      mgmt: The technical');
    const found = diagnosticsOf(files);
    expect(found.map(where)).toEqual([{ rule: 'unknown-reference', file: C, ...positionOf(files, C, 'mgmt') }]);
    expect(found[0]?.message).toBe('Competency "craft" has a description for track "mgmt", which it does not apply to. Its tracks: "ic", "em".');
  });

  test('an empty per-track description map is a schema error', () => {
    const files = edit(model(), C, /description:\n {6}ic: .*\n {6}em: .*\n/, 'description: {}\n');
    expect(diagnosticsOf(files).map((d) => [d.rule, d.message])).toEqual([
      ['schema', expect.stringMatching(/^competencies\[0\]\.description must not be empty\. Per-track descriptions: /)],
    ]);
    const number = edit(model(), C, /description:\n {6}ic: .*\n {6}em: .*\n/, 'description: 42\n');
    expect(diagnosticsOf(number).map((d) => d.message)).toEqual(['competencies[0].description must be a string, not number 42.']);
  });
});

describe('packet evidence asks only for what applies at the target level', () => {
  const rule = 'packet-evidence';
  const toLine = () => positionOf(model(), PACKET, 'E4\n');

  test('without strategy evidence, for a level where it applies', () => {
    const files = edit(model(), PACKET, /## Strategy\n[\s\S]*?(?=## )/, '');
    const found = diagnosticsOf(files);
    expect(found.map(where)).toEqual([{ rule, file: PACKET, ...toLine() }]);
    expect(found[0]?.message).toBe('The packet has no evidence for "Strategy", which level E4 expects; add a "## <name>" section for each.');
  });

  test('a packet for a level below the band needs no strategy evidence, and may not give it', () => {
    let files = edit(model(), PACKET, 'from: E3\nto: E4', 'from: E2\nto: E3');
    files = edit(files, PACKET, /## Strategy\n[\s\S]*?(?=## )/, '');
    expect(diagnosticsOf(files)).toEqual([]);
    const extra = edit(model(), PACKET, 'from: E3\nto: E4', 'from: E2\nto: E3');
    const found = diagnosticsOf(extra);
    expect(found.map(where)).toEqual([{ rule, file: PACKET, ...positionOf(extra, PACKET, 'Strategy') }]);
    expect(found[0]?.message).toBe(
      'Section "Strategy" at level E3 is for "Strategy", which applies from band "staff" up (from: staff on "strategy" in competencies.yml); remove the section, or lower its from.',
    );
  });

  test('no option of the group: the options are listed', () => {
    const files = edit(model(), PACKET, /## Web\n[\s\S]*?(?=## )/, '');
    const found = diagnosticsOf(files);
    expect(found.map(where)).toEqual([{ rule, file: PACKET, ...toLine() }]);
    expect(found[0]?.message).toBe(
      'The packet has evidence for 0 of the options of group "specialization"; level E4 asks for at least 1 of "Mobile", "Web": add a "## <name>" section for each option the candidate chose.',
    );
  });

  test('evidence: sub asks for each applicable sub; evidence: pillar only for the pillar', () => {
    const files = edit(model(), PACKET, /### Architecture\n[\s\S]*?(?=## )/, '');
    const found = diagnosticsOf(files);
    expect(found.map(where)).toEqual([{ rule, file: PACKET, ...positionOf(files, PACKET, 'Engineering') }]);
    expect(found[0]?.message).toBe(
      'Section "Engineering" has no evidence for "Architecture", which level E4 expects per sub-competency; add a "### <name>" section under it for each.',
    );
    expect(diagnosticsOf(edit(files, C, 'evidence: sub', 'evidence: pillar'))).toEqual([]);
  });

  test('an unknown subsection is named by its line, never quoted', () => {
    const files = edit(model(), PACKET, '### Architecture', '### Secret project name');
    const found = diagnosticsOf(files).filter((d) => d.line === positionOf(files, PACKET, 'Secret').line);
    expect(found.map((d) => d.message)).toEqual([
      'Unknown subsection under "Engineering": it has no sub-competency of this name. Evidence for "Engineering" goes in one "### <sub>" section per sub-competency.',
    ]);
  });
});
