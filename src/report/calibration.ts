import { type Calibration, type CalibrationEntry, type CalibrationGroup, calibrationMarker } from '../core/calibration.js';
import { codeSpan, escapeMarkdown } from '../core/markdown-escape.js';
import type { Coverage, PacketSummary } from '../core/packet-summary.js';
import { stripControl } from '../core/text.js';
import { levelText, moveKindText } from './packets.js';

/*
 * The committee packet of one cycle, as Markdown and as one self-contained HTML page (inline CSS,
 * no script). Both start with the marker the calibration-output rule knows them by. They hold what
 * the calibration model holds: ids, handles, the ladder's names and counts, never packet text. Pure.
 */

const MARK: Record<Coverage, string> = { present: '✅', thin: '⚠️', missing: '❌' };
const LEGEND = '✅ present · ⚠️ thin · ❌ missing · – not asked of this packet';
const OUTCOMES = 'promoted / not yet / withdrawn';

const groupTitle = (g: CalibrationGroup) =>
  g.level ? `${g.level.id}: ${g.level.title} (${g.level.band} band, ${g.level.track})` : `${g.levelId ?? 'unknown level'} (no such level)`;
const who = (s: PacketSummary) => s.candidate ?? 'unnamed';
const coverageOf = (e: CalibrationEntry, id: string) => {
  const c = e.summary.coverage.find((x) => x.id === id);
  return c ? `${MARK[c.state]} ${c.words}` : '–';
};
const attentionEntries = (c: Calibration) => c.groups.flatMap((g) => g.entries).filter((e) => e.attention.length > 0);

export function calibrationMarkdown(c: Calibration): string {
  const md = escapeMarkdown;
  const cell = (text: string) => md(text);
  const out = [
    calibrationMarker(c.cycle),
    `# Calibration: ${md(c.organization)}, cycle ${md(c.cycle)}`,
    '',
    `Ladder version ${md(c.ladderVersion)} · ${c.packets} packet${c.packets === 1 ? '' : 's'}. For the committee's meeting only: keep this file out of the repository and off the site.`,
    '',
  ];
  for (const g of c.groups) {
    out.push(`## ${md(groupTitle(g))}`, '');
    out.push('| candidate | packet | move | feedback | supporting | sponsors |', '| --- | --- | --- | --- | --- | --- |');
    for (const e of g.entries) {
      const s = e.summary;
      out.push(
        `| ${codeSpan(who(s), { table: true })} | ${codeSpan(s.file, { table: true })} | ${cell(`${levelText(s.from, s.fromId)} → ${s.toId ?? '?'}; ${moveKindText(s)}`)} | ${s.feedback.count} of ${s.feedback.minimum} | ${s.feedback.supporting} | ${s.sponsors.map((x) => codeSpan(x, { table: true })).join(', ') || 'none'} |`,
      );
    }
    if (g.competencies.length > 0) {
      out.push('', `Evidence per competency (words): ${LEGEND}`, '');
      out.push(`| candidate | ${g.competencies.map((x) => cell(x.name)).join(' | ')} |`, `| --- |${' --- |'.repeat(g.competencies.length)}`);
      for (const e of g.entries) out.push(`| ${codeSpan(who(e.summary), { table: true })} | ${g.competencies.map((x) => coverageOf(e, x.id)).join(' | ')} |`);
    }
    out.push('');
  }
  const attention = attentionEntries(c);
  out.push('## Moves that need attention', '');
  if (attention.length === 0) out.push('None: every move climbs one band or is lateral, with full evidence, enough feedback and the current ladder.');
  for (const e of attention) out.push(`- ${codeSpan(who(e.summary))} (${codeSpan(e.summary.file)}): ${md(e.attention.join('; '))}.`);
  out.push('', '## Decisions', '', `Fill in one row per packet (outcome: ${OUTCOMES}), then record it in the packet's \`decision\`.`, '');
  out.push('| candidate | move | outcome | grow in (not yet) | decided by | date |', '| --- | --- | --- | --- | --- | --- |');
  for (const g of c.groups) {
    for (const e of g.entries)
      out.push(`| ${codeSpan(who(e.summary), { table: true })} | ${cell(`${e.summary.fromId ?? '?'} → ${e.summary.toId ?? '?'}`)} |  |  |  |  |`);
  }
  out.push('');
  return out.join('\n');
}

