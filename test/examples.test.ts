import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { checkLadder } from '../src/check.js';
import { type Ladder, LadderIndex, type Level } from '../src/core/model.js';
import { readLadderDir } from '../src/node/read-ladder-dir.js';
import { renderSite } from '../src/render/index.js';
import { type JsonReport, runCli } from './helpers/cli.js';
import { edit, repoRoot } from './helpers/ladder-files.js';
import { brokenLinks, ladderOf, renderTo } from './site/helpers.js';

/**
 * The example ladders under examples/: each passes `ladder check` untouched, renders, and has the
 * structure its README claims, so that an example can never drift into showing something else.
 */
const examplesDir = join(repoRoot, 'examples');
const examples = readdirSync(examplesDir)
  .filter((name) => statSync(join(examplesDir, name)).isDirectory())
  .sort();

/** An example's files as the check reads them (packets included). */
const filesOf = (name: string) => readLadderDir(join(examplesDir, name));
const ladders = new Map<string, Ladder>();
/** An example's model; the test fails when the example has errors. */
function ladder(name: string): Ladder {
  let model = ladders.get(name);
  if (!model) {
    model = ladderOf(filesOf(name));
    ladders.set(name, model);
  }
  return model;
}

/** The text of a rendered page without its tags, whitespace squashed. */
const textOf = (html: string | undefined) =>
  String(html ?? '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&middot;/g, '·')
    .replace(/&ndash;/g, '–')
    .replace(/\s+/g, ' ');

test('the examples are the four that README.md and docs/format.md list', () => {
  expect(examples).toEqual(['disciplines', 'fork', 'four-tracks', 'zones']);
  for (const doc of ['README.md', 'docs/format.md']) {
    const text = readFileSync(join(repoRoot, doc), 'utf8');
    for (const name of examples) expect(`${doc}: ${text.includes(`examples/${name}/`)}`).toBe(`${doc}: true`);
  }
});

describe.each(examples)('examples/%s', (name) => {
  test('ladder check reports nothing: no errors, no warnings', async () => {
    const run = await runCli(['check', `examples/${name}`, '--format', 'json'], repoRoot);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.diagnostics).toEqual([]);
    expect(report.summary).toMatchObject({ errors: 0, warnings: 0 });
    expect(run.status).toBe(0);
  });

  test('renders: the home page, a page per track, matrix and level, and every link resolves', () => {
    const model = ladderOf(readLadderDir(join(examplesDir, name), { personal: false }));
    const site = renderSite(model, { baseUrl: '/' });
    expect(site.files.has('index.html')).toBe(true);
    for (const track of model.tracks) {
      expect(site.files.has(`tracks/${track.id}/index.html`)).toBe(true);
      expect(site.files.has(`matrix/${track.id}/index.html`)).toBe(true);
    }
    for (const level of model.levels) expect(site.files.has(`levels/${level.id}/index.html`)).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), `ladder-example-${name}-`));
    try {
      renderTo(dir, model);
      expect(brokenLinks(dir, '/')).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('its README says how to check and render it', () => {
    const readme = readFileSync(join(examplesDir, name, 'README.md'), 'utf8');
    expect(readme).toContain(`npx ladder check examples/${name}`);
    expect(readme).toContain(`npx ladder render examples/${name} --out`);
  });
});

/** The levels of a track, lowest band first. */
const levelsOf = (model: Ladder, track: string): readonly Level[] => new LadderIndex(model).levelsOf(track);
const rankOf = (model: Ladder, band: string) => model.bands.findIndex((b) => b.id === band);

