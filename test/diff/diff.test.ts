import { join as joinPath } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { addsWords, diffLadders, suggestVersion } from '../../src/core/diff.js';
import { readLadderDir } from '../../src/node/read-ladder-dir.js';
import { edit as editFile, fixturesDir } from '../helpers/ladder-files.js';
import { diffAfter, EM_SECTIONS, edit, editLevels, IC_SECTIONS, ladderFiles, ladderOf, levelFile, textOf, withFile, without } from './helpers.js';

const E4 = 'levels/ic/E4.md';
const E4_DESIGN = '- Reviews every significant design in the team and steers it toward simplicity and consistency.';

/** Concatenated segments of some kinds: the texts the diff was made from, whitespace normalized. */
const join = (segments: Array<{ kind: string; text: string }>, ...kinds: string[]) =>
  segments
    .filter((s) => kinds.includes(s.kind))
    .map((s) => s.text)
    .join('');
const words = (text: string) => text.split(/\s+/).filter(Boolean).join(' ');

describe('diffLadders: nothing changed', () => {
  test('the same ladder twice is "none", with every list empty', () => {
    const files = ladderFiles();
    const diff = diffLadders(ladderOf(files), ladderOf(ladderFiles()));
    expect(diff).toEqual({
      verdict: 'none',
      reasons: [],
      version: { base: '1.1.0', head: '1.1.0', suggested: undefined },
      levels: { added: [], removed: [], retitled: [], moved: [], summaryChanged: [], migrated: [] },
      competencies: { added: [], removed: [], renamed: [], tracksChanged: [] },
      expectations: [],
      parity: { added: [], removed: [] },
      packets: [],
      other: [],
    });
  });

  test('rewrapping a line, or moving a file, is no change', () => {
    const diff = diffAfter((f) => edit(f, E4, 'steers it toward simplicity', 'steers it\n  toward   simplicity'));
    expect(diff.verdict).toBe('none');
    expect(diff.expectations).toEqual([]);
  });

  test('a version bump with its changelog entry is no change', () => {
    const diff = diffAfter((f) =>
      edit(f, 'ladder.yml', '\nversion: 1.1.0\n', '\nversion: 1.2.0\n').map((x) =>
        x.path === 'ladder.yml' && 'text' in x
          ? { ...x, text: x.text.replace('changelog:\n', 'changelog:\n  - version: 1.2.0\n    changes: [Nothing.]\n') }
          : x,
      ),
    );
    expect(diff.verdict).toBe('none');
    expect(diff.version).toEqual({ base: '1.1.0', head: '1.2.0', suggested: undefined });
  });
});

