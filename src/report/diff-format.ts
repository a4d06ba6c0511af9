import type { Equivalence, ExpectationChange, LadderDiff, StepChange, Verdict } from '../core/diff.js';
import { escapeMarkdown } from '../core/markdown-escape.js';
import { MIGRATION_VERB } from '../core/migrations.js';
import { stepChangeText } from '../core/proficiency.js';
import { plural, stripControl } from '../core/text.js';
import type { Segment } from '../core/word-diff.js';

/** Words of unchanged text kept on each side of a change; longer unchanged runs are shortened to "…". */
const CONTEXT_WORDS = 12;
/** A word diff longer than this (characters of rendered text) goes inside a <details> block. */
const INLINE_LIMIT = 300;

const VERDICT_TEXT: Record<Verdict, string> = {
  major: 'asks something new of engineers: raise the major version',
  minor: 'changes the ladder without asking more of anyone: raise the minor version',
  none: 'no change to the ladder',
};

// ---------------------------------------------------------------- shared

/**
 * Shortens long unchanged runs between (and around) changes to "…", keeping up to CONTEXT_WORDS
 * words on each side of a change, and never more than the rest of the changed line.
 */
export function elide(segments: readonly Segment[], context: number = CONTEXT_WORDS): Segment[] {
  return segments.map((segment, index) => {
    if (segment.kind !== 'same') return segment;
    const lead = /^\s*/.exec(segment.text)?.[0] ?? '';
    const parts = segment.text.slice(lead.length).split(/(\s+)/); // words at even indexes, separators at odd ones
    const words = (parts.length + 1) / 2;
    // Words kept after the previous change: up to `context`, stopping at a line break.
    let head = 0;
    if (index > 0) while (head < Math.min(context, words) && (head === 0 || !(parts[head * 2 - 1] ?? '').includes('\n'))) head++;
    // Words kept before the next change, likewise.
    let tail = 0;
    if (index < segments.length - 1) {
      while (tail < Math.min(context, words) && (tail === 0 || !(parts[parts.length - tail * 2] ?? '').includes('\n'))) tail++;
    }
    if (head + tail >= words - 1) return segment;
    const gapAfterHead = parts[head * 2 - 1] ?? ' ';
    const gapBeforeTail = parts[parts.length - tail * 2] ?? ' ';
    let text = lead;
    if (head > 0) text += `${parts.slice(0, head * 2 - 1).join('')}${gapAfterHead.includes('\n') ? '\n' : ' '}`;
    text += '…';
    if (tail > 0) text += `${gapBeforeTail.includes('\n') ? '\n' : ' '}${parts.slice(parts.length - (tail * 2 - 1)).join('')}`;
    return { kind: 'same', text };
  });
}

/** "version 2.0.0", or "versions 2.0.0, 3.0.0" for a chain. */
function versionsText(versions: readonly string[]): string {
  return `${versions.length === 1 ? 'version' : 'versions'} ${versions.join(', ')}`;
}

function equivalenceText(e: Equivalence | undefined): string {
  return e ? e.levels.join(' = ') : '—';
}

/** Pairs the equivalences that were removed and added by band, in order of first appearance. */
function parityRows(diff: LadderDiff): Array<{ band: string; before: Equivalence | undefined; after: Equivalence | undefined }> {
  const bands = [...new Set([...diff.parity.removed.map((e) => e.band), ...diff.parity.added.map((e) => e.band)])];
  return bands.map((band) => ({
    band,
    before: diff.parity.removed.find((e) => e.band === band),
    after: diff.parity.added.find((e) => e.band === band),
  }));
}

// ---------------------------------------------------------------- json

/** The diff as JSON (the LadderDiff object, two-space indented), for scripts. */
export function diffToJson(diff: LadderDiff): string {
  return `${JSON.stringify(diff, null, 2)}\n`;
}

// ---------------------------------------------------------------- text

/** Removes terminal control sequences that file text could carry; keeps line breaks where `keepLines`. */
function clean(text: string, keepLines = false): string {
  return stripControl(text, { keepNewlines: keepLines });
}

