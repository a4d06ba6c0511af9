import { describe, expect, test } from '@jest/globals';
import { diagnosticsOfRule, edit, textOf, where, withFile } from '../helpers/ladder-files.js';
import { diagnosticsIn, EXAMPLE_PACKETS, examplePacketFiles, PROMOTION, withRules } from '../helpers/packet-files.js';

const RULE = 'packet-one-per-cycle';
const jo = () => textOf(examplePacketFiles(), PROMOTION);

describe(RULE, () => {
  test.each(EXAMPLE_PACKETS)('passes: %s', (path) => {
    expect(diagnosticsOfRule(examplePacketFiles(), RULE).filter((d) => d.file === path)).toEqual([]);
  });

  test('both packets of a duplicate are reported on their candidate, each naming the other', () => {
    const second = 'packets/2026-h2/jo-rivera-second.md';
    const files = withFile(examplePacketFiles(), second, jo());
    const found = diagnosticsOfRule(files, RULE);
    expect(found.map(where)).toEqual([
      { rule: RULE, file: PROMOTION, line: 3, column: 12 },
      { rule: RULE, file: second, line: 3, column: 12 },
    ]);
    expect(found[1]?.message).toBe(
      `The candidate has 2 packets in cycle "2026-h2" (also ${PROMOTION}); a candidate has one packet per cycle. Merge them, or move one to a later cycle.`,
    );
    expect(found[0]?.message).toContain(`(also ${second})`);
    // the copy is otherwise a valid packet: this is its only diagnostic
    expect(diagnosticsIn(files, second).map((d) => d.rule)).toEqual([RULE]);
  });

  test('whichever file sorts first, the new one carries the error', () => {
    const first = 'packets/2026-h2/a-jo-rivera.md';
    const found = diagnosticsOfRule(withFile(examplePacketFiles(), first, jo()), RULE);
    expect(found.map((d) => d.file)).toEqual([first, PROMOTION]);
    expect(found[0]?.message).toContain(`(also ${PROMOTION})`);
  });

  test('handles compare without case', () => {
    const second = 'packets/2026-h2/zz.md';
    const found = diagnosticsOfRule(withFile(examplePacketFiles(), second, jo().replace('candidate: jo-rivera', 'candidate: Jo-Rivera')), RULE);
    expect(found.map((d) => d.file)).toEqual([PROMOTION, second]);
    expect(found[1]?.message).toContain('The candidate has 2 packets');
  });

  test('three packets: each names the two others', () => {
    let files = withFile(examplePacketFiles(), 'packets/2026-h2/jo-rivera-x.md', jo());
    files = withFile(files, 'packets/2026-h2/jo-rivera-y.md', jo());
    const found = diagnosticsOfRule(files, RULE);
    expect(found.map((d) => d.file)).toEqual([PROMOTION, 'packets/2026-h2/jo-rivera-x.md', 'packets/2026-h2/jo-rivera-y.md']);
    expect(found[0]?.message).toContain('has 3 packets in cycle "2026-h2" (also packets/2026-h2/jo-rivera-x.md, packets/2026-h2/jo-rivera-y.md)');
  });

  test('a packet for the same candidate in another cycle is fine', () => {
    const next = 'packets/2027-h1/jo-rivera-promotion.md';
    const files = withFile(examplePacketFiles(), next, jo().replace('cycle: 2026-h2', 'cycle: 2027-h1'));
    expect(diagnosticsOfRule(files, RULE)).toEqual([]);
    expect(diagnosticsIn(files, next)).toEqual([]);
  });

  test('policy severity applies', () => {
    const files = withFile(examplePacketFiles(), 'packets/2026-h2/jo-rivera-second.md', jo());
    expect(diagnosticsOfRule(withRules(files, { [RULE]: 'warning' }), RULE).map((d) => d.severity)).toEqual(['warning', 'warning']);
    expect(diagnosticsOfRule(withRules(files, { [RULE]: 'off' }), RULE)).toEqual([]);
  });

  test('a second packet of another kind is still a second packet', () => {
    const other = edit(
      withFile(examplePacketFiles(), 'packets/2026-h2/jo-rivera-switch.md', jo()),
      'packets/2026-h2/jo-rivera-switch.md',
      'kind: promotion',
      'kind: track-switch',
    );
    expect(diagnosticsOfRule(other, RULE).map((d) => d.file)).toEqual([PROMOTION, 'packets/2026-h2/jo-rivera-switch.md']);
  });
});
