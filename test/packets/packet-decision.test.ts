import { describe, expect, test } from '@jest/globals';
import type { SourceFile } from '../../src/core/source-file.js';
import { diagnosticsOf, edit, where } from '../helpers/ladder-files.js';
import { examplePacketFiles, PROMOTION } from '../helpers/packet-files.js';

const RULE = 'packet-decision';
const COMMITTEE = 'ada-okafor, bjorn-lind, chen-wei';

/** The example promotion with a decision record, as a block under the front matter. */
function decided(decision: string, files: SourceFile[] = examplePacketFiles()): SourceFile[] {
  return edit(files, PROMOTION, 'ladderVersion: 1.1.0\n', `ladderVersion: 1.1.0\ndecision: ${decision}\n`);
}
const found = (files: SourceFile[]) => diagnosticsOf(files).filter((d) => d.file === PROMOTION);
const lineOfDecision = 10;

describe(RULE, () => {
  test.each([
    `{ outcome: promoted, date: "2026-12-04", by: [${COMMITTEE}] }`,
    `{ outcome: withdrawn, date: "2026-12-04", by: [${COMMITTEE}, dara-nwosu] }`,
    `{ outcome: not-yet, date: "2026-12-04", by: [${COMMITTEE}], grow: [system-design, delivery] }`,
  ])('a complete decision passes: %s', (decision) => {
    expect(found(decided(decision))).toEqual([]);
  });

  test('fewer than the quorum of committee members: reported on the decision, counting only members', () => {
    const d = found(decided('{ outcome: promoted, date: "2026-12-04", by: [ada-okafor, sam-okoye] }'));
    expect(d.map((x) => x.rule)).toEqual([RULE, RULE]);
    // Sorted by position: the decision itself, then its entry.
    expect(where(d[0] as never)).toMatchObject({ line: lineOfDecision, column: 11 });
    expect(d[0]?.message).toContain("the committee's quorum: 3 members of governance.committee in decision.by; this one names 1.");
    expect(d[1]?.message).toBe('Entry 2 of decision.by is not on the promotion committee (governance.committee); list only the committee members who decided.');
    // Handles are never quoted.
    for (const x of d) expect(x.message).not.toMatch(/sam-okoye|ada-okafor/);
  });

  test('the candidate never decides on their own packet', () => {
    const files = decided(`{ outcome: promoted, date: "2026-12-04", by: [jo-rivera, ${COMMITTEE}] }`);
    const d = found(edit(files, 'ladder.yml', 'committee: [ada-okafor,', 'committee: [jo-rivera, ada-okafor,'));
    expect(d.map((x) => x.message)).toEqual(['Entry 1 of decision.by is the candidate; nobody decides on their own packet. Remove it.']);
  });

  test('not yet needs the competencies to grow in, each a competency of the target level', () => {
    expect(found(decided(`{ outcome: not-yet, date: "2026-12-04", by: [${COMMITTEE}] }`)).map((x) => x.message)).toEqual([
      'A not-yet decision says what to grow in before the next packet: add decision.grow with the ids of those competencies (from competencies.yml).',
    ]);
    const d = found(decided(`{ outcome: not-yet, date: "2026-12-04", by: [${COMMITTEE}], grow: [people-leadership, no-such-thing] }`));
    expect(d.map((x) => x.message)).toEqual([
      'Competency "people-leadership" is not one level E5 is measured on; name a competency of the target level\'s track.',
      expect.stringContaining('Entry 2 of decision.grow is not a competency id of competencies.yml'),
    ]);
  });

  test('grow belongs to not-yet only', () => {
    const d = found(decided(`{ outcome: promoted, date: "2026-12-04", by: [${COMMITTEE}], grow: [delivery] }`));
    expect(d.map((x) => x.message)).toEqual(['decision.grow is for a not-yet decision; this one is promoted. Remove grow.']);
  });

  test('the schema refuses an unknown outcome, a date that is not YYYY-MM-DD, and a decision without by', () => {
    const d = found(decided('{ outcome: approved, date: "next week" }'));
    expect(d.every((x) => x.rule === 'schema')).toBe(true);
    expect(d.length).toBeGreaterThanOrEqual(3);
    for (const x of d) expect(x.message).not.toContain('next week');
  });
});
