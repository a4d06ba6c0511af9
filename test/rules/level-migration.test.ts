import { describe, expect, test } from '@jest/globals';
import { describeMigrated, whereWent } from '../../src/core/migrations.js';
import type { Migration } from '../../src/core/model.js';
import type { SourceFile } from '../../src/core/source-file.js';
import { diagnosticsOf, diagnosticsOfRule, edit, exampleFiles, move, positionOf, where } from '../helpers/ladder-files.js';
import { examplePacketFiles, PROMOTION } from '../helpers/packet-files.js';

const rule = 'level-migration';

/** The example with a version 2.0.0 whose changelog declares `migrations` (YAML lines, indented for the list). */
function withMigrations(files: readonly SourceFile[], migrations: string): SourceFile[] {
  return edit(
    edit(files, 'ladder.yml', /^version: 1\.1\.0$/m, 'version: 2.0.0'),
    'ladder.yml',
    /^changelog:\n/m,
    `changelog:\n  - version: 2.0.0\n    changes: [Levels renamed.]\n    migrations:\n${migrations}`,
  );
}

/** E3 becomes SWE3: its file moves and its id changes. */
function renameE3(files: readonly SourceFile[]): SourceFile[] {
  return edit(move(files, 'levels/ic/E3.md', 'levels/ic/SWE3.md'), 'levels/ic/SWE3.md', 'id: E3', 'id: SWE3');
}

describe(rule, () => {
  test('a ladder without migrations, and a rename done right, are clean', () => {
    expect(diagnosticsOfRule(exampleFiles(), rule)).toEqual([]);
    const files = withMigrations(renameE3(exampleFiles()), '      - rename: E3\n        to: SWE3\n');
    expect(diagnosticsOf(files).filter((d) => d.severity === 'error')).toEqual([]);
  });

  test('a target that is not a level is reported on it, with a did-you-mean', () => {
    const files = withMigrations(renameE3(exampleFiles()), '      - rename: E3\n        to: SWE33\n');
    const found = diagnosticsOfRule(files, rule);
    expect(found.map(where)).toEqual([{ rule, file: 'ladder.yml', ...positionOf(files, 'ladder.yml', 'SWE33') }]);
    expect(found[0]?.message).toBe(
      'The rename in version 2.0.0 leads to "SWE33", which is not a level of this ladder. Did you mean "SWE3"? A migration names level ids as they are now (the file names under levels/<track>/).',
    );
  });

  test('a split names the one target that is missing, at its place in the list', () => {
    const files = withMigrations(renameE3(exampleFiles()), '      - split: E3\n        into: [SWE3, SRE3]\n');
    const found = diagnosticsOfRule(files, rule);
    expect(found.map(where)).toEqual([{ rule, file: 'ladder.yml', ...positionOf(files, 'ladder.yml', 'SRE3') }]);
    expect(found[0]?.message).toContain('The split in version 2.0.0 leads to "SRE3"');
  });

  test('a source that is still a level is a contradiction, reported on the source', () => {
    const files = withMigrations(exampleFiles(), '      - rename: E4\n        to: E5\n');
    const found = diagnosticsOfRule(files, rule);
    expect(found.map(where)).toEqual([
      { rule, file: 'ladder.yml', ...positionOf(files, 'ladder.yml', 'rename: E4'), column: positionOf(files, 'ladder.yml', 'rename: E4').column + 8 },
    ]);
    expect(found[0]?.message).toBe(
      'Level "E4" was renamed to "E5" in version 2.0.0, but it is still a level of this ladder. Remove its file, or remove this migration.',
    );
  });

  test('a merge into one of its own sources keeps that source', () => {
    const files = withMigrations(exampleFiles(), '      - merge: [M4, M3]\n        into: M3\n');
    const found = diagnosticsOfRule(files, rule);
    // M4 still exists, so that half is reported; M3 is the target and may stay.
    expect(found.map((d) => d.message)).toEqual([
      'Level "M4" was merged into "M3" in version 2.0.0, but it is still a level of this ladder. Remove its file, or remove this migration.',
    ]);
  });

  test('malformed migrations are schema diagnostics with positions, never a crash', () => {
    const files = withMigrations(exampleFiles(), '      - rename: [E3]\n        into: 5\n      - split: E2\n        into: [E3]\n      - 7\n');
    const all = diagnosticsOf(files);
    const schema = all.filter((d) => d.rule === 'schema' && d.file === 'ladder.yml');
    expect(schema.length).toBeGreaterThanOrEqual(3);
    for (const d of schema) expect(d.line).toBeGreaterThan(0);
    expect(diagnosticsOfRule(files, rule)).toEqual([]);
  });
});

describe('packet-levels, for an id the changelog migrated', () => {
  test('names where the old id went instead of "not in the ladder"', () => {
    const files = withMigrations(examplePacketFiles(), '      - split: E4\n        into: [SWE4, E4X]\n');
    const renamed = edit(move(files, 'levels/ic/E4.md', 'levels/ic/SWE4.md'), 'levels/ic/SWE4.md', 'id: E4', 'id: SWE4');
    const found = diagnosticsOfRule(renamed, 'packet-levels').filter((d) => d.file === PROMOTION);
    expect(found.map(where)).toEqual([{ rule: 'packet-levels', file: PROMOTION, ...positionOf(renamed, PROMOTION, 'from: E4'), column: 7 }]);
    // E4X does not exist: only SWE4 is offered.
    expect(found[0]?.message).toBe(
      `The packet's from level "E4" was split into "SWE4" and "E4X" in version 2.0.0. Write "SWE4" here, and check the evidence against its expectations.`,
    );
  });
});

describe('whereWent', () => {
  const m = (kind: Migration['kind'], from: string[], to: string[], version: string) => ({ kind, from, to, version }) as Migration;
  test('follows chains, and stops on cycles', () => {
    const chain = [m('rename', ['E3'], ['SWE3'], '2.0.0'), m('split', ['SWE3'], ['A3', 'B3'], '3.0.0')];
    expect(whereWent('E3', chain)?.to).toEqual(['A3', 'B3']);
    expect(describeMigrated(whereWent('E3', chain) as NonNullable<ReturnType<typeof whereWent>>)).toBe(
      'was renamed to "SWE3" in version 2.0.0, then was split into "A3" and "B3" in version 3.0.0',
    );
    expect(whereWent('E9', chain)).toBeUndefined();
    const loop = [m('rename', ['A'], ['B'], '2.0.0'), m('rename', ['B'], ['A'], '3.0.0')];
    expect(whereWent('A', loop)?.to).toEqual(['A']);
  });
});
