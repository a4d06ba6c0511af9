import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { COMMENT_LIMIT, type Limit, SUMMARY_LIMIT } from '../../src/report/budget.js';
import { reportMarkdown as compose } from '../../src/report/markdown.js';
import type { RunReport } from '../../src/report/model.js';
import { diffAfter } from '../diff/helpers.js';

const diagnostic = (i: number): Diagnostic => ({
  rule: 'level-sections',
  severity: 'error',
  message: `Problem ${i} with <b>html</b> | a pipe and @someone`,
  file: `ladder/levels/ic/E${i}.md`,
  line: i,
  column: 1,
});

/** A diff whose Markdown the test writes, to see how much room the report gives it. */
interface StandInDiff {
  verdict: string;
  markdown: (maxChars: number) => string;
}
type TestReport = Omit<RunReport, 'diff'> & { diff: StandInDiff | undefined };

const base = (over: Partial<TestReport>): TestReport => ({
  version: '0.1.0',
  diagnostics: [],
  files: 3,
  scope: 'pull request',
  diff: undefined,
  approvals: undefined,
  notices: [],
  runUrl: undefined,
  ...over,
});

const someDiff = diffAfter((f) => f);

/** The report's Markdown, the stand-in diff (if any) rendered in place of a real diff's. */
function reportMarkdown({ diff, ...report }: TestReport, limit: Limit | number): string {
  return diff ? compose({ ...report, diff: someDiff }, limit, (_, maxChars) => diff.markdown(maxChars)) : compose(report, limit);
}

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
    const md = reportMarkdown(base({ diagnostics: [{ ...diagnostic(1), severity: 'warning' }], approvals: quorum }), 60_000);
    expect(md.split('\n')[0]).toBe('## Ladder check: ⚠️ 1 warning · ⏳ approvals needed');
    expect(md).toContain('- ⏳ **x.md** needs 3 approvals. Counted: none yet. Missing: 3 more committee approvals.');
  });
});

describe('reportMarkdown renders file text the way GitHub shows it', () => {
  const parse = async (md: string) => {
    const [{ unified }, { default: remarkParse }, { default: remarkGfm }] = await Promise.all([
      import('unified'),
      import('remark-parse'),
      import('remark-gfm'),
    ]);
    return unified().use(remarkParse).use(remarkGfm).parse(md);
  };
  const all = (node: { type: string; children?: unknown[] }): Array<{ type: string; value?: string }> => [
    node,
    ...((node.children ?? []) as Array<{ type: string; children?: unknown[] }>).flatMap(all),
  ];

  test('code spans hold the literal file name and login: no backslashes', async () => {
    const quorum = {
      met: false,
      items: [
        { subject: 'x.md', needs: '1 approval', counted: ['jo_rivera'], ignored: [{ login: 'sam_okoye', why: 'the candidate' }], met: false, missing: 'x' },
      ],
    };
    const md = reportMarkdown(base({ diagnostics: [{ ...diagnostic(1), file: 'ladder/packets/jo_rivera*1*.md' }], approvals: quorum }), 60_000);
    const code = all(await parse(md))
      .filter((n) => n.type === 'inlineCode')
      .map((n) => n.value);
    expect(code).toContain('ladder/packets/jo_rivera*1*.md:1:1');
    expect(code).toContain('jo_rivera');
    expect(code).toContain('sam_okoye');
  });

  test('a URL or an e-mail address in a message is not a link', async () => {
    const d = { ...diagnostic(1), message: 'Go to https://evil.example/login or www.evil.example, or write to jo@evil.example' };
    const tree = await parse(reportMarkdown(base({ diagnostics: [d] }), 60_000));
    // The footer's <sub> is the report's own HTML; nothing else may be.
    expect(all(tree).filter((n) => n.type === 'link' || (n.type === 'html' && !/^<\/?sub>$/.test(n.value ?? '')))).toEqual([]);
  });
});

