import fc from 'fast-check';

/**
 * Mutations of a ladder directory, for property-based tests: the kinds of damage a hurried edit, a
 * bad merge, a hostile pull request or a broken editor does to YAML and Markdown files.
 */

/** Snippets that start, end or confuse YAML and Markdown constructs. */
const TOKENS = [
  ':',
  ': ',
  '- ',
  '\t',
  '\r',
  '\r\n',
  '\n',
  '\n\n',
  '---\n',
  '...\n',
  '#',
  '## ',
  '### ',
  '`',
  '```\n',
  '~~~\n',
  '*',
  '**',
  '_',
  '[',
  ']',
  '](',
  '(',
  '{',
  '}',
  '"',
  "'",
  '&a ',
  '*a',
  '!!binary ',
  '!<tag:x> ',
  '|\n',
  '>\n',
  '? ',
  '%YAML 1.2\n',
  '<script>',
  '<!--',
  '-->',
  '\\',
  '\u0000',
  '\ufeff',
  '\u2028',
  '\ud83c\udfc6',
  'é',
  '  ',
  '    ',
  '1e999',
  '~',
  'null',
  'true',
  '0x1F',
  '@',
  'javascript:alert(1)',
  'https://example.com',
];

export type Mutation =
  | { kind: 'insert'; file: number; at: number; text: string }
  | { kind: 'delete'; file: number; at: number; length: number }
  | { kind: 'duplicate'; file: number; at: number; length: number }
  | { kind: 'truncate'; file: number; at: number }
  | { kind: 'swap-lines'; file: number; a: number; b: number }
  | { kind: 'replace'; file: number; bytes: Uint8Array }
  | { kind: 'remove'; file: number }
  | { kind: 'add'; path: string; from: number };

/** Where new files may appear: right, wrong and odd places. */
const NEW_PATHS = [
  'levels/ic/E9.md',
  'levels/em/E4.md',
  'levels/new/X1.md',
  'levels/ic/deep/E1.md',
  'levels/E1.md',
  'ladder.yaml',
  'packets/2026-h2/copy.md',
  'packets/2027-h1/copy.md',
  'packets/loose.md',
  'competencies.yaml',
  'notes/readme.md',
];

const position = fc.nat({ max: 1 << 20 });

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('insert' as const),
      file: fc.nat(),
      at: position,
      text: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 12, unit: 'binary' })),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete' as const), file: fc.nat(), at: position, length: fc.integer({ min: 1, max: 400 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('duplicate' as const), file: fc.nat(), at: position, length: fc.integer({ min: 1, max: 400 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), file: fc.nat(), at: position }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('swap-lines' as const), file: fc.nat(), a: fc.nat({ max: 400 }), b: fc.nat({ max: 400 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('replace' as const), file: fc.nat(), bytes: fc.uint8Array({ maxLength: 64 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), file: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('add' as const), path: fc.constantFrom(...NEW_PATHS), from: fc.nat() }) },
);

/** A ladder as files: path → bytes. */
export type Tree = Map<string, Uint8Array>;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Applies one mutation to a copy of the tree. Positions wrap around the file's length. */
export function applyMutation(tree: Tree, m: Mutation): Tree {
  const out = new Map(tree);
  const paths = [...out.keys()].sort();
  if (paths.length === 0) return out;
  if (m.kind === 'add') {
    const source = out.get(paths[m.from % paths.length] as string) ?? new Uint8Array();
    out.set(m.path, source);
    return out;
  }
  const path = paths[m.file % paths.length] as string;
  const bytes = out.get(path) as Uint8Array;
  const text = decoder.decode(bytes);
  const at = (n: number) => (text.length === 0 ? 0 : n % (text.length + 1));
  switch (m.kind) {
    case 'insert':
      out.set(path, encoder.encode(text.slice(0, at(m.at)) + m.text + text.slice(at(m.at))));
      break;
    case 'delete':
      out.set(path, encoder.encode(text.slice(0, at(m.at)) + text.slice(at(m.at) + m.length)));
      break;
    case 'duplicate': {
      const start = at(m.at);
      out.set(path, encoder.encode(text.slice(0, start + m.length) + text.slice(start)));
      break;
    }
    case 'truncate':
      out.set(path, encoder.encode(text.slice(0, at(m.at))));
      break;
    case 'swap-lines': {
      const lines = text.split('\n');
      const a = m.a % lines.length;
      const b = m.b % lines.length;
      [lines[a], lines[b]] = [lines[b] as string, lines[a] as string];
      out.set(path, encoder.encode(lines.join('\n')));
      break;
    }
    case 'replace':
      out.set(path, m.bytes);
      break;
    case 'remove':
      out.delete(path);
      break;
  }
  return out;
}

export const mutations = fc.array(mutation, { minLength: 1, maxLength: 6 });
