import { describe, expect, test } from '@jest/globals';
import { escapePointer, MAX_DEPTH, YamlDocument, type YamlProblem } from '../../src/core/yaml-document.js';

function parse(text: string): YamlDocument {
  const doc = YamlDocument.parse(text);
  if (!(doc instanceof YamlDocument)) throw new Error(`expected YAML to parse: ${doc.message}`);
  return doc;
}

function problem(text: string): YamlProblem {
  const doc = YamlDocument.parse(text);
  if (doc instanceof YamlDocument) throw new Error('expected a YAML problem');
  return doc;
}

describe('YamlDocument values', () => {
  test('uses the core schema: dates and yes/no stay strings, 1.0 is a number', () => {
    expect(parse('version: 1.0.0\nv: 1.0\ndate: 2026-09-01\nok: yes\nnone: ~\n').value).toEqual({
      version: '1.0.0',
      v: 1,
      date: '2026-09-01',
      ok: 'yes',
      none: null,
    });
  });

  test('an empty document is null', () => {
    expect(parse('').value).toBeNull();
    expect(parse('# only a comment\n').value).toBeNull();
  });
});

describe('YamlDocument positions', () => {
  const text = [
    'name: Northwind', // 1
    'bands:', // 2
    '  - id: senior', // 3
    '    pay: { currency: USD, min: 1, max: 2 }', // 4
    '  - id: "staff"', // 5
    "    name: 'Staff'", // 6
    'nested:', // 7
    '  - [a, [b, c]]', // 8
    '  -', // 9
    '    - deep', // 10
    '"a/b": slash', // 11
    'c~d: tilde', // 12
    'text: |', // 13
    '  block', // 14
    'folded: >-', // 15
    '  more', // 16
    '',
  ].join('\n');
  const doc = parse(text);
  /** Line `line`, at the column where `needle` starts in it. */
  const at = (line: number, needle: string) => {
    const column = (text.split('\n')[line - 1] ?? '').indexOf(needle) + 1;
    if (column === 0) throw new Error(`test setup: ${needle} is not on line ${line}`);
    return { line, column };
  };

  test('a value and its key', () => {
    expect(doc.position('/name')).toEqual(at(1, 'Northwind'));
    expect(doc.keyPosition('/name')).toEqual({ line: 1, column: 1 });
    expect(doc.position('/bands/0/id')).toEqual(at(3, 'senior'));
    expect(doc.keyPosition('/bands/0/id')).toEqual(at(3, 'id'));
  });

  test('a collection starts at its first entry (block) or its bracket (flow)', () => {
    expect(doc.position('/bands')).toEqual(at(3, '-'));
    expect(doc.position('/bands/0')).toEqual(at(3, 'id'));
    expect(doc.position('/bands/0/pay')).toEqual(at(4, '{'));
    expect(doc.position('/bands/0/pay/min')).toEqual(at(4, '1,'));
    expect(doc.keyPosition('/bands/0/pay/min')).toEqual(at(4, 'min'));
  });

  test('a quoted scalar points at its opening quote', () => {
    expect(doc.position('/bands/1/id')).toEqual(at(5, '"staff"'));
    expect(doc.position('/bands/1/name')).toEqual(at(6, "'Staff'"));
  });

  test('items of nested sequences', () => {
    expect(doc.position('/nested/0')).toEqual(at(8, '[a'));
    expect(doc.position('/nested/0/0')).toEqual(at(8, 'a'));
    expect(doc.position('/nested/0/1')).toEqual(at(8, '[b'));
    expect(doc.position('/nested/0/1/1')).toEqual(at(8, 'c'));
    expect(doc.position('/nested/1/0')).toEqual(at(10, 'deep'));
  });

  test('keys with "/" and "~" are escaped in pointers (RFC 6901)', () => {
    expect(escapePointer('a/b')).toBe('a~1b');
    expect(escapePointer('c~d')).toBe('c~0d');
    expect(escapePointer('~/')).toBe('~0~1');
    expect(doc.position(`/${escapePointer('a/b')}`)).toEqual(at(11, 'slash'));
    expect(doc.keyPosition('/a~1b')).toEqual(at(11, '"a/b"'));
    expect(doc.position('/c~0d')).toEqual(at(12, 'tilde'));
  });

  test('a block scalar points at its indicator', () => {
    expect(doc.position('/text')).toEqual(at(13, '|'));
    expect(doc.position('/folded')).toEqual(at(15, '>-'));
    expect(doc.value).toMatchObject({ text: 'block\n', folded: 'more' });
  });

  test('a pointer that does not exist falls back to its nearest ancestor, then to the start', () => {
    expect(doc.position('/bands/0/name')).toEqual(doc.position('/bands/0'));
    expect(doc.keyPosition('/bands/0/name')).toEqual(doc.position('/bands/0'));
    expect(doc.position('/bands/7/id')).toEqual(doc.position('/bands'));
    expect(doc.position('/nope')).toEqual({ line: 1, column: 1 });
    expect(doc.position('')).toEqual({ line: 1, column: 1 });
  });

  test('anchors and aliases point at the & and the *', () => {
    const aliased = parse('base: &b { id: x }\ncopy: *b\n');
    expect(aliased.position('/base')).toEqual({ line: 1, column: 7 });
    expect(aliased.position('/copy')).toEqual({ line: 2, column: 7 });
    expect(aliased.value).toEqual({ base: { id: 'x' }, copy: { id: 'x' } });
  });

  test('CRLF gives the same positions as LF', () => {
    const crlf = parse(text.replace(/\n/g, '\r\n'));
    for (const pointer of ['/name', '/bands/0/pay/min', '/bands/1/id', '/nested/0/1/1', '/a~1b', '/text', '/folded']) {
      expect([pointer, crlf.position(pointer)]).toEqual([pointer, doc.position(pointer)]);
    }
  });

  test('a slice of a larger text (front matter) keeps the lines and columns of the whole text', () => {
    const markdown = '---\nid: E4\nband: senior\n---\n## Body\n';
    const start = markdown.indexOf('id:');
    const slice = YamlDocument.parse(markdown, start, markdown.indexOf('---', 3));
    if (!(slice instanceof YamlDocument)) throw new Error(slice.message);
    expect(slice.value).toEqual({ id: 'E4', band: 'senior' });
    expect(slice.position('/band')).toEqual({ line: 3, column: 7 });
    const broken = '---\nid: E4\nband: [senior\n---\n';
    const failed = YamlDocument.parse(broken, 4, broken.indexOf('---', 3));
    expect(failed).toMatchObject({ line: 4, column: 1 });
  });
});

