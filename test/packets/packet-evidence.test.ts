import { describe, expect, test } from '@jest/globals';
import { diagnosticsOfRule, edit, positionOf, where } from '../helpers/ladder-files.js';
import { EXAMPLE_PACKETS, examplePacketFiles, PROMOTION, SWITCH_TO_EM, withRules } from '../helpers/packet-files.js';

const RULE = 'packet-evidence';
/** The example promotion's summary: every line between the front matter and "## Technical craft". */
const SUMMARY = /\nJo Rivera has been[\s\S]*?with the committee\.\n/;
/** The example promotion's "System design" section and its evidence, up to "## Delivery". */
const SYSTEM_DESIGN = /## System design\n[\s\S]*?(?=## Delivery)/;
/** Where the summary belongs: the line after the front matter's closing "---" (line 17). It used to be reported on candidate:. */
const SUMMARY_AT = { rule: RULE, file: PROMOTION, line: 18, column: 1 };
const TO = { rule: RULE, file: PROMOTION, line: 5, column: 5 };
/** The "## System design" heading's text: line 43, after "## ". */
const SYSTEM_DESIGN_HEADING = { rule: RULE, file: PROMOTION, line: 43, column: 4 };

describe(RULE, () => {
  test.each(EXAMPLE_PACKETS)('passes: %s', (path) => {
    expect(diagnosticsOfRule(examplePacketFiles(), RULE).filter((d) => d.file === path)).toEqual([]);
  });

  test('no summary: reported where the summary belongs, says where to write it', () => {
    const found = diagnosticsOfRule(edit(examplePacketFiles(), PROMOTION, SUMMARY, '\n'), RULE);
    expect(found.map(where)).toEqual([SUMMARY_AT]);
    expect(found[0]?.message).toContain('The packet has no summary');
    expect(found[0]?.message).toContain('before the first "## " section');
  });

  test('a summary that is only a guidance comment is no summary', () => {
    const files = edit(examplePacketFiles(), PROMOTION, SUMMARY, '\n<!-- The summary: say why now. -->\n');
    expect(diagnosticsOfRule(files, RULE).map(where)).toEqual([{ ...SUMMARY_AT, line: 19 }]);
  });

  test('an empty section, or one holding only guidance comments, has no evidence', () => {
    for (const body of ['', '<!-- What E5 expects:\n\n- designs for several teams\n\nWrite the evidence. -->\n\n<!-- another -->']) {
      const files = edit(examplePacketFiles(), PROMOTION, SYSTEM_DESIGN, `## System design\n\n${body}\n\n`);
      const found = diagnosticsOfRule(files, RULE);
      expect(found.map(where)).toEqual([SYSTEM_DESIGN_HEADING]);
      expect(found[0]?.message).toContain('Section "System design" has no evidence yet');
      // The name as the ladder writes it (it used to be lowercased).
      expect(found[0]?.message).toContain('meets E5\'s expectations for "System design"');
    }
  });

  test('a missing section is named on the packet\'s "to"', () => {
    const found = diagnosticsOfRule(edit(examplePacketFiles(), PROMOTION, SYSTEM_DESIGN, ''), RULE);
    expect(found.map(where)).toEqual([TO]);
    expect(found[0]?.message).toContain('The packet has no evidence for "System design", which level E5 expects; add a "## <name>" section for each.');
  });

  test('several missing sections are named in one diagnostic', () => {
    const files = edit(examplePacketFiles(), PROMOTION, /## System design\n[\s\S]*?(?=## Communication)/, '');
    const found = diagnosticsOfRule(files, RULE);
    expect(found.map(where)).toEqual([TO]);
    expect(found[0]?.message).toContain('no evidence for "System design", "Delivery", "Operational excellence"');
  });

  test('a misspelled section: did you mean, and the competency is missing', () => {
    const files = edit(examplePacketFiles(), PROMOTION, '## System design', '## System desing');
    const found = diagnosticsOfRule(files, RULE);
    expect(found.map(where)).toEqual([TO, SYSTEM_DESIGN_HEADING]);
    expect(found[0]?.message).toContain('no evidence for "System design"');
    expect(found[1]?.message).toBe(
      'Unknown section: level E5 has no competency of this name. Did you mean "System design"? Evidence sections are named after the competencies of the target level.',
    );
  });

  test('an unknown section with no close name gets no suggestion', () => {
    const files = edit(examplePacketFiles(), PROMOTION, '## Growing others', '## Mentoring');
    const found = diagnosticsOfRule(files, RULE);
    const heading = positionOf(files, PROMOTION, 'Mentoring');
    expect(found.map(where)).toEqual([TO, { rule: RULE, file: PROMOTION, ...heading }]);
    expect(found[1]?.message).toContain('Unknown section: level E5 has no competency of this name.');
    expect(found[1]?.message).not.toContain('Mentoring');
    expect(found[1]?.message).not.toContain('Did you mean');
  });

  test('a duplicated section names the line of the first', () => {
    const files = edit(examplePacketFiles(), PROMOTION, '## Delivery', '## System design');
    const found = diagnosticsOfRule(files, RULE);
    expect(found.map(where)).toEqual([TO, { rule: RULE, file: PROMOTION, line: 57, column: 4 }]);
    expect(found[0]?.message).toContain('no evidence for "Delivery"');
    expect(found[1]?.message).toContain('Section "System design" appears twice (first on line 43); merge the evidence into one section.');
  });

  test('a duplicated section in other case is still a duplicate', () => {
    const files = edit(examplePacketFiles(), PROMOTION, '## Delivery', '## SYSTEM DESIGN');
    expect(diagnosticsOfRule(files, RULE).map((d) => d.message)).toContainEqual(expect.stringContaining('appears twice (first on line 43)'));
  });

  test('section names match whatever their case', () => {
    const files = edit(examplePacketFiles(), PROMOTION, '## Growing others', '## Growing Others');
    expect(diagnosticsOfRule(files, RULE)).toEqual([]);
  });

  test('sections are those of the target track: IC sections in a switch to M2 are unknown, EM ones missing', () => {
    let files = edit(examplePacketFiles(), SWITCH_TO_EM, '## People leadership', '## System design');
    files = edit(files, SWITCH_TO_EM, '## Hiring and team design', '## Operational excellence');
    const found = diagnosticsOfRule(files, RULE);
    expect(found.map(where)).toEqual([
      { rule: RULE, file: SWITCH_TO_EM, line: 5, column: 5 },
      { rule: RULE, file: SWITCH_TO_EM, line: 68, column: 4 },
      { rule: RULE, file: SWITCH_TO_EM, line: 81, column: 4 },
    ]);
    expect(found[0]?.message).toContain('no evidence for "People leadership", "Hiring and team design", which level M2 expects');
    expect(found[1]?.message).toContain('Unknown section: level M2 has no competency of this name.');
  });

  test('with an unknown target level only the summary is judged (packet-levels explains the level)', () => {
    let files = edit(examplePacketFiles(), PROMOTION, 'to: E5', 'to: E55');
    files = edit(files, PROMOTION, SUMMARY, '\n');
    expect(diagnosticsOfRule(files, RULE).map(where)).toEqual([SUMMARY_AT]);
  });

  test('when competencies.yml cannot be read, sections are not judged', () => {
    const files = edit(examplePacketFiles(), 'competencies.yml', 'competencies:', 'competencies: [');
    expect(diagnosticsOfRule(edit(files, PROMOTION, SYSTEM_DESIGN, ''), RULE)).toEqual([]);
  });

  test('policy severity applies', () => {
    const files = edit(examplePacketFiles(), PROMOTION, SYSTEM_DESIGN, '');
    expect(diagnosticsOfRule(withRules(files, { [RULE]: 'warning' }), RULE).map((d) => d.severity)).toEqual(['warning']);
    expect(diagnosticsOfRule(withRules(files, { [RULE]: 'off' }), RULE)).toEqual([]);
  });
});
