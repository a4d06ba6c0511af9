import { describe, expect, test } from '@jest/globals';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { PROJECT_SITE, ruleHelpUri } from '../../src/core/project-urls.js';
import { FINGERPRINT_KEY, formatSarif, SARIF_MAX_RESULTS } from '../../src/report/sarif.js';
import { allRules } from '../../src/rules/index.js';
import { codeScanningProblems, type SarifLog, sarifSchemaErrors } from '../helpers/sarif.js';

const d = (over: Partial<Diagnostic>): Diagnostic => ({
  rule: 'level-sections',
  severity: 'error',
  message: 'Level "E4" has no section for "System design"; add one.',
  file: 'ladder/levels/ic/E4.md',
  line: 3,
  column: 5,
  ...over,
});
const sarif = (diagnostics: Diagnostic[]) => JSON.parse(formatSarif({ diagnostics, files: 3, version: '1.2.3' })) as SarifLog;
const fingerprints = (diagnostics: Diagnostic[]) => sarif(diagnostics).runs[0]?.results.map((r) => r.partialFingerprints?.[FINGERPRINT_KEY]);

describe('SARIF for code scanning', () => {
  const sample = [
    d({}),
    d({ rule: 'schema', file: 'ladder/ladder.yml', line: 40, column: 3, message: 'Unknown key "quorom" in governance. Did you mean "quorum"?' }),
    // A file name with characters that mean something in a URI, and a position before the first column.
    d({ rule: 'raw-html', severity: 'warning', file: 'ladder/levels/ic/E 5 #?.md', line: 0, column: 0 }),
  ];

  test('validates against the SARIF 2.1.0 schema, and meets what code scanning needs of every result', () => {
    const log = sarif(sample);
    expect(sarifSchemaErrors(log)).toEqual([]);
    expect(codeScanningProblems(log)).toEqual([]);
  });

  test('the checks can fail: an absolute path, a missing rule id and a line 0 are each caught', () => {
    const log = sarif(sample);
    const result = log.runs[0]?.results[0] as NonNullable<SarifLog['runs'][0]['results'][0]>;
    const location = result.locations?.[0]?.physicalLocation as { artifactLocation: { uri: string }; region: { startLine: number } };
    location.artifactLocation.uri = '/home/runner/work/ladder.yml';
    location.region.startLine = 0;
    delete result.ruleId;
    expect(codeScanningProblems(log)).toEqual([
      'run 0 result 0: no ruleId',
      'run 0 result 0: ruleIndex does not point at its rule',
      'run 0 result 0: uri /home/runner/work/ladder.yml is not relative',
      'run 0 result 0: startLine 0',
    ]);
    const second = log.runs[0]?.results[1];
    if (second) second.level = 'fatal';
    expect(sarifSchemaErrors(log).join('\n')).toMatch(/level/);
  });

  test('paths are relative URIs from %SRCROOT%, each segment encoded, positions at least 1:1', () => {
    const run = sarif(sample).runs[0];
    expect(run?.originalUriBaseIds).toHaveProperty(['%SRCROOT%']);
    expect(run?.results.map((r) => r.locations?.[0]?.physicalLocation)).toEqual([
      { artifactLocation: { uri: 'ladder/levels/ic/E4.md', uriBaseId: '%SRCROOT%' }, region: { startLine: 3, startColumn: 5 } },
      { artifactLocation: { uri: 'ladder/ladder.yml', uriBaseId: '%SRCROOT%' }, region: { startLine: 40, startColumn: 3 } },
      { artifactLocation: { uri: 'ladder/levels/ic/E%205%20%23%3F.md', uriBaseId: '%SRCROOT%' }, region: { startLine: 1, startColumn: 1 } },
    ]);
  });

  test('every rule has help text and Markdown, and a helpUri on the project site', () => {
    const rules = sarif([]).runs[0]?.tool.driver.rules ?? [];
    expect(rules.map((r) => r.id)).toEqual(allRules.map((r) => r.id));
    for (const rule of rules) {
      expect(rule.helpUri).toBe(ruleHelpUri(rule.id));
      expect(rule.helpUri).toBe(`${PROJECT_SITE}rules/#${rule.id}`);
      expect(rule.help?.text).toContain(rule.helpUri);
      expect(rule.help?.markdown).toContain(`](${rule.helpUri})`);
      expect(rule.help?.text).toContain(allRules.find((r) => r.id === rule.id)?.description.slice(1));
      // The SARIF SDK's validator (SARIF1001): a name, when given, is not the id again.
      const name = (rule as { name?: string }).name;
      if (name !== undefined) expect(name.toLowerCase()).not.toBe(rule.id.toLowerCase());
    }
    expect(rules.find((r) => r.id === 'schema')).not.toHaveProperty('name');
  });

  describe('partialFingerprints', () => {
    test('stay the same when the problem moves to another line, or a message names another line', () => {
      const before = [d({}), d({ rule: 'unique-id', message: 'Level id "E4" is used twice (first on line 12); rename one.', line: 20 })];
      const after = [d({ line: 9 }), d({ rule: 'unique-id', message: 'Level id "E4" is used twice (first on line 14); rename one.', line: 22, column: 1 })];
      expect(fingerprints(after)).toEqual(fingerprints(before));
    });

    test('differ by rule, by file, by message, and between two equal problems in one file', () => {
      const all = fingerprints([
        d({}),
        d({ rule: 'level-climb' }),
        d({ file: 'ladder/levels/ic/E5.md' }),
        d({ message: 'Level "E4" has no section for "Delivery"; add one.' }),
        d({ line: 30 }),
      ]);
      expect(new Set(all).size).toBe(5);
      for (const f of all ?? []) expect(f).toMatch(/^[0-9a-f]{16}:\d+$/);
    });
  });

  test(`never more than ${SARIF_MAX_RESULTS} results, the limit of code scanning: errors are kept, and a notification says how many were left out`, () => {
    const warnings = Array.from({ length: SARIF_MAX_RESULTS }, (_, i) => d({ severity: 'warning', line: i + 1 }));
    const errors = [d({ line: 1, rule: 'schema' }), d({ line: 2, rule: 'schema' })];
    const run = sarif([...warnings, ...errors]).runs[0];
    expect(run?.results).toHaveLength(SARIF_MAX_RESULTS);
    expect(run?.results.filter((r) => r.level === 'error')).toHaveLength(2);
    expect(run?.invocations?.[0]?.toolExecutionNotifications?.[0]?.message.text).toMatch(
      /^2 more problems left out: GitHub code scanning accepts 25000 results per run/,
    );
    expect(codeScanningProblems(run ? { ...sarif([]), runs: [run] } : sarif([]))).toEqual([]);
    expect(sarif(warnings).runs[0]?.invocations?.[0]?.toolExecutionNotifications).toEqual([]);
  });
});