describe('reportMarkdown within GitHub limits', () => {
  // 100 packets, each with 3 counted approvers and 5 who do not count.
  const bigQuorum = {
    met: false,
    items: Array.from({ length: 100 }, (_, i) => ({
      subject: `ladder/packets/2026-h2/candidate-number-${i}-promotion.md`,
      needs: '3 approvals from the promotion committee, not counting the candidate',
      counted: ['ada-okafor', 'bjorn-lind', 'chen-wei'],
      ignored: ['jo-rivera', 'sam-okoye', 'mallory', 'trent-the-reviewer', 'eve-from-elsewhere'].map((login) => ({
        login,
        why: 'not on the promotion committee',
      })),
      met: i % 2 === 0,
      missing: i % 2 === 0 ? undefined : '1 more committee approval',
    })),
  };

  test('the approvals count against the comment budget: 100 packets × 8 approvers still fit, with a notice', () => {
    const md = reportMarkdown(base({ approvals: bigQuorum, diagnostics: Array.from({ length: 50 }, (_, i) => diagnostic(i)) }), COMMENT_LIMIT);
    expect(md.length).toBeLessThanOrEqual(COMMENT_LIMIT.max);
    expect(md).toMatch(/\d+ more lines of approvals not shown here: this report has a size limit\. The job summary and the JSON report list them all\./);
    expect(md).toContain('### Problems'); // the approvals leave room for the problems
    expect(md).toContain('candidate-number-0-promotion.md');
  });

  test('the job summary is measured in UTF-8 bytes: emoji and non-Latin text stay under 1 MiB', () => {
    const wide = (i: number): Diagnostic => ({ ...diagnostic(i), message: `見出し「${'昇格の証拠🙂'.repeat(120)}」は不明です ${i}` });
    const md = reportMarkdown(base({ diagnostics: Array.from({ length: 3000 }, (_, i) => wide(i)), approvals: bigQuorum }), SUMMARY_LIMIT);
    expect(Buffer.byteLength(md, 'utf8')).toBeLessThanOrEqual(SUMMARY_LIMIT.max);
    expect(Buffer.byteLength(md, 'utf8')).toBeGreaterThan(SUMMARY_LIMIT.max * 0.9); // cut near the limit, not far below
    expect(md).toMatch(/\d+ more problems not shown here: this report has a size limit\. The JSON report \(the step's `report` output\) lists them all\./);
  });

  test('a huge diff of wide characters is cut to the byte budget too', () => {
    const diff = { verdict: 'major', markdown: (max: number) => '変'.repeat(max) };
    const md = reportMarkdown(base({ diff }), SUMMARY_LIMIT);
    expect(Buffer.byteLength(md, 'utf8')).toBeLessThanOrEqual(SUMMARY_LIMIT.max);
    expect(md).toContain('### Ladder changes');
  });

  test('any report stays within its limit (property)', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 3000 });
    const arbitraryReport = fc.record({
      diagnostics: fc.array(fc.record({ message: text, file: text }), { maxLength: 400 }),
      approvers: fc.array(text, { maxLength: 50 }),
      items: fc.nat(120),
      diffUnit: fc.constantFrom('x', '🙂', '変', ''),
    });
    fc.assert(
      fc.property(arbitraryReport, fc.constantFrom(COMMENT_LIMIT, SUMMARY_LIMIT, { ...COMMENT_LIMIT, max: 5_000 }), (r, limit) => {
        const report = base({
          diagnostics: r.diagnostics.map((d, i) => ({ ...diagnostic(i), ...d })),
          approvals: {
            met: false,
            items: Array.from({ length: r.items }, (_, i) => ({
              subject: `p${i}`,
              needs: 'n',
              counted: r.approvers,
              ignored: r.approvers.map((login) => ({ login, why: 'w' })),
              met: false,
              missing: 'm',
            })),
          },
          diff: { verdict: 'minor', markdown: (max: number) => r.diffUnit.repeat(Math.max(0, max)) },
        });
        expect(limit.measure(reportMarkdown(report, limit))).toBeLessThanOrEqual(limit.max);
      }),
      { numRuns: 60 },
    );
  });
});
