import { describe, expect, test } from '@jest/globals';
import { diagnosticsOfRule, edit, textOf, where, withFile } from '../helpers/ladder-files.js';
import { diagnosticsIn, EXAMPLE_PACKETS, examplePacketFiles, PROMOTION, withRules } from '../helpers/packet-files.js';

const RULE = 'packet-one-per-cycle';
const jo = () => textOf(examplePacketFiles(), PROMOTION);

describe(RULE, () => {
  test.each(EXAMPLE_PACKETS)('passes: %s', (path) => {
    expect(diagnosticsOfRule(examplePacketFiles(), RULE).filter((d) => d.file === path)).toEqual([]);
  });

  test('a second packet for the candidate in the cycle is reported on its candidate, naming the first', () => {
    const second = 'packets/2026-h2/jo-rivera-second.md';
    const files = withFile(examplePacketFiles(), second, jo());
    const found = diagnosticsOfRule(files, RULE);
    expect(found.map(where)).toEqual([{ rule: RULE, file: second, line: 3, column: 12 }]);
    expect(found[0]?.message).toContain(
      `"jo-rivera" already has a packet in cycle "2026-h2" (${PROMOTION}); a candidate has one packet per cycle. Merge them or move this one to a later cycle.`,
    );
    // the copy is otherwise a valid packet: this is its only diagnostic
    expect(diagnosticsIn(files, second).map((d) => d.rule)).toEqual([RULE]);
  });

  test('"second" is by file name: a new file that sorts first makes the existing one the second', () => {
    const first = 'packets/2026-h2/a-jo-rivera.md';
    const found = diagnosticsOfRule(withFile(examplePacketFiles(), first, jo()), RULE);
    expect(found.map(where)).toEqual([{ rule: RULE, file: PROMOTION, line: 3, column: 12 }]);
    expect(found[0]?.message).toContain(`(${first})`);
  });

  test('handles compare without case', () => {
    const second = 'packets/2026-h2/zz.md';
    const found = diagnosticsOfRule(withFile(examplePacketFiles(), second, jo().replace('candidate: jo-rivera', 'candidate: Jo-Rivera')), RULE);
    expect(found.map(where)).toEqual([{ rule: RULE, file: second, line: 3, column: 12 }]);
    expect(found[0]?.message).toContain('"Jo-Rivera" already has a packet');
  });

  test('three packets: the second and third each name the first', () => {
    let files = withFile(examplePacketFiles(), 'packets/2026-h2/jo-rivera-x.md', jo());
    files = withFile(files, 'packets/2026-h2/jo-rivera-y.md', jo());
    const found = diagnosticsOfRule(files, RULE);
    expect(found.map((d) => d.file)).toEqual(['packets/2026-h2/jo-rivera-x.md', 'packets/2026-h2/jo-rivera-y.md']);
    for (const d of found) expect(d.message).toContain(`(${PROMOTION})`);
  });

  test('a packet for the same candidate in another cycle is fine', () => {
    const next = 'packets/2027-h1/jo-rivera-promotion.md';
    const files = withFile(examplePacketFiles(), next, jo().replace('cycle: 2026-h2', 'cycle: 2027-h1'));
    expect(diagnosticsOfRule(files, RULE)).toEqual([]);
    expect(diagnosticsIn(files, next)).toEqual([]);
  });

  test('policy severity applies', () => {
    const files = withFile(examplePacketFiles(), 'packets/2026-h2/jo-rivera-second.md', jo());
    expect(diagnosticsOfRule(withRules(files, { [RULE]: 'warning' }), RULE).map((d) => d.severity)).toEqual(['warning']);
    expect(diagnosticsOfRule(withRules(files, { [RULE]: 'off' }), RULE)).toEqual([]);
  });

  test('a second packet of another kind is still a second packet', () => {
    const other = edit(
      withFile(examplePacketFiles(), 'packets/2026-h2/jo-rivera-switch.md', jo()),
      'packets/2026-h2/jo-rivera-switch.md',
      'kind: promotion',
      'kind: track-switch',
    );
    expect(diagnosticsOfRule(other, RULE).map((d) => d.file)).toEqual(['packets/2026-h2/jo-rivera-switch.md']);
  });
});
