import { describe, expect, test } from '@jest/globals';
import type { Survey } from '../../src/core/model.js';
import { emptyLedger, type Ledger } from '../../src/core/survey/ledger.js';
import { coarsen, type SurveyOutput, surveyReports } from '../../src/core/survey/report.js';
import type { Response } from '../../src/core/survey/responses.js';

const survey: Survey = {
  round: '2026-h2',
  title: undefined,
  minimumGroupSize: 5,
  managers: 'all',
  questions: [
    { id: 'listens', text: 'My manager listens to me.', kind: 'rating', scale: { min: 1, max: 5 } },
    { id: 'change', text: 'What should change?', kind: 'text' },
  ],
  origin: { file: 'surveys/2026-h2.yml', doc: undefined as never, pointer: '' },
};
const rating = survey.questions[0] as Survey['questions'][number];
const SEED = [1, 2, 3, 4];

/** Respondents of one manager: one rating each (and a comment when given). */
function group(manager: string, ratings: number[], comments: string[] = []): Response[] {
  return ratings.map((r, i) => {
    const answers = new Map<string, number | string>([['listens', r]]);
    if (comments[i] !== undefined) answers.set('change', comments[i] as string);
    return { manager, answers };
  });
}

const run = (responses: Response[], options: { ledger?: Ledger; seed?: number[]; people?: string[]; survey?: Survey } = {}): SurveyOutput =>
  surveyReports({
    survey: options.survey ?? survey,
    responses,
    ledger: options.ledger ?? emptyLedger(),
    people: options.people ?? [],
    seed: options.seed ?? SEED,
  });
const file = (out: SurveyOutput, path: string) => out.files.find((f) => f.path === path)?.text;
const paths = (out: SurveyOutput) => out.files.map((f) => f.path).sort();

describe('attack: a group smaller than k', () => {
  const big = group('sam', [5, 4, 4, 2, 3, 5], ['fine', 'ok', 'good', 'more 1:1s', 'clear goals', 'thanks']);

  test('has no report, and its comments appear nowhere', () => {
    const out = run([...big, ...group('lee', [1, 1, 2, 1], ['SECRET-LEE-COMMENT', 'x', 'y', 'z'])]);
    expect(paths(out)).toEqual(['managers/sam.md', 'summary.md']);
    expect(out.files.some((f) => f.text.includes('SECRET-LEE-COMMENT'))).toBe(false);
    expect(out.managers).toEqual({ reported: 1, withheld: 1 });
  });

  test('none of its answers enters any figure: changing them all changes no byte of any output', () => {
    const a = run([...big, ...group('lee', [1, 1, 1, 1])]);
    const b = run([...big, ...group('lee', [5, 5, 5, 5])]);
    expect(b.files).toEqual(a.files);
  });
});

describe('attack: complementary suppression (a team of 6 split 5 + 1)', () => {
  const five = group('sam', [5, 5, 4, 2, 2]);

  test('the organization summary counts only published groups: the 1 changes nothing, and the total of 6 is written nowhere', () => {
    const low = run([...five, ...group('lee', [1])]);
    const high = run([...five, ...group('lee', [5])]);
    expect(high.files).toEqual(low.files);
    const summary = file(low, 'summary.md') ?? '';
    expect(summary).toContain('answered by 5.');
    expect(low.files.some((f) => /\b6\b/.test(f.text))).toBe(false);
    // The organization's figure equals the one published group's: nothing to subtract.
    const table = (text: string) => text.split('\n').filter((l) => l.startsWith('| low') || l.startsWith('| mid') || l.startsWith('| high'));
    expect(table(summary)).toEqual(table(file(low, 'managers/sam.md') ?? ''));
  });

  test('a merge in one group is never undone by a finer split in the organization summary', () => {
    // sam's one low answer is merged with mid in sam's report; lee's report shows all three parts.
    // Were the summary to show low apart, summary low − lee's low would be sam's lone answer.
    const out = run([...group('sam', [1, 3, 3, 5, 5]), ...group('lee', [1, 2, 3, 3, 4, 5])]);
    expect(file(out, 'managers/sam.md')).toContain('| low or mid (1–3) | 60% |');
    expect(file(out, 'managers/lee.md')).toContain('| low (1–2) | 30% |');
    const summary = file(out, 'summary.md') ?? '';
    expect(summary).toContain('| low or mid (1–3) |');
    expect(summary).not.toContain('| low (1–2) |');
  });

  test('a group whose distribution is withheld adds nothing to the organization figure', () => {
    // One low answer and four high: every split shows a part with one answer.
    const lone = group('sam', [1, 5, 5, 5, 5]);
    const other = group('lee', [2, 2, 3, 4, 5, 5]);
    const a = run([...lone, ...other]);
    expect(file(a, 'managers/sam.md')).toContain('Withheld: its answers are so concentrated');
    const b = run([...group('sam', [5, 1, 5, 5, 5]), ...other]);
    expect(file(b, 'summary.md')).toBe(file(a, 'summary.md'));
    expect(file(a, 'summary.md')).toContain('answered by 6.');
  });
});

