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
