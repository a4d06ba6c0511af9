import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { classify, FILE_KINDS, isPersonalPath, KIND_ROOTS, scopeOf } from '../../src/core/kinds/index.js';
import { FEEDBACK_MINIMUM_KINDS, PACKET_KIND_IDS } from '../../src/core/packet-kinds.js';
import { TRACK_KIND_IDS } from '../../src/core/track-kinds.js';
import { repoRoot } from '../helpers/ladder-files.js';

type Node = { properties?: Record<string, Node>; enum?: unknown[]; $defs?: Record<string, Node> };
const schema = (name: string) => JSON.parse(readFileSync(join(repoRoot, 'schemas', `${name}.schema.json`), 'utf8')) as Node;

describe('the kind tables and the schemas say the same', () => {
  test('packet kinds', () => {
    expect(schema('packet').properties?.kind?.enum).toEqual(PACKET_KIND_IDS);
  });

  test('track kinds, and the ladder approvers per kind', () => {
    const defs = schema('ladder').$defs ?? {};
    expect(defs.track?.properties?.kind?.enum).toEqual(TRACK_KIND_IDS);
    expect(Object.keys(defs.governance?.properties?.ladderApprovers?.properties ?? {})).toEqual(TRACK_KIND_IDS);
  });

  test('the feedback minimum per packet kind', () => {
    const packets = schema('ladder').$defs?.policy?.properties?.packets;
    expect(Object.keys(packets?.properties?.minimumFeedback?.properties ?? {})).toEqual(FEEDBACK_MINIMUM_KINDS);
  });

  test('every file kind has its schema', () => {
    for (const kind of FILE_KINDS) expect(schema(kind.schema)).toBeDefined();
    expect(new Set(FILE_KINDS.map((k) => k.id)).size).toBe(FILE_KINDS.length);
  });
});

describe('classify', () => {
  test.each([
    ['ladder.yml', 'config', { folder: '', name: 'ladder' }],
    ['competencies.yml', 'competencies', { folder: '', name: 'competencies' }],
    ['levels/ic/E4.md', 'level', { folder: 'ic', name: 'E4' }],
    ['packets/2026-h2/jo.md', 'packet', { folder: '2026-h2', name: 'jo' }],
  ])('%s is a %s file', (path, id, match) => {
    const found = classify(path);
    expect(found?.kind.id).toBe(id);
    expect(found && 'match' in found ? found.match : undefined).toEqual(match);
  });

  test.each([
    ['ladder.yaml', 'config'],
    ['competencies.yaml', 'competencies'],
    ['levels/E4.md', 'level'],
    ['levels/ic/old/E4.md', 'level'],
    ['packets/jo.md', 'packet'],
  ])('%s is a misplaced %s file', (path, id) => {
    const found = classify(path);
    expect(found?.kind.id).toBe(id);
    expect(found && 'misplaced' in found).toBe(true);
  });

  test.each(['README.md', 'levels/ic/E4.yml', 'notes/a.md', 'packets/2026-h2/notes.txt'])('%s is none of the ladder’s', (path) => {
    expect(classify(path)).toBeUndefined();
    expect(scopeOf(path)).toBeUndefined();
  });

  test('scopes, roots and what is personal', () => {
    expect(scopeOf('levels/ic/E4.md')).toBe('ladder');
    expect(scopeOf('packets/2026-h2/jo.md')).toBe('item');
    expect(scopeOf('packets/jo.md')).toBe('item');
    expect(KIND_ROOTS).toEqual(['levels', 'packets']);
    expect(isPersonalPath('packets/2026-h2/jo.md')).toBe(true);
    expect(isPersonalPath('levels/ic/E4.md')).toBe(false);
  });
});
