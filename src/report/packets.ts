import { codeSpan, escapeMarkdown } from '../core/markdown-escape.js';
import type { Coverage, LevelRef, PacketSummary, ThreadCounts } from '../core/packet-summary.js';
import { plural } from '../core/text.js';
import type { PacketReview } from './model.js';

/*
 * A changed packet as reviewers see it in the pull request's comment. Only what a summary holds
 * reaches the text: ids and handles (in code spans, so nobody is pinged), the ladder's own names
 * (escaped), and counts. Pure.
 */

export const COVERAGE_MARK: Record<Coverage, string> = { present: '✅ present', thin: '⚠️ thin', missing: '❌ missing' };

/** "E5 (Staff Engineer, Staff)", or the id alone when the level does not exist. */
export function levelText(ref: LevelRef | undefined, id: string | undefined): string {
  if (!ref) return id ? `${id} (no such level)` : 'an unknown level';
  return `${ref.id} (${ref.title}, ${ref.band})`;
}

/** "promotion, 1 band up", "track switch, lateral: same band, not a promotion". */
export function moveKindText(s: PacketSummary): string {
  const kind = s.kind === 'track-switch' ? 'track switch' : (s.kind ?? 'unknown kind');
  if (s.bands === undefined) return kind;
  if (s.bands === 0) {
    // A lateral move is never a step up or down, whichever way it goes.
    const [a, b] = [s.from?.trackKind, s.to?.trackKind];
    const not = a === b ? '' : b === 'ic' ? ', not a demotion' : ', not a promotion';
    return `${kind}, lateral (same band${s.trackChange ? `, ${s.from?.track ?? ''} → ${s.to?.track ?? ''}` : ''}${not})`;
  }
  const n = Math.abs(s.bands);
  return `${kind}, ${plural(n, 'band')} ${s.bands > 0 ? 'up' : 'down'}${n > 1 && s.bands > 0 ? ' (skips a band)' : ''}`;
}

/** The absolute URL of a site page, or undefined without a site URL. */
export function siteLink(siteUrl: string | undefined, path: string | undefined): string | undefined {
  if (!siteUrl || path === undefined) return undefined;
  return `${siteUrl.replace(/\/+$/, '')}/${path}`;
}

const md = (text: string) => escapeMarkdown(text);

/** The Markdown block of one changed packet (a heading, facts, and a table per competency). */
export function packetBlock(review: PacketReview, siteUrl: string | undefined): string {
  const s = review.summary;
  const lines = [`#### ${codeSpan(review.file)}`, ''];
  const who = s.candidate ? codeSpan(s.candidate) : 'the candidate';
  const link = siteLink(siteUrl, s.changePage);
  lines.push(
    `- **Move:** ${who}: ${md(levelText(s.from, s.fromId))} → ${md(levelText(s.to, s.toId))}; ${md(moveKindText(s))}${link ? ` · [what changes](${link})` : ''}`,
  );
  const f = s.feedback;
  const enough = f.count >= f.minimum;
  lines.push(
    `- **Feedback:** ${plural(f.count, 'person', 'people')} (${f.supporting} supporting)${f.policy ? `; the policy asks for ${f.minimum} (${codeSpan(f.policy)}) ${enough ? '✅' : '❌'}` : ''}`,
  );
  lines.push(`- **Sponsors:** ${s.sponsors.length > 0 ? s.sponsors.map((x) => codeSpan(x)).join(', ') : 'none'}`);
  const v = s.ladderVersion;
  lines.push(
    `- **Ladder version:** ${v.written ? md(v.written) : 'not given'}${v.behind ? ` ⚠️ the ladder is now at ${md(v.current)}: re-read the target level's expectations` : v.written === v.current ? ' (current)' : ''}`,
  );
  if (review.threads) lines.push(`- **Review threads:** ${threadText(review.threads)}`);
  if (s.coverage.length > 0) {
    const threads = review.threads;
    lines.push(
      '',
      `| competency of ${md(s.to?.id ?? '')} | evidence | words |${threads ? ' open threads |' : ''}`,
      `| --- | --- | --- |${threads ? ' --- |' : ''}`,
    );
    for (const c of s.coverage) {
      const open = threads?.byCompetency.find((t) => t.id === c.id)?.open ?? 0;
      lines.push(`| ${md(c.name)} | ${COVERAGE_MARK[c.state]} | ${c.words} |${threads ? ` ${open} |` : ''}`);
    }
  }
  if (review.threads?.byCompetency.some((t) => t.open > 0)) {
    lines.push('');
    for (const t of review.threads.byCompetency.filter((x) => x.open > 0)) lines.push(`${md(t.name)}: ${plural(t.open, 'open thread')}.  `);
  }
  lines.push('');
  return lines.join('\n');
}

/** "3 open, 1 resolved (1 open on the summary or front matter)". */
export function threadText(t: ThreadCounts): string {
  if (t.open + t.resolved === 0) return 'none';
  const outside = t.elsewhere.open > 0 ? ` (${t.elsewhere.open} open outside the evidence sections)` : '';
  return `${t.open} open, ${t.resolved} resolved${outside}`;
}
