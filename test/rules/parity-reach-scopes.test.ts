import { describe, expect, test } from '@jest/globals';
import type { SourceFile } from '../../src/core/source-file.js';
import { diagnosticsOf, edit, positionOf, where } from '../helpers/ladder-files.js';

/**
 * Four IC disciplines with uneven ranges and one management track on six bands: Software reaches
 * b6, Reliability b5, Quality b3, Data b2; management goes from b3 to b5.
 */
const reaches: Record<string, [number, number]> = { swe: [1, 6], sre: [1, 5], qe: [1, 3], data: [1, 2], em: [3, 5] };

function uneven(policy = '', families = ''): SourceFile[] {
  const bands = [1, 2, 3, 4, 5, 6].map((n) => `  - { id: b${n}, name: Band ${n} }`).join('\n');
  const tracks = Object.keys(reaches)
    .map((t) => `  - { id: ${t}, name: ${t.toUpperCase()}, kind: ${t === 'em' ? 'em' : 'ic'} }`)
    .join('\n');
  const files: SourceFile[] = [
    { path: 'ladder.yml', text: `organization: Uneven\nversion: 1.0.0\nbands:\n${bands}\ntracks:\n${tracks}\n${families}${policy}` },
    { path: 'competencies.yml', text: `competencies:\n  - { id: craft, name: Craft, tracks: [${Object.keys(reaches).join(', ')}] }\n` },
  ];
  for (const [track, [low, high]] of Object.entries(reaches)) {
    for (let n = low; n <= high; n++) {
      const id = `${track}-${n}`;
      files.push({
        path: `levels/${track}/${id}.md`,
        text: `---\nid: ${id}\ncode: ${track === 'em' ? 'M' : 'IC'}${n}\ntrack: ${track}\ntitle: ${track} ${n}\nband: b${n}\nsummary: Level ${n}.\n---\n\n## Craft\n\n- Works.\n`,
      });
    }
  }
  return files;
}

const FAMILIES =
  'families:\n  - { id: engineering-ic, name: Engineering IC, tracks: [swe, sre, qe] }\n  - { id: data-ic, name: Data IC, tracks: [data] }\n  - { id: management, name: Management, tracks: [em] }\n';

describe('parity-ic-reach per track and per family (policy.parity.reach)', () => {
  test('by default one IC track reaching as high as management is enough', () => {
    expect(diagnosticsOf(uneven())).toEqual([]);
    expect(diagnosticsOf(uneven('policy:\n  parity: { reach: ladder }\n', FAMILIES))).toEqual([]);
  });

  test('reach: track reports each IC discipline that stops below management, on its top level', () => {
    const files = uneven('policy:\n  parity: { reach: track }\n');
    const found = diagnosticsOf(files);
    expect(found.map(where)).toEqual([
      { rule: 'parity-ic-reach', file: 'levels/data/data-2.md', ...positionOf(files, 'levels/data/data-2.md', 'b2') },
      { rule: 'parity-ic-reach', file: 'levels/qe/qe-3.md', ...positionOf(files, 'levels/qe/qe-3.md', 'b3') },
    ]);
    expect(found[1]?.message).toBe(
      'Track "qe" stops at band "b3" ("qe-3"), 2 bands below band "b5" that management reaches ("em-5"): its engineers would have to manage, or change discipline, to grow that far. Add levels up to band "b5", or record an exception for parity-ic-reach at level "qe-3".',
    );
  });

  test('reach: family holds each family of IC tracks to management, reported on the family', () => {
    const files = uneven('policy:\n  parity: { reach: family }\n', FAMILIES);
    const found = diagnosticsOf(files);
    expect(found.map(where)).toEqual([{ rule: 'parity-ic-reach', file: 'ladder.yml', ...positionOf(files, 'ladder.yml', '[data]') }]);
    expect(found[0]?.message).toMatch(/^Family "data-ic" stops at band "b2" \("data-2"\), 3 bands below band "b5"/);
  });

  test('an IC track in no family is held to management on its own', () => {
    const files = uneven('policy:\n  parity: { reach: family }\n', FAMILIES.replace('  - { id: data-ic, name: Data IC, tracks: [data] }\n', ''));
    expect(diagnosticsOf(files).map((d) => d.file)).toEqual(['levels/data/data-2.md']);
  });

  test("an exception at a short track's top level waives it there only", () => {
    const files = uneven(
      'policy:\n  parity: { reach: track }\n  exceptions:\n    - { rule: parity-ic-reach, level: data-2, reason: "Data engineers grow into the SWE track from band 3." }\n',
    );
    expect(diagnosticsOf(files).map((d) => d.file)).toEqual(['levels/qe/qe-3.md']);
  });

  test('above every IC level the fact is reported once, for the ladder; the tracks are held to where IC reaches', () => {
    // Management now reaches b6 while the best IC track stops at b5.
    let files = uneven('policy:\n  parity: { reach: track }\n');
    files = files.filter((f) => f.path !== 'levels/swe/swe-6.md');
    files.push({ path: 'levels/em/em-6.md', text: '---\nid: em-6\ntrack: em\ntitle: em 6\nband: b6\nsummary: Level 6.\n---\n\n## Craft\n\n- Works.\n' });
    const found = diagnosticsOf(files);
    expect(found.map((d) => d.file)).toEqual(['levels/data/data-2.md', 'levels/em/em-6.md', 'levels/qe/qe-3.md']);
    expect(found.find((d) => d.file === 'levels/qe/qe-3.md')?.message).toContain('2 bands below band "b5" that management reaches ("em-5")');
  });

  test('a family listing an unknown track, or a track already in another family, is reported with the fix', () => {
    const unknown = edit(uneven('', FAMILIES), 'ladder.yml', 'tracks: [swe, sre, qe]', 'tracks: [swe, sre, qa]');
    const found = diagnosticsOf(unknown);
    expect(found.map(where)).toEqual([{ rule: 'unknown-reference', file: 'ladder.yml', ...positionOf(unknown, 'ladder.yml', 'qa]') }]);
    expect(found[0]?.message).toBe(
      'Family "engineering-ic" lists track "qa", which ladder.yml does not declare. Did you mean "qe"? Known tracks: "swe", "sre", "qe", "data", "em".',
    );
    const twice = edit(uneven('', FAMILIES), 'ladder.yml', 'tracks: [data]', 'tracks: [data, qe]');
    expect(diagnosticsOf(twice).map((d) => [d.rule, d.message])).toEqual([
      ['unique-id', 'Track "qe" is already in family "engineering-ic"; a track belongs to one family. Remove it from one of the two.'],
    ]);
  });

  test('an unknown reach scope is a schema error naming the allowed values', () => {
    const files = uneven('policy:\n  parity: { reach: tracks }\n');
    expect(diagnosticsOf(files).map((d) => [d.rule, d.message])).toEqual([
      ['schema', expect.stringContaining('policy.parity.reach must be one of "ladder", "family", "track", not "tracks". Did you mean "track"?')],
    ]);
  });
});