/** A terminal report: one block per kind of change, the reasons, then the verdict on the last line. */
export function diffToText(diff: LadderDiff, options: { color?: boolean } = {}): string {
  const color = options.color === true;
  const paint = (code: number, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const green = (s: string) => paint(32, s);
  const red = (s: string) => paint(31, s);
  const yellow = (s: string) => paint(33, s);
  const bold = (s: string) => paint(1, s);
  const out: string[] = [];
  const block = (title: string, lines: string[]) => {
    if (lines.length === 0) return;
    out.push(bold(title), ...lines, '');
  };
  const pad = (id: string) => clean(id).padEnd(10);

  const { levels, competencies } = diff;
  block('Levels', [
    ...levels.added.map((l) => `  ${green('+')} ${pad(l.id)} ${clean(l.title)} (track ${clean(l.track)}, band ${clean(l.band)})`),
    ...levels.removed.map((l) => `  ${red('-')} ${pad(l.id)} ${clean(l.title)} (track ${clean(l.track)}, band ${clean(l.band)})`),
    ...levels.retitled.map((r) => `  ${yellow('~')} ${pad(r.id)} retitled "${clean(r.from)}" → "${clean(r.to)}"`),
    ...levels.migrated.map(
      (m) => `  ${yellow('→')} ${pad(clean(m.from.join(', ')))} ${MIGRATION_VERB[m.kind]} ${clean(m.to.join(', '))} (${clean(versionsText(m.versions))})`,
    ),
    ...levels.moved.map(
      (m) => `  ${yellow('~')} ${pad(m.id)} moved from band ${clean(m.fromBand)} to ${clean(m.toBand)}${m.was ? ` (was ${clean(m.was)})` : ''}`,
    ),
    ...levels.summaryChanged.map((s) => `  ${yellow('~')} ${pad(s.id)} summary now "${clean(s.to)}"`),
  ]);
  block('Competencies', [
    ...competencies.added.map((c) => `  ${green('+')} ${pad(c.id)} "${clean(c.name)}" (tracks: ${clean(c.tracks.join(', ')) || 'none'})`),
    ...competencies.removed.map((c) => `  ${red('-')} ${pad(c.id)} "${clean(c.name)}" (tracks: ${clean(c.tracks.join(', ')) || 'none'})`),
    ...competencies.renamed.map((r) => `  ${yellow('~')} ${pad(r.id)} renamed "${clean(r.from)}" → "${clean(r.to)}"`),
    ...competencies.tracksChanged.map(
      (t) => `  ${yellow('~')} ${pad(t.id)} tracks ${[...t.added.map((x) => green(`+${clean(x)}`)), ...t.removed.map((x) => red(`-${clean(x)}`))].join(' ')}`,
    ),
  ]);
  block(
    'Expectations',
    diff.expectations.flatMap((e) => {
      const rendered = elide(e.segments)
        .map((s) => {
          const text = clean(s.text, true);
          if (s.kind === 'same') return text;
          // Whitespace around a run stays outside its markers; markers close at line ends.
          const lead = /^\s*/.exec(text)?.[0] ?? '';
          const trail = /\s*$/.exec(text.slice(lead.length))?.[0] ?? '';
          const body = text.slice(lead.length, text.length - trail.length);
          const [open, close] = color ? [s.kind === 'added' ? '\u001b[32m' : '\u001b[31m', '\u001b[0m'] : s.kind === 'added' ? ['{+', '+}'] : ['[-', '-]'];
          return (
            lead +
            body
              .split('\n')
              .map((line) => open + line + close)
              .join('\n') +
            trail
          );
        })
        .join('');
      return [
        `  ${clean(e.level)}${e.was ? ` (was ${clean(e.was)})` : ''} · ${clean(e.competencyName)}  ${e.change === 'added' ? 'new section' : e.change === 'removed' ? 'section removed' : 'changed'}, ${green(`+${e.added.length}`)} ${red(`-${e.removed.length}`)} words${e.coarse ? ' (too large to compare word by word)' : ''}`,
        ...rendered.split('\n').map((line) => `      ${line}`),
      ];
    }),
  );
  block(
    'Proficiency steps',
    (diff.proficiency ?? []).map((p) => `  ${clean(p.level)}${p.was ? ` (was ${clean(p.was)})` : ''} · ${clean(p.competencyName)}  ${clean(stepNote(p))}`),
  );
  block(
    'Parity (levels that share a band across IC and EM tracks)',
    parityRows(diff).map((r) => `  ${clean(r.band).padEnd(14)} ${clean(equivalenceText(r.before))}  →  ${clean(equivalenceText(r.after))}`),
  );
  block(
    'Open packets on a changed level',
    diff.packets.map((p) => `  ${clean(p.file)}  ${clean(p.candidate)} ${clean(p.from)} → ${clean(p.to)}: ${clean(p.reason)}`),
  );
  block(
    'Other changes',
    diff.other.map((o) => `  - ${clean(o)}`),
  );

  if (diff.verdict === 'none') out.push('No change to the ladder.', '');
  const version = `Version: ${clean(diff.version.base) || '(none)'} → ${clean(diff.version.head) || '(none)'}`;
  out.push(diff.version.suggested ? `${version}; suggested ${bold(diff.version.suggested)}` : version);
  if (diff.reasons.length > 0) out.push('Why major:', ...diff.reasons.map((r) => `  - ${clean(r)}`));
  const verdict = `Verdict: ${diff.verdict} (${VERDICT_TEXT[diff.verdict]})`;
  out.push(diff.verdict === 'major' ? red(verdict) : diff.verdict === 'minor' ? yellow(verdict) : green(verdict));
  return `${out.join('\n')}\n`;
}

// ---------------------------------------------------------------- markdown

/** One line of word-diff text: escaped, with a block marker at its start (-, 1., >, =) made literal. */
function escapeLine(line: string): string {
  const escaped = escapeMarkdown(line.trim());
  return escaped.replace(/^([-+=>]|\d+[.)])/, (m) => (/^\d/.test(m) ? `${m.slice(0, -1)}\\${m.slice(-1)}` : `\\${m}`));
}

