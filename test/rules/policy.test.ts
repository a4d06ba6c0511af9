import { describe, expect, test } from '@jest/globals';
import { allRules } from '../../src/rules/index.js';
import { diagnosticsOf, edit, exampleFiles, move, positionOf, where, withPolicy } from '../helpers/ladder-files.js';

const E4 = 'levels/ic/E4.md';
/** The example with one misspelled section in E4: two level-sections errors. */
const misspelled = () => edit(exampleFiles(), E4, '## System design', '## Sytem design');

describe('policy.rules in ladder.yml', () => {
  test('by default the ladder rules are errors', () => {
    for (const r of allRules.filter((r) => r.group !== 'packet' && r.id !== 'raw-html')) expect([r.id, r.severity]).toEqual([r.id, 'error']);
    expect(diagnosticsOf(misspelled()).map((d) => d.severity)).toEqual(['error', 'error']);
  });

  test('a rule set to warning reports with severity warning, at the same place', () => {
    const files = withPolicy(misspelled(), { 'level-sections': 'warning' });
    const found = diagnosticsOf(files);
    expect(found.map((d) => [d.rule, d.severity, d.line, d.column])).toEqual([
      ['level-sections', 'warning', 3, 5],
      ['level-sections', 'warning', positionOf(files, E4, 'Sytem design').line, 4],
    ]);
  });

  test('a rule set to off reports nothing, and other rules still run', () => {
    expect(diagnosticsOf(withPolicy(misspelled(), { 'level-sections': 'off' }))).toEqual([]);
    const files = edit(withPolicy(misspelled(), { 'level-sections': 'off' }), 'levels/em/M1.md', 'band: senior', 'band: senoir');
    expect(diagnosticsOf(files).map((d) => d.rule)).toContain('unknown-reference');
  });

  test('error keeps a rule an error', () => {
    expect(diagnosticsOf(withPolicy(misspelled(), { 'level-sections': 'error' })).map((d) => d.severity)).toEqual(['error', 'error']);
  });

  test('rules the loader reports follow the policy too', () => {
    const files = move(exampleFiles(), E4, 'levels/em/E4.md');
    expect(diagnosticsOf(withPolicy(files, { 'file-location': 'warning' })).map(where)).toEqual([
      { rule: 'file-location', file: 'levels/em/E4.md', line: 4, column: 8 },
    ]);
    expect(diagnosticsOf(withPolicy(files, { 'file-location': 'warning' }))[0]?.severity).toBe('warning');
    expect(diagnosticsOf(withPolicy(files, { 'file-location': 'off' }))).toEqual([]);
  });

  test('several rules at once, each with its own setting', () => {
    const files = edit(
      withPolicy(misspelled(), { 'level-sections': 'off', 'unknown-reference': 'warning' }),
      'levels/em/M1.md',
      'band: senior',
      'band: senoir',
    );
    const found = diagnosticsOf(files);
    expect(found.find((d) => d.rule === 'unknown-reference')?.severity).toBe('warning');
    expect(found.filter((d) => d.rule === 'level-sections')).toEqual([]);
  });
});
