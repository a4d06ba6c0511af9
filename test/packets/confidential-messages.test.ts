import { describe, expect, test } from '@jest/globals';
import { checkLadder } from '../../src/check.js';
import { textOf, withFile } from '../helpers/ladder-files.js';
import { examplePacketFiles, PROMOTION } from '../helpers/packet-files.js';

/**
 * Packets are personal: diagnostics (which reach logs, annotations and pull-request comments) name
 * files, rules, keys and ids, never what a packet says. Every free value below carries "zq", and
 * each variant breaks the packet in a way whose message used to quote that value.
 */
const jo = () => textOf(examplePacketFiles(), PROMOTION);
const FRONT = /^---\n[\s\S]*?\n---\n/;

const variants: Array<[string, (text: string) => string]> = [
  ['a repeated feedback provider', (t) => t.replace('handle: tomas-reyes', 'handle: zq-repeat').replace('handle: hana-sato', 'handle: ZQ-REPEAT')],
  [
    'the candidate as sponsor, feedback and manager',
    (t) =>
      t
        .replaceAll('jo-rivera', 'zq-cand')
        .replace('sponsors: [lee-park]', 'sponsors: [zq-cand]')
        .replace('manager: sam-okoye', 'manager: zq-cand')
        .replace('handle: lee-park', 'handle: zq-cand'),
  ],
  ['a relationship that is not one of the list', (t) => t.replace('relationship: peer', 'relationship: zq my line manager at the old team')],
  ['a manager that is not a handle', (t) => t.replace('manager: sam-okoye', 'manager: "zq Sam Okoye, who is on leave"')],
  ['a handle with spaces', (t) => t.replace('handle: lee-park', 'handle: "zq lee park"')],
  ['a level that is free text', (t) => t.replace('to: E5', 'to: "zq the staff role we discussed"')],
  ['a cycle that is free text', (t) => t.replace('cycle: 2026-h2', 'cycle: "zq after the reorg"')],
  ['a kind that is free text', (t) => t.replace('kind: promotion', 'kind: "zq a raise"')],
  ['a version that is free text', (t) => t.replace('ladderVersion: 1.1.0', 'ladderVersion: "zq latest"')],
  ['supports as text', (t) => t.replace('supports: true', 'supports: "zq yes, strongly"')],
  ['an unknown section heading', (t) => t.replace('## System design', '## zq Helped a teammate through a hard year')],
  ['a front matter that is a plain string', (t) => t.replace(FRONT, '---\nzq secret note\n---\n')],
  ['a YAML alias to nothing', (t) => t.replace('manager: sam-okoye', 'manager: *zqalias')],
  ['a YAML tag', (t) => t.replace('manager: sam-okoye', 'manager: !<tag:zq.example,2026:x> sam')],
];

describe('packet diagnostics never quote packet values', () => {
  test.each(variants)('%s', (_name, change) => {
    const text = change(jo());
    expect(text).not.toBe(jo());
    const { diagnostics } = checkLadder(withFile(examplePacketFiles(), PROMOTION, text));
    const mine = diagnostics.filter((d) => d.file === PROMOTION);
    expect(mine.length).toBeGreaterThan(0);
    for (const d of mine) expect(d.message.toLowerCase()).not.toContain('zq');
  });

  test('the messages still say what to fix, by key and entry', () => {
    const text = jo().replace('handle: tomas-reyes', 'handle: lee-park').replace('relationship: peer', 'relationship: zq friend');
    const messages = checkLadder(withFile(examplePacketFiles(), PROMOTION, text))
      .diagnostics.filter((d) => d.file === PROMOTION)
      .map((d) => d.message);
    expect(messages).toContainEqual(expect.stringContaining('feedback[0].relationship must be one of "peer"'));
    expect(messages).toContainEqual(expect.stringContaining('not a text of 9 characters'));
    expect(messages).toContainEqual('Feedback entry 2 names the same person as entry 1; each person counts once. Remove the repeat.');
  });
});
