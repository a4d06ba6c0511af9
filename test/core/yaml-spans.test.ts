import { describe, expect, test } from '@jest/globals';
import { YamlDocument } from '../../src/core/yaml-document.js';

function parse(text: string): YamlDocument {
  const doc = YamlDocument.parse(text);
  if (!(doc instanceof YamlDocument)) throw new Error(doc.message);
  return doc;
}

/** Spans end after the last character (an exclusive column, as ESLint and SARIF count). */
describe('YamlDocument spans', () => {
  const doc = parse(
    [
      'plain: a value', // 1
      'quoted: "two words"', // 2
      "single: 'it''s'", // 3
      'block: |', // 4
      '  first', // 5
      '  second', // 6
      '', // 7
      'anchor: &a x', // 8
      'alias: *a', // 9
      'list: [one, two]', // 10
      'map:', // 11
      '  inner: 1', // 12
      'empty:', // 13
      '',
    ].join('\n'),
  );

  test('a plain, a quoted and a block scalar end where their text ends', () => {
    expect(doc.span('/plain')).toEqual({ line: 1, column: 8, endLine: 1, endColumn: 15 });
    expect(doc.span('/quoted')).toEqual({ line: 2, column: 9, endLine: 2, endColumn: 20 });
    expect(doc.span('/single')).toEqual({ line: 3, column: 9, endLine: 3, endColumn: 16 });
    // From the indicator to the end of the last line of content, not the blank line after it.
    expect(doc.span('/block')).toEqual({ line: 4, column: 8, endLine: 6, endColumn: 9 });
  });

  test('keys, aliases and items of a flow sequence', () => {
    expect(doc.keySpan('/quoted')).toEqual({ line: 2, column: 1, endLine: 2, endColumn: 7 });
    expect(doc.span('/alias')).toEqual({ line: 9, column: 8, endLine: 9, endColumn: 10 });
    expect(doc.span('/list/1')).toEqual({ line: 10, column: 13, endLine: 10, endColumn: 16 });
  });

  test('a collection, a missing value and an empty value have no end', () => {
    expect(doc.span('/map')).toEqual({ line: 12, column: 3 });
    expect(doc.span('/list')).toEqual({ line: 10, column: 7 });
    expect(doc.span('/map/nothing')).toEqual({ line: 12, column: 3 });
    expect(doc.span('/empty')).not.toHaveProperty('endLine');
    expect(doc.keySpan('/nothing')).toEqual(doc.position(''));
  });

  test('position and keyPosition stay start-only', () => {
    expect(doc.position('/plain')).toEqual({ line: 1, column: 8 });
    expect(doc.keyPosition('/plain')).toEqual({ line: 1, column: 1 });
  });
});
