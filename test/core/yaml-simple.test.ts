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
    ['a nested mapping', 'pay:\n  min: 1\n'],
    ['a bare key (null)', 'a:\nb: 1\n'],
    ['a bare key at the end', 'a:\n'],
    ['a flow mapping as a value', 'pay: { min: 1 }\n'],
    ['a flow sequence', 'tracks: [ic, em]\n'],
    ['a multi-line plain scalar', 'summary: one\n  two\n'],
    ['a block scalar', 'summary: |\n  text\n'],
    ['a second document', 'a: 1\n---\nb: 2\n'],
    ['an empty document', '\n  \n'],
    ['an indented key', '  a: 1\n'],
    ['a colon in a plain value', 'title: Senior: platform\n'],
    ['a sequence item with a nested mapping', 'feedback:\n  - handle: a\n    supports: true\n'],
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
