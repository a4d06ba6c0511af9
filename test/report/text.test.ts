import { describe, expect, test } from '@jest/globals';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { formatText } from '../../src/report/text.js';

const at = (line: number, column: number): Diagnostic => ({
  rule: 'markdown-limits',
  severity: 'error',
  message: 'Too long.',
  file: 'levels/ic/E5.md',
  line,
  column,
});

describe('the text format', () => {
  test('a position wider than its column still leaves a space before the severity', () => {
    const text = formatText({ diagnostics: [at(3, 5), at(55, 10001), at(123456, 1234567)], files: 1, version: '0' }, false);
    expect(text.split('\n').slice(1, 4)).toEqual([
      '  3:5     error    Too long.  markdown-limits',
      '  55:10001 error    Too long.  markdown-limits',
      '  123456:1234567 error    Too long.  markdown-limits',
    ]);
  });
});
