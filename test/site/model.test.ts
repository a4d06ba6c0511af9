import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { readLadderDir } from '../../src/node/read-ladder-dir.js';
import { renderSite } from '../../src/render/index.js';
import { edit, fixturesDir } from '../helpers/ladder-files.js';
import { brokenLinks, ladderOf, renderTo } from './helpers.js';

/** The text of a page without its tags, whitespace squashed, entities for the dot decoded. */
function textOf(html: string | Buffer | undefined): string {
  return String(html ?? '')
    .replace(/<[^>]+>/g, '')
    .replace(/&middot;/g, '·')
    .replace(/\s+/g, ' ');
}

describe('the site of a ladder with shared levels, a fork and declared moves', () => {
  const site = renderSite(ladderOf(readLadderDir(join(fixturesDir, 'model', 'fork'))), { baseUrl: '/' });
  const page = (path: string) => textOf(site.files.get(path));

  test('a shared level shows a next promotion on each track it forks into', () => {
    expect(page('levels/eng-2/index.html')).toContain(
      'Next promotion IC3 Senior Software Engineer (Software Engineering) · What changes from IC2 to IC3 Senior Software Engineer',
    );
    expect(page('levels/eng-2/index.html')).toContain('Next promotion IC3 Senior Reliability Engineer (Site Reliability Engineering)');
  });

  test('a level with a declared move shows both paths, and the move has its own page', () => {
    const swe3 = page('levels/swe-3/index.html');
    expect(swe3).toContain('Next promotion IC4 Staff Software Engineer (Software Engineering)');
    expect(swe3).toContain('Next promotion M4 Engineering Manager (Engineering Management) · What changes from IC3 Senior Software Engineer to M4');
    expect(page('changes/swe-3-mgr-4/index.html')).toContain(
      'A promotion from the Software Engineering track onto the Engineering Management track, one band up, as the ladder declares at this fork',
    );
    expect(page('tracks/em/index.html')).toContain('From IC3 Senior Software Engineer to M4 Engineering Manager (from Software Engineering)');
    expect(page('tracks/swe/index.html')).toContain('From IC3 Senior Software Engineer to M4 Engineering Manager (onto Engineering Management)');
  });

  test('shared levels are listed on every track they belong to, under their code', () => {
    for (const track of ['swe', 'sre']) expect(page(`tracks/${track}/index.html`)).toContain('IC1 Engineer 1');
    // Codes repeat across tracks; the page titles and links keep them apart by title and id.
    expect(page('levels/sre-3/index.html')).toContain('Senior Reliability Engineer IC3');
    expect(site.files.has('levels/sre-3/index.html') && site.files.has('levels/swe-3/index.html')).toBe(true);
  });

  test('every link resolves', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ladder-model-site-'));
    try {
      renderTo(dir, ladderOf(readLadderDir(join(fixturesDir, 'model', 'fork'))));
      expect(brokenLinks(dir, '/')).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the site of a ladder with track families', () => {
  const files = edit(
    readLadderDir(join(fixturesDir, 'model', 'fork')),
    'ladder.yml',
    'moves:',
    'families:\n  - { id: management, name: Management, tracks: [em] }\n  - { id: engineering-ic, name: Engineering IC, description: Builders of the product and its platform., tracks: [sre, swe] }\nmoves:',
  );
  const site = renderSite(ladderOf(files), { baseUrl: '/' });
  const home = String(site.files.get('index.html'));

  test("the home page groups the tracks by family, in the families' order, with a heading and anchor each", () => {
    expect(home).toContain(
      '<tr class="family-row"><td></td><th scope="colgroup" colspan="1">Management</th><th scope="colgroup" colspan="2">Engineering IC</th></tr>',
    );
    const columns = [...home.matchAll(/<th scope="col" class="track-\w+"><a href="\/tracks\/(\w+)\/">/g)].map((m) => m[1]);
    expect(columns).toEqual(['em', 'sre', 'swe']);
    expect(home).toContain('<section class="family" id="family-engineering-ic" aria-labelledby="family-engineering-ic-title">');
    expect(textOf(home)).toContain('Engineering IC Builders of the product and its platform. Site Reliability Engineering');
    expect(home).toContain('<h4><a href="/tracks/swe/">Software Engineering</a></h4>');
  });

  test('a track page names its family', () => {
    expect(textOf(site.files.get('tracks/sre/index.html'))).toContain('Engineering IC · Individual contributor track');
  });

  test('without families, the home page is as before', () => {
    const plain = String(renderSite(ladderOf(readLadderDir(join(fixturesDir, 'model', 'fork'))), { baseUrl: '/' }).files.get('index.html'));
    expect(plain).not.toContain('family');
    expect(plain).toContain('<h3><a href="/tracks/swe/">Software Engineering</a></h3>');
  });
});
