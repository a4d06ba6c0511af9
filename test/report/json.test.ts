import { describe, expect, test } from '@jest/globals';
import { checkLadder } from '../../src/check.js';
import { diffLadders } from '../../src/core/diff.js';
import { diffToJson } from '../../src/report/diff-format.js';
import { ACTION_FORMATS, CHECK_FORMATS, DIFF_FORMATS, formatNamed, formatNames } from '../../src/report/formats.js';
import { formatJson } from '../../src/report/json.js';
import type { Quorum } from '../../src/report/model.js';
import { edit, ladderFiles } from '../diff/helpers.js';

const PACKET = 'packets/2026-h2/jo-rivera-promotion.md';
const broken = () => edit(ladderFiles(), PACKET, 'to: E5', 'to: E7');

describe('the JSON report', () => {
  test('of a check: version, summary and diagnostics, nothing else', () => {
    const result = checkLadder(broken());
    const json = formatJson({ version: '9.9.9', diagnostics: result.diagnostics, files: result.files });
    const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
    expect(errors).toBeGreaterThan(0);
    expect(json.endsWith('}\n')).toBe(true);
    const report = JSON.parse(json);
    expect(Object.keys(report)).toEqual(['formatVersion', 'version', 'summary', 'diagnostics']);
    expect(report).toEqual({
      formatVersion: 1,
      version: '9.9.9',
      summary: { files: result.files, errors, warnings: result.diagnostics.length - errors },
      diagnostics: result.diagnostics,
    });
  });

  test('of a run with a ladder diff and approvals: the check, then the diff as `ladder diff --format json` has it, then the approvals', () => {
    const base = checkLadder(ladderFiles());
    const head = checkLadder(edit(ladderFiles(), 'levels/ic/E5.md', 'title: Staff Engineer', 'title: Staff Software Engineer'));
    const diff = diffLadders(base.ladder, head.ladder);
    const approvals: Quorum = { met: true, items: [{ subject: 'the ladder', needs: 'n', counted: ['ada'], ignored: [], met: true, missing: undefined }] };
    const report = JSON.parse(formatJson({ version: '1.0.0', diagnostics: head.diagnostics, files: head.files, diff, approvals }));
    expect(Object.keys(report)).toEqual(['formatVersion', 'version', 'summary', 'diagnostics', 'diff', 'approvals']);
    expect(report.diff).toEqual(JSON.parse(diffToJson(diff)));
    expect(report.diff.verdict).toBe('minor');
    expect(report.approvals).toEqual({ met: true, items: [{ subject: 'the ladder', needs: 'n', counted: ['ada'], ignored: [], met: true }] });
  });

  test('the CLI and the Action share the one JSON format', () => {
    expect(ACTION_FORMATS.json).toBe(CHECK_FORMATS.json);
    expect(CHECK_FORMATS.json.render).toBe(formatJson);
  });
});

describe('the format tables', () => {
  test('a format is found by its name, and only by a name of the table', () => {
    expect(formatNamed(CHECK_FORMATS, 'sarif')).toBe(CHECK_FORMATS.sarif);
    expect(formatNamed(DIFF_FORMATS, 'markdown')).toBe(DIFF_FORMATS.markdown);
    for (const name of ['html', 'yaml', 'constructor', '__proto__', 'toString', '']) expect(formatNamed(CHECK_FORMATS, name)).toBeUndefined();
  });

  test('the names, for a usage message, in the order of the table', () => {
    expect(formatNames(CHECK_FORMATS)).toBe('text, json, sarif, markdown or compact');
    expect(formatNames(DIFF_FORMATS)).toBe('text, markdown or json');
    expect(formatNames({ one: 1 })).toBe('one');
  });
});