describe('diffLadders: levels', () => {
  test('a retitled level is minor, and the packets that start from or aim at it are listed', () => {
    const diff = diffAfter((f) => edit(f, E4, 'title: Senior Engineer', 'title: Senior Software Engineer'));
    expect(diff.levels.retitled).toEqual([{ id: 'E4', from: 'Senior Engineer', to: 'Senior Software Engineer' }]);
    expect(diff.verdict).toBe('minor');
    expect(diff.reasons).toEqual([]);
    expect(diff.version.suggested).toBe('1.2.0');
    expect(diff.packets).toEqual([
      {
        file: 'packets/2026-h2/jo-rivera-promotion.md',
        candidate: 'jo-rivera',
        from: 'E4',
        to: 'E5',
        reason: 'Current level E4 was retitled.',
      },
      {
        file: 'packets/2026-h2/lena-fischer-graduation.md',
        candidate: 'lena-fischer',
        from: 'E4',
        to: 'M1',
        reason: 'Current level E4 was retitled.',
      },
      {
        file: 'packets/2026-h2/marcus-bell-track-switch.md',
        candidate: 'marcus-bell',
        from: 'M1',
        to: 'E4',
        reason: 'Target level E4 was retitled.',
      },
    ]);
  });

  test('a level moved to another band is major, and the parity it had moves with it', () => {
    const diff = diffAfter((f) => edit(f, 'levels/em/M1.md', 'band: senior', 'band: career'));
    expect(diff.levels.moved).toEqual([{ id: 'M1', fromBand: 'senior', toBand: 'career' }]);
    expect(diff.verdict).toBe('major');
    expect(diff.reasons).toEqual(['Level M1 (Engineering Manager) moved from the Senior band to the Career band.']);
    expect(diff.version.suggested).toBe('2.0.0');
    expect(diff.parity).toEqual({ removed: [{ band: 'senior', levels: ['E4', 'M1'] }], added: [{ band: 'career', levels: ['E3', 'M1'] }] });
    expect(diff.packets.map((p) => [p.candidate, p.reason])).toEqual([
      ['lena-fischer', 'Target level M1 moved from band senior to career.'],
      ['marcus-bell', 'Current level M1 moved from band senior to career.'],
    ]);
  });

  test('a new level is minor and lists no expectations; a new EM level on a band changes that equivalence', () => {
    const diff = diffAfter((f) =>
      withFile(f, 'levels/em/M0.md', levelFile({ id: 'M0', track: 'em', title: 'Team Lead Manager', band: 'senior' }, EM_SECTIONS)),
    );
    expect(diff.levels.added).toEqual([{ id: 'M0', track: 'em', title: 'Team Lead Manager', band: 'senior' }]);
    expect(diff.expectations).toEqual([]);
    expect(diff.verdict).toBe('minor');
    expect(diff.parity.removed).toEqual([{ band: 'senior', levels: ['E4', 'M1'] }]);
    expect(diff.parity.added).toHaveLength(1);
    expect(diff.parity.added[0]?.band).toBe('senior');
    expect([...(diff.parity.added[0]?.levels ?? [])].sort()).toEqual(['E4', 'M0', 'M1']);
    expect(diff.parity.added[0]?.levels[0]).toBe('E4'); // IC levels first
  });

  test('a new IC level on a band no EM level shares changes no equivalence', () => {
    const diff = diffAfter((f) => withFile(f, 'levels/ic/E9.md', levelFile({ id: 'E9', track: 'ic', title: 'Fellow', band: 'distinguished' }, IC_SECTIONS)));
    expect(diff.levels.added).toEqual([{ id: 'E9', track: 'ic', title: 'Fellow', band: 'distinguished' }]);
    expect(diff.parity).toEqual({ added: [], removed: [] });
    expect(diff.verdict).toBe('minor');
  });

  test('a removed level is major; its equivalence disappears and packets aiming at it are listed', () => {
    const diff = diffAfter((f) => without(f, 'levels/em/M2.md'));
    expect(diff.levels.removed).toEqual([{ id: 'M2', track: 'em', title: 'Senior Engineering Manager', band: 'staff' }]);
    expect(diff.verdict).toBe('major');
    expect(diff.reasons).toEqual(['Level M2 (Senior Engineering Manager) was removed.']);
    expect(diff.parity).toEqual({ added: [], removed: [{ band: 'staff', levels: ['E5', 'M2'] }] });
    expect(diff.packets).toEqual([
      { file: 'packets/2026-h2/priya-natarajan-track-switch.md', candidate: 'priya-natarajan', from: 'E5', to: 'M2', reason: 'Target level M2 was removed.' },
    ]);
  });

  test('a changed summary is minor', () => {
    const diff = diffAfter((f) => edit(f, E4, 'summary: A technical leader for a team', 'summary: The technical leader of a team'));
    expect(diff.levels.summaryChanged).toEqual([
      { id: 'E4', from: expect.stringMatching(/^A technical leader/), to: expect.stringMatching(/^The technical leader/) },
    ]);
    expect(diff.verdict).toBe('minor');
  });
});

