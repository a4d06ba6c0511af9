import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { HtmlValidate } from 'html-validate';
import { exampleFiles } from '../helpers/ladder-files.js';
import { brokenLinks, hostileFiles, htmlFilesUnder, ladderOf, renderTo } from './helpers.js';

// html-validate's recommended rules, every one of them: the pages pass without relaxing any.
const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });

let work: string;
const sites: Record<string, { dir: string; base: string }> = {};
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'ladder-validate-'));
  sites.example = { dir: join(work, 'example'), base: '/ladder-as-code/' };
  renderTo(sites.example.dir, ladderOf(exampleFiles()), { baseUrl: sites.example.base });
  sites.hostile = { dir: join(work, 'hostile'), base: '/' };
  renderTo(sites.hostile.dir, ladderOf(hostileFiles(exampleFiles())), { baseUrl: sites.hostile.base });
  sites.noPay = { dir: join(work, 'no-pay'), base: '/a/b/' };
  const files = exampleFiles().map((f) =>
    'text' in f && f.path === 'ladder.yml' ? { ...f, text: f.text.replace('publishPay: true', 'publishPay: false') } : f,
  );
  renderTo(sites.noPay.dir, ladderOf(files), { baseUrl: sites.noPay.base });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.each(['example', 'hostile', 'noPay'])('the %s site', (name) => {
  test('every page passes html-validate (recommended rules) without a message', async () => {
    const { dir } = sites[name] as { dir: string };
    const pages = htmlFilesUnder(dir);
    expect(pages.length).toBeGreaterThan(30);
    const problems: string[] = [];
    for (const page of pages) {
      const report = await validator.validateString(readFileSync(join(dir, page), 'utf8'), page);
      for (const result of report.results) for (const m of result.messages) problems.push(`${page}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
    expect(problems).toEqual([]);
  });

  test('every internal link and fragment resolves to a rendered file and id', () => {
    const { dir, base } = sites[name] as { dir: string; base: string };
    expect(brokenLinks(dir, base)).toEqual([]);
  });
});
