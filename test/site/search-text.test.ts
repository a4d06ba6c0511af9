import { runInNewContext } from 'node:vm';
import { describe, expect, test } from '@jest/globals';
import { SEARCH_SCRIPT } from '../../src/render/assets.js';
import { type SearchKit, searchKit } from '../../src/render/search-text.js';

// The browser runs the kit's source text, embedded in assets/search.js: run that copy as well, in
// a context of its own (it must need nothing from outside the function).
const kits: Array<[string, SearchKit]> = [
  ['the module', searchKit()],
  ['the embedded source', runInNewContext(`(${searchKit.toString()})()`) as SearchKit],
];

describe.each(kits)('the search kit (%s)', (_, kit) => {
  test('stems English suffixes so that the forms of a word meet', () => {
    const same = (words: string[]) => expect(new Set(words.map((w) => kit.stem(w))).size).toBe(1);
    same(['incident', 'incidents']);
    same(['mentor', 'mentors', 'mentoring', 'mentored']);
    same(['own', 'owns', 'owning', 'owned']);
    same(['scope', 'scopes', 'scoped', 'scoping']);
    same(['plan', 'plans', 'planned', 'planning']);
    same(['process', 'processes']);
    same(['policy', 'policies']);
    same(['apply', 'applies', 'applied']);
    same(['clear', 'clearly']);
    same(['fix', 'fixes']);
    expect(kit.stem('incidents')).toBe('incident');
    expect(kit.stem('mentoring')).toBe('mentor');
  });

  test('leaves short words, and words whose suffix is their whole body, alone', () => {
    expect(kit.stem('led')).toBe('led');
    expect(kit.stem('sing')).toBe('sing');
    expect(kit.stem('status')).toBe('status');
    expect(kit.stem('analysis')).toBe('analysis');
    expect(kit.stem('class')).toBe('class');
    expect(kit.stem('called')).toBe('call');
    expect(kit.stem('e4')).toBe('e4');
  });

  test('counts one insertion, deletion, replacement or swap of neighbours as one edit', () => {
    expect(kit.oneEditApart('incidnet', 'incident')).toBe(true); // swap
    expect(kit.oneEditApart('incidet', 'incident')).toBe(true); // deletion
    expect(kit.oneEditApart('inciddent', 'incident')).toBe(true); // insertion
    expect(kit.oneEditApart('incidant', 'incident')).toBe(true); // replacement
    expect(kit.oneEditApart('incident', 'incident')).toBe(true);
    expect(kit.oneEditApart('indicent', 'incident')).toBe(false); // two replacements
    expect(kit.oneEditApart('incdnet', 'incident')).toBe(false);
    expect(kit.oneEditApart('roadmap', 'roadmaps!')).toBe(false);
  });

  test('cuts words with positions, leaves stop words out, and joins hyphenated words', () => {
    expect(kit.words('The on-call Engineers, and Équipe')).toEqual([
      { t: 'call', start: 7, end: 11 },
      { t: 'oncall', start: 4, end: 11 },
      { t: 'engineer', start: 12, end: 21 },
      { t: 'equip', start: 27, end: 33 },
    ]);
    // Folding that changes the length ("İ" lower-cases to two characters) keeps the text's positions.
    const text = 'İstanbul incidents';
    const words = kit.words(text);
    expect(words.map((w) => text.slice(w.start, w.end))).toEqual(['İstanbul', 'incidents']);
  });

  test('finds the shards of a word: the longest key that begins it, or every key a short word begins', () => {
    expect(kit.keyOf('incident', 2)).toBe('in');
    expect(kit.keyOf('écart', 1)).toBe('_');
    expect(kit.shardsOf('incident', ['i', 'm'])).toEqual(['i']);
    expect(kit.shardsOf('incident', ['im', 'in', 'm'])).toEqual(['in']);
    expect(kit.shardsOf('incident', ['ima', 'inc', 'ind', 'm'])).toEqual(['inc']);
    expect(kit.shardsOf('in', ['ima', 'inc', 'ind', 'm'])).toEqual(['inc', 'ind']);
    expect(kit.shardsOf('incident', ['im', 'm'])).toEqual([]);
  });

  test('reads the entries from their runs', () => {
    expect(kit.entries([0, 0, 3, 1, 5, 2])).toEqual([
      [0, 0],
      [0, 1],
      [0, 2],
      [1, 5],
      [1, 6],
    ]);
  });

  test('matches a query word exactly, as a beginning, or one edit away when typed with 5 letters or more', () => {
    const shard = { incident: [0, 2], incid: [5], inciden: [1], rol: [3], role: [4] };
    const incidnet = kit.match({ t: 'incidnet', raw: 'incidnet' }, shard);
    expect(incidnet.terms).toEqual(['incident']);
    expect([...incidnet.hits]).toEqual([
      [0, 1],
      [2, 1],
    ]);
    const prefix = kit.match({ t: 'incid', raw: 'incid' }, shard);
    expect(new Map(prefix.hits)).toEqual(
      new Map([
        [0, 2],
        [2, 2],
        [5, 3],
        [1, 2],
      ]),
    );
    expect(kit.match({ t: 'rool', raw: 'rool' }, shard).terms).toEqual([]);
    // Every word must match; words in the title count more.
    const ranked = kit.rank(
      [{ t: 'incident' }, { t: kit.stem('role') }],
      [
        new Map([
          [1, 3],
          [2, 3],
          [7, 1],
        ]),
        new Map([
          [2, 3],
          [7, 3],
        ]),
      ],
      (doc) => (doc === 7 ? 'Role' : 'Other'),
    );
    expect(ranked).toEqual([7, 2]);
  });

  test('cuts snippets at word boundaries around the first mark, and shifts the marks', () => {
    const text = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
    const at = text.indexOf('word30');
    const cut = kit.snippet(text, [[at, at + 6]], 60);
    expect(cut.text.startsWith('… word')).toBe(true);
    expect(cut.text.endsWith(' …')).toBe(true);
    const inner = cut.text.slice(2, -2);
    expect(text).toContain(inner);
    expect(text[text.indexOf(inner) - 1]).toBe(' ');
    expect(text[text.indexOf(inner) + inner.length]).toBe(' ');
    expect(inner.length).toBeLessThanOrEqual(60);
    const [mark] = cut.marks;
    expect(mark && cut.text.slice(mark[0], mark[1])).toBe('word30');
    // A short text is shown whole.
    expect(kit.snippet('Owns incidents.', [[5, 14]], 60)).toEqual({ text: 'Owns incidents.', marks: [[5, 14]] });
  });
});

test('assets/search.js embeds the kit and parses as a script', () => {
  expect(SEARCH_SCRIPT).toContain(searchKit.toString());
  expect(() => new Function(SEARCH_SCRIPT)).not.toThrow();
});
