import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import Ajv2020 from 'ajv/dist/2020.js';
import { PROJECT_SITE } from '../../src/core/project-urls.js';
import { renderSite } from '../../src/render/index.js';
import { edit, exampleFiles, fixtureFiles, repoRoot } from '../helpers/ladder-files.js';
import { ladderOf } from './helpers.js';

const schema = JSON.parse(readFileSync(join(repoRoot, 'schemas', 'export.schema.json'), 'utf8')) as { $id: string };
const ajv = new Ajv2020.default({ strict: true, allErrors: true });
const validate = ajv.compile(schema);

interface Export {
  $schema: string;
  formatVersion: number;
  version: string;
  payPublished: boolean;
  bands: Array<{ id: string; pay?: unknown }>;
  competencies: Array<{ id: string; scale?: string }>;
  scales: unknown[];
  levels: Array<{ id: string; band: string; pay?: unknown; expectations: Array<{ competency?: string; name: string; markdown: string }> }>;
}

/** Valid, or the errors: they say which field is wrong. */
function expectValid(data: unknown): void {
  validate(data);
  expect(validate.errors ?? []).toEqual([]);
}

const exported = (files = exampleFiles()) => {
  const text = renderSite(ladderOf(files), { baseUrl: '/ladder-as-code/' }).files.get('ladder.json') ?? '';
  return JSON.parse(text) as Export;
};

describe('ladder.json', () => {
  test('its schema lives at its $id on the project site', () => {
    expect(schema.$id).toBe(`${PROJECT_SITE}schemas/export.schema.json`);
  });

  test('the example ladder exports valid data, with a format version and its expectations', () => {
    const data = exported();
    expectValid(data);
    expect(data.$schema).toBe(schema.$id);
    expect(data.formatVersion).toBe(1);
    expect(data.version).toBe('1.1.0');
    const e4 = data.levels.find((l) => l.id === 'E4');
    expect(e4?.band).toBe('senior');
    expect(e4?.expectations.find((x) => x.competency === 'delivery')?.markdown).toContain('Keeps several concurrent projects');
    expect(data.bands.some((b) => b.pay !== undefined)).toBe(true);
  });

  test('without publishPay, no pay at all', () => {
    const data = exported(edit(exampleFiles(), 'ladder.yml', /^ {2}publishPay: true$/m, '  publishPay: false'));
    expectValid(data);
    expect(data.payPublished).toBe(false);
    expect(JSON.stringify(data)).not.toMatch(/"pay"|"min"|"max"/);
  });

  test('a ladder with proficiency scales exports them, and stays valid', () => {
    const data = exported(fixtureFiles('competencies'));
    expectValid(data);
    expect(data.scales.length).toBeGreaterThan(0);
    expect(data.competencies.some((c) => c.scale !== undefined)).toBe(true);
  });

  test('the schema rejects what it does not describe', () => {
    const data = exported() as unknown as Record<string, unknown>;
    expect(validate({ ...data, packets: [] })).toBe(false);
    expect(validate({ ...data, formatVersion: 2 })).toBe(false);
  });
});
