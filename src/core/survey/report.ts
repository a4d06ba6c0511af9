import { escapeMarkdown } from '../markdown-escape.js';
import type { Survey, SurveyQuestion } from '../model.js';
import type { Ledger, LedgerEntry } from './ledger.js';
import { shuffled } from './random.js';
import { redactor } from './redact.js';
import type { Response } from './responses.js';

/*
 * What the reports guarantee (docs/survey.md says it for people):
 *
 * - A group is one manager's respondents. A group of fewer than k has no report, and none of its
 *   answers enters any figure, the organization's included: the organization's figures are
 *   computed over the published groups only, so subtracting published groups from a total can
 *   recover nothing (complementary suppression by construction). The export's own total is never
 *   written.
 * - A rating is published for a group only when at least k of it answered, as three parts of the
 *   scale (low, mid, high), each a share rounded to 10%. A part that would hold exactly one answer
 *   is merged with its neighbour; when no merge leaves every part empty or with two answers or
 *   more, the distribution is withheld. No mean: with the count, a mean is a sum to subtract.
 * - Comments are released for groups of at least k, redacted and in a random order.
 * - The ledger keeps, per group and question, the respondent counts of every report written. A
 *   figure whose count differs from an earlier report's by fewer than k (but not zero) is withheld:
 *   two such reports would let one subtract the few who joined or left. The ledger knows counts,
 *   not people: two equal counts of different people are not detected.
 */

export interface SurveyRun {
  survey: Survey;
  responses: readonly Response[];
  ledger: Ledger;
  /** Handles whose names comments must not carry (the ladder's people; the managers are added). */
  people: readonly string[];
  /** Four 32-bit words from a cryptographic source, for the comments' order. */
  seed: readonly number[];
}

export interface SurveyOutput {
  /** Paths relative to the round's folder: summary.md and managers/<handle>.md. */
  files: Array<{ path: string; text: string }>;
  ledger: Ledger;
  managers: { reported: number; withheld: number };
}

export const ORGANIZATION = 'organization';

type Withheld = 'few-answers' | 'differencing' | 'lone-answer' | 'coarse-groups';

interface Figure {
  question: SurveyQuestion;
  respondents: number;
  /** For a rating: the parts shown; for text: the comments. */
  parts?: Part[];
  comments?: string[];
  withheld?: Withheld;
}

interface Part {
  label: string;
  count: number;
}

