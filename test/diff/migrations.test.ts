import { describe, expect, test } from '@jest/globals';
import type { SourceFile } from '../../src/core/source-file.js';
import { diffToMarkdown, diffToText } from '../../src/report/diff-format.js';
import { diffAfter, edit, textOf, withFile, without } from './helpers.js';

const E3 = 'levels/ic/E3.md';
const E3_CRAFT = '## Technical craft\n';

/** Version 2.0.0 with these `migrations` lines in its changelog entry. */
function declare(files: SourceFile[], migrations: string): SourceFile[] {
  const text = textOf(files, 'ladder.yml').replace(/^version: 1\.1\.0$/m, 'version: 2.0.0');
  return withFile(
    files,
    'ladder.yml',
    text.replace(/^changelog:\n/m, `changelog:\n  - version: 2.0.0\n    changes: [Levels migrated.]\n    migrations:\n${migrations}`),
  );
}

/** E3's file under a new id (and optionally a new band), E3 itself gone. */
function copyE3(files: SourceFile[], id: string, band = 'career'): SourceFile[] {
  const text = textOf(files, E3).replace('id: E3', `id: ${id}`).replace('band: career', `band: ${band}`);
  return withFile(files, `levels/ic/${id}.md`, text);
}

describe('ladder diff with changelog migrations', () => {
  test('a declared rename is one migration, not a level removed and one added, and minor', () => {
    const diff = diffAfter((f) => declare(without(copyE3(f, 'SWE3'), E3), '      - rename: E3\n        to: SWE3\n'));
    expect(diff.levels.migrated).toEqual([{ kind: 'rename', from: ['E3'], to: ['SWE3'], versions: ['2.0.0'] }]);
    expect(diff.levels.removed).toEqual([]);
    expect(diff.levels.added).toEqual([]);
    expect(diff.expectations).toEqual([]);
    expect(diff.verdict).toBe('minor');
  });

  test('without the declaration the same change is a removal, and major', () => {
    const diff = diffAfter((f) => without(copyE3(f, 'SWE3'), E3));
    expect(diff.levels.removed.map((l) => l.id)).toEqual(['E3']);
    expect(diff.levels.added.map((l) => l.id)).toEqual(['SWE3']);
    expect(diff.verdict).toBe('major');
  });

  test('a split compares each new level with the old one: more asked of one of them is major, naming it', () => {
    const diff = diffAfter((f) => {
      const split = without(copyE3(copyE3(f, 'SWE3'), 'SRE3'), E3);
      return declare(
        edit(split, 'levels/ic/SRE3.md', E3_CRAFT, `${E3_CRAFT}\n- Owns the on-call runbook of their service.\n`),
        '      - split: E3\n        into: [SWE3, SRE3]\n',
      );
    });
    expect(diff.levels.migrated).toEqual([{ kind: 'split', from: ['E3'], to: ['SWE3', 'SRE3'], versions: ['2.0.0'] }]);
    expect(diff.expectations.map((e) => [e.level, e.was, e.competency, e.change])).toEqual([['SRE3', 'E3', 'technical-craft', 'changed']]);
    expect(diff.verdict).toBe('major');
    expect(diff.reasons).toEqual([expect.stringContaining('Level SRE3')]);
  });

  test('a migrated level on another band is a move, and major', () => {
    const diff = diffAfter((f) => declare(without(copyE3(f, 'SWE3', 'senior'), E3), '      - rename: E3\n        to: SWE3\n'));
    expect(diff.levels.moved).toEqual([{ id: 'SWE3', was: 'E3', fromBand: 'career', toBand: 'senior' }]);
    expect(diff.reasons).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Level SWE3 \(.*\) \(was E3\) moved from the Career band to the Senior band\.$/)]),
    );
  });

  test('open packets that still name an old id are listed with where it went', () => {
    const E4 = 'levels/ic/E4.md';
    const diff = diffAfter((f) => {
      const text = textOf(f, E4);
      const next = withFile(without(f, E4), 'levels/ic/SWE4.md', text.replace('id: E4', 'id: SWE4'));
      return declare(withFile(next, 'levels/ic/SRE4.md', text.replace('id: E4', 'id: SRE4')), '      - split: E4\n        into: [SWE4, SRE4]\n');
    });
    expect(diff.packets.find((p) => p.candidate === 'jo-rivera')?.reason).toBe('Current level E4 was split into SWE4, SRE4.');
  });

  test('text and Markdown say "split into", and name the old level beside the new one in expectations', () => {
    const diff = diffAfter((f) => {
      const split = without(copyE3(copyE3(f, 'SWE3'), 'SRE3'), E3);
      return declare(
        edit(split, 'levels/ic/SRE3.md', E3_CRAFT, `${E3_CRAFT}\n- Owns the on-call runbook of their service.\n`),
        '      - split: E3\n        into: [SWE3, SRE3]\n',
      );
    });
    const text = diffToText(diff);
    expect(text).toContain('→ E3         split into SWE3, SRE3 (version 2.0.0)');
    expect(text).toContain('SRE3 (was E3) · Technical craft  changed, +8 -0 words');
    const markdown = diffToMarkdown(diff);
    expect(markdown).toContain('| split | E3 | split into SWE3, SRE3 (version 2.0.0) |');
    expect(markdown).toContain('**SRE3 (was E3) · Technical craft**: changed');
  });
});