describe('diffLadders: competencies', () => {
  const security = '  - id: security\n    name: Security\n    description: Keeping systems and data safe.\n    tracks: [ic]\n';

  test('a competency added to a track is major; the sections it brings do not repeat the reason', () => {
    const diff = diffAfter((f) => {
      const added = withFile(f, 'competencies.yml', `${textOf(f, 'competencies.yml')}${security}`);
      return edit(added, E4, '## Delivery\n', '## Security\n\n- Threat-models the team’s systems.\n\n## Delivery\n');
    });
    expect(diff.competencies.added).toEqual([{ id: 'security', name: 'Security', tracks: ['ic'] }]);
    expect(diff.verdict).toBe('major');
    expect(diff.reasons).toEqual(['New competency "Security" applies to the ic track.']);
    expect(diff.expectations).toEqual([
      {
        level: 'E4',
        competency: 'security',
        competencyName: 'Security',
        change: 'added',
        added: ['-', 'Threat-models', 'the', 'team’s', 'systems.'],
        removed: [],
        segments: [{ kind: 'added', text: '- Threat-models the team’s systems.' }],
        coarse: false,
      },
    ]);
  });

  test('a competency removed is minor, and its sections show as removed', () => {
    const diff = diffAfter((f) => {
      const text = textOf(f, 'competencies.yml');
      const start = text.indexOf('  - id: growing-others');
      const end = text.indexOf('  - id: people-leadership');
      return editLevels(withFile(f, 'competencies.yml', text.slice(0, start) + text.slice(end)), '## Growing others', '## Growing others (gone)');
    });
    expect(diff.competencies.removed).toEqual([{ id: 'growing-others', name: 'Growing others', tracks: ['ic', 'em'] }]);
    expect(diff.verdict).toBe('minor');
    expect(diff.expectations).toHaveLength(12);
    expect(new Set(diff.expectations.map((e) => `${e.competency}:${e.change}`))).toEqual(new Set(['growing-others:removed']));
    expect(diff.expectations.every((e) => e.added.length === 0 && e.removed.length > 0)).toBe(true);
  });

  test('a competency renamed everywhere is a rename, with no expectation changes', () => {
    const diff = diffAfter((f) =>
      editLevels(edit(f, 'competencies.yml', 'name: Growing others', 'name: Developing others'), '## Growing others', '## Developing others'),
    );
    expect(diff.competencies.renamed).toEqual([{ id: 'growing-others', from: 'Growing others', to: 'Developing others' }]);
    expect(diff.expectations).toEqual([]);
    expect(diff.verdict).toBe('minor');
  });

  test('a competency that now applies to another track is major', () => {
    const diff = diffAfter((f) =>
      edit(
        f,
        'competencies.yml',
        'description: Shaping systems that are simple, evolvable and fit for the problem they solve.\n    tracks: [ic]',
        'description: Shaping systems that are simple, evolvable and fit for the problem they solve.\n    tracks: [ic, em]',
      ),
    );
    expect(diff.competencies.tracksChanged).toEqual([{ id: 'system-design', added: ['em'], removed: [] }]);
    expect(diff.verdict).toBe('major');
    expect(diff.reasons).toEqual(['Competency "System design" now also applies to the em track.']);
  });

  test('a competency description change is minor', () => {
    const diff = diffAfter((f) => edit(f, 'competencies.yml', 'Turning intent into shipped', 'Turning plans into shipped'));
    expect(diff.other).toEqual(['Competency "Delivery": the description changed.']);
    expect(diff.verdict).toBe('minor');
  });
});

