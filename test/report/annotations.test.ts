import { describe, expect, test } from '@jest/globals';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { ANNOTATION_LIMIT, planAnnotations } from '../../src/report/annotations.js';

const d = (rule: string, severity: Diagnostic['severity'], i = 1): Diagnostic => ({
  rule,
  severity,
  message: `${rule} problem ${i}`,
  file: `ladder/levels/ic/E${i}.md`,
  line: i,
  column: i + 1,
});

describe('the annotation plan', () => {
  test('one annotation per diagnostic: its level, message, rule as title, file, line and column', () => {
    expect(planAnnotations([d('level-sections', 'error', 3)])).toEqual([
      { level: 'error', message: 'level-sections problem 3', title: 'level-sections', file: 'ladder/levels/ic/E3.md', line: 3, col: 4 },
    ]);
    expect(planAnnotations([])).toEqual([]);
  });

  test('errors before warnings, and parity before packets, the ladder and input problems', () => {
    const plan = planAnnotations([
      d('file-read', 'error'),
      d('packet-evidence', 'warning'),
      d('level-sections', 'error'),
      d('packet-evidence', 'error'),
      d('parity-band-coverage', 'error'),
      d('parity-ic-reach', 'warning'),
    ]);
    expect(plan.map((a) => `${a.level} ${a.title}`)).toEqual([
      'error parity-band-coverage',
      'error packet-evidence',
      'error level-sections',
      'error file-read',
      'warning parity-ic-reach',
      'warning packet-evidence',
    ]);
  });

  test('GitHub shows ten of each: the most important are kept and a notice counts the rest', () => {
    const many = [
      ...Array.from({ length: 12 }, (_, i) => d('file-read', 'error', i)),
      d('parity-pay', 'error'),
      ...Array.from({ length: 11 }, (_, i) => d('level-sections', 'warning', i)),
    ];
    const plan = planAnnotations(many);
    expect(plan.filter((a) => a.level === 'error')).toHaveLength(ANNOTATION_LIMIT);
    expect(plan.filter((a) => a.level === 'warning')).toHaveLength(ANNOTATION_LIMIT);
    expect(plan[0]?.title).toBe('parity-pay');
    expect(plan.at(-1)).toEqual({
      level: 'notice',
      message: '3 more errors and 1 more warnings are not annotated (GitHub shows 10 of each); the job summary lists them all.',
    });
  });

  test('no notice when everything is annotated; a smaller limit is honoured', () => {
    const ten = Array.from({ length: 10 }, (_, i) => d('band-order', 'error', i));
    expect(planAnnotations(ten).some((a) => a.level === 'notice')).toBe(false);
    const plan = planAnnotations(ten, 2);
    expect(plan.map((a) => a.level)).toEqual(['error', 'error', 'notice']);
    expect(plan[2]?.message).toMatch(/^8 more errors and 0 more warnings .*GitHub shows 2 of each/);
  });
});