describe('examples/disciplines: eight IC disciplines with uneven ranges', () => {
  const model = ladder('disciplines');
  const ic = model.tracks.filter((t) => t.kind === 'ic');
  const topRank = (track: string) => Math.max(...levelsOf(model, track).map((l) => rankOf(model, l.band)));

  test('has eight IC tracks and a management track from the third band up to the top', () => {
    expect(ic).toHaveLength(8);
    const em = levelsOf(model, 'em');
    expect([rankOf(model, em[0]?.band ?? ''), topRank('em')]).toEqual([2, model.bands.length - 1]);
  });

  test('the IC ranges are uneven: four stop three bands below management, others reach it', () => {
    const tops = Object.fromEntries(ic.map((t) => [t.id, topRank(t.id)]));
    expect(ic.filter((t) => tops[t.id] === topRank('em') - 3).map((t) => t.id)).toEqual(['mobile', 'qa', 'security', 'devex']);
    expect(ic.filter((t) => tops[t.id] === topRank('em')).map((t) => t.id)).toEqual(['swe', 'sre', 'ml']);
    const firsts = new Set(ic.map((t) => rankOf(model, levelsOf(model, t.id)[0]?.band ?? '')));
    expect(firsts.size).toBeGreaterThan(1);
  });

  test('every discipline shows the same code for the same band, on levels with their own ids', () => {
    for (const level of model.levels.filter((l) => l.track !== 'em'))
      expect(`${level.id} ${level.code}`).toBe(`${level.id} IC${rankOf(model, level.band) + 1}`);
    expect(model.levels.filter((l) => l.code === 'IC3')).toHaveLength(8);
  });

  test('has sub-competencies that start at given levels, and a competency from the fifth band', () => {
    const subsFrom = model.competencies.flatMap((c) => (c.subs ?? []).filter((s) => s.from).map((s) => `${c.id}/${s.id} from ${s.from}`));
    expect(subsFrom).toEqual(['craft/design from career', 'influence/mentoring from career', 'people/org-design from staff']);
    expect(model.competencies.find((c) => c.id === 'strategy')?.from).toBe('staff');
    // IC2 has neither the sub that starts at IC3 nor the competency that starts at IC5; IC5 has both.
    const headings = (id: string) => model.levels.find((l) => l.id === id)?.sections.map((s) => s.name) ?? [];
    expect(headings('swe-2')).toEqual(['Craft', 'Delivery', 'Influence']);
    expect(headings('swe-5')).toEqual(['Craft', 'Delivery', 'Influence', 'Strategy']);
    const subsOf = (id: string) =>
      model.levels.find((l) => l.id === id)?.sections.map((s) => `${s.name}: ${(s.subsections ?? []).map((x) => x.name).join(', ')}`);
    expect(subsOf('swe-2')).toEqual(['Craft: Quality', 'Delivery: ', 'Influence: Collaboration']);
    expect(subsOf('swe-3')).toEqual(['Craft: Quality, Design', 'Delivery: ', 'Influence: Collaboration, Mentoring']);
    expect(subsOf('em-5')?.[0]).toBe('People: Coaching, Hiring, Organization design');
  });

  test('groups the disciplines in families, and judges reach per family', () => {
    expect(model.families.map((f) => `${f.id}: ${f.tracks.join(' ')}`)).toEqual([
      'product: swe mobile qa',
      'platform: sre security devex',
      'data-ml: data ml',
      'management: em',
    ]);
    expect(model.policy.parity.reach).toBe('family');
    expect(model.moves.map((m) => `${m.from} → ${m.to}`)).toEqual(['mobile-4 → swe-5', 'qa-4 → swe-5', 'security-4 → sre-5', 'devex-4 → sre-5']);
  });

  test('with reach: track, the check reports the five disciplines that stop below management, as its README says', () => {
    const files = edit(filesOf('disciplines'), 'ladder.yml', 'reach: family', 'reach: track');
    const reported = checkLadder(files).diagnostics.map((d) => `${d.rule} ${d.file}`);
    expect(reported.sort()).toEqual(
      ['data-6', 'devex-4', 'mobile-4', 'qa-4', 'security-4'].map((id) => `parity-ic-reach levels/${id.split('-')[0]}/${id}.md`).sort(),
    );
    expect(readFileSync(join(examplesDir, 'disciplines', 'README.md'), 'utf8')).toContain('Track "qa" stops at band "senior" ("qa-4"), 3 bands below');
  });
});

describe('examples/fork: shared early levels, a fork, a management-only top', () => {
  const model = ladder('fork');

  test('the early levels are shared by both tracks, up to the fork', () => {
    expect(model.levels.filter((l) => l.tracks.length > 1).map((l) => `${l.id}: ${l.tracks.join(' ')}`)).toEqual([
      'associate: ic em',
      'engineer: ic em',
      'senior-1: ic em',
    ]);
  });

  test('the site shows both paths from the fork', () => {
    const page = textOf(renderSite(model, { baseUrl: '/' }).files.get('levels/senior-1/index.html'));
    expect(page).toContain('Next promotion E4 Senior Engineer 2 (Engineering)');
    expect(page).toContain('Next promotion M4 Engineering Manager (Engineering Management)');
  });

  test('declares moves that change track one band up', () => {
    const index = new LadderIndex(model);
    expect(model.moves.length).toBeGreaterThan(0);
    for (const move of model.moves) {
      const [from, to] = [index.levelById.get(move.from), index.levelById.get(move.to)];
      expect(from && to && from.track !== to.track && rankOf(model, to.band) - rankOf(model, from.band)).toBe(1);
    }
  });

  test('records the management-only top level as an exception, with its reason, and the check says so', async () => {
    const [exception, ...others] = model.policy.exceptions;
    expect(others).toEqual([]);
    expect(exception).toMatchObject({ rule: 'parity-ic-reach', level: 'technology-director' });
    expect(exception?.reason).toMatch(/^Technology Director is a management-only role: /);
    const run = await runCli(['check', 'examples/fork'], repoRoot);
    expect(run.stdout).toContain('Rule parity-ic-reach waived at level technology-director (1 finding;');
    // Without the exception, the same fact is one error on the top level.
    const files = edit(filesOf('fork'), 'ladder.yml', /\npolicy:[\s\S]*$/, '\n');
    expect(checkLadder(files).diagnostics.map((d) => `${d.rule} ${d.file}`)).toEqual(['parity-ic-reach levels/em/technology-director.md']);
  });

  test('measures every competency on one five-step scale, stated on every level', () => {
    expect(model.scales.map((s) => s.steps.length)).toEqual([5]);
    expect(model.competencies.every((c) => c.scale === 'proficiency')).toBe(true);
    for (const level of model.levels) expect(Object.keys(level.proficiency ?? {}).length).toBeGreaterThanOrEqual(3);
  });
});