export function surveyReports(run: SurveyRun): SurveyOutput {
  const { survey, ledger } = run;
  const k = survey.minimumGroupSize;
  const groups = new Map<string, Response[]>();
  for (const m of survey.managers === 'all' ? [] : survey.managers) groups.set(m, []);
  for (const r of run.responses) {
    const list = groups.get(r.manager) ?? [];
    list.push(r);
    groups.set(r.manager, list);
  }
  const redact = redactor([...run.people, ...groups.keys()]);
  const written: LedgerEntry[] = [];
  const conflicts = (group: string, question: string, respondents: number) =>
    ledger.entries.some((e) => e.group === group && e.question === question && e.respondents !== respondents && Math.abs(e.respondents - respondents) < k);
  const publish = (group: string, question: string, respondents: number) => written.push({ round: survey.round, group, question, respondents });

  const files: SurveyOutput['files'] = [];
  /** Per rating question, the answers of the groups whose figure of it was shown, and how each was cut. */
  const published = new Map<string, { rows: Response[]; cuts: Cut[] }>();
  let reported = 0;
  let comments = 0;
  for (const [manager, rows] of [...groups].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (rows.length < k) continue;
    reported++;
    const figures = survey.questions.map((q): Figure => {
      const answered = rows.filter((r) => r.answers.has(q.id));
      const respondents = q.kind === 'text' ? rows.length : answered.length;
      if (respondents < k) return { question: q, respondents, withheld: 'few-answers' };
      if (conflicts(`manager:${manager}`, q.id, respondents)) return { question: q, respondents, withheld: 'differencing' };
      if (q.kind === 'text') {
        publish(`manager:${manager}`, q.id, respondents);
        const texts = answered.map((r) => redact(String(r.answers.get(q.id))).trim()).filter((t) => t !== '');
        const order = [...run.seed];
        order[0] = ((order[0] ?? 0) + comments++) >>> 0; // each list its own order
        return { question: q, respondents, comments: shuffled(texts, order) };
      }
      const shown = coarsen(
        q,
        answered.map((r) => r.answers.get(q.id) as number),
      );
      if (!shown) return { question: q, respondents, withheld: 'lone-answer' };
      // Only what was shown enters the organization's figure: a group withheld adds nothing to subtract.
      publish(`manager:${manager}`, q.id, respondents);
      const shownSoFar = published.get(q.id) ?? { rows: [], cuts: [] };
      published.set(q.id, shownSoFar);
      shownSoFar.rows.push(...answered);
      shownSoFar.cuts.push(shown.cut);
      return { question: q, respondents, parts: shown.parts };
    });
    files.push({ path: `managers/${manager}.md`, text: managerReport(survey, manager, rows.length, figures) });
  }

  const orgFigures = survey.questions.flatMap((q): Figure[] => {
    if (q.kind === 'text') return [];
    const { rows: answered, cuts } = published.get(q.id) ?? { rows: [], cuts: [] };
    if (answered.length < k) return [{ question: q, respondents: answered.length, withheld: 'few-answers' }];
    if (conflicts(ORGANIZATION, q.id, answered.length)) return [{ question: q, respondents: answered.length, withheld: 'differencing' }];
    const shown = coarsen(
      q,
      answered.map((r) => r.answers.get(q.id) as number),
      coarserThanAll(cuts),
    );
    if (!shown) return [{ question: q, respondents: answered.length, withheld: 'coarse-groups' }];
    publish(ORGANIZATION, q.id, answered.length);
    return [{ question: q, respondents: answered.length, parts: shown.parts }];
  });
  const withheld = groups.size - reported;
  files.push({ path: 'summary.md', text: summaryReport(survey, reported, withheld, orgFigures) });
  const known = new Set(ledger.entries.map(key));
  return {
    files,
    ledger: { entries: [...ledger.entries, ...written.filter((e) => !known.has(key(e)))] },
    managers: { reported, withheld },
  };
}

function key(e: LedgerEntry): string {
  return `${e.round}\u0000${e.group}\u0000${e.question}\u0000${e.respondents}`;
}

/** How a scale is cut for showing: low/mid/high, or with two neighbouring parts merged. */
export type Cut = 'low-mid-high' | 'low-or-mid' | 'mid-or-high';

const CUTS: readonly Cut[] = ['low-mid-high', 'low-or-mid', 'mid-or-high'];

/** The cuts at least as coarse as every one given: a figure over several groups may show only those, or subtraction recovers what a group's merge hid. */
export function coarserThanAll(cuts: readonly Cut[]): Cut[] {
  return CUTS.filter((c) => cuts.every((g) => g === c || g === 'low-mid-high'));
}

/**
 * The three parts of a rating's scale (low, mid, high; the outer two a third of the points each,
 * rounded), merged so that no part shown holds exactly one answer: the first of `allowed` that
 * does so, or undefined when none does.
 */
export function coarsen(q: SurveyQuestion, values: readonly number[], allowed: readonly Cut[] = CUTS): { cut: Cut; parts: Part[] } | undefined {
  const { min, max } = q.scale as { min: number; max: number };
  const outer = Math.round((max - min + 1) / 3);
  const lowTop = min + outer - 1;
  const highBottom = max - outer + 1;
  const range = (a: number, b: number) => (a === b ? `${a}` : `${a}–${b}`);
  const part = (label: string, a: number, b: number): Part => ({ label: `${label} (${range(a, b)})`, count: values.filter((v) => v >= a && v <= b).length });
  const parts: Record<Cut, Part[]> = {
    'low-mid-high': [part('low', min, lowTop), part('mid', lowTop + 1, highBottom - 1), part('high', highBottom, max)],
    'low-or-mid': [part('low or mid', min, highBottom - 1), part('high', highBottom, max)],
    'mid-or-high': [part('low', min, lowTop), part('mid or high', lowTop + 1, max)],
  };
  const cut = allowed.find((c) => parts[c].every((p) => p.count !== 1));
  return cut ? { cut, parts: parts[cut] } : undefined;
}