/** A word diff as inline Markdown: <del>/<ins> around changes, <br> at line breaks; no file text unescaped. */
export function segmentsToMarkdown(segments: readonly Segment[]): string {
  const lines: string[] = [''];
  let space = false; // whitespace is owed before the next word on the current line
  for (const s of segments) {
    s.text.split('\n').forEach((piece, i) => {
      if (i > 0) {
        lines.push('');
        space = false;
      }
      const text = escapeLine(piece);
      if (text !== '') {
        const current = lines[lines.length - 1] ?? '';
        const lead = (space || /^\s/.test(piece)) && current !== '' ? ' ' : '';
        lines[lines.length - 1] = current + lead + (s.kind === 'same' ? text : s.kind === 'added' ? `<ins>${text}</ins>` : `<del>${text}</del>`);
      }
      space = /\s$/.test(piece) || (text === '' && (space || piece.length > 0));
    });
  }
  return lines.filter((l) => l !== '').join('<br>\n');
}

interface Block {
  full: string;
  /** A shorter form used when the full one does not fit. */
  compact?: string;
  /** Whether this block counts as one change for the "N more not shown" notice. */
  change: boolean;
}

/**
 * The diff for a pull-request comment: headings, tables, and <details> for long word diffs. All
 * file text is escaped (never raw HTML) and @mentions are neutralized. With `maxChars`, the output
 * never exceeds it: long word diffs shrink to a summary line first, then the remaining changes are
 * cut with a notice saying how many were left out.
 */
export function diffToMarkdown(diff: LadderDiff, options: { maxChars?: number } = {}): string {
  const maxChars = options.maxChars ?? Number.POSITIVE_INFINITY;
  const e = escapeMarkdown;
  const blocks: Block[] = [];
  const add = (full: string, change = false, compact?: string) => blocks.push(compact === undefined ? { full, change } : { full, change, compact });

  const label = diff.verdict === 'major' ? '🔴 major' : diff.verdict === 'minor' ? '🟡 minor' : '⚪ none';
  add(`### Ladder diff: ${label}\n\n`);
  const version = `Version ${e(diff.version.base) || '(none)'} → ${e(diff.version.head) || '(none)'}`;
  const suggested = diff.version.suggested ? ` The version should be **${e(diff.version.suggested)}**.` : '';
  add(`**Verdict: ${diff.verdict}**: this change ${VERDICT_TEXT[diff.verdict]}. ${version}.${suggested}\n\n`);
  if (diff.reasons.length > 0) add(`Why major:\n${diff.reasons.map((r) => `- ${e(r)}`).join('\n')}\n\n`);

  const { levels, competencies } = diff;
  const levelRows = [
    ...levels.added.map((l) => `| added | ${e(l.id)} | ${e(l.title)} (track ${e(l.track)}, band ${e(l.band)}) |`),
    ...levels.removed.map((l) => `| removed | ${e(l.id)} | ${e(l.title)} (track ${e(l.track)}, band ${e(l.band)}) |`),
    ...levels.retitled.map((r) => `| retitled | ${e(r.id)} | ${e(r.from)} → ${e(r.to)} |`),
    ...levels.migrated.map((m) => `| ${m.kind} | ${e(m.from.join(', '))} | ${MIGRATION_VERB[m.kind]} ${e(m.to.join(', '))} (${e(versionsText(m.versions))}) |`),
    ...levels.moved.map((m) => `| moved | ${e(m.id)} | band ${e(m.fromBand)} → ${e(m.toBand)}${m.was ? ` (was ${e(m.was)})` : ''} |`),
    ...levels.summaryChanged.map((s) => `| summary | ${e(s.id)} | ${e(s.to)} |`),
  ];
  table('#### Levels', '| change | level | details |\n| --- | --- | --- |', levelRows);
  const competencyRows = [
    ...competencies.added.map((c) => `| added | ${e(c.name)} (${e(c.id)}) | tracks: ${e(c.tracks.join(', ')) || 'none'} |`),
    ...competencies.removed.map((c) => `| removed | ${e(c.name)} (${e(c.id)}) | tracks: ${e(c.tracks.join(', ')) || 'none'} |`),
    ...competencies.renamed.map((r) => `| renamed | ${e(r.id)} | ${e(r.from)} → ${e(r.to)} |`),
    ...competencies.tracksChanged.map(
      (t) => `| tracks | ${e(t.id)} | ${[...t.added.map((x) => `+${e(x)}`), ...t.removed.map((x) => `−${e(x)}`)].join(', ')} |`,
    ),
  ];
  table('#### Competencies', '| change | competency | details |\n| --- | --- | --- |', competencyRows);

  if (diff.expectations.length > 0) {
    add('#### Expectations\n\n');
    for (const x of diff.expectations) expectationBlock(x, add);
    add('\n');
  }
  table(
    '#### Proficiency steps',
    '| level | competency | step |\n| --- | --- | --- |',
    (diff.proficiency ?? []).map((p) => `| ${e(p.level)}${p.was ? ` (was ${e(p.was)})` : ''} | ${e(p.competencyName)} | ${e(stepNote(p))} |`),
  );
  table(
    '#### Parity',
    '| band | equivalent before | equivalent after |\n| --- | --- | --- |',
    parityRows(diff).map((r) => `| ${e(r.band)} | ${e(equivalenceText(r.before))} | ${e(equivalenceText(r.after))} |`),
  );
  table(
    '#### Open packets on a changed level',
    '| packet | candidate | move | why |\n| --- | --- | --- | --- |',
    diff.packets.map((p) => `| ${e(p.file)} | ${e(p.candidate)} | ${e(p.from)} → ${e(p.to)} | ${e(p.reason)} |`),
  );
  if (diff.other.length > 0) {
    add('#### Other changes\n\n');
    for (const o of diff.other) add(`- ${e(o)}\n`, true);
    add('\n');
  }
  if (diff.verdict === 'none') add('No change to the ladder.\n');

  return fitBlocks(blocks, maxChars);

  function table(title: string, header: string, rows: string[]) {
    if (rows.length === 0) return;
    add(`${title}\n\n${header}\n`);
    for (const row of rows) add(`${row}\n`, true);
    add('\n');
  }
}

