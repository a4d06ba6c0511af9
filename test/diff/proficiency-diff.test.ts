import { describe, expect, test } from '@jest/globals';
import { checkLadder } from '../../src/check.js';
import { diffLadders } from '../../src/core/diff.js';
import { diffToMarkdown, diffToText } from '../../src/report/diff-format.js';
import { edit, fixtureFiles } from '../helpers/ladder-files.js';

/** `ladder diff` on test/fixtures/competencies: a proficiency step is a number on a scale, shown as "step 3 → 4". */
const files = () => fixtureFiles('competencies');
const diffOf = (change: (f: ReturnType<typeof files>) => ReturnType<typeof files>) =>
  diffLadders(checkLadder(files()).ladder, checkLadder(change(files())).ladder);
const E4 = 'levels/ic/E4.md';

describe('diff of proficiency steps', () => {
  test('a raised step is a step change, not a word change, and asks more of an engineer (major)', () => {
    const diff = diffOf((f) => edit(f, E4, 'craft: 4', 'craft: 5'));
    expect(diff.proficiency).toEqual([
      { level: 'E4', competency: 'craft', competencyName: 'Technical craft', from: { step: 4, name: 'Advanced' }, to: { step: 5, name: 'Expert' } },
    ]);
    expect(diff.expectations).toEqual([]);
    expect(diff.verdict).toBe('major');
    expect(diff.reasons).toEqual(['Level E4 (Staff Engineer) asks for a higher step in "Technical craft": step 4 → 5 (Advanced → Expert).']);
    expect(diffToText(diff)).toContain('Proficiency steps\n  E4 · Technical craft  step 4 → 5 (Advanced → Expert)');
    expect(diffToMarkdown(diff)).toContain('| E4 | Technical craft | step 4 → 5 (Advanced → Expert) |');
  });

  test('a lowered step is a minor change', () => {
    const diff = diffOf((f) => edit(f, 'levels/ic/E5.md', 'craft: 5', 'craft: 4'));
    expect(diff.proficiency?.map((p) => [p.level, p.from?.step, p.to?.step])).toEqual([['E5', 5, 4]]);
    expect(diff.verdict).toBe('minor');
  });

  test('renaming a step name changes no level step; a ladder without steps has no proficiency key in its diff', () => {
    const renamed = diffOf((f) => edit(f, 'competencies.yml', 'Advanced, Expert', 'Senior, Expert'));
    expect(renamed.proficiency).toBeUndefined();
    const none = diffOf((f) => f);
    expect(none).not.toHaveProperty('proficiency');
    expect(none.verdict).toBe('none');
  });

  test('a step that appears or goes away says so', () => {
    const diff = diffOf((f) => edit(f, 'levels/em/M2.md', 'craft: 3, people: 4', 'craft: 3'));
    expect(diffToText(diff)).toContain('M2 · People leadership  step 4 (Advanced) (no longer stated)');
  });
});