describe('diffLadders: expectations', () => {
  test('words added to an existing level are major, with the changed words and segments', () => {
    const diff = diffAfter((f) => edit(f, E4, 'toward simplicity and consistency.', 'toward simplicity, security and consistency.'));
    expect(diff.expectations).toHaveLength(1);
    const [change] = diff.expectations;
    expect(change).toMatchObject({ level: 'E4', competency: 'system-design', competencyName: 'System design', change: 'changed', coarse: false });
    expect(change?.added).toEqual(['simplicity,', 'security']);
    expect(change?.removed).toEqual(['simplicity']);
    const kinds = change?.segments.map((s) => s.kind);
    expect(kinds).toEqual(['same', 'removed', 'added', 'same']);
    expect(change?.segments[1]).toEqual({ kind: 'removed', text: ' simplicity' });
    expect(change?.segments[2]).toEqual({ kind: 'added', text: ' simplicity, security' });
    // The segments give both texts back (line breaks kept, other whitespace normalized).
    const section = (text: string) => text.slice(text.indexOf('## System design') + 17, text.indexOf('## Delivery')).trim();
    const before = section(textOf(ladderFiles(), E4));
    expect(join(change?.segments ?? [], 'same', 'removed')).toBe(before);
    expect(join(change?.segments ?? [], 'same', 'added')).toBe(before.replace('simplicity and', 'simplicity, security and'));
    expect(diff.verdict).toBe('major');
    expect(diff.reasons).toEqual(['Level E4 (Senior Engineer) asks for more in "System design".']);
    expect(diff.version.suggested).toBe('2.0.0');
  });

  test('deleting words, even with punctuation moving, is minor', () => {
    const cut = diffAfter((f) => edit(f, E4, 'toward simplicity and consistency.', 'toward simplicity.'));
    expect(cut.expectations[0]?.removed).toEqual(['simplicity', 'and', 'consistency.']);
    expect(cut.expectations[0]?.added).toEqual(['simplicity.']);
    expect(cut.verdict).toBe('minor');
    const line = diffAfter((f) => edit(f, E4, `${E4_DESIGN}\n`, ''));
    expect(line.expectations[0]?.added).toEqual([]);
    expect(words(join(line.expectations[0]?.segments ?? [], 'removed'))).toBe(E4_DESIGN);
    expect(line.verdict).toBe('minor');
  });

  test('reordering bullets is minor', () => {
    const diff = diffAfter((f) => edit(edit(f, E4, `${E4_DESIGN}\n`, ''), E4, '## Delivery\n', `${E4_DESIGN}\n\n## Delivery\n`));
    expect(diff.expectations).toHaveLength(1);
    expect(diff.verdict).toBe('minor');
  });

  test('a packet aiming at a level whose expectations changed is listed, without any of its contents', () => {
    const diff = diffAfter((f) =>
      edit(f, 'levels/ic/E5.md', 'across teams and consolidates them.', 'across teams and consolidates them, with a written plan.'),
    );
    expect(diff.packets).toEqual([
      {
        file: 'packets/2026-h2/jo-rivera-promotion.md',
        candidate: 'jo-rivera',
        from: 'E4',
        to: 'E5',
        reason: 'Target level E5 has changed expectations (System design).',
      },
      {
        file: 'packets/2026-h2/priya-natarajan-track-switch.md',
        candidate: 'priya-natarajan',
        from: 'E5',
        to: 'M2',
        reason: 'Current level E5 has changed expectations (System design).',
      },
    ]);
    const json = JSON.stringify(diff);
    for (const secret of ['sam-okoye', 'lee-park', 'payments-ledger-v2', 'Ledger team']) expect(json).not.toContain(secret);
  });

  test('a new section on an existing level (heading that now names a competency) is major', () => {
    const files = edit(ladderFiles(), E4, '## Growing others', '## Growing others!');
    const diff = diffLadders(ladderOf(files), ladderOf(ladderFiles()));
    expect(diff.expectations.map((e) => [e.level, e.competency, e.change])).toEqual([['E4', 'growing-others', 'added']]);
    expect(diff.verdict).toBe('major');
  });
});