/** "step 3 → 4 (Proficient → Advanced)"; a step on one side only says so. */
function stepNote(p: StepChange): string {
  return `${stepChangeText(p.from, p.to) ?? ''}${p.from ? '' : ' (new)'}${p.to ? '' : ' (no longer stated)'}`;
}

function expectationBlock(x: ExpectationChange, add: (full: string, change?: boolean, compact?: string) => void): void {
  const what = x.change === 'added' ? 'new section' : x.change === 'removed' ? 'section removed' : 'changed';
  const counts = `+${x.added.length} / −${x.removed.length} words`;
  const was = x.was ? ` (was ${escapeMarkdown(x.was)})` : '';
  const title = `<strong>${escapeMarkdown(x.level)}${was} · ${escapeMarkdown(x.competencyName)}</strong>: ${what}, ${counts}`;
  const body = segmentsToMarkdown(elide(x.segments));
  const note = x.coarse ? '<br>\n<em>(too large to compare word by word: the changed part is shown replaced whole)</em>' : '';
  const compact = `- ${title.replace(/<\/?strong>/g, '**')}; word diff not shown\n`;
  if (body.length + note.length <= INLINE_LIMIT) {
    add(`- ${title.replace(/<\/?strong>/g, '**')}: ${body}${note}\n`, true, compact);
  } else {
    // The blank lines let GitHub render the Markdown inside the HTML block.
    add(`\n<details><summary>${title}</summary>\n\n${body}${note}\n\n</details>\n\n`, true, compact);
  }
}

const NOTICE = (n: number) =>
  `\n> ✂️ Cut to fit the comment: ${plural(n, 'more change')} not shown. Run \`ladder diff\` with the same refs for the whole diff.\n`;

/** Joins blocks up to maxChars: full forms first, compact ones when full ones no longer fit, then a notice. */
function fitBlocks(blocks: Block[], maxChars: number): string {
  const total = blocks.reduce((n, b) => n + b.full.length, 0);
  if (total <= maxChars) return blocks.map((b) => b.full).join('');
  const reserve = NOTICE(999_999).length;
  let out = '';
  let i = 0;
  for (; i < blocks.length; i++) {
    const block = blocks[i] as Block;
    // Compact forms once space runs short: leave room for the rest of the headings and the notice.
    if (out.length + block.full.length + reserve <= maxChars) out += block.full;
    else if (block.compact !== undefined && out.length + block.compact.length + reserve <= maxChars) out += block.compact;
    else break;
  }
  if (i === blocks.length) return out;
  const left = blocks.slice(i).filter((b) => b.change).length;
  const notice = NOTICE(left);
  if (out.length + notice.length <= maxChars) return out + notice;
  return (blocks[0]?.full ?? '').slice(0, maxChars);
}
