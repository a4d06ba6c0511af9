import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from '@jest/globals';
import { checkLadder } from '../../src/check.js';
import { packetIdentity } from '../../src/core/packet-identity.js';
import { readForChanged } from '../../src/node/read-changed.js';

const front = (lines: string[]) => ['---', ...lines, '---', '', 'body'].join('\n');

describe('packetIdentity', () => {
  test('reads plain, quoted and commented top-level values', () => {
    expect(packetIdentity('p.md', front(['kind: promotion', 'candidate: jo-rivera', 'cycle: 2026-h2']))).toEqual({
      file: 'p.md',
      cycle: '2026-h2',
      candidate: 'jo-rivera',
    });
    expect(
      packetIdentity(
        'p.md',
        front(['candidate: "jo"   # the candidate', "cycle: '2026-h2'", 'feedback:', '  - { handle: x, relationship: peer, supports: true }']),
      ),
    ).toEqual({
      file: 'p.md',
      cycle: '2026-h2',
      candidate: 'jo',
    });
    expect(packetIdentity('p.md', `\uFEFF${front(['candidate: jo', 'cycle: c'])}`.replace(/\n/g, '\r\n'))).toMatchObject({ candidate: 'jo' });
  });

  test.each([
    ['a block scalar', ['candidate: >-', '  jo', 'cycle: c']],
    ['an escape in quotes', ['candidate: "j\\u006f"', 'cycle: c']],
    ['a space before the colon', ['candidate : jo', 'cycle: c']],
    ['a quoted key', ['"candidate": jo', 'cycle: c']],
    ['a flow mapping document', ['{candidate: jo, cycle: c}']],
    ['a duplicate key', ['candidate: jo', 'candidate: al', 'cycle: c']],
    ['no cycle', ['candidate: jo']],
    ['an anchor', ['candidate: &a jo', 'cycle: c']],
  ])('gives up on %s, so that the file is loaded instead', (_, lines) => {
    expect(packetIdentity('p.md', front(lines))).toBeUndefined();
  });

  test('gives up on unclosed or missing front matter', () => {
    expect(packetIdentity('p.md', '---\ncandidate: jo\ncycle: c\n')).toBeUndefined();
    expect(packetIdentity('p.md', 'candidate: jo\n')).toBeUndefined();
  });
});

describe('readForChanged with the other packets of a cycle', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const setup = () => {
    dir = mkdtempSync(join(tmpdir(), 'ladder-identity-'));
    cpSync(join(process.cwd(), 'ladder'), dir, { recursive: true });
    return (path: string) => join(dir, path);
  };

  test('plain siblings are known by identity only, and a duplicate is still caught', () => {
    const at = setup();
    const mine = 'packets/2026-h2/a-second-jo.md';
    writeFileSync(at(mine), readFileSync(at('packets/2026-h2/jo-rivera-promotion.md'), 'utf8'));
    const input = readForChanged(dir, [mine]);
    expect(input.files.some((f) => f.path.startsWith('packets/') && f.path !== mine)).toBe(false);
    expect(input.otherPackets.map((p) => p.candidate).sort()).toEqual(['jo-rivera', 'lena-fischer', 'marcus-bell', 'priya-natarajan']);
    const found = checkLadder(input.files, input.otherPackets).diagnostics.filter((d) => d.rule === 'packet-one-per-cycle');
    expect(found.map((d) => d.file)).toEqual([mine]);
  });

  test('a sibling written unusually is loaded instead, and the duplicate is still caught', () => {
    const at = setup();
    const sibling = 'packets/2026-h2/jo-rivera-promotion.md';
    writeFileSync(at(sibling), readFileSync(at(sibling), 'utf8').replace('candidate: jo-rivera', 'candidate: >-\n  jo-rivera'));
    const mine = 'packets/2026-h2/a-second-jo.md';
    writeFileSync(at(mine), readFileSync(at('packets/2026-h2/lena-fischer-graduation.md'), 'utf8').replace('candidate: lena-fischer', 'candidate: jo-rivera'));
    const input = readForChanged(dir, [mine]);
    expect(input.files.map((f) => f.path)).toContain(sibling);
    const found = checkLadder(input.files, input.otherPackets).diagnostics.filter((d) => d.rule === 'packet-one-per-cycle' && d.file === mine);
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toContain(`(also ${sibling})`);
  });
});