describe('attack: reading a single answer off a distribution', () => {
  test('no part shown ever holds exactly one answer, whatever the answers (every group of 5 to 9 on a 1–5 scale)', () => {
    let checked = 0;
    const visit = (values: number[], size: number) => {
      if (values.length === size) {
        const shown = coarsen(rating, values);
        if (shown) for (const p of shown.parts) expect(p.count).not.toBe(1);
        checked++;
        return;
      }
      for (let v = values.at(-1) ?? 1; v <= 5; v++) visit([...values, v], size);
    };
    for (let size = 5; size <= 9; size++) visit([], size);
    expect(checked).toBeGreaterThan(1000);
  });

  test('one dissenter among five: the low part is merged, not shown as one answer', () => {
    const out = run(group('sam', [2, 4, 4, 5, 3]));
    const report = file(out, 'managers/sam.md') ?? '';
    expect(report).toContain('| low or mid (1–3) | 40% |');
    expect(report).not.toMatch(/\| low \(1–2\) \| 20% \|/);
    expect(report).not.toMatch(/\d[.,]\d|\bmean\b/); // no average to subtract
  });

  test('two answers in each part are shown as three parts', () => {
    expect(coarsen(rating, [1, 2, 3, 3, 4, 5])?.parts.map((p) => p.count)).toEqual([2, 2, 2]);
  });
});

