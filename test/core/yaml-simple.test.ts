import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { constructFromEvents, parseEvents } from 'js-yaml';
import { YamlDocument } from '../../src/core/yaml-document.js';
import { readSimpleYaml } from '../../src/core/yaml-simple.js';

// readSimpleYaml must give exactly what js-yaml gives (YamlDocument loads with its defaults), or
// give up: these compare the two on every front matter and YAML file in the repository and on
// cases made to catch it out.
const full = (source: string): unknown => constructFromEvents(parseEvents(source, {}), { source })[0];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : /\.(md|ya?ml)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** The YAML of a file: a Markdown file's front matter, or the whole YAML file. */
function yamlOf(path: string): string | undefined {
  const text = readFileSync(path, 'utf8');
  if (!path.endsWith('.md')) return text;
  return /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text)?.[1];
}

describe('readSimpleYaml', () => {
  const corpus = ['ladder', 'examples', 'test/fixtures'].flatMap(filesUnder);

  test('agrees with js-yaml on every front matter and YAML file of the repository that it reads', () => {
    let read = 0;
    for (const path of corpus) {
      const source = yamlOf(path);
      if (source === undefined) continue;
      const simple = readSimpleYaml(source);
      if (simple === undefined) continue;
      read++;
      let expected: unknown;
      try {
        expected = full(source);
      } catch (error) {
        throw new Error(`${path}: readSimpleYaml read what js-yaml refuses (${(error as Error).message})`);
      }
      expect({ path, value: simple }).toStrictEqual({ path, value: expected });
    }
    // Most level and packet front matter is plain: the reader must take it, or it saves nothing.
    expect(read).toBeGreaterThan(corpus.length / 4);
  });

  test.each([
    ['words, ids and quoted titles', 'id: E3\ntrack: engineering\ntitle: "Senior Engineer: platform"\nsummary: Owns a service end to end, with care.\n'],
    [
      'scalars typed as js-yaml types them',
      'n: 3\nz: 0\nf: 1.5\ne: 1e3\nh: 0x1F\no: 0o17\nv: 1.0.0\nd: 2026-09-01\nb: true\nB: False\nx: null\nX: NULL\ny: yes\ns: "true"\nq: ""\n',
    ],
    [
      'a sequence of flow mappings',
      'kind: promotion\nfeedback:\n  - { handle: ana-1, relationship: manager, supports: true }\n  - { handle: "bo", relationship: peer, supports: false }\nafter: 1\n',
    ],
    ['a sequence of scalars, after a blank line', 'tracks:\n\n  - ic\n  - "em"\n  - 3\n'],
    ['blank lines and trailing spaces', '   \nid: a  \n\ntitle: "b"   \n\n'],
    ['keys that are words of other types elsewhere', 'constructor: 1\ntoString: x\nhasOwnProperty: y\n'],
    ['a nested mapping', 'pay:\n  min: 1\n  max:\n      usd: 2\nafter: 3\n'],
    ['flow mappings and sequences as values', 'pay: { min: 1, currency: USD }\ntracks: [ic, "em", 3]\nrules: {}\nnone: [ ]\nspaced: [ a , b ]\n'],
    ['sequence items that are mappings', 'bands:\n  - id: b01\n    name: "Band 1"\n    pay: { min: 1 }\n  - id: b02\n    tracks:\n      - ic\n'],
    ["sequences at their key's own indentation", 'tracks:\n- ic\n- em\nbands:\n  - id: a\n    tracks:\n    - x\nafter: 1\n'],
    ['comment lines anywhere', '# yaml-language-server: $schema=x\n#\nid: a\n  # indented\nlist:\n# at the margin\n  - 1\n    # deeper\n  - 2\n'],
    [
      "the synthetic org's ladder.yml",
      'organization: "Org"\nversion: "1.0.0"\nbands:\n  - id: b01\n    name: "Band 1"\n    pay: { currency: USD, min: 100000, max: 130000 }\ntracks:\n  - id: t01\n    kind: ic\npolicy:\n  publishPay: true\n  rules: {}\ngovernance:\n  committee: [a-1, b-2]\n  quorum: 3\n  ladderApprovers:\n    ic: [a-1]\n',
    ],
  ])('reads %s as js-yaml does', (_, source) => {
    const simple = readSimpleYaml(source);
    expect(simple).toBeDefined();
    expect(simple).toStrictEqual(full(source));
  });

  test.each([
    ['a duplicate key (js-yaml reports it)', 'id: a\nid: b\n'],
    ['a duplicate key in a flow mapping', 'f:\n  - { a: 1, a: 2 }\n'],
    ['a key that is no string', 'true: x\n'],
    ['a key that is null', 'null: x\n'],
    ['a comment', 'id: a # the id\n'],
    ['single quotes', "title: 'Senior'\n"],
    ['an escape', 'title: "a\\tb"\n'],
    ['a tab', 'id:\ta\n'],
    ['CRLF line ends', 'id: a\r\ntitle: b\r\n'],
    ['an anchor and an alias', 'a: &x 1\nb: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a bare key (null)', 'a:\nb: 1\n'],
    ['a bare key at the end', 'a:\n'],
    ['a trailing comma in a flow sequence', 'tracks: [ic, em,]\n'],
    ['a flow collection inside another', 'tracks: [ic, [em]]\nf: { a: [1] }\n'],
    ['a flow collection over two lines', 'tracks: [ic,\n  em]\n'],
    ['a sequence item that is a sequence', 'a:\n  - - 1\n'],
    ['an empty sequence item', 'a:\n  -\n  - 1\n'],
    ['two spaces after a dash', 'a:\n  -  1\n'],
    ['a mapping item whose next key is out of line', 'a:\n  - id: 1\n   name: x\n'],
    ['an item under a scalar', 'a: 1\n  - 2\n'],
    ['a key under a scalar', 'a: 1\n  b: 2\n'],
    ['a deeper second key', 'a:\n  b: 1\n    c: 2\n'],
    ['nesting deeper than js-yaml takes', `${Array.from({ length: 70 }, (_, i) => `${' '.repeat(i * 2)}k:`).join('\n')} 1\n`],
    ['a multi-line plain scalar', 'summary: one\n  two\n'],
    ['a block scalar', 'summary: |\n  text\n'],
    ['a second document', 'a: 1\n---\nb: 2\n'],
    ['an empty document', '\n  \n'],
    ['an indented key', '  a: 1\n'],
    ['a colon in a plain value', 'title: Senior: platform\n'],
    ['a trailing comma in a flow mapping', 'f:\n  - { a: 1, }\n'],
    ['a line separator in quotes', 'a: "x\u2028y"\n'],
    ['two spaces inside a plain value', 'a: b  c\n'],
  ])('leaves %s to js-yaml', (_, source) => {
    expect(readSimpleYaml(source)).toBeUndefined();
  });

  test('a flow mapping it reads is what js-yaml reads', () => {
    const pieces = (xs: string[]) => fc.constantFrom(...xs);
    const entry = fc
      .tuple(
        pieces(['', ' ', '  ']),
        pieces(['a', 'b', 'handle', 'supports', 'x-y', 'true', '1a', '']),
        pieces([':', ': ', ':  ', ' : ']),
        pieces(['1', 'x', 'true', 'peer-1', '"q"', '"x}"', '"a,b"', '"a b"', 'b}', '{b}', '', '1.5', 'null', '"', 'a"b"', 'x y']),
        pieces(['', ' ']),
      )
      .map((parts) => parts.join(''));
    const line = fc
      .tuple(fc.array(entry, { maxLength: 4 }), pieces([',', ', ', ' ,']), pieces(['', ',', ', ']), pieces(['', ' ']))
      .map(([entries, comma, last, after]) => `{${entries.join(comma)}${last}}${after}`);
    fc.assert(
      fc.property(line, (flow) => {
        const source = `f:\n  - ${flow}\n`;
        const simple = readSimpleYaml(source);
        if (simple !== undefined) expect(simple).toStrictEqual(full(source));
      }),
      { numRuns: 5_000 },
    );
  });

  test('a block document it reads is what js-yaml reads', () => {
    // Lines built from pieces that are each right or nearly right: indentation off by one, dashes
    // with a space too many, bare keys, flow collections, comments, values that continue.
    const pieces = (xs: string[]) => fc.constantFrom(...xs);
    const line = fc
      .tuple(
        pieces(['', '', '', '', ' ', '  ', '  ', '    ']),
        pieces(['', '', '', '', '', '- ', '- ', '-  ', '-']),
        pieces(['a', 'b', 'id', 'c', 'x-y', 'true', '1a']),
        pieces([':', ': ', ': ', ': ', ':  ', ' :']),
        pieces([
          '',
          '',
          '1',
          'x',
          'two words',
          '"q"',
          '"a: b"',
          '{ a: 1, b: x }',
          '{}',
          '[a, "b", 3]',
          '["3", true, "x"]',
          '[ ]',
          '[a, b,]',
          'a: b',
          '# c',
          '- 1',
          '"',
          '|',
        ]),
      )
      .map((parts) => parts.join(''));
    const document = fc.array(line, { minLength: 1, maxLength: 6 }).map((lines) => `${lines.join('\n')}\n`);
    let read = 0;
    fc.assert(
      fc.property(document, (source) => {
        const simple = readSimpleYaml(source);
        if (simple === undefined) return;
        read++;
        expect(simple).toStrictEqual(full(source));
      }),
      { numRuns: 20_000 },
    );
    expect(read).toBeGreaterThan(150); // the pieces make documents it reads, not only ones it refuses
  });

  test('a well-formed nested document is read, and read as js-yaml reads it', () => {
    // Values made as a model, then written in block form with a random indentation step and
    // sequences either indented or at their key's column.
    type Value = string | number | boolean | Value[] | { [key: string]: Value };
    const scalar = fc.oneof(
      fc.constantFrom('x', 'two words', '"quoted: yes"', '1.0.0', 'true', '3', '0x1F', 'null-ish'),
      fc.integer({ min: 0, max: 999 }).map(String),
    );
    const key = fc.constantFrom('id', 'name', 'pay', 'tracks', 'kind', 'a', 'b', 'c');
    const { value } = fc.letrec<{ value: Value; map: Value; list: Value }>((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        scalar,
        tie('map'),
        tie('list'),
        fc.constantFrom('{ min: 1, max: 2 }', '{ a: "1" }', '[ic, em]', '["3", true]', '{}', '[]'),
      ),
      map: fc.dictionary(key, tie('value'), { minKeys: 1, maxKeys: 4 }),
      list: fc.array(tie('value'), { minLength: 1, maxLength: 3 }),
    }));
    const write = (v: Value, indent: number, step: number, compact: boolean): string[] => {
      const pad = ' '.repeat(indent);
      if (typeof v !== 'object') return [`${pad}${String(v)}`];
      if (Array.isArray(v))
        return v.flatMap((item) => {
          if (typeof item !== 'object') return [`${pad}- ${String(item)}`];
          const inner = write(item, indent + 2, step, compact);
          if (Array.isArray(item) || inner.length === 0) return [`${pad}-`, ...write(item, indent + step, step, compact)];
          return [`${pad}- ${(inner[0] as string).slice(indent + 2)}`, ...inner.slice(1)];
        });
      return Object.entries(v).flatMap(([k, item]) => {
        if (typeof item !== 'object') return [`${pad}${k}: ${String(item)}`];
        const under = Array.isArray(item) && compact ? indent : indent + step;
        return [`${pad}${k}:`, ...write(item, under, step, compact)];
      });
    };
    let read = 0;
    fc.assert(
      fc.property(
        value.filter((v) => typeof v === 'object' && !Array.isArray(v)),
        fc.constantFrom(1, 2, 4),
        fc.boolean(),
        (v, step, compact) => {
          const source = `${write(v, 0, step, compact).join('\n')}\n`;
          const simple = readSimpleYaml(source);
          if (simple === undefined) return;
          read++;
          expect(simple).toStrictEqual(full(source));
        },
      ),
      { numRuns: 3_000 },
    );
    expect(read).toBeGreaterThan(1_000);
  });

  test('a document read this way still knows where its nodes are', () => {
    const text = 'id: E3\ntitle: "Senior"\nfeedback:\n  - { handle: ana, supports: true }\n';
    expect(readSimpleYaml(text)).toBeDefined();
    const doc = YamlDocument.parse(text);
    if (!(doc instanceof YamlDocument)) throw new Error(doc.message);
    expect(doc.span('/title')).toEqual({ line: 2, column: 8, endLine: 2, endColumn: 16 });
    expect(doc.keyPosition('/feedback')).toEqual({ line: 3, column: 1 });
    expect(doc.position('/feedback/0/handle')).toEqual({ line: 4, column: 15 });
  });
});
