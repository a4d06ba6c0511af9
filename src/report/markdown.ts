import { countBySeverity } from '../core/diagnostic.js';
import type { LadderDiff } from '../core/diff.js';
import { codeSpan, escapeMarkdown } from '../core/markdown-escape.js';
import { plural } from '../core/text.js';
import { COMMENT_LIMIT, chars, clip, fitItems, fitRendered, type Limit, SUMMARY_NOTE_BYTES, utf8Bytes } from './budget.js';
import { diffToMarkdown } from './diff-format.js';
import type { Quorum, Report, RunReport } from './model.js';
import { packetBlock } from './packets.js';
import { waiverLines } from './waivers.js';

/** The headline: what a reviewer needs in one line. */
export function headline(report: Report): string {
  const { errors, warnings } = countBySeverity(report.diagnostics);
  const checks =
    errors > 0 ? `❌ ${plural(errors, 'error')}, ${plural(warnings, 'warning')}` : warnings > 0 ? `⚠️ ${plural(warnings, 'warning')}` : '✅ no problems';
  const approvals = report.approvals === undefined ? '' : report.approvals.met ? ' · ✅ approvals complete' : ' · ⏳ approvals needed';
  return `${checks}${approvals}`;
}

/** The ladder diff as Markdown of at most `maxChars` UTF-16 units (the budget asks it for less until it fits). */
export type DiffMarkdown = (diff: LadderDiff, maxChars: number) => string;
const defaultDiffMarkdown: DiffMarkdown = (diff, maxChars) => diffToMarkdown(diff, { maxChars });

/** Messages quote file text: one problem never takes more than this much of a comment. */
const MESSAGE_MAX = 1_000;
/** Room kept for the notices that say what was cut. */
const CUT_NOTICES = 1_200;

/**
 * The report as GitHub Markdown, within `limit` (a number is a count of characters) as GitHub
 * measures it, with a notice for each part that was cut, saying how much and where to find it.
 * The head and the approvals come first, then the ladder diff and the problems share the rest.
 * File content only ever appears escaped or in code spans, and @mentions are neutralized.
 */
export function reportMarkdown(report: RunReport, limit: Limit | number, renderDiff: DiffMarkdown = defaultDiffMarkdown): string {
  const { max, measure, elsewhere } = typeof limit === 'number' ? { ...COMMENT_LIMIT, max: limit, measure: chars } : limit;
  const size = (lines: readonly string[]) => measure(lines.join('\n')) + 1;
  const head = [`## Ladder check: ${headline(report)}`, '', `Checked ${plural(report.files, 'file')} (${report.scope}).`, ''];
  for (const notice of report.notices) head.push(`> [!NOTE]\n> ${escapeMarkdown(clip(notice, MESSAGE_MAX, chars))}`, '');
  // Said even when there are no problems: a rule turned off must not read as a rule that passed.
  const waived = report.waivers ? waiverLines(report.waivers) : [];
  if (waived.length > 0) head.push("Not checked, by the ladder's policy:", '', ...waived.map((w) => `- ${escapeMarkdown(clip(w, MESSAGE_MAX, chars))}`), '');
  const footer = [`<sub>ladder-as-code ${escapeMarkdown(report.version)}${report.runUrl ? ` · [run](${report.runUrl})` : ''}</sub>`];
  const cut = (what: string) => `> [!WARNING]\n> ${what} not shown here: this report has a size limit. ${elsewhere}`;
  let room = max - size(head) - size(footer) - CUT_NOTICES;

  const rows = report.diagnostics.map(
    (d) =>
      `| ${d.severity === 'error' ? '❌' : '⚠️'} | ${codeSpan(`${d.file}:${d.line}:${d.column}`, { table: true })} | ${escapeMarkdown(clip(d.message, MESSAGE_MAX, chars))} | ${codeSpan(d.rule, { table: true })} |`,
  );

  // Approvals decide the merge: they come first, but leave half the room when there is more to say.
  const approvals: string[] = [];
  if (report.approvals) {
    const lines = quorumLines(report.approvals);
    const share = rows.length > 0 || report.diff ? Math.floor(room / 2) : room;
    const fitted = fitItems(lines, share - size(['### Approvals', '']), measure);
    approvals.push('### Approvals', '', ...fitted.taken);
    if (fitted.left > 0) approvals.push('', cut(plural(fitted.left, 'more line') + ' of approvals'));
    approvals.push('');
    room -= size(approvals);
  }

  // Each changed packet as reviewers read it: the move and counts, never the packet's text.
  const packets: string[] = [];
  if (report.packets && report.packets.length > 0) {
    const blocks = report.packets.map((p) => packetBlock(p, report.siteUrl));
    const share = rows.length > 0 || report.diff ? Math.floor(room / 2) : room;
    const fitted = fitItems(blocks, share - size(['### Packets', '']), measure);
    packets.push('### Packets', '', ...fitted.taken);
    if (fitted.left > 0) packets.push(cut(plural(fitted.left, 'more packet')), '');
    room -= size(packets);
  }

  // The diff gets half of what is left when there are problems to list too; it cuts itself cleanly.
  let diffText = '';
  if (report.diff) {
    const heading = '### Ladder changes\n\n';
    const share = (rows.length > 0 ? Math.floor(room / 2) : room) - measure(heading) - 2;
    const diff = report.diff;
    diffText = `${heading}${fitRendered((units) => renderDiff(diff, units).trim(), share, measure)}\n`;
    room -= measure(diffText) + 1;
  }

  const table: string[] = [];
  if (rows.length > 0) {
    const top = ['### Problems', '', '| | where | problem | rule |', '| --- | --- | --- | --- |'];
    const fitted = fitItems(rows, room - size(top), measure);
    table.push(...top, ...fitted.taken);
    if (fitted.left > 0) table.push('', cut(plural(fitted.left, 'more problem')));
    table.push('');
  }
  const text = [...head, ...table, ...approvals, ...packets, ...(diffText ? [diffText] : []), ...footer].join('\n');
  // The budget above keeps within the limit; should a part misjudge itself, never exceed it.
  return measure(text) <= max ? text : clip(text, max, measure);
}

function quorumLines(quorum: Quorum): string[] {
  const out: string[] = [];
  for (const item of quorum.items) {
    const who = item.counted.length > 0 ? item.counted.map((l) => codeSpan(l)).join(', ') : 'none yet';
    out.push(
      `- ${item.met ? '✅' : '⏳'} **${escapeMarkdown(item.subject)}** needs ${escapeMarkdown(item.needs)}. Counted: ${who}.${item.missing ? ` Missing: ${escapeMarkdown(item.missing)}.` : ''}`,
    );
    for (const i of item.ignored) out.push(`  - ${codeSpan(i.login)} does not count: ${escapeMarkdown(i.why)}.`);
    for (const login of item.blockedBy ?? []) out.push(`  - ${codeSpan(login)} requested changes: this waits for their new review.`);
  }
  return out;
}

/** A warning appended to the job summary after the report, within the room the report left for it. */
export function summaryNotice(text: string): string {
  return `\n> [!WARNING]\n> ${clip(escapeMarkdown(text), SUMMARY_NOTE_BYTES - 20, utf8Bytes)}\n`;
}
