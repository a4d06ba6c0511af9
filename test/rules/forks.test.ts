import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { checkLadder } from '../../src/check.js';
import type { SourceFile } from '../../src/core/source-file.js';
import { readLadderDir } from '../../src/node/read-ladder-dir.js';
import { diagnosticsOf, diagnosticsOfRule, edit, fixturesDir, positionOf, rulesOf, where, withFile, without } from '../helpers/ladder-files.js';

/** Shared early levels (eng-1, eng-2 on swe and sre), a fork at Senior, declared moves into management at Staff. */
const fork = (): SourceFile[] => readLadderDir(join(fixturesDir, 'model', 'fork'));

/** A packet of `kind` from `from` to `to`, complete enough that only its move can be wrong. */
function packet(kind: string, from: string, to: string, sections: string[] = ['Technical craft', 'People leadership']): string {
  const feedback = [1, 2, 3].map((i) => `  - { handle: peer-${i}, relationship: peer, supports: true }`).join('\n');
  const body = sections.map((s) => `## ${s}\n\n- What the candidate did.\n`).join('\n');
  return `---\nkind: ${kind}\ncandidate: kim-lee\nfrom: ${from}\nto: ${to}\ncycle: 2026-h2\nmanager: max-boss\nsponsors: []\nladderVersion: 1.0.0\nfeedback:\n${feedback}\n---\n\nThe summary.\n\n${body}`;
}
const PACKET = 'packets/2026-h2/kim-lee.md';

describe('levels shared by several tracks, and level codes', () => {
  test('the fork fixture is valid: shared levels climb on both tracks, codes repeat across tracks', () => {
    expect(diagnosticsOf(fork())).toEqual([]);
    const { ladder } = checkLadder(fork());
    const eng2 = ladder.levels.find((l) => l.id === 'eng-2');
    expect([eng2?.code, eng2?.track, eng2?.tracks]).toEqual(['IC2', 'swe', ['swe', 'sre']]);
    expect(ladder.levels.filter((l) => l.code === 'IC3').map((l) => l.id)).toEqual(['sre-3', 'swe-3']);
  });

  test('without the shared level, both tracks that shared it have a gap', () => {
    const found = diagnosticsOfRule(without(fork(), 'levels/swe/eng-2.md'), 'level-climb');
    expect(found.map((d) => d.file)).toEqual(['levels/sre/sre-3.md', 'levels/swe/swe-3.md']);
  });

  test('an unknown track in tracks is reported on the list item, with a "did you mean"', () => {
    const files = edit(fork(), 'levels/swe/eng-1.md', 'tracks: [swe, sre]', 'tracks: [swe, sry]');
    const found = diagnosticsOfRule(files, 'unknown-reference');
    expect(found.map(where)).toEqual([{ rule: 'unknown-reference', file: 'levels/swe/eng-1.md', ...positionOf(files, 'levels/swe/eng-1.md', 'sry') }]);
    expect(found[0]?.message).toBe('Level "eng-1" names track "sry", which ladder.yml does not declare. Did you mean "sre"? Known tracks: "swe", "sre", "em".');
  });

  test('a shared level outside the folders of its tracks, or with both track and tracks, is reported with the fix', () => {
    const moved = withFile(without(fork(), 'levels/swe/eng-1.md'), 'levels/em/eng-1.md', textOf(fork(), 'levels/swe/eng-1.md'));
    const found = diagnosticsOfRule(moved, 'file-location');
    expect(found.map(where)).toEqual([{ rule: 'file-location', file: 'levels/em/eng-1.md', ...positionOf(moved, 'levels/em/eng-1.md', '[swe, sre]') }]);
    expect(found[0]?.message).toContain(
      'a shared level lives in the folder of one of its tracks: move the file to levels/swe/eng-1.md, or add "em" to its tracks.',
    );
    const both = edit(fork(), 'levels/swe/eng-1.md', 'tracks: [swe, sre]', 'track: swe\ntracks: [swe, sre]');
    expect(diagnosticsOf(both).map((d) => [d.rule, d.line, d.column, d.message])).toEqual([
      ['schema', 4, 1, expect.stringContaining('has both track and tracks; a level shared by several tracks lists them all under tracks.')],
    ]);
  });

  test('a level with neither track nor tracks is told to add track', () => {
    const files = edit(fork(), 'levels/swe/swe-4.md', 'track: swe\n', '');
    expect(diagnosticsOfRule(files, 'schema').map((d) => d.message)).toEqual([expect.stringMatching(/^Missing required key "track"\. The id of the track/)]);
  });

  test('messages name a level by id and show its code', () => {
    const files = withFile(fork(), PACKET, packet('promotion', 'swe-3', 'sre-4', ['Technical craft']));
    expect(diagnosticsOfRule(files, 'packet-promotion').map((d) => d.message)).toEqual([
      'A promotion stays on one track, but swe-3 (IC3 Senior Software Engineer) is on "Software Engineering" and sre-4 (IC4 Staff Reliability Engineer) on "Site Reliability Engineering". From swe-3, ladder.yml declares promotions onto another track only to mgr-4. Changing track is a lateral move: use kind: track-switch to the level on the same band, and a promotion on the new track later.',
    ]);
  });
});

