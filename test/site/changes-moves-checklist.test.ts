import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { readLadderDir } from '../../src/node/read-ladder-dir.js';
import { renderSite } from '../../src/render/index.js';
import { edit, exampleFiles, fixtureFiles, fixturesDir } from '../helpers/ladder-files.js';
import { ladderOf } from './helpers.js';

const text = (file: string | Buffer | undefined) => (file === undefined ? '' : file.toString());
/** The text of some HTML without its tags, whitespace squashed, the entities the renderer writes decoded. */
const words = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&rarr;/g, '→')
    .replace(/&middot;/g, '·')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
/** One competency's section of a page. */
const section = (html: string, id: string) => html.match(new RegExp(`<section class="[^"]*"[^>]*? id="${id}"[\\s\\S]*?</section>`))?.[0] ?? '';

describe('a promotion\'s "what changes" page', () => {
  const site = renderSite(ladderOf(exampleFiles()), { baseUrl: '/ladder-as-code/' });
  const page = (path: string) => text(site.files.get(path));
  const step = page('changes/E4-E5/index.html');

  test('the summary line counts new, grown and unchanged expectations and names the band step', () => {
    expect(words(step)).toMatch(/E4 → E5: \d+ new expectations, \d+ grown, \d+ the same, across 7 competencies; one band up \(Senior → Staff\)\./);
  });

  test("the ladder's own 'what is different' line comes first, in the overview and atop its competency", () => {
    expect(step).toContain('<h2 id="ladder-differences-title">What is different at E5</h2>');
    const design = section(step, 'system-design');
    expect(design).toMatch(
      /^<section[^>]*>\n<h2 id="system-design-title">System design<\/h2>\n<p class="difference"><strong>What is different:<\/strong> Designs the systems several teams build on/,
    );
    // A competency without a line has none.
    expect(section(step, 'technical-craft')).not.toContain('class="difference"');
  });

  test('a grown expectation highlights only the words its E4 counterpart lacks, and shows that counterpart', () => {
    const design = section(step, 'system-design');
    const grown = design.match(/<li data-change="changed">[\s\S]*?<\/li>/)?.[0] ?? '';
    expect(grown).toContain('<span class="change-tag">Grown</span>');
    // "shared" and "APIs" are in the E4 counterpart ("shared APIs"): not highlighted; "platforms" is new.
    expect(grown).toMatch(/<ins>platforms<\/ins>/);
    expect(grown).not.toMatch(/<ins>[^<]*(?:shared|APIs)[^<]*<\/ins>/);
    expect(grown).toContain('<span class="was-label">At E4:</span> Designs changes that cross team boundaries');
    // New expectations are tagged, never highlighted word by word.
    for (const item of design.match(/<li data-change="new">[\s\S]*?<\/li>/g) ?? []) expect(item).not.toContain('<ins>');
  });

  test('expectations that stay the same are folded into "n expectations stay the same"', () => {
    // E4 keeps one E3 expectation word for word, and rewords another only in its stop words.
    const craft = 'Writes code that teammates point to as the example of how things should be done in the codebase.';
    const files = edit(
      exampleFiles(),
      'levels/ic/E4.md',
      '## Technical craft\n\n',
      `## Technical craft\n\n- ${craft}\n- Reviews a project's code as a whole, catching problems of structure and consistency, not only the line-level ones.\n`,
    );
    const changed = renderSite(ladderOf(files), { baseUrl: '/' });
    const s = section(text(changed.files.get('changes/E3-E4/index.html')), 'technical-craft');
    expect(s).toMatch(/<details class="same-list"><summary>2 expectations stay the same<\/summary>/);
    expect(s.slice(s.indexOf('<details'))).toContain(craft);
  });

  test('proficiency steps read "step 3 → 4 (Proficient → Advanced)" and count in the summary', () => {
    const fixture = renderSite(ladderOf(fixtureFiles('competencies').filter((f) => !f.path.startsWith('packets/'))), { baseUrl: '/' });
    const html = text(fixture.files.get('changes/E3-E4/index.html'));
    expect(html).toContain('<strong>step 3 → 4 (Proficient → Advanced)</strong>');
    expect(words(html)).toMatch(/; a proficiency step up in \d+; one band up/);
  });
});

