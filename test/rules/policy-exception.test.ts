import { describe, expect, test } from '@jest/globals';
import { checkLadder } from '../../src/check.js';
import type { SourceFile } from '../../src/core/source-file.js';
import { diagnosticsOf, diagnosticsOfRule, edit, exampleFiles, positionOf, rulesOf, where, without, withPolicy } from '../helpers/ladder-files.js';

const rule = 'policy-exception';
const M4 = 'levels/em/M4.md';
const reason = 'Principal Manager is a management-only role: it runs the engineering organization as a whole.';

/** The example whose ladder.yml carries these exceptions (YAML lines under `exceptions:`). */
function withExceptions(files: readonly SourceFile[], ...lines: string[]): SourceFile[] {
  return edit(files, 'ladder.yml', /^ {2}rules: \{\}$/m, `  rules: {}\n  exceptions:\n${lines.map((l) => `    ${l}`).join('\n')}`);
}

/** The example with E7 and E8 removed: management (M4, principal) reaches above the IC track. */
const managementOnlyTop = () => without(exampleFiles(), 'levels/ic/E7.md', 'levels/ic/E8.md');

describe(rule, () => {
  test('an exception waives exactly its rule at its level, and the check result records it', () => {
    const files = withExceptions(managementOnlyTop(), '- rule: parity-ic-reach', '  level: M4', `  reason: "${reason}"`);
    const result = checkLadder(files);
    expect(result.diagnostics).toEqual([]);
    expect(result.waivers.exceptions).toEqual([
      {
        rule: 'parity-ic-reach',
        level: 'M4',
        band: undefined,
        reason,
        file: 'ladder.yml',
        waived: 1,
        ...positionOf(files, 'ladder.yml', 'rule: parity-ic-reach'),
      },
    ]);
    expect(result.waivers.off).toEqual([]);
  });

  test('management above the IC track is one fact and one error (parity-ic-reach), not also a band-coverage error', () => {
    expect(rulesOf(diagnosticsOf(managementOnlyTop()))).toEqual(['parity-ic-reach']);
  });

  test('an exception at a band waives the rule on every level of that band', () => {
    const files = withExceptions(managementOnlyTop(), '- rule: parity-ic-reach', '  band: principal', `  reason: "${reason}"`);
    expect(diagnosticsOf(files)).toEqual([]);
  });

  test('an exception elsewhere waives nothing there, and is itself reported as waiving nothing', () => {
    const files = withExceptions(managementOnlyTop(), '- rule: parity-ic-reach', '  level: M3', `  reason: "${reason}"`);
    const found = diagnosticsOf(files);
    expect(found.map(where)).toEqual([
      { rule, file: 'ladder.yml', ...positionOf(files, 'ladder.yml', 'rule: parity-ic-reach') },
      { rule: 'parity-ic-reach', file: M4, ...positionOf(files, M4, 'principal') },
    ]);
    expect(found[0]?.message).toBe(
      'Rule "parity-ic-reach" reports nothing at level "M3", so this exception waives nothing. Remove it, so that the ladder\'s record of exceptions stays true.',
    );
  });

  test('an exception for another rule does not waive this one', () => {
    const files = withExceptions(managementOnlyTop(), '- rule: parity-band-coverage', '  level: M4', `  reason: "${reason}"`);
    expect(rulesOf(diagnosticsOf(files))).toEqual(['parity-ic-reach', rule]);
  });

  test('an exception without a reason, or with a blank one, is a schema error pointing at it', () => {
    const files = withExceptions(managementOnlyTop(), '- rule: parity-ic-reach', '  level: M4');
    const found = diagnosticsOfRule(files, 'schema');
    expect(found.map(where)).toEqual([{ rule: 'schema', file: 'ladder.yml', ...positionOf(files, 'ladder.yml', 'rule: parity-ic-reach') }]);
    expect(found[0]?.message).toMatch(/^Missing required key "reason" in policy\.exceptions\[0\]\. Why the organization accepts this exception/);
    const blank = withExceptions(managementOnlyTop(), '- rule: parity-ic-reach', '  level: M4', '  reason: "  "');
    expect(diagnosticsOfRule(blank, 'schema').map((d) => d.message)).toEqual([expect.stringMatching(/^policy\.exceptions\[0\]\.reason has an invalid format/)]);
  });

  test('an exception naming an unknown rule is a schema error with a "did you mean"', () => {
    const files = withExceptions(managementOnlyTop(), '- rule: parity-ic-rech', '  level: M4', `  reason: "${reason}"`);
    const found = diagnosticsOfRule(files, 'schema');
    expect(found.map(where)).toEqual([{ rule: 'schema', file: 'ladder.yml', ...positionOf(files, 'ladder.yml', 'parity-ic-rech') }]);
    expect(found[0]?.message).toContain('Did you mean "parity-ic-reach"?');
  });

  test('an exception naming an unknown level or band is reported on that key, with a "did you mean"', () => {
    const files = withExceptions(managementOnlyTop(), '- rule: parity-ic-reach', '  level: M44', `  reason: "${reason}"`);
    const found = diagnosticsOfRule(files, rule);
    expect(found.map(where)).toEqual([{ rule, file: 'ladder.yml', ...positionOf(files, 'ladder.yml', 'M44') }]);
    expect(found[0]?.message).toMatch(/^This exception names level "M44", which does not exist\. Did you mean "M4"\? Known levels: /);
    const band = withExceptions(managementOnlyTop(), '- rule: parity-ic-reach', '  band: principle', `  reason: "${reason}"`);
    expect(diagnosticsOfRule(band, rule).map((d) => d.message)).toEqual([
      expect.stringMatching(/^This exception names band "principle".* Did you mean "principal"\?/),
    ]);
  });

  test('an exception must name exactly one place', () => {
    const none = withExceptions(managementOnlyTop(), '- rule: parity-ic-reach', `  reason: "${reason}"`);
    expect(diagnosticsOfRule(none, rule).map((d) => d.message)).toEqual([
      expect.stringContaining('names no place; add `level: <level id>` or `band: <band id>`'),
    ]);
    const both = withExceptions(managementOnlyTop(), '- rule: parity-ic-reach', '  level: M4', '  band: principal', `  reason: "${reason}"`);
    const found = diagnosticsOfRule(both, rule);
    expect(found.map(where)).toEqual(
      [{ rule, file: 'ladder.yml', ...positionOf(both, 'ladder.yml', 'band: principal', 1) }].map((w) => ({ ...w, column: w.column + 6 })),
    );
    // A malformed exception waives nothing and is reported once, not also as unused.
    expect(rulesOf(diagnosticsOf(both))).toEqual(['parity-ic-reach', rule]);
  });

  test('input rules cannot be waived at a place', () => {
    const files = withExceptions(exampleFiles(), '- rule: schema', '  level: E4', `  reason: "${reason}"`);
    expect(diagnosticsOfRule(files, rule).map((d) => d.message)).toEqual([expect.stringContaining('Rule "schema" is reported while files are read')]);
  });

  test('an exception for a rule that is off, or a repeated one, is reported', () => {
    const off = withPolicy(withExceptions(managementOnlyTop(), '- rule: parity-ic-reach', '  level: M4', `  reason: "${reason}"`), {
      'parity-ic-reach': 'off',
    });
    expect(diagnosticsOf(off).map((d) => d.message)).toEqual([
      expect.stringContaining('Rule "parity-ic-reach" is off in policy.rules, so this exception at level "M4" has no effect'),
    ]);
    const twice = withExceptions(
      managementOnlyTop(),
      '- rule: parity-ic-reach',
      '  level: M4',
      `  reason: "${reason}"`,
      '- rule: parity-ic-reach',
      '  level: M4',
      `  reason: "${reason}"`,
    );
    expect(diagnosticsOf(twice).map((d) => d.message)).toEqual([expect.stringMatching(/^This exception repeats the one on line \d+/)]);
  });

  test('rules turned off are listed in the check result', () => {
    expect(checkLadder(withPolicy(exampleFiles(), { 'parity-pay': 'off', 'raw-html': 'off' })).waivers).toEqual({
      off: ['parity-pay', 'raw-html'],
      exceptions: [],
    });
  });
});
