import { describe, expect, test } from '@jest/globals';
import { diagnosticsOf, diagnosticsOfRule, edit, exampleFiles, positionOf, textOf, where, withFile } from '../helpers/ladder-files.js';

const rule = 'yaml-syntax';
const E4 = 'levels/ic/E4.md';

describe(rule, () => {
  test('every YAML file and front matter of the example parses', () => {
    expect(diagnosticsOfRule(exampleFiles(), rule)).toEqual([]);
  });

  test('an unclosed flow sequence is reported where the parser gives up, with what to look for', () => {
    const files = edit(exampleFiles(), 'ladder.yml', 'esme-varga]', 'esme-varga');
    const found = diagnosticsOf(files);
    // js-yaml notices at the next key (after a comment line), and the message says what to look for.
    expect(found.map(where)).toEqual([{ rule, file: 'ladder.yml', ...positionOf(files, 'ladder.yml', 'quorum: 3') }]);
    expect(found[0]?.message).toBe('Deficient indentation. Check the lines above for a bracket or quote left open, and indent this line like its siblings.');
  });

  test('a tab used for indentation is named, with the fix', () => {
    const files = edit(exampleFiles(), 'ladder.yml', '    name: Entry\n', '\tname: Entry\n');
    const found = diagnosticsOf(files);
    expect(found.map(where)).toEqual([{ rule, file: 'ladder.yml', line: positionOf(files, 'ladder.yml', '\tname').line, column: 1 }]);
    expect(found[0]?.message).toBe('Tab characters must not be used in indentation. Indent with spaces; YAML does not allow tabs for indentation.');
  });

  test('a duplicate key in front matter points at the second key, on its line of the Markdown file', () => {
    const files = edit(exampleFiles(), E4, 'title: Senior Engineer\n', 'title: Senior Engineer\ntitle: Tech Lead\n');
    const found = diagnosticsOfRule(files, rule);
    expect(found.map(where)).toEqual([{ rule, file: E4, ...positionOf(files, E4, 'title: Tech Lead') }]);
    expect(found[0]?.message).toBe('Duplicated mapping key. Remove or rename one of the two keys.');
  });

  test('an alias to an anchor that does not exist', () => {
    const files = edit(exampleFiles(), 'ladder.yml', 'quorum: 3', 'quorum: *three');
    const found = diagnosticsOf(files);
    expect(found.map(where)).toEqual([{ rule, file: 'ladder.yml', line: positionOf(files, 'ladder.yml', '*three').line, column: expect.any(Number) }]);
    expect(found[0]?.message).toContain('Define the anchor (&name) before using it, or write the value out.');
  });

  test('a second YAML document points at its "---"', () => {
    const text = textOf(exampleFiles(), 'ladder.yml');
    const files = withFile(exampleFiles(), 'ladder.yml', `${text}---\norganization: Another\n`);
    const found = diagnosticsOf(files);
    expect(found.map(where)).toEqual([{ rule, file: 'ladder.yml', line: text.split('\n').length, column: 1 }]);
    expect(found[0]?.message).toBe('Only one YAML document is allowed here; remove the extra "---" separator and what follows it.');
  });

  test('nesting deeper than any ladder needs', () => {
    const files = edit(exampleFiles(), 'ladder.yml', 'quorum: 3', `quorum: ${'['.repeat(100)}${']'.repeat(100)}`);
    const found = diagnosticsOf(files);
    expect(found.map(where)).toEqual([{ rule, file: 'ladder.yml', line: positionOf(files, 'ladder.yml', 'quorum').line, column: expect.any(Number) }]);
    expect(found[0]?.message).toContain('Ladder files never need more than 64 levels of nesting.');
  });
});
