import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { PROJECT_SITE, ruleHelpUri, schemaUrl } from '../../src/core/project-urls.js';
import type { SchemaName } from '../../src/core/schema-check.js';
import { allRules } from '../../src/rules/index.js';
import { runCli } from '../helpers/cli.js';
import { repoRoot } from '../helpers/ladder-files.js';

/** The site as the Pages workflow builds it: `ladder render`, then scripts/publish-docs.js into the same directory. */
let work: string;
let site: string;
let published: ReturnType<typeof spawnSync>;
const publish = (out: string) => spawnSync(process.execPath, [join(repoRoot, 'scripts', 'publish-docs.js'), out], { encoding: 'utf8', cwd: repoRoot });
beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'ladder-publish-'));
  site = join(work, '_site');
  expect((await runCli(['render', 'ladder', '--out', site, '--base-url', '/ladder-as-code/'], repoRoot)).status).toBe(0);
  published = publish(site);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const schemaFiles = readdirSync(join(repoRoot, 'schemas')).filter((f) => f.endsWith('.schema.json'));
const rulesPage = () => readFileSync(join(site, 'rules', 'index.html'), 'utf8');
/** What a URL on the project site is served from, in the built site. */
const fileFor = (url: string) => {
  expect(url.startsWith(PROJECT_SITE)).toBe(true);
  const path = url.slice(PROJECT_SITE.length).split('#')[0] as string;
  return join(site, path === '' || path.endsWith('/') ? `${path}index.html` : path);
};

describe('scripts/publish-docs.js, run by the Pages workflow after ladder render', () => {
  test('adds the schemas and the rules page beside the ladder site', () => {
    expect(published.stderr).toBe('');
    expect(published.status).toBe(0);
    expect(published.stdout).toMatch(/^publish-docs: wrote 7 files into .*: schemas\/competencies\.schema\.json, .*, rules\/index\.html\n$/);
    expect(readFileSync(join(site, 'index.html'), 'utf8')).toContain('<html');
  });

  test.each(schemaFiles)('%s is served, unchanged, at its $id: the URL $schema comments name', (file) => {
    const text = readFileSync(join(repoRoot, 'schemas', file), 'utf8');
    const name = file.replace('.schema.json', '') as SchemaName;
    expect(readFileSync(fileFor(schemaUrl(name)), 'utf8')).toBe(text);
    expect((JSON.parse(text) as { $id: string }).$id).toBe(schemaUrl(name));
  });

  test("every rule's helpUri leads to the rules page and to an anchor of its own there", () => {
    const html = rulesPage();
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of allRules) {
      const uri = ruleHelpUri(rule.id);
      expect(fileFor(uri)).toBe(join(site, 'rules', 'index.html'));
      expect(ids).toContain(decodeURIComponent(uri.split('#')[1] as string));
      // The anchor is the rule's own heading, with its documentation after it.
      expect(html).toContain(`<h3 id="${rule.id}">${rule.id}</h3>`);
    }
  });

  test('links of the page work from the site: anchors stay, links to other files of the repository go to GitHub', () => {
    const hrefs = [...rulesPage().matchAll(/<a href="([^"]*)"/g)].map((m) => m[1] as string);
    expect(hrefs.length).toBeGreaterThan(allRules.length);
    for (const href of hrefs) expect(href).toMatch(/^(?:#[a-z0-9-]+|https:\/\/github\.com\/ladder-as-code\/ladder-as-code\/blob\/main\/.+)$/);
    expect(hrefs).toContain('#parity-ic-reach');
  });

  test('never replaces a file the site already has at one of its paths, and writes nothing then', () => {
    const other = join(work, 'other');
    mkdirSync(join(other, 'rules'), { recursive: true });
    writeFileSync(join(other, 'rules', 'index.html'), 'a page of the site\n');
    const run = publish(other);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(`publish-docs: rules/index.html exist in ${other} already; the site and the docs must not share a path\n`);
    expect(readFileSync(join(other, 'rules', 'index.html'), 'utf8')).toBe('a page of the site\n');
    expect(readdirSync(other)).toEqual(['rules']);
  });
});