describe('YamlDocument problems', () => {
  test('a syntax error has a position and a capitalized message', () => {
    expect(problem('a: [1, 2\n')).toMatchObject({ line: 2, column: 1, message: expect.stringMatching(/^[A-Z].*\.( |$)/) });
  });

  test('an unquoted ": " in a value says to quote the value, not that the indentation is bad', () => {
    expect(problem('name: Entry: the first\n')).toMatchObject({
      line: 1,
      column: 12,
      message: expect.stringMatching(/^This value contains ": ".*Quote the whole value/),
    });
    expect(problem('bands:\n  - id: a\n    name: Senior: IC\n')).toMatchObject({
      line: 3,
      column: 17,
      message: expect.stringMatching(/Quote the whole value/),
    });
    // Real indentation mistakes keep their own advice.
    expect(problem('a:\n  b: 1\n c: 2\n')).toMatchObject({ line: 3, message: expect.stringMatching(/indent this line like its siblings/) });
  });

  test('a duplicate key points at the duplicate', () => {
    expect(problem('a: 1\nb: 2\na: 3\n')).toEqual({ line: 3, column: 1, message: 'Duplicated mapping key. Remove or rename one of the two keys.' });
  });

  test(`nesting deeper than ${MAX_DEPTH} is refused`, () => {
    expect(problem(`${'['.repeat(MAX_DEPTH + 1)}${']'.repeat(MAX_DEPTH + 1)}`).message).toContain(`never need more than ${MAX_DEPTH} levels`);
    expect(parse(`${'['.repeat(MAX_DEPTH - 1)}${']'.repeat(MAX_DEPTH - 1)}`).value).toBeInstanceOf(Array);
  });

  test('many aliases to small values are fine; exponential expansion is not', () => {
    const fine = `a: &a x\nlist: [${Array(1000).fill('*a').join(', ')}]\n`;
    expect((parse(fine).value as { list: string[] }).list).toHaveLength(1000);
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++)
      bomb.push(
        `${'abcdefgh'[i]}: &${'abcdefgh'[i]} [${Array(10)
          .fill(`*${'abcdefgh'[i - 1]}`)
          .join(', ')}]`,
      );
    const refused = problem(bomb.join('\n'));
    expect(refused.message).toMatch(/^The document expands to more than 200,000 nodes/);
    expect(refused.line).toBeLessThanOrEqual(bomb.length);
  });

  test('a second document points at its "---"', () => {
    expect(problem('a: 1\nb: 2\n---\nc: 3\n')).toEqual({
      line: 3,
      column: 1,
      message: 'Only one YAML document is allowed here; remove the extra "---" separator and what follows it.',
    });
    expect(problem('---\na: 1\n--- \nc: 3\n')).toMatchObject({ line: 3, column: 1 });
    expect(problem('a: |\n  text\n---\nb\n')).toMatchObject({ line: 3, column: 1 });
  });
});
