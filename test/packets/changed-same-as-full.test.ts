import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';
import { checkLadder } from '../../src/check.js';
import { selectChanged } from '../../src/core/changed.js';
import { readForChanged } from '../../src/node/read-changed.js';
import { readLadderDir } from '../../src/node/read-ladder-dir.js';

/**
 * `check --changed <packet>` reads the ladder's other files only up to their front matter and does
 * not validate what it will not report (load.ts): what it says about the packet must still be, word
 * for word, what the full check says about it. Checked for every packet of the example ladders,
 * and with levels whose front matter is broken in ways a head read would otherwise skip past.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function packetsOf(dir: string): string[] {
  const out: string[] = [];
  const root = join(dir, 'packets');
  for (const cycle of readdirSync(root, { withFileTypes: true })) {
    if (!cycle.isDirectory()) continue;
    for (const f of readdirSync(join(root, cycle.name))) if (f.endsWith('.md')) out.push(`packets/${cycle.name}/${f}`);
  }
  return out.sort();
}

function expectSameAsFull(dir: string): number {
  const full = checkLadder(readLadderDir(dir)).diagnostics;
  const packets = packetsOf(dir);
  for (const packet of packets) {
    const input = readForChanged(dir, [packet]);
    const changed = selectChanged(checkLadder(input.files, input.otherPackets).diagnostics, [packet], input.rechecked);
    expect({ packet, diagnostics: changed }).toEqual({ packet, diagnostics: full.filter((d) => d.file === packet) });
  }
  return packets.length;
}

/** A copy of a ladder to break. */
function copyOf(source: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'ladder-same-as-full-'));
  made.push(dir);
  cpSync(source, dir, { recursive: true });
  return dir;
}

describe('check --changed on one packet says what the full check says about it', () => {
  test.each(['ladder', 'examples/disciplines', 'examples/fork', 'examples/zones'])('%s', (ladder) => {
    expect(expectSameAsFull(join(ROOT, ladder))).toBeGreaterThan(0);
  });

  test('with levels whose front matter breaks the schema, does not parse, or is missing', () => {
    const dir = copyOf(join(ROOT, 'ladder'));
    const edit = (path: string, from: string, to: string) => {
      const text = readFileSync(join(dir, path), 'utf8');
      if (!text.includes(from)) throw new Error(`test setup: ${from} is not in ${path}`);
      writeFileSync(join(dir, path), text.replace(from, to));
    };
    edit('levels/ic/E5.md', 'band: staff', 'band: principal'); // the model changes: E4 → E5 now climbs two bands
    edit('levels/em/M1.md', 'id: M1', 'id: 7'); // breaks the schema, and M1 is no level
    edit('levels/em/M2.md', 'id: M2', 'id: M2\n  bad: indent'); // YAML that does not parse
    edit('levels/ic/E3.md', 'title:', 'titel:'); // a typo'd key
    edit('levels/ic/E2.md', '---\n', ''); // no front matter
    const full = checkLadder(readLadderDir(dir)).diagnostics;
    expect(full.some((d) => d.rule === 'schema' && d.file === 'levels/em/M1.md')).toBe(true);
    expect(full.some((d) => d.rule === 'schema' && d.file === 'levels/ic/E3.md')).toBe(true);
    expect(full.some((d) => d.rule === 'yaml-syntax' && d.file === 'levels/em/M2.md')).toBe(true);
    // What the broken levels change for the packets: E5 is three bands above E4, M1 and M2 are no levels.
    expect(full.filter((d) => d.file.startsWith('packets/')).map((d) => `${d.file} ${d.rule}`)).toEqual(PACKET_FINDINGS);
    expect(expectSameAsFull(dir)).toBeGreaterThan(0);
  });
});

const PACKET_FINDINGS = [
  'packets/2026-h2/jo-rivera-promotion.md packet-promotion',
  'packets/2026-h2/lena-fischer-graduation.md packet-levels',
  'packets/2026-h2/marcus-bell-track-switch.md packet-levels',
  'packets/2026-h2/priya-natarajan-track-switch.md packet-levels',
];