/** A share rounded to 10%, never "0%" for some answers nor "100%" for not all. */
export function share(count: number, total: number): string {
  const rounded = Math.round((count / total) * 10) * 10;
  if (count > 0 && rounded === 0) return 'under 10%';
  if (count < total && rounded === 100) return 'over 90%';
  return `${rounded}%`;
}

const REASONS: Record<Withheld, (k: number) => string> = {
  'few-answers': (k) => `fewer than ${k} respondents answered it`,
  differencing: (k) =>
    `an earlier report on this question for the same group counted a number of respondents that differs from this one by fewer than ${k}: comparing the two would single out the few who joined or left`,
  'lone-answer': () => 'its answers are so concentrated that any split of the scale would show a part holding a single answer',
  'coarse-groups': () =>
    "no split of the scale is both as coarse as every manager's report shows it and free of a part holding a single answer (a finer split here could be subtracted from the reports)",
};

function questionHeading(q: SurveyQuestion): string {
  return `## ${escapeMarkdown(q.text)}`;
}

function figureLines(f: Figure, k: number): string[] {
  const q = f.question;
  if (f.withheld) return [questionHeading(q), '', `Withheld: ${REASONS[f.withheld](k)}.`, ''];
  if (q.kind === 'text') {
    const list = f.comments ?? [];
    return [
      questionHeading(q),
      '',
      list.length === 0 ? 'No comments.' : 'Comments, with names, handles and e-mail addresses removed, in a random order:',
      '',
      ...list.map((c) => `- ${escapeMarkdown(c)}`),
      ...(list.length ? [''] : []),
    ];
  }
  const { min, max } = q.scale as { min: number; max: number };
  const parts = f.parts ?? [];
  return [
    questionHeading(q),
    '',
    `A rating from ${min} (least favourable) to ${max}, answered by ${f.respondents}.`,
    '',
    '| answers | share |',
    '| --- | --- |',
    ...parts.map((p) => `| ${p.label} | ${share(p.count, f.respondents)} |`),
    '',
  ];
}

function withheldLines(figures: readonly Figure[], k: number): string[] {
  const list = figures.filter((f) => f.withheld);
  return [
    '## What was withheld, and why',
    '',
    list.length === 0
      ? 'Nothing in this report was withheld.'
      : `${list.length === 1 ? 'One question was' : `${list.length} questions were`} withheld (see each).`,
    '',
    `No figure, distribution or comment is reported for fewer than ${k} respondents (k, set by the survey). Shares are rounded to the nearest 10%; a part of a scale that would hold a single answer is merged with its neighbour. There are no averages.`,
    '',
  ];
}

function managerReport(survey: Survey, manager: string, respondents: number, figures: readonly Figure[]): string {
  const k = survey.minimumGroupSize;
  return [
    `# Manager survey ${survey.round}: ${escapeMarkdown(manager)}`,
    '',
    ...(survey.title ? [escapeMarkdown(survey.title), ''] : []),
    `This report is personal: it is for ${escapeMarkdown(manager)} alone, and is never published. ${respondents} of your reports answered; any figure needs at least ${k}.`,
    '',
    ...figures.flatMap((f) => figureLines(f, k)),
    ...withheldLines(figures, k),
  ].join('\n');
}

function summaryReport(survey: Survey, reported: number, withheld: number, figures: readonly Figure[]): string {
  const k = survey.minimumGroupSize;
  const managers = (n: number) => (n === 1 ? 'one manager' : `${n} managers`);
  return [
    `# Manager survey ${survey.round}: the organization`,
    '',
    ...(survey.title ? [escapeMarkdown(survey.title), ''] : []),
    `Reports were written for ${managers(reported)}. ${
      withheld === 0
        ? 'No manager was left without one.'
        : `${capital(managers(withheld))} had fewer than ${k} respondents, so ${withheld === 1 ? 'has' : 'have'} no report, by design.`
    } The figures below count only the answers of managers who have a report, so that no figure can be subtracted from another to recover a smaller group; free-text comments go to each manager alone.`,
    '',
    ...(figures.length === 0 ? ['The survey has no rating questions.', ''] : figures.flatMap((f) => figureLines(f, k))),
    ...withheldLines(figures, k),
  ].join('\n');
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
