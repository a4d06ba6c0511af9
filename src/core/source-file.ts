/**
 * A file handed to the engine: its text, or why it could not be read. Paths are relative to the
 * ladder directory. `folder` marks a folder (or a link to one) whose ladder files could not be
 * read: it is reported on its own path, though a folder is no ladder file itself.
 */
export type SourceFile = { path: string; text: string } | { path: string; problem: string; folder?: boolean };

export function isReadable(file: SourceFile): file is { path: string; text: string } {
  return 'text' in file;
}

/** What kind of ladder file a path is, from its place in the directory. */
export type FileKind =
  | { kind: 'config' }
  | { kind: 'competencies' }
  | { kind: 'level'; folder: string; name: string }
  | { kind: 'packet'; cycle: string; name: string }
  | { kind: 'misplaced'; expected: string }
  | { kind: 'other' };

export function classify(path: string): FileKind {
  if (path === 'ladder.yml') return { kind: 'config' };
  if (path === 'competencies.yml') return { kind: 'competencies' };
  if (path === 'ladder.yaml' || path === 'competencies.yaml') return { kind: 'misplaced', expected: path.replace(/\.yaml$/, '.yml') };
  const parts = path.split('/');
  const [top] = parts;
  if (!path.endsWith('.md')) return { kind: 'other' };
  if (top === 'levels') {
    if (parts.length === 3) return { kind: 'level', folder: parts[1] as string, name: (parts[2] as string).slice(0, -3) };
    return { kind: 'misplaced', expected: 'levels/<track>/<level id>.md' };
  }
  if (top === 'packets') {
    if (parts.length === 3) return { kind: 'packet', cycle: parts[1] as string, name: (parts[2] as string).slice(0, -3) };
    return { kind: 'misplaced', expected: 'packets/<cycle>/<name>.md' };
  }
  return { kind: 'other' };
}
