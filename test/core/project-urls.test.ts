import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { PROJECT_SITE, ruleHelpUri, schemaUrl } from '../../src/core/project-urls.js';
import type { SchemaName } from '../../src/core/schema-check.js';
import { repoRoot } from '../helpers/ladder-files.js';

const schemaNames = readdirSync(join(repoRoot, 'schemas'))
  .filter((f) => f.endsWith('.schema.json'))
  .map((f) => f.replace('.schema.json', '') as SchemaName)
  .sort();

describe('the published URLs', () => {
  test('live on the project site, as package.json says', () => {
    const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { homepage: string };
    expect(PROJECT_SITE).toBe(manifest.homepage);
    expect(PROJECT_SITE).toMatch(/^https:\/\/[^/]+\/[^/]+\/$/);
  });

  test.each(schemaNames)("the %s schema's $id is its published URL, schemas/<name>.schema.json on the site", (name) => {
    const schema = JSON.parse(readFileSync(join(repoRoot, 'schemas', `${name}.schema.json`), 'utf8')) as { $id: string };
    expect(schema.$id).toBe(schemaUrl(name));
    expect(schema.$id).toBe(`${PROJECT_SITE}schemas/${name}.schema.json`);
  });

  test('a rule is documented at rules/#<id>', () => {
    expect(ruleHelpUri('parity-ic-reach')).toBe(`${PROJECT_SITE}rules/#parity-ic-reach`);
  });
});

describe('the SchemaStore catalog entry (docs/schemastore.md)', () => {
  const markdown = readFileSync(join(repoRoot, 'docs', 'schemastore.md'), 'utf8');
  const block = /```json\n([\s\S]*?)\n```/.exec(markdown)?.[1] ?? '';
  const entries = JSON.parse(block) as Array<Record<string, unknown>>;
  /** SchemaStore's globs as VS Code reads them: `**` any folders (none too), `*` within a name. */
  const matches = (glob: string, path: string) => {
    const pattern = glob
      .split('**/')
      .map((part) => part.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*'))
      .join('(?:.*/)?');
    return new RegExp(`^${pattern}$`).test(path);
  };

  test('is valid JSON: one entry per YAML file of a ladder, with the keys SchemaStore asks for and nothing else', () => {
    expect(entries).toHaveLength(2);
    for (const entry of entries) {
      expect(Object.keys(entry).sort()).toEqual(['description', 'fileMatch', 'name', 'url']);
      expect(entry.name).toEqual(expect.stringMatching(/^ladder-as-code /));
      expect((entry.description as string).length).toBeGreaterThan(20);
      expect(entry.fileMatch).toEqual([expect.any(String)]);
    }
  });

  test.each([
    ['ladder', 'ladder.yml'],
    ['competencies', 'competencies.yml'],
  ] as const)("points the %s schema's $id at %s, where ladder init writes it, and at nothing else a ladder holds", (name, file) => {
    const entry = entries.find((e) => e.url === schemaUrl(name));
    expect(entry).toBeDefined();
    const glob = (entry?.fileMatch as string[] | undefined)?.[0] ?? '';
    expect(matches(glob, `ladder/${file}`)).toBe(true);
    expect(matches(glob, `org/people/ladder/${file}`)).toBe(true);
    for (const other of ['ladder/ladder.yml', 'ladder/competencies.yml', 'ladder/levels/ic/E1.md', file, `docs/${file}`].filter((p) => p !== `ladder/${file}`))
      expect(matches(glob, other)).toBe(false);
  });
});
