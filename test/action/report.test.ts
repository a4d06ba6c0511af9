import { describe, expect, test } from '@jest/globals';
import { type RunReport, reportMarkdown } from '../../src/action/report.js';
import type { Diagnostic } from '../../src/core/diagnostic.js';

const diagnostic = (i: number): Diagnostic => ({
  rule: 'level-sections',
  severity: 'error',
  message: `Problem ${i} with <b>html</b> | a pipe and @someone`,
  file: `ladder/levels/ic/E${i}.md`,
  line: i,
  column: 1,
});
const base = (over: Partial<RunReport>): RunReport => ({
  version: '0.1.0',
  diagnostics: [],
  filesChecked: 3,
  scope: 'pull request',
  diff: undefined,
  quorum: undefined,
  notices: [],
  runUrl: undefined,
  ...over,
});

describe('reportMarkdown', () => {
  test('escapes file text: no HTML, no table breaks, no mentions', () => {
    const md = reportMarkdown(base({ diagnostics: [diagnostic(1)] }), 60_000);
    expect(md).toContain('&lt;b&gt;html&lt;/b&gt; \\| a pipe and @\u200bsomeone');
    expect(md).not.toMatch(/<b>|@someone/);
  });

  test('stays within its budget with many problems and a huge diff, and says what it cut', () => {
    let asked = 0;
    const diff = {
      verdict: 'major',
      markdown: (max: number) => {
        asked = max;
        return 'x'.repeat(Math.min(max, 10_000_000));
      },
    };
    const md = reportMarkdown(base({ diagnostics: Array.from({ length: 5000 }, (_, i) => diagnostic(i)), diff }), 60_000);
    expect(md.length).toBeLessThanOrEqual(60_000);
    expect(asked).toBeGreaterThan(10_000);
    expect(asked).toBeLessThan(30_000);
    expect(md).toMatch(/\d+ more problems not shown here/);
  });

  test('without problems the diff gets the whole room', () => {
    let asked = 0;
    const markdown = (max: number) => {
      asked = max;
      return 'd';
    };
    reportMarkdown(base({ diff: { verdict: 'minor', markdown } }), 60_000);
    expect(asked).toBeGreaterThan(50_000);
  });

  test('headline says errors, warnings and approvals', () => {
    const quorum = {
      met: false,
      items: [{ subject: 'x.md', needs: '3 approvals', counted: [], ignored: [], met: false, missing: '3 more committee approvals' }],
    };
    const md = reportMarkdown(base({ diagnostics: [{ ...diagnostic(1), severity: 'warning' }], quorum }), 60_000);
    expect(md.split('\n')[0]).toBe('## Ladder check: ⚠️ 1 warning · ⏳ approvals needed');
    expect(md).toContain('- ⏳ **x.md** needs 3 approvals. Counted: none yet. Missing: 3 more committee approvals.');
  });
});
