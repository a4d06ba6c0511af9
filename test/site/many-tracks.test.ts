import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';
import { HtmlValidate } from 'html-validate';
// @ts-expect-error: the benchmark generator is plain JavaScript, without types
import { generateOrg } from '../../bench/generate.js';
import { readLadderDir } from '../../src/node/read-ladder-dir.js';
import { renderSite } from '../../src/render/index.js';
import { brokenLinks, ladderOf, renderTo } from './helpers.js';

// The synthetic org of the benchmarks, small: bands named "Band 5", tracks named "Track 2 (management)".
const work = mkdtempSync(join(tmpdir(), 'ladder-many-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
generateOrg(join(work, 'org'), { tracks: 6, levels: 4, competencies: 3, families: 2 });
const site = renderSite(ladderOf(readLadderDir(join(work, 'org'), { personal: false })), { baseUrl: '/' });
const page = (path: string) => site.files.get(path)?.toString() ?? '';
const all = [...site.files].filter(([p]) => p.endsWith('.html'));

describe('labels made of names that already say what they are', () => {
  test('a band named "Band 3" is never "Band 3 band"', () => {
    for (const [path, html] of all) expect([path, /\bband \d+ band\b/i.test(html)]).toEqual([path, false]);
    expect(page('levels/T01L03/index.html')).toContain('<p class="eyebrow">Track 1 (individual contributor) &middot; Band 3</p>');
    expect(page('changes/T01L02-T01L03/index.html')).toContain('from Band 2 to Band 3.');
  });

  test('a track named "Track 2 (management)" is never put in parentheses of its own', () => {
    for (const [path, html] of all) expect([path, /\([^()<]*\([^()<]*\)[^()<]*\)/.test(html)]).toEqual([path, false]);
    expect(page('tracks/t01/index.html')).toContain('<span class="muted">— Track 2 (management), Band 1</span>');
  });
});

describe('many tracks in families', () => {
  test('the home page offers a track picker by family (hidden until its script runs), the matrix a compare form', () => {
    const home = page('index.html');
    expect(home).toContain(
      '<div class="column-picker track-picker" data-columns="ladder-parity-table" data-param="tracks" data-noun="tracks" data-remember hidden>',
    );
    expect([...home.matchAll(/<fieldset><legend>([^<]+)<\/legend>/g)].map((m) => m[1])).toEqual(['Family 1', 'Family 2']);
    expect((home.match(/<input type="checkbox" name="track"/g) ?? []).length).toBe(6);
    expect(home).toContain('<script src="/assets/columns.js" defer></script>');
    const matrix = page('matrix/t01/index.html');
    expect(matrix).toContain('<select id="ladder-compare-a" name="a">');
    expect((matrix.match(/<p class="cell-level">/g) ?? []).length).toBe(4 * 3);
  });

  test('its pages pass html-validate and every link resolves', async () => {
    const dir = join(work, 'site');
    renderTo(dir, ladderOf(readLadderDir(join(work, 'org'), { personal: false })), { baseUrl: '/' });
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
    const problems: string[] = [];
    for (const path of ['index.html', 'matrix/t01/index.html', 'tracks/t02/index.html', 'levels/T01L02/index.html', 'search/index.html']) {
      const report = await validator.validateString(page(path), path);
      for (const result of report.results) for (const m of result.messages) problems.push(`${path}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
    expect(problems).toEqual([]);
    expect(brokenLinks(dir, '/')).toEqual([]);
  });
});

describe('lateral moves between many tracks', () => {
  // Six tracks: every pair on a band has a page, but only neighbours (t01–t02, …) set the two
  // levels side by side; the others summarize and link to the level pages (docs/site.md).
  test('neighbouring tracks get the full side-by-side page', () => {
    const full = page('changes/T01L01-T02L01/index.html');
    expect(full).toContain('class="compare-section"');
    expect(full).not.toContain('class="compare-summary"');
  });

  test('tracks that are not neighbours get a summary page that links to both levels instead of repeating them', () => {
    const summary = page('changes/T01L01-T03L01/index.html');
    expect(summary).toContain('What changes between T01L01');
    expect(summary).toContain('class="compare-summary"');
    expect(summary).not.toContain('class="compare-section"');
    expect(summary).toContain('<a href="/levels/T01L01/">');
    expect(summary).toContain('<a href="/levels/T03L01/">');
    expect(summary).toContain('class="move-rules"');
    // Much smaller than a full page: no expectation is repeated.
    expect(summary.length * 3).toBeLessThan(page('changes/T01L01-T02L01/index.html').length);
  });

  test('every pair of levels on a band still has its page, and every level links to each', () => {
    const lateral = [...site.files.keys()].filter((p) => /^changes\/T0(\d)L01-T0(\d)L01\//.test(p));
    expect(lateral).toHaveLength(15); // 6 tracks: 6 × 5 / 2 pairs on band 1
    expect(page('levels/T01L01/index.html')).toContain('href="/changes/T01L01-T06L01/"');
  });
});
