import { describe, expect, test } from '@jest/globals';
import { renderSite } from '../../src/render/index.js';
import { robotsTxt } from '../../src/render/sitemap.js';
import { parseBaseUrl } from '../../src/render/urls.js';
import { diagnosticsOf, edit, exampleFiles } from '../helpers/ladder-files.js';
import { ladderOf } from './helpers.js';

const NOINDEX = '<meta name="robots" content="noindex">';

describe('robots.txt', () => {
  test('names the absolute sitemap URL when the site URL is known, and nothing else otherwise', () => {
    expect(robotsTxt(parseBaseUrl('https://org.github.io/ladder'), false)).toBe(
      'User-agent: *\nAllow: /\n\nSitemap: https://org.github.io/ladder/sitemap.xml\n',
    );
    expect(robotsTxt(parseBaseUrl('/ladder/'), false)).toBe('User-agent: *\nAllow: /\n');
  });

  test('disallows everything, and names no sitemap, with noindex', () => {
    expect(robotsTxt(parseBaseUrl('https://org.github.io/ladder/'), true)).toBe('User-agent: *\nDisallow: /\n');
  });
});

describe('policy.site.noindex', () => {
  const site = (files = exampleFiles()) => renderSite(ladderOf(files), { baseUrl: 'https://northwind.github.io/ladder' });
  const noindexFiles = () => edit(exampleFiles(), 'ladder.yml', /\npolicy:\n/, '\npolicy:\n  site:\n    noindex: true\n');

  test('is valid ladder.yml, and a typo in it is reported', () => {
    expect(diagnosticsOf(noindexFiles())).toEqual([]);
    const typo = diagnosticsOf(edit(exampleFiles(), 'ladder.yml', /\npolicy:\n/, '\npolicy:\n  site:\n    noindx: true\n'));
    expect(typo.map((d) => d.rule)).toEqual(['schema']);
  });

  test('off (the default): pages carry no robots meta, robots.txt allows and names the sitemap', () => {
    const plain = site();
    for (const [path, contents] of plain.files) if (path.endsWith('.html')) expect(contents).not.toContain('name="robots"');
    expect(plain.files.get('robots.txt')).toContain('Sitemap: https://northwind.github.io/ladder/sitemap.xml');
  });

  test('on: every page carries the robots noindex meta and robots.txt disallows everything', () => {
    const hidden = site(noindexFiles());
    const pages = [...hidden.files].filter(([path]) => path.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(30);
    for (const [, contents] of pages) expect(contents).toContain(NOINDEX);
    expect(hidden.files.get('robots.txt')).toBe('User-agent: *\nDisallow: /\n');
  });
});