const esc = (text: string) =>
  stripControl(text).replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string);

const CSS = `body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1a1a1a;max-width:72rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #ccc}
table{border-collapse:collapse;margin:.75rem 0;width:100%}th,td{border:1px solid #bbb;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f0f0f0}code{font-family:ui-monospace,monospace;font-size:.9em}
.present{background:#e6f4ea}.thin{background:#fff4d6}.missing{background:#fde2e1}.na{color:#777}
.decide td{height:2.2rem}.note{color:#555}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}table{break-inside:auto}tr{break-inside:avoid}}`;

export function calibrationHtml(c: Calibration): string {
  const parts: string[] = [];
  for (const g of c.groups) {
    parts.push(`<h2>${esc(groupTitle(g))}</h2>`);
    parts.push('<table><thead><tr><th>candidate</th><th>packet</th><th>move</th><th>feedback</th><th>supporting</th><th>sponsors</th></tr></thead><tbody>');
    for (const e of g.entries) {
      const s = e.summary;
      parts.push(
        `<tr><td><code>${esc(who(s))}</code></td><td><code>${esc(s.file)}</code></td><td>${esc(`${levelText(s.from, s.fromId)} → ${s.toId ?? '?'}; ${moveKindText(s)}`)}</td><td>${s.feedback.count} of ${s.feedback.minimum}</td><td>${s.feedback.supporting}</td><td>${s.sponsors.map((x) => `<code>${esc(x)}</code>`).join(', ') || 'none'}</td></tr>`,
      );
    }
    parts.push('</tbody></table>');
    if (g.competencies.length > 0) {
      parts.push(`<p class="note">Evidence per competency (words): ${esc(LEGEND)}</p>`);
      parts.push(`<table><thead><tr><th>candidate</th>${g.competencies.map((x) => `<th>${esc(x.name)}</th>`).join('')}</tr></thead><tbody>`);
      for (const e of g.entries) {
        const cells = g.competencies.map((x) => {
          const cov = e.summary.coverage.find((y) => y.id === x.id);
          return cov ? `<td class="${cov.state}">${MARK[cov.state]} ${cov.words}</td>` : '<td class="na">–</td>';
        });
        parts.push(`<tr><td><code>${esc(who(e.summary))}</code></td>${cells.join('')}</tr>`);
      }
      parts.push('</tbody></table>');
    }
  }
  const attention = attentionEntries(c);
  parts.push('<h2>Moves that need attention</h2>');
  parts.push(
    attention.length === 0
      ? '<p>None: every move climbs one band or is lateral, with full evidence, enough feedback and the current ladder.</p>'
      : `<ul>${attention.map((e) => `<li><code>${esc(who(e.summary))}</code> (<code>${esc(e.summary.file)}</code>): ${esc(e.attention.join('; '))}.</li>`).join('')}</ul>`,
  );
  parts.push('<h2>Decisions</h2>', `<p>Fill in one row per packet (outcome: ${OUTCOMES}), then record it in the packet's <code>decision</code>.</p>`);
  parts.push(
    '<table class="decide"><thead><tr><th>candidate</th><th>move</th><th>outcome</th><th>grow in (not yet)</th><th>decided by</th><th>date</th></tr></thead><tbody>',
  );
  for (const g of c.groups) {
    for (const e of g.entries)
      parts.push(
        `<tr><td><code>${esc(who(e.summary))}</code></td><td>${esc(`${e.summary.fromId ?? '?'} → ${e.summary.toId ?? '?'}`)}</td><td></td><td></td><td></td><td></td></tr>`,
      );
  }
  parts.push('</tbody></table>');
  const title = `Calibration: ${c.organization}, cycle ${c.cycle}`;
  return `<!DOCTYPE html>
${calibrationMarker(c.cycle)}
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${esc(title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
<h1>${esc(title)}</h1>
<p>Ladder version ${esc(c.ladderVersion)} · ${c.packets} packet${c.packets === 1 ? '' : 's'}. For the committee's meeting only: keep this page out of the repository and off the site.</p>
${parts.join('\n')}
</main>
</body>
</html>
`;
}
