/**
 * A file handed to the engine: its text, or why it could not be read. Paths are relative to the
 * ladder directory. `folder` marks a folder (or a link to one) whose ladder files could not be
 * read: it is reported on its own path, though a folder is no ladder file itself.
 */
export type SourceFile = { path: string; text: string } | { path: string; problem: string; folder?: boolean };

export function isReadable(file: SourceFile): file is { path: string; text: string } {
  return 'text' in file;
}
