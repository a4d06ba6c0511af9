import { describe, expect, test } from '@jest/globals';
import { checkLadder } from '../../src/check.js';
import { readLadderDir } from '../../src/node/read-ladder-dir.js';
import { exampleDir } from '../helpers/ladder-files.js';
import { diagnosticsIn, EXAMPLE_PACKETS, examplePacketFiles } from '../helpers/packet-files.js';

describe('the example packets', () => {
  test('one example per move: promotion, switch into management, return to IC, graduation', () => {
    const { ladder } = checkLadder(examplePacketFiles());
    const moves = ladder.packets.map((p) => `${p.kind} ${p.from}→${p.to}`).sort();
    expect(moves).toEqual(['graduation E4→M1', 'promotion E4→E5', 'track-switch E5→M2', 'track-switch M1→E4']);
  });

  test.each(EXAMPLE_PACKETS)('%s has no diagnostic', (path) => {
    expect(diagnosticsIn(examplePacketFiles(), path)).toEqual([]);
  });

  test('the shipped ladder directory, packets included, checks clean', () => {
    const files = readLadderDir(exampleDir);
    const result = checkLadder(files);
    expect(result.diagnostics).toEqual([]);
    expect(result.ladder.packets).toHaveLength(EXAMPLE_PACKETS.length);
  });
});