describe('a track switch\'s "what changes" page', () => {
  const site = renderSite(ladderOf(exampleFiles()), { baseUrl: '/' });
  const lateral = text(site.files.get('changes/E4-M1/index.html'));

  test('first lists what you start and stop being measured on, each way', () => {
    const measured = lateral.match(/<section class="measured"[\s\S]*?<\/section>/)?.[0] ?? '';
    expect(lateral.indexOf('class="measured"')).toBeLessThan(lateral.indexOf('class="compare-section"'));
    expect(words(measured)).toContain(
      'From E4 to M1 You start being measured on People leadership Hiring and team design You stop being measured on System design Operational excellence',
    );
    expect(words(measured)).toContain(
      'From M1 to E4 You start being measured on System design Operational excellence You stop being measured on People leadership Hiring and team design',
    );
  });

  test('a competency that stops counting is "Only at E4", one that starts is "New at M1"', () => {
    expect(section(lateral, 'system-design')).toContain('<li data-change="only"><span class="change-tag">Only at E4</span>');
    expect(section(lateral, 'system-design')).not.toContain('>New<');
    expect(section(lateral, 'people-leadership')).toContain('<span class="change-tag">New at M1</span>');
  });

  test('states the rules of the move from policy: lateral both ways, feedback minimum, apprentice program, committee', () => {
    const rules = words(lateral.match(/<section class="move-rules"[\s\S]*?<\/section>/)?.[0] ?? '');
    expect(rules).toContain('A track switch is lateral, in both directions: it keeps the band (Senior), the seniority and the pay range.');
    expect(rules).toContain('Going back to the IC track is never a demotion, and moving into management is never a promotion.');
    expect(rules).toContain('feedback from at least 3 people');
    expect(rules).toContain('apprentice manager program');
    expect(rules).toContain('at least 20 stakeholders');
    expect(rules).toContain('3 approvals from the committee');
    expect(lateral).toContain('<a href="/moves/">How moves work</a>');
  });

  test('policy drives the numbers', () => {
    let files = edit(exampleFiles(), 'ladder.yml', 'track-switch: 3', 'track-switch: 4');
    files = edit(files, 'ladder.yml', 'graduationStakeholders: 20', 'graduationStakeholders: 15');
    const other = words(text(renderSite(ladderOf(files), { baseUrl: '/' }).files.get('changes/E4-M1/index.html')));
    expect(other).toContain('feedback from at least 4 people');
    expect(other).toContain('at least 15 stakeholders');
  });
});

describe('the "how moves work" page', () => {
  const site = renderSite(ladderOf(exampleFiles()), { baseUrl: '/ladder-as-code/' });
  const moves = text(site.files.get('moves/index.html'));

  test('says how promotion, track switch, graduation, the committee and ladder changes work, from ladder.yml', () => {
    const t = words(moves);
    expect(t).toContain('A promotion climbs exactly one band, on one track');
    expect(t).toContain('feedback from at least 5 people');
    expect(t).toContain('Going back to the IC track is never a demotion');
    expect(t).toContain('feedback from at least 3 people');
    expect(t).toContain('at least 20 stakeholders');
    expect(t).toContain('The promotion committee (5 members) decides');
    expect(t).toContain('3 approvals from the committee');
    expect(t).toContain('an approval from an IC approver (one of 3 people) and an EM approver (one of 3 people): different people');
  });

  test('names no person: governance is described by counts, never by handles', () => {
    for (const handle of ['ada-okafor', 'bjorn-lind', 'chen-wei', 'farah-haddad', 'gus-moreau']) expect(moves).not.toContain(handle);
  });

  test('is linked from every page footer, from level pages and from what-changes pages', () => {
    for (const path of ['index.html', 'levels/E4/index.html', 'changes/E4-E5/index.html', 'levels/E4/checklist/index.html'])
      expect([path, text(site.files.get(path)).includes('href="/ladder-as-code/moves/"')]).toEqual([path, true]);
  });

  test('lists the moves ladder.yml declares at a fork', () => {
    const fork = renderSite(ladderOf(readLadderDir(join(fixturesDir, 'model', 'fork'))), { baseUrl: '/' });
    const t = words(text(fork.files.get('moves/index.html')));
    expect(t).toContain('Moves at forks');
    expect(text(fork.files.get('moves/index.html'))).toContain('href="/changes/swe-3-mgr-4/"');
  });
});

describe('the self-assessment checklist', () => {
  const site = renderSite(ladderOf(exampleFiles()), { baseUrl: '/' });
  const checklist = text(site.files.get('levels/E4/checklist/index.html'));

  test('has every expectation of the level as a checkbox, grouped by competency', () => {
    expect((checklist.match(/<input type="checkbox"/g) ?? []).length).toBe(23);
    expect((checklist.match(/<section class="checklist-group"/g) ?? []).length).toBe(7);
    expect(section(checklist, 'delivery')).toContain(
      '<li><label><input type="checkbox" id="check-delivery-1" name="check-delivery-1"><span>Keeps several concurrent projects in the team on track',
    );
  });

  test('keeps its ticks under a key per ladder version and level, and is linked from the level page', () => {
    expect(checklist).toContain('data-checklist="ladder-checklist:Northwind Engineering:1.1.0:E4"');
    expect(checklist).toContain('<script src="/assets/checklist.js" defer></script>');
    // Without JavaScript the clear button stays hidden: there is nothing stored to clear.
    expect(checklist).toContain('<div class="checklist-tools" id="ladder-checklist-tools" hidden>');
    expect(text(site.files.get('levels/E4/index.html'))).toContain('<a href="/levels/E4/checklist/">Self-assessment checklist</a>');
  });
});
