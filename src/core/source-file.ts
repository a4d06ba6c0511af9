/**
 * A file handed to the engine: its text, or why it could not be read. Paths are relative to the
 * ladder directory. `folder` marks a folder (or a link to one) whose ladder files could not be
 * read: it is reported on its own path, though a folder is no ladder file itself. `head` marks a
 * Markdown file of which only the front matter was read (see readForChanged): its body is unknown,
 * not empty.
 */
export type SourceFile = { path: string; text: string; head?: true } | { path: string; problem: string; folder?: boolean };

export function isReadable(file: SourceFile): file is { path: string; text: string; head?: true } {
  return 'text' in file;
}
