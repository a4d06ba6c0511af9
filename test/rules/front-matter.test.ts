import { describe, expect, test } from '@jest/globals';
import { diagnosticsOfRule, edit, exampleFiles, textOf, where, withFile } from '../helpers/ladder-files.js';

const rule = 'front-matter';
const E4 = 'levels/ic/E4.md';

describe(rule, () => {
  test('every level of the example starts with front matter', () => {
    expect(diagnosticsOfRule(exampleFiles(), rule)).toEqual([]);
  });

  test('a level without front matter', () => {
    const body = textOf(exampleFiles(), E4).replace(/^---\n[\s\S]*?\n---\n/, '');
    const found = diagnosticsOfRule(withFile(exampleFiles(), E4, body), rule);
    expect(found.map(where)).toEqual([{ rule, file: E4, line: 1, column: 1 }]);
    expect(found[0]?.message).toBe(
      'A level file starts with front matter: a line "---", its keys (see docs/format.md), and a closing "---". This file has none.',
    );
  });

  test('front matter that never closes points at its opening line and asks for the closing one', () => {
    const files = edit(exampleFiles(), E4, /\n---\n/, '\n');
    const found = diagnosticsOfRule(files, rule);
    expect(found.map(where)).toEqual([{ rule, file: E4, line: 1, column: 1 }]);
    expect(found[0]?.message).toBe('The front matter opened on line 1 never closes; add a line "---" after its last key.');
  });

  test('front matter must open on the first line', () => {
    const files = withFile(exampleFiles(), E4, `\n${textOf(exampleFiles(), E4)}`);
    expect(diagnosticsOfRule(files, rule).map(where)).toEqual([{ rule, file: E4, line: 1, column: 1 }]);
  });

  test('front matter may close with "..." as YAML allows', () => {
    const files = edit(exampleFiles(), E4, /\n---\n/, '\n...\n');
    expect(diagnosticsOfRule(files, rule)).toEqual([]);
    expect(diagnosticsOfRule(files, 'schema')).toEqual([]);
  });
});
