import { describe, expect, test } from '@jest/globals';
import { LineIndex } from '../../src/core/text-position.js';

describe('LineIndex', () => {
  const text = 'ab\ncde\n\nf';
  const index = new LineIndex(text);

  test('maps offsets to 1-based lines and columns', () => {
    expect(index.position(0)).toEqual({ line: 1, column: 1 });
    expect(index.position(1)).toEqual({ line: 1, column: 2 });
    expect(index.position(3)).toEqual({ line: 2, column: 1 });
    expect(index.position(5)).toEqual({ line: 2, column: 3 });
    expect(index.position(8)).toEqual({ line: 4, column: 1 });
  });

  test('a newline belongs to the line it ends; an empty line has column 1', () => {
    expect(index.position(2)).toEqual({ line: 1, column: 3 });
    expect(index.position(7)).toEqual({ line: 3, column: 1 });
  });

  test('the end of the text is just after its last character', () => {
    expect(index.position(text.length)).toEqual({ line: 4, column: 2 });
    expect(new LineIndex('a\n').position(2)).toEqual({ line: 2, column: 1 });
  });

  test('an empty text has one line', () => {
    expect(new LineIndex('').position(0)).toEqual({ line: 1, column: 1 });
  });

  test('CRLF: the \\r is the last column of its line, the next line starts after \\n', () => {
    const crlf = new LineIndex('ab\r\ncd');
    expect(crlf.position(2)).toEqual({ line: 1, column: 3 });
    expect(crlf.position(4)).toEqual({ line: 2, column: 1 });
  });

  test('lineStart gives the offset of a line, clamped to the text', () => {
    expect(index.lineStart(1)).toBe(0);
    expect(index.lineStart(2)).toBe(3);
    expect(index.lineStart(4)).toBe(8);
    expect(index.lineStart(0)).toBe(0);
    expect(index.lineStart(99)).toBe(8);
  });

  test('stays exact on a long text (binary search)', () => {
    const lines = Array.from({ length: 10_000 }, (_, i) => 'x'.repeat(i % 7));
    const long = lines.join('\n');
    const big = new LineIndex(long);
    let offset = 0;
    for (let i = 0; i < lines.length; i += 997) {
      offset = lines.slice(0, i).reduce((n, l) => n + l.length + 1, 0);
      expect(big.position(offset + (lines[i]?.length ?? 0))).toEqual({ line: i + 1, column: (lines[i]?.length ?? 0) + 1 });
    }
  });
});
