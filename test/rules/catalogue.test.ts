import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { allRules } from '../../src/rules/index.js';
import { repoRoot } from '../helpers/ladder-files.js';

const doc = readFileSync(join(repoRoot, 'docs', 'rules.md'), 'utf8');

describe('docs/rules.md', () => {
  test('its table lists every rule, in the order of allRules, with its default severity and group', () => {
    const rows = [...doc.matchAll(/^\| \[([a-z-]+)\]\(#([a-z-]+)\) +\| (\w+) +\| (\w+) +\|/gm)].map((m) => [m[1], m[2], m[3], m[4]]);
    expect(rows).toEqual(allRules.map((r) => [r.id, r.id, r.severity, r.group]));
  });

  test('every rule has its own section', () => {
    const sections = [...doc.matchAll(/^### ([a-z-]+)$/gm)].map((m) => m[1]);
    for (const r of allRules) expect([r.id, sections.includes(r.id)]).toEqual([r.id, true]);
  });
});