describe('diffLadders: the rest of ladder.yml', () => {
  test('band pay, policy and governance changes are minor, one sentence each', () => {
    const diff = diffAfter((f) =>
      edit(
        edit(edit(f, 'ladder.yml', 'min: 180000, max: 230000', 'min: 185000, max: 235000'), 'ladder.yml', 'quorum: 3', 'quorum: 4'),
        'ladder.yml',
        'publishPay: true',
        'publishPay: false',
      ),
    );
    expect(diff.other).toEqual([
      'Band "Senior": pay changed from USD 180000–230000 to USD 185000–235000.',
      'Pay ranges are no longer published on the site.',
      'The committee quorum is now 4 (was 3).',
    ]);
    expect(diff.verdict).toBe('minor');
  });

  test('pay per zone: one sentence per zone whose range changed, zones added and renamed, and zones that appear', () => {
    const zones = () => readLadderDir(joinPath(fixturesDir, 'model', 'zones'));
    const changed = edit(
      edit(
        edit(zones(), 'ladder.yml', 'de: { currency: EUR, min: 85000, max: 110000 }', 'de: { min: 88000, max: 112000 }'),
        'ladder.yml',
        'name: Germany',
        'name: Deutschland',
      ),
      'ladder.yml',
      '  - id: de\n',
      '  - id: ch\n    name: Switzerland\n    currency: CHF\n  - id: de\n',
    );
    const withCh = edit(
      changed,
      'ladder.yml',
      '      us: { min: 220000, max: 280000 }\n',
      '      us: { min: 220000, max: 280000 }\n      ch: { min: 160000, max: 200000 }\n',
    );
    const diff = diffLadders(ladderOf(zones()), ladderOf(withCh));
    expect(diff.other).toEqual([
      'Band "Senior": pay in zone de changed from EUR 85000–110000 to EUR 88000–112000.',
      'Band "Staff": pay in zone ch changed from none to CHF 160000–200000.',
      'Zone "Switzerland" (ch, CHF) was added.',
      'Zone de was renamed from "Germany" to "Deutschland".',
    ]);
    // A ladder that starts paying per zone: one sentence for the whole pay of each band.
    const example = diffAfter((f) =>
      edit(
        edit(f, 'ladder.yml', 'pay: { currency: USD, min: 180000, max: 230000 }', 'pay: { us: { min: 180000, max: 230000 }, de: { min: 85000, max: 110000 } }'),
        'ladder.yml',
        'bands:\n',
        'zones:\n  - { id: us, name: United States, currency: USD }\n  - { id: de, name: Germany, currency: EUR }\nbands:\n',
      ),
    );
    expect(example.other.slice(0, 1)).toEqual(['Band "Senior": pay changed from USD 180000–230000 to us USD 180000–230000, de EUR 85000–110000.']);
    expect(example.verdict).toBe('minor');
  });

  test('a zone that changes currency reprices every range in it; a zone removed', () => {
    const zones = () => readLadderDir(joinPath(fixturesDir, 'model', 'zones'));
    const chf = edit(edit(zones(), 'ladder.yml', 'currency: EUR\n', 'currency: CHF\n'), 'ladder.yml', 'de: { currency: EUR,', 'de: {');
    const repriced = diffLadders(ladderOf(zones()), ladderOf(chf)).other;
    expect(repriced).toContain('Band "Senior": pay in zone de changed from EUR 85000–110000 to CHF 85000–110000.');
    expect(repriced).toContain('Zone "Germany" is now paid in CHF (was EUR).');
    const dropped = editFile(editFile(zones(), 'ladder.yml', / {2}- id: de\n.*\n.*\n/, ''), 'ladder.yml', /\n {6}de: .*/g, '');
    const gone = diffLadders(ladderOf(zones()), ladderOf(editFile(dropped, 'levels/em/M1.md', /\n {2}de: .*/, ''))).other;
    expect(gone.filter((s) => s.startsWith('Zone'))).toEqual(['Zone "Germany" (de) was removed.']);
    expect(gone).toContain('Band "Career": pay in zone de changed from EUR 70000–90000 to none.');
  });

  test('a level that states its pay per zone: the zone that changed', () => {
    const zones = () => readLadderDir(joinPath(fixturesDir, 'model', 'zones'));
    const diff = diffLadders(ladderOf(zones()), ladderOf(edit(zones(), 'levels/em/M1.md', '  us: { min: 180000, max: 230000 }\n', '')));
    expect(diff.other).toEqual(['Level M1: pay in zone us changed from USD 180000–230000 to none.']);
  });

  test('broken input never throws: an empty ladder against the example', () => {
    const diff = diffLadders(ladderOf([]), ladderOf(ladderFiles()));
    expect(diff.levels.added).toHaveLength(12);
    expect(diff.verdict).toBe('major'); // every competency is new to its tracks
    expect(diff.version.suggested).toBeUndefined(); // no base version to build on
    const back = diffLadders(ladderOf(ladderFiles()), ladderOf([]));
    expect(back.verdict).toBe('major');
  });
});

describe('verdicts and suggested versions', () => {
  test.each([
    ['major', '1.1.0', '1.1.0', '2.0.0'],
    ['major', '1.1.0', '1.2.0', '2.0.0'],
    ['major', '1.1.0', '2.0.0', undefined],
    ['major', '1.1.0', 'not a version', '2.0.0'],
    ['minor', '1.1.0', '1.1.0', '1.2.0'],
    ['minor', '1.1.0', '1.1.1', undefined],
    ['minor', '1.1.0', '2.0.0', undefined],
    ['none', '1.1.0', '1.1.0', undefined],
    ['major', 'garbage', '1.0.0', undefined],
  ] as const)('%s change from %s to %s suggests %s', (verdict, base, head, suggested) => {
    expect(suggestVersion(verdict, base, head)).toBe(suggested);
  });

  test('a major change with the major version raised suggests nothing', () => {
    const diff = diffAfter((f) => edit(without(f, 'levels/em/M2.md'), 'ladder.yml', '\nversion: 1.1.0\n', '\nversion: 2.0.0\n'));
    expect(diff.verdict).toBe('major');
    expect(diff.version).toEqual({ base: '1.1.0', head: '2.0.0', suggested: undefined });
  });

  test('addsWords ignores case, punctuation and words that only moved', () => {
    expect(addsWords(['Simplicity.'], ['simplicity', 'and'])).toBe(false);
    expect(addsWords(['-', '—'], [])).toBe(false);
    expect(addsWords(['security'], ['simplicity'])).toBe(true);
    expect(addsWords(['a', 'a'], ['a'])).toBe(true);
  });
});
