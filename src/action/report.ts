import { countBySeverity, type Diagnostic } from '../core/diagnostic.js';
import { escapeMarkdown } from '../core/markdown-escape.js';
import type { Quorum } from './quorum.js';

/** Everything one run found, for the comment, the job summary and the JSON report. */
export interface RunReport {
  version: string;
  /** Paths relative to the repository root. */
  diagnostics: Diagnostic[];
  filesChecked: number;
  scope: 'pull request' | 'repository';
  /** The semantic diff, when the ladder itself changed: its verdict, and Markdown within a size. */
  diff: { verdict: string; markdown: (maxChars: number) => string } | undefined;
  /** undefined when approvals were not evaluated (not a pull request, or not required). */
  quorum: Quorum | undefined;
  /** Things the reader should know about the run itself (degraded modes, skipped parts). */
  notices: string[];
  runUrl: string | undefined;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The headline: what a reviewer needs in one line. */
export function headline(report: RunReport): string {
  const { errors, warnings } = countBySeverity(report.diagnostics);
  const checks =
    errors > 0 ? `❌ ${plural(errors, 'error')}, ${plural(warnings, 'warning')}` : warnings > 0 ? `⚠️ ${plural(warnings, 'warning')}` : '✅ no problems';
  const approvals = report.quorum === undefined ? '' : report.quorum.met ? ' · ✅ approvals complete' : ' · ⏳ approvals needed';
  return `${checks}${approvals}`;
}

/**
 * The report as GitHub Markdown, cut to `maxChars` with a notice when it does not fit. File
 * content only ever appears escaped, and @mentions are neutralized.
 */
export function reportMarkdown(report: RunReport, maxChars: number): string {
  const head = [`## Ladder check: ${headline(report)}`, '', `Checked ${plural(report.filesChecked, 'file')} (${report.scope}).`, ''];
  for (const notice of report.notices) head.push(`> [!NOTE]\n> ${escapeMarkdown(notice)}`, '');
  const quorum = report.quorum ? quorumMarkdown(report.quorum) : [];
  const footer = [`<sub>ladder-as-code ${escapeMarkdown(report.version)}${report.runUrl ? ` · [run](${report.runUrl})` : ''}</sub>`];

  const rows = report.diagnostics.map(
    (d) =>
      `| ${d.severity === 'error' ? '❌' : '⚠️'} | \`${escapeMarkdown(d.file).replace(/`/g, "'")}:${d.line}:${d.column}\` | ${escapeMarkdown(d.message)} | \`${d.rule}\` |`,
  );
  const fixed = [...head, ...quorum, ...footer].join('\n').length;
  const cutNotice = (n: number) =>
    `\n> [!WARNING]\n> ${plural(n, 'more problem')} not shown here: this comment has a size limit. The job summary and the JSON report list them all.\n`;
  const budget = maxChars - fixed - 400;

  // The diff gets half the room when there are problems to list too; it cuts itself cleanly.
  const diffBudget = Math.max(0, rows.length > 0 ? Math.floor(budget / 2) : budget);
  const diffText = report.diff ? ['### Ladder changes', '', report.diff.markdown(diffBudget).trim(), ''].join('\n') : '';

  const table: string[] = [];
  if (rows.length > 0) {
    table.push('### Problems', '', '| | where | problem | rule |', '| --- | --- | --- | --- |');
    let used = table.join('\n').length + diffText.length;
    let shown = 0;
    for (const row of rows) {
      if (used + row.length + 1 > budget) break;
      table.push(row);
      used += row.length + 1;
      shown++;
    }
    if (shown < rows.length) table.push(cutNotice(rows.length - shown));
    table.push('');
  }
  return [...head, ...table, ...quorum, diffText, ...footer].join('\n');
}

function quorumMarkdown(quorum: Quorum): string[] {
  const out = ['### Approvals', ''];
  for (const item of quorum.items) {
    const who = item.counted.length > 0 ? item.counted.map((l) => `\`${escapeMarkdown(l)}\``).join(', ') : 'none yet';
    out.push(
      `- ${item.met ? '✅' : '⏳'} **${escapeMarkdown(item.subject)}** needs ${escapeMarkdown(item.needs)}. Counted: ${who}.${item.missing ? ` Missing: ${escapeMarkdown(item.missing)}.` : ''}`,
    );
    for (const i of item.ignored) out.push(`  - \`${escapeMarkdown(i.login)}\` does not count: ${escapeMarkdown(i.why)}.`);
  }
  out.push('');
  return out;
}
