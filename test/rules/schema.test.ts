import { describe, expect, test } from '@jest/globals';
import { diagnosticsOf, diagnosticsOfRule, edit, exampleFiles, positionOf, where, withFile, withPolicy } from '../helpers/ladder-files.js';

const rule = 'schema';
const E4 = 'levels/ic/E4.md';

describe(rule, () => {
  test('every file of the example matches its schema', () => {
    expect(diagnosticsOfRule(exampleFiles(), rule)).toEqual([]);
  });

  test('an unknown key points at the key, with a "Did you mean" and the allowed keys', () => {
    const files = edit(exampleFiles(), 'ladder.yml', /^organization:/m, 'organisation:');
    const found = diagnosticsOf(files);
    const unknown = found.find((d) => d.message.startsWith('Unknown key'));
    expect(unknown && where(unknown)).toEqual({ rule, file: 'ladder.yml', ...positionOf(files, 'ladder.yml', 'organisation:') });
    expect(unknown?.message).toContain('Unknown key "organisation". Did you mean "organization"? Allowed keys: "organization", "version"');
    // The required key is then missing too; a missing top-level key points at the document's first
    // key (the example's first lines are comments).
    const missing = found.find((d) => d.message.startsWith('Missing required key'));
    expect(missing && where(missing)).toEqual({ rule, file: 'ladder.yml', ...positionOf(files, 'ladder.yml', 'organisation:') });
    expect(missing?.message).toContain(
      'Missing required key "organization". The organization\'s name, shown on the site. For example: `organization: Northwind Engineering`.',
    );
    expect(found).toHaveLength(2);
  });

  test('an unknown key nested in a list item names its path', () => {
    const files = edit(exampleFiles(), 'ladder.yml', '    name: Staff\n', '    name: Staff\n    nmae: Staff\n');
    const found = diagnosticsOf(files);
    expect(found.map(where)).toEqual([{ rule, file: 'ladder.yml', ...positionOf(files, 'ladder.yml', 'nmae') }]);
    expect(found[0]?.message).toContain('Unknown key "nmae" in bands[4]. Did you mean "name"?');
  });

  test('a missing key in a list item points at the item', () => {
    const files = edit(exampleFiles(), 'ladder.yml', '    name: Staff\n', '');
    const found = diagnosticsOf(files);
    expect(found.map(where)).toEqual([{ rule, file: 'ladder.yml', ...positionOf(files, 'ladder.yml', 'id: staff') }]);
    expect(found[0]?.message).toContain('Missing required key "name" in bands[4].');
  });

  test('an unknown key in front matter points into the Markdown file', () => {
    const files = edit(exampleFiles(), E4, 'summary:', 'summry:');
    const unknown = diagnosticsOf(files).find((d) => d.message.startsWith('Unknown key'));
    expect(unknown && where(unknown)).toEqual({ rule, file: E4, line: 7, column: 1 });
    expect(unknown?.message).toContain('Did you mean "summary"?');
  });

  test('a value of the wrong type', () => {
    const files = edit(exampleFiles(), 'ladder.yml', 'quorum: 3', 'quorum: three');
    const found = diagnosticsOf(files);
    expect(found.map(where)).toEqual([{ rule, file: 'ladder.yml', ...positionOf(files, 'ladder.yml', 'three') }]);
    expect(found[0]?.message).toBe('governance.quorum must be an integer, not "three". For example: `quorum: 3`.');
  });

  test('a value outside its enum suggests the closest allowed value', () => {
    const files = edit(exampleFiles(), 'ladder.yml', '    kind: em\n', '    kind: me\n');
    const found = diagnosticsOfRule(files, rule);
    expect(found.map(where)).toEqual([{ rule, file: 'ladder.yml', ...positionOf(files, 'ladder.yml', 'kind: me'), column: 11 }]);
    expect(found[0]?.message).toBe('tracks[1].kind must be one of "ic", "em", not "me". Did you mean "em"?');
  });

  test('a value with an invalid format explains the format', () => {
    const files = edit(exampleFiles(), 'ladder.yml', /^version: .*$/m, 'version: one');
    const found = diagnosticsOf(files);
    expect(found.map(where)).toEqual([{ rule, file: 'ladder.yml', ...positionOf(files, 'ladder.yml', 'one\n') }]);
    expect(found[0]?.message).toContain('version has an invalid format ("one"). The ladder\'s own version, in semver.');
    expect(found[0]?.message).toContain('For example: `version: 1.0.0`.');
  });

  test('a file that is not a mapping gets one diagnostic, not a cascade', () => {
    const files = withFile(exampleFiles(), 'competencies.yml', '- just\n- a list\n');
    const found = diagnosticsOf(files);
    expect(found.map(where)).toEqual([{ rule, file: 'competencies.yml', line: 1, column: 1 }]);
    expect(found[0]?.message).toBe('competencies.yml must be a mapping of keys to values (a list found); see docs/format.md for its keys.');
  });

  describe('policy.rules', () => {
    test('an unknown rule id is a schema diagnostic on the key, with a "Did you mean"', () => {
      const files = withPolicy(exampleFiles(), { 'level-section': 'warning' });
      const found = diagnosticsOf(files);
      expect(found.map(where)).toEqual([{ rule, file: 'ladder.yml', ...positionOf(files, 'ladder.yml', 'level-section') }]);
      expect(found[0]?.message).toBe(
        '"level-section" is not a known name in policy.rules. Did you mean "level-sections"? Known names are listed in docs/rules.md.',
      );
    });

    test('an unknown rule id in block style', () => {
      const files = edit(exampleFiles(), 'ladder.yml', /^ {2}rules: \{\}$/m, '  rules:\n    parity-pya: off');
      const found = diagnosticsOf(files);
      expect(found.map(where)).toEqual([{ rule, file: 'ladder.yml', ...positionOf(files, 'ladder.yml', 'parity-pya') }]);
      expect(found[0]?.message).toContain('Did you mean "parity-pay"?');
    });

    test('an unknown severity', () => {
      const files = withPolicy(exampleFiles(), { 'parity-pay': 'warn' });
      const found = diagnosticsOf(files);
      expect(found.map(where)).toEqual([{ rule, file: 'ladder.yml', ...positionOf(files, 'ladder.yml', 'warn }') }]);
      expect(found[0]?.message).toBe('policy.rules.parity-pay must be one of "error", "warning", "off", not "warn".');
    });
  });
});