describe('examples/four-tracks: four tracks on one scale, with proficiency axes', () => {
  const model = ladder('four-tracks');

  test('has a developer, tech lead, program manager and manager track', () => {
    expect(model.tracks.map((t) => `${t.id} ${t.kind}`)).toEqual(['developer ic', 'tech-lead ic', 'program-manager ic', 'manager em']);
  });

  test('measures its competencies on several axes, each competency on one', () => {
    expect(model.scales.map((s) => s.id)).toEqual(['autonomy', 'scope', 'reach']);
    expect(new Set(model.competencies.map((c) => c.scale))).toEqual(new Set(['autonomy', 'scope', 'reach']));
    expect(model.competencies.every((c) => c.scale !== undefined)).toBe(true);
  });

  test('shows level codes that carry the band on the site', () => {
    for (const level of model.levels) expect(level.code).toMatch(new RegExp(`^(D|TL|PM|M)${rankOf(model, level.band) + 1}$`));
    const home = textOf(renderSite(model, { baseUrl: '/' }).files.get('index.html'));
    expect(home).toContain('Band 4 D4 Lead Developer TL4 Tech Lead PM4 Senior Program Manager M4 Senior Engineering Manager');
  });
});

describe('examples/zones: optional specializations, pay in two zones and two currencies', () => {
  const model = ladder('zones');

  test('has a choose-1 group of three specializations that start at the second band', () => {
    expect(model.groups.map((g) => `${g.id} choose ${g.choose}`)).toEqual(['specialization choose 1']);
    const options = model.competencies.filter((c) => c.group === 'specialization');
    expect(options.map((c) => `${c.name} from ${c.from}`)).toEqual(['Mobile from mid', 'Web from mid', 'Servers from mid']);
    expect(model.bands.findIndex((b) => b.id === 'mid')).toBe(1);
  });

  test('its packet chose one specialization, and a packet with none is reported', () => {
    const path = 'packets/2026-h2/kai-novak-promotion.md';
    const options = ['Mobile', 'Web', 'Servers'];
    expect(model.packets.map((p) => p.sections.filter((s) => options.includes(s.name)).map((s) => s.name))).toEqual([['Web']]);
    const files = edit(filesOf('zones'), path, /\n## Web\n[\s\S]*$/, '\n');
    expect(checkLadder(files).diagnostics.map((d) => `${d.rule} ${d.file}`)).toEqual([`packet-evidence ${path}`]);
  });

  test('pays every band in two zones, each in its own currency', () => {
    expect(model.zones.map((z) => `${z.id} ${z.currency}`)).toEqual(['eu EUR', 'uk GBP']);
    for (const band of model.bands) expect(band.pay?.ranges.map((r) => r.zone)).toEqual(['eu', 'uk']);
    // Zone by zone: a band that pays less than the one below in one zone is reported, though it pays more in the other.
    const files = edit(filesOf('zones'), 'ladder.yml', 'uk: { min: 68000, max: 88000 }', 'uk: { min: 50000, max: 88000 }');
    expect(checkLadder(files).diagnostics.map((d) => `${d.rule} ${d.file}`)).toEqual(['band-order ladder.yml']);
  });

  test('the site shows both zones on the home page and on level pages', () => {
    const site = renderSite(ladderOf(readLadderDir(join(examplesDir, 'zones'), { personal: false })), { baseUrl: '/' });
    expect(textOf(site.files.get('index.html'))).toContain('Senior EU €76k – €98k UK £68k – £88k E3 Senior Engineer M1 Engineering Manager');
    expect(textOf(site.files.get('levels/e3/index.html'))).toContain('Europe (Amsterdam, Lisbon): €76,000 – €98,000 · United Kingdom: £68,000 – £88,000');
  });
});
