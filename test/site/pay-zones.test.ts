import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { HtmlValidate } from 'html-validate';
import { readLadderDir } from '../../src/node/read-ladder-dir.js';
import { renderSite } from '../../src/render/index.js';
import { edit, fixturesDir } from '../helpers/ladder-files.js';
import { ladderOf } from './helpers.js';

/** The text of a page without its tags, whitespace squashed, the entities pay uses decoded. */
function textOf(html: string | Buffer | undefined): string {
  return String(html ?? '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&middot;/g, '·')
    .replace(/&ndash;/g, '–')
    .replace(/\s+/g, ' ');
}

const zones = () => readLadderDir(join(fixturesDir, 'model', 'zones'));

describe('the site of a ladder that pays by zone', () => {
  const site = renderSite(ladderOf(zones()), { baseUrl: '/' });
  const page = (path: string) => String(site.files.get(path));

  test('the home page shows every zone of every band, one line each, in the order of zones', () => {
    const cells = [...page('index.html').matchAll(/<span class="band-name">([^<]+)<\/span><span class="band-pay">(.*?)<\/span><\/th>/g)].map((m) => [
      m[1],
      textOf(m[2]).trim(),
    ]);
    expect(cells).toEqual([
      ['Staff', 'US $220k – $280k DE €105k – €135k'],
      ['Senior', 'US $180k – $230k DE €85k – €110k'],
      ['Career', 'US $150k – $190k DE €70k – €90k'],
    ]);
    expect(page('index.html')).toContain(
      '<span class="pay-zone"><abbr title="United States">US</abbr> $180k &ndash; $230k</span><span class="pay-zone"><abbr title="Germany">DE</abbr> €85k &ndash; €110k</span>',
    );
  });

  test("a level page names each zone with its range: the band's, or the level's own", () => {
    for (const level of ['E4', 'M1']) {
      expect(textOf(page(`levels/${level}/index.html`))).toContain('Pay range United States: $180,000 – $230,000 · Germany: €85,000 – €110,000');
    }
  });

  test('a level page lists zones in the order ladder.yml declares them, whatever the order of the pay', () => {
    const swapped = edit(zones(), 'levels/em/M1.md', /pay:\n(.*\n)(.*\n)/, 'pay:\n$2$1');
    const m1 = String(renderSite(ladderOf(swapped), { baseUrl: '/' }).files.get('levels/M1/index.html'));
    expect(textOf(m1)).toContain('Pay range United States: $180,000 – $230,000 · Germany: €85,000 – €110,000');
  });

  test('a track page shows the zones in its pay column; a lateral move keeps every range', () => {
    expect(textOf(page('tracks/ic/index.html'))).toContain('Senior US $180k – $230k DE €85k – €110k');
    expect(textOf(page('changes/E4-M1/index.html'))).toContain('the same seniority and the same pay range');
  });

  test('no zone, currency or range anywhere when the policy does not publish pay', () => {
    const hidden = renderSite(ladderOf(edit(zones(), 'ladder.yml', 'publishPay: true', 'publishPay: false')), { baseUrl: '/' });
    for (const [path, contents] of hidden.files) {
      if (path.startsWith('assets/')) continue;
      expect([path, /\$\d|€\d|United States|Germany|Pay range|pay range/.test(textOf(contents))]).toEqual([path, false]);
    }
  });

  test('the pages pass html-validate (recommended rules)', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
    const problems: string[] = [];
    for (const path of ['index.html', 'levels/M1/index.html', 'tracks/ic/index.html', 'changes/E4-M1/index.html']) {
      const report = await validator.validateString(page(path), path);
      for (const result of report.results) for (const m of result.messages) problems.push(`${path}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
    expect(problems).toEqual([]);
  });
});
