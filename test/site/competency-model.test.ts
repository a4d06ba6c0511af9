import { describe, expect, test } from '@jest/globals';
import { renderSite } from '../../src/render/index.js';
import { edit, fixtureFiles } from '../helpers/ladder-files.js';
import { ladderOf } from './helpers.js';

/** The site of test/fixtures/competencies: proficiency steps, `from`, groups, per-track descriptions. */
const ladderFiles = () => fixtureFiles('competencies').filter((f) => !f.path.startsWith('packets/'));
const site = renderSite(ladderOf(ladderFiles()), { baseUrl: '/' });
const page = (path: string) => site.files.get(path)?.toString() ?? '';
/** The HTML of one matrix row, by its competency name. */
const row = (html: string, name: string) => new RegExp(`<tr><th scope="row">${name}</th>(.*?)</tr>`, 's').exec(html)?.[1] ?? '';
/** One <section> of a page, by its id. */
const section = (html: string, id: string) => new RegExp(`<section class="[a-z-]+" id="${id}"[\\s\\S]*?</section>`).exec(html)?.[0] ?? '';

describe('proficiency steps on the site', () => {
  test('the matrix shows each level\'s step, and "step 1 → 2" where it changes from the level to the left', () => {
    const craft = row(page('matrix/ic/index.html'), 'Technical craft');
    const cells = craft.split('<td>').slice(1);
    expect(cells.map((c) => /<p class="proficiency">(.*?)<\/p>/.exec(c)?.[1])).toEqual([
      'Step 1 (Aware)',
      'Step 1 → 2 (Aware → Practicing)',
      'Step 2 → 3 (Practicing → Proficient)',
      'Step 3 → 4 (Proficient → Advanced)',
      'Step 4 → 5 (Advanced → Expert)',
    ]);
    // Same step on two consecutive levels: the step alone, no arrow.
    expect(row(page('matrix/em/index.html'), 'Technical craft')).toContain('<p class="proficiency">Step 3 (Proficient)</p><ul>\n<li>Craft at M2.</li>');
  });

  test('a promotion\'s "what changes" page shows "step 3 → 4" with the step names, not a word diff of them', () => {
    const craft = section(page('changes/E3-E4/index.html'), 'craft');
    expect(craft).toContain('<p class="proficiency">Proficiency: <strong>step 3 → 4 (Proficient → Advanced)</strong></p>');
    const people = section(page('changes/M1-M2/index.html'), 'people');
    expect(people).toContain('<strong>step 3 → 4 (Proficient → Advanced)</strong>');
  });

  test('a level page states its step, of how many', () => {
    expect(section(page('levels/E3/index.html'), 'craft')).toContain('<p class="proficiency">Proficiency: <strong>step 3 of 5, Proficient</strong></p>');
  });

  test('a ladder without scales shows no step anywhere', () => {
    let files = edit(ladderFiles(), 'competencies.yml', '    scale: proficiency\n  - id: engineering', '  - id: engineering');
    files = edit(files, 'competencies.yml', '    scale: proficiency\n  - id: delivery-ic', '  - id: delivery-ic');
    for (const f of files) if (f.path.startsWith('levels/') && 'text' in f) f.text = f.text.replace(/^proficiency: .*\n/m, '');
    const plain = renderSite(ladderOf(files), { baseUrl: '/' });
    for (const [path, html] of plain.files) if (path.endsWith('.html')) expect([path, html.toString().includes('class="proficiency"')]).toEqual([path, false]);
  });
});

describe('what applies where, on the site', () => {
  test('a level page lists only the competencies that apply to it', () => {
    expect(section(page('levels/E3/index.html'), 'strategy')).toBe('');
    expect(section(page('levels/E4/index.html'), 'strategy')).toContain('Strategy at E4.');
  });

  test('the matrix says from where a competency applies, and the track page too', () => {
    const strategy = row(page('matrix/ic/index.html'), 'Strategy');
    expect(strategy).toContain('<span class="muted">Applies from the Staff band up (not at E1)</span>');
    expect(strategy).toContain('Strategy at E4.');
    expect(page('tracks/em/index.html')).toContain(
      '<dt>Strategy</dt><dd>Choosing the right problems.</dd><dd class="applies-from">Applies from the Staff band up.</dd>',
    );
  });

  test('a group option says it is one of the options', () => {
    expect(section(page('levels/E3/index.html'), 'web')).toContain('One of the Specialization options: choose at least 1.');
  });
});

describe('one competency, described per track', () => {
  test('each track shows its own description', () => {
    expect(section(page('levels/E3/index.html'), 'craft')).toContain('The quality of your own code and technical decisions.');
    expect(section(page('levels/M1/index.html'), 'craft')).toContain('The technical judgment you bring to your team&#39;s decisions.');
    expect(page('tracks/em/index.html')).not.toContain('The quality of your own code');
  });

  test('a name defined per track is one row of a lateral "what changes" page, compared across the two definitions', () => {
    const html = page('changes/E3-M1/index.html');
    expect(section(html, 'delivery-em')).toBe('');
    const delivery = section(html, 'delivery-ic');
    expect(delivery).toContain('Delivery at E3.');
    expect(delivery).toContain('Delivery at M1.');
    expect(delivery).not.toContain('does not measure it');
  });
});
