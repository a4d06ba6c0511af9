import type { Position } from '../diagnostic.js';
import type { MarkdownDocument } from '../markdown-document.js';
import type { Ladder, Origin } from '../model.js';
import type { SchemaName } from '../schema-check.js';
import type { YamlDocument } from '../yaml-document.js';

/** Reports one finding of a rule on a file. */
export type Report = (rule: string, file: string, at: Position, message: string) => void;

/** What a path told about the file: the folder it is in (under the kind's root) and its name. */
export interface Match {
  /** The folder under the kind's root (a level's track folder, a packet's cycle); '' for top-level files. */
  folder: string;
  /** The file name without its extension. */
  name: string;
}

/** A file whose YAML (the whole file, or a Markdown file's front matter) parsed into a mapping. */
export interface LoadedDocument {
  file: string;
  doc: YamlDocument;
  data: Record<string, unknown>;
  /** The Markdown around the front matter, for Markdown kinds. */
  markdown: MarkdownDocument | undefined;
  origin: Origin;
  /** Only the front matter was read (SourceFile.head): the Markdown's body is unknown, not empty. */
  head?: true;
}

/**
 * One kind of file of a ladder directory: where it lives, how it is read and validated, whether it
 * is personal, and how it enters the model. Every reader, the loader, `--changed`, the site and the
 * Action learn about files from the registry of these (kinds/index.ts), never from paths of their own.
 */
export interface FileKind<Id extends string = string> {
  readonly id: Id;
  /** How messages name one file of the kind ("level", "packet"). */
  readonly noun: string;
  /** Where files of this kind live, as messages say it. */
  readonly place: string;
  /** YAML files, or Markdown files with YAML front matter. */
  readonly format: 'yaml' | 'markdown';
  /** The JSON Schema (schemas/<name>.schema.json) of the YAML. */
  readonly schema: SchemaName;
  /**
   * Personal files (packets): never read for the site, and their messages never quote what they
   * say (schema-check, yaml-document).
   */
  readonly personal: boolean;
  /**
   * `ladder`: part of the ladder itself, whose change can break any other file (a pull request
   * that touches one re-checks the whole ladder); `item`: checked on its own against the ladder.
   */
  readonly scope: 'ladder' | 'item';
  /** The top folder the kind's files live in ("levels"), when they live in one. */
  readonly root?: string;
  /** A file every ladder has exactly once: its absence is reported, with this hint. */
  readonly required?: { path: string; hint: string };
  /** Whether `path` (relative to the ladder directory) is a file of this kind, and what it says. */
  match(path: string): Match | undefined;
  /** Whether `path` looks like a file of this kind that is not where the engine reads it. */
  misplaced(path: string): boolean;
  /** Puts what the file holds into the ladder being built; reports what only the file's place can tell. */
  build(loaded: LoadedDocument, match: Match, ladder: Ladder, report: Report): void;
}

/** `<root>/<folder>/<name>.md`: the shape of level and packet paths. */
export function matchInFolder(root: string, path: string): Match | undefined {
  const parts = path.split('/');
  if (parts.length !== 3 || parts[0] !== root || !path.endsWith('.md')) return undefined;
  return { folder: parts[1] as string, name: (parts[2] as string).slice(0, -3) };
}

/** A Markdown file under `root` at another depth than `<root>/<folder>/<name>.md`. */
export function misplacedInFolder(root: string, path: string): boolean {
  return path.startsWith(`${root}/`) && path.endsWith('.md') && path.split('/').length !== 3;
}