describe('declared moves', () => {
  test('a promotion packet along a declared move is accepted, and one from a shared level onto either track', () => {
    expect(diagnosticsOf(withFile(fork(), PACKET, packet('promotion', 'swe-3', 'mgr-4')))).toEqual([]);
    expect(diagnosticsOf(withFile(fork(), PACKET, packet('promotion', 'eng-2', 'sre-3', ['Technical craft'])))).toEqual([]);
    expect(diagnosticsOf(withFile(fork(), PACKET, packet('promotion', 'eng-2', 'swe-3', ['Technical craft'])))).toEqual([]);
  });

  test('a move naming an unknown level is reported on it', () => {
    const files = edit(fork(), 'ladder.yml', 'to: mgr-4\n    description', 'to: mgr-5\n    description');
    const found = diagnosticsOf(files);
    expect(found.map(where)).toEqual([{ rule: 'unknown-reference', file: 'ladder.yml', ...positionOf(files, 'ladder.yml', 'mgr-5') }]);
    expect(found[0]?.message).toBe(
      'This move\'s to names level "mgr-5", which does not exist. Did you mean "mgr-4"? A declared move goes from one level id to another.',
    );
  });

  test('a move along one track, or one that does not climb exactly one band, is a level-climb error', () => {
    const along = edit(fork(), 'ladder.yml', '  - from: sre-3\n    to: mgr-4', '  - from: sre-3\n    to: mgr-4\n  - from: eng-2\n    to: swe-3');
    expect(diagnosticsOf(along).map((d) => [d.rule, d.message])).toEqual([
      [
        'level-climb',
        '"eng-2" and "swe-3" are both on track "swe", so this is an ordinary promotion; moves declares only promotions that change track. Remove this move.',
      ],
    ]);
    const jump = edit(fork(), 'ladder.yml', '  - from: sre-3\n    to: mgr-4', '  - from: eng-2\n    to: mgr-4');
    expect(diagnosticsOf(jump).map((d) => [d.rule, d.line, d.message])).toEqual([
      [
        'level-climb',
        positionOf(jump, 'ladder.yml', 'to: mgr-4', 2).line,
        'A declared move is a promotion, one band up, but "eng-2" is on band "career" and "mgr-4" on band "staff" (2 bands up). Point it at the level one band above "career".',
      ],
    ]);
  });
});

describe('parity-fork', () => {
  const stopped = () => without(fork(), 'levels/sre/sre-4.md');

  test('a move into management with an IC option on the same band is fine', () => {
    expect(diagnosticsOfRule(fork(), 'parity-fork')).toEqual([]);
  });

  test('a move into management a band above every IC option is reported on the move, once', () => {
    const files = stopped();
    expect(diagnosticsOf(files).map(where)).toEqual([{ rule: 'parity-fork', file: 'ladder.yml', ...positionOf(files, 'ladder.yml', 'mgr-4', 2) }]);
  });

  test('a declared IC option on the target band satisfies it', () => {
    const files = edit(stopped(), 'ladder.yml', '  - from: sre-3\n    to: mgr-4', '  - from: sre-3\n    to: mgr-4\n  - from: sre-3\n    to: swe-4');
    expect(diagnosticsOf(files)).toEqual([]);
  });

  test('an exception at the target level waives it, and is listed', () => {
    const files = edit(
      stopped(),
      'ladder.yml',
      'moves:',
      'policy:\n  exceptions:\n    - { rule: parity-fork, level: mgr-4, reason: "Reliability engineers grow into Staff through the SWE track." }\nmoves:',
    );
    const result = checkLadder(files);
    expect(result.diagnostics).toEqual([]);
    expect(result.waivers.exceptions.map((e) => [e.rule, e.level, e.waived])).toEqual([['parity-fork', 'mgr-4', 1]]);
  });

  test('management above every IC level is parity-ic-reach, not also parity-fork', () => {
    const files = without(fork(), 'levels/sre/sre-4.md', 'levels/swe/swe-4.md');
    expect(rulesOf(diagnosticsOf(files))).toEqual(['parity-ic-reach']);
  });
});

function textOf(files: readonly SourceFile[], path: string): string {
  const file = files.find((f) => f.path === path);
  if (!file || !('text' in file)) throw new Error(`test setup: no ${path}`);
  return file.text;
}
