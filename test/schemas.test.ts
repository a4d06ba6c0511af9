import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import Ajv2020 from 'ajv/dist/2020.js';
import { allRules } from '../src/rules/index.js';
import { exampleDir, repoRoot } from './helpers/ladder-files.js';

const schemaDir = join(repoRoot, 'schemas');
const schemaFiles = readdirSync(schemaDir)
  .filter((f) => f.endsWith('.json'))
  .sort();
const read = (file: string) => JSON.parse(readFileSync(join(schemaDir, file), 'utf8')) as Record<string, unknown>;

describe('schemas/', () => {
  test('holds a schema for every file kind', () => {
    expect(schemaFiles).toEqual(expect.arrayContaining(['competencies.schema.json', 'ladder.schema.json', 'level.schema.json']));
  });

  test.each(schemaFiles)('%s is JSON Schema 2020-12 with $id, title and description', (file) => {
    const schema = read(file);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toEqual(expect.stringMatching(new RegExp(`^https://.+/${file.replace(/\./g, '\\.')}$`)));
    expect(schema.title).toEqual(expect.any(String));
    expect((schema.title as string).length).toBeGreaterThan(3);
    expect(schema.description).toEqual(expect.any(String));
    expect((schema.description as string).length).toBeGreaterThan(20);
  });

  test('every schema compiles with ajv in strict mode', () => {
    const ajv = new Ajv2020.default({ strict: true, allErrors: true });
    for (const file of schemaFiles) ajv.addSchema(read(file));
    for (const file of schemaFiles) expect(() => ajv.getSchema(read(file).$id as string)).not.toThrow();
  });

  test('$ids are unique', () => {
    const ids = schemaFiles.map((f) => read(f).$id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test("policy.rules can name every rule, and only rules: ladder.schema.json's $defs.ruleId.enum equals allRules' ids", () => {
    const ruleId = (read('ladder.schema.json').$defs as Record<string, { enum: string[] }>).ruleId;
    expect([...(ruleId?.enum ?? [])].sort()).toEqual(allRules.map((r) => r.id).sort());
    expect(new Set(ruleId?.enum).size).toBe(ruleId?.enum.length);
  });
});

describe('the example ladder names its schemas for editors', () => {
  test.each([
    ['ladder.yml', 'ladder.schema.json'],
    ['competencies.yml', 'competencies.schema.json'],
  ])('%s has a yaml-language-server line pointing at schemas/%s', (file, schema) => {
    const first = readFileSync(join(exampleDir, file), 'utf8').split('\n')[0] ?? '';
    const match = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
    expect(match).not.toBeNull();
    const target = resolve(dirname(join(exampleDir, file)), match?.[1] ?? '');
    expect(target).toBe(join(schemaDir, schema));
    expect(() => readFileSync(target)).not.toThrow();
  });
});

describe('editor hover help', () => {
  test('every property of every schema has a description', () => {
    const missing: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (Array.isArray(node)) {
        for (const [i, v] of node.entries()) walk(v, `${path}/${i}`);
      } else if (node && typeof node === 'object') {
        const properties = (node as { properties?: Record<string, { description?: string }> }).properties;
        for (const [key, value] of Object.entries(properties ?? {})) if (!value.description) missing.push(`${path}/properties/${key}`);
        for (const [key, value] of Object.entries(node)) walk(value, `${path}/${key}`);
      }
    };
    for (const name of readdirSync(join(repoRoot, 'schemas'))) walk(JSON.parse(readFileSync(join(repoRoot, 'schemas', name), 'utf8')), name);
    expect(missing).toEqual([]);
  });
});
