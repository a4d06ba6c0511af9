import { describe, expect, test } from '@jest/globals';
import { decodeUtf8, parseCsv } from '../../src/core/survey/csv.js';

const texts = (text: string) => {
  const r = parseCsv(text);
  if ('problem' in r) throw new Error(r.problem.message);
  return r.records.map((rec) => rec.fields.map((f) => f.text));
};

describe('parseCsv (RFC 4180)', () => {
  test('quotes, doubled quotes, commas and line breaks inside quotes, CRLF', () => {
    expect(texts('a,b,c\r\n"x, y","say ""hi""","two\r\nlines"\r\n')).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'two\nlines'],
    ]);
  });

  test('LF and CR alone end records; blank lines are no records; a last line without a break counts', () => {
    expect(texts('a,b\n1,2\r3,4\n\n5,6')).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
      ['5', '6'],
    ]);
  });

  test('empty fields, and an empty quoted field', () => {
    expect(texts('a,b,c\n,"",\n')).toEqual([
      ['a', 'b', 'c'],
      ['', '', ''],
    ]);
  });

  test('records know the line they start on and fields their column, across embedded line breaks', () => {
    const r = parseCsv('h1,h2\n"a\nb",c\nd,e\n');
    if ('problem' in r) throw new Error('unexpected');
    expect(r.records.map((x) => x.line)).toEqual([1, 2, 4]);
    expect(r.records[1]?.fields[1]).toEqual({ text: 'c', line: 3, column: 4 });
  });

  test.each([
    ['a,b\n"open,2\n', 2, 1, 'never closes'],
    ['a,b\nx"y,2\n', 2, 2, 'not quoted'],
    ['a,b\n"x"y,2\n', 2, 4, 'follows the closing quote'],
  ])('%j is refused with its line and column', (text, line, column, words) => {
    const r = parseCsv(text);
    expect('problem' in r && r.problem).toMatchObject({ line, column });
    expect('problem' in r && r.problem.message).toContain(words);
  });

  test('is linear: a 4 MB field of quotes and a million short records parse quickly', () => {
    const start = Date.now();
    texts(`a\n"${'""'.repeat(2_000_000)}"\n`);
    texts(`a,b\n${'1,2\n'.repeat(1_000_000)}`);
    expect(Date.now() - start).toBeLessThan(5000);
  });
});

describe('decodeUtf8', () => {
  test('text, without its byte order mark', () => {
    expect(decodeUtf8(new TextEncoder().encode('\ufeffé,ü\n'))).toEqual({ text: 'é,ü\n' });
  });

  test.each([
    [[0x61, 0x0a, 0x62, 0x63, 0xe9, 0x0a], 2, 3], // Latin-1 é after "bc" on line 2
    [[0xc3, 0x28], 1, 1], // a broken two-byte sequence
    [[0x61, 0xed, 0xa0, 0x80], 1, 2], // a UTF-16 surrogate, not allowed in UTF-8
    [[0x61, 0x0d, 0x0a, 0xf8], 2, 1],
  ])('%j: the first bad byte is at line %i, column %i', (bytes, line, column) => {
    expect(decodeUtf8(Uint8Array.from(bytes))).toEqual({ line, column });
  });
});