describe('attack: differencing across rounds and re-runs', () => {
  const round1 = run(group('sam', [5, 4, 4, 2, 3], ['a', 'b', 'c', 'd', 'e']));
  const round2 = { ...survey, round: '2027-h1' };

  test('a group that gained one respondent since an earlier report is withheld, and the report says why without its count', () => {
    const out = run(group('sam', [5, 4, 4, 2, 3, 1], ['a', 'b', 'c', 'd', 'e', 'NEWCOMER']), { ledger: round1.ledger, survey: round2 });
    const report = file(out, 'managers/sam.md') ?? '';
    expect(report.match(/Withheld: an earlier report/g)).toHaveLength(2);
    expect(report).not.toContain('NEWCOMER');
    // And the organization's figure, which would be the same subtraction, has nothing of the group.
    expect(file(out, 'summary.md')).not.toContain('answered by');
    expect(out.ledger.entries.filter((e) => e.round === '2027-h1')).toEqual([]);
  });

  test('the same round run again with one row removed is refused the same way', () => {
    const out = run(group('sam', [5, 4, 4, 2, 3, 5], ['a', 'b', 'c', 'd', 'e', 'f']), { ledger: round1.ledger });
    expect(file(out, 'managers/sam.md')).toContain('Withheld: an earlier report');
  });

  test('the same export again is published as before; a group that changed by k or more is published', () => {
    const again = run(group('sam', [5, 4, 4, 2, 3], ['a', 'b', 'c', 'd', 'e']), { ledger: round1.ledger });
    expect(file(again, 'managers/sam.md')).not.toContain('Withheld');
    expect(again.ledger).toEqual(round1.ledger);
    const grown = run(group('sam', [5, 4, 4, 2, 3, 5, 5, 4, 3, 3]), { ledger: round1.ledger, survey: round2 });
    expect(file(grown, 'managers/sam.md')).not.toContain('Withheld: an earlier');
  });

  test("the organization's figure is refused when its count moved by fewer than k, though every group's figure passes", () => {
    const first = run([...group('sam', [5, 4, 4, 2, 2]), ...group('lee', [5, 4, 4, 2, 2, 3])]);
    // lee's group is gone, kim's is new: 11 then 12 in the organization, one person apart.
    const out = run([...group('sam', [5, 4, 4, 2, 2]), ...group('kim', [5, 4, 4, 2, 2, 3, 3])], { ledger: first.ledger, survey: round2 });
    expect(file(out, 'managers/kim.md')).not.toContain('Withheld');
    expect(file(out, 'summary.md')).toContain('Withheld: an earlier report');
  });

  test('a question the earlier round did not ask has nothing to be subtracted from', () => {
    const asked = { ...round2, questions: [{ ...rating, id: 'trusts', text: 'I trust my manager.' }] };
    const out = run(
      group('sam', [5, 4, 4, 2, 3, 1]).map((r) => ({ ...r, answers: new Map([['trusts', r.answers.get('listens') as number]]) })),
      { ledger: round1.ledger, survey: asked },
    );
    expect(file(out, 'managers/sam.md')).not.toContain('Withheld');
  });
});

describe('comments', () => {
  const comments = [
    'ask ada-okafor',
    'Ada Okafor said so',
    'talk to @someone-else',
    'mail jo@corp.example',
    'Chen knows',
    '<script>alert(1)</script> **bold**',
    'line one\nline two',
  ];

  test('are redacted: the ladder’s handles and the names they spell, @handles, e-mail addresses; Markdown and HTML are inert', () => {
    const out = run(group('sam', [5, 4, 4, 2, 3, 5, 4], comments), { people: ['ada-okafor', 'chen-wei'] });
    const report = file(out, 'managers/sam.md') ?? '';
    for (const word of ['ada', 'Ada', 'Okafor', 'okafor', 'Chen', '@someone', 'jo@corp', '<script>']) expect(report).not.toContain(word);
    expect(report).toContain('ask \\[name\\]');
    expect(report).toContain('\\[name\\] \\[name\\] said so');
    expect(report).toContain('talk to \\[handle\\]');
    expect(report).toContain('mail \\[e-mail\\]');
    expect(report).toContain('&lt;script&gt;');
    expect(report).toContain('- line one line two');
  });

  test("the surveyed managers' own handles are redacted too", () => {
    const out = run([...group('sam-okoye', [5, 4, 4, 2, 3], ['Sam is great', 'x', 'y', 'z', 'w'])]);
    expect(file(out, 'managers/sam-okoye.md')).toContain('- \\[name\\] is great');
  });

  test('come in a random order: another seed, another order; never simply the export’s order', () => {
    const many = Array.from({ length: 12 }, (_, i) => `comment ${String.fromCharCode(97 + i)}`);
    const order = (seed: number[]) =>
      (
        file(
          run(
            group(
              'sam',
              many.map(() => 4),
              many,
            ),
            { seed },
          ),
          'managers/sam.md',
        ) ?? ''
      )
        .split('\n')
        .filter((l) => l.startsWith('- comment'));
    const a = order([11, 22, 33, 44]);
    const b = order([55, 66, 77, 88]);
    expect([...a].sort()).toEqual(many.map((c) => `- ${c}`));
    expect(a).not.toEqual(b);
    expect(a).not.toEqual(many.map((c) => `- ${c}`));
  });
});
