import { competenciesKind } from './competencies.js';
import { configKind } from './config.js';
import type { FileKind, Match } from './kind.js';
import { levelKind } from './level.js';
import { packetKind } from './packet.js';
import { surveyKind } from './survey.js';

export type { FileKind, LoadedDocument, Match, Report } from './kind.js';

/**
 * Every kind of file a ladder directory holds, in the order the loader reads them. A new kind is
 * a module in this folder and an entry here; the `Record<FileKindId, …>` tables elsewhere (the
 * Action's approvals, for one) then fail to compile until they say what the kind needs.
 */
export const FILE_KINDS = [configKind, competenciesKind, levelKind, packetKind, surveyKind] as const;

export type FileKindId = (typeof FILE_KINDS)[number]['id'];

export const fileKindById: Readonly<Record<FileKindId, FileKind>> = Object.fromEntries(FILE_KINDS.map((k) => [k.id, k])) as Record<FileKindId, FileKind>;

/** What a path (relative to the ladder directory) is: a file of a kind, one out of its place, or nothing of the ladder's. */
export type Classified = { kind: FileKind<FileKindId>; match: Match } | { kind: FileKind<FileKindId>; misplaced: true } | undefined;

export function classify(path: string): Classified {
  for (const kind of FILE_KINDS) {
    const match = kind.match(path);
    if (match) return { kind, match };
  }
  for (const kind of FILE_KINDS) if (kind.misplaced(path)) return { kind, misplaced: true };
  return undefined;
}

/**
 * Survey exports (a form tool's CSV or TSV): the engine reads none, and reports every one under the
 * ladder directory (survey-responses), since row-level answers in git are not anonymous.
 */
const SURVEY_DATA_EXTENSIONS = ['.csv', '.tsv'] as const;

/** Whether a path is named like row-level survey data (a .csv or .tsv file). */
export function isSurveyDataPath(path: string): boolean {
  const lower = path.toLowerCase();
  return SURVEY_DATA_EXTENSIONS.some((e) => lower.endsWith(e));
}

/** Whether the engine reads or reports this path at all. */
export function isLadderPath(path: string): boolean {
  return classify(path) !== undefined || isSurveyDataPath(path);
}

/** `ladder` for the ladder's own files, `item` for files checked alone (packets), undefined for the rest. */
export function scopeOf(path: string): 'ladder' | 'item' | undefined {
  return classify(path)?.kind.scope;
}

/** The top folders that hold ladder files (levels/, packets/): an unreadable folder there is reported. */
export const KIND_ROOTS: readonly string[] = FILE_KINDS.flatMap((k) => (k.root ? [k.root] : []));

/** The top folders of personal kinds (packets/): the site's reader never enters them. */
export const PERSONAL_ROOTS: readonly string[] = FILE_KINDS.flatMap((k) => (k.personal && k.root ? [k.root] : []));

/** Whether a path lies where personal files live. */
export function isPersonalPath(path: string): boolean {
  return PERSONAL_ROOTS.includes(path.split('/')[0] ?? '');
}

/** File name endings of ladder files, by format: `.yaml` is read too, to say it is misplaced. */
const EXTENSIONS = { yaml: ['.yml', '.yaml'], markdown: ['.md'] } as const;

export const LADDER_FILE_EXTENSIONS: readonly string[] = [...new Set(FILE_KINDS.flatMap((k) => EXTENSIONS[k.format]))];

/** Whether the readers list a file of this name: a ladder file, or survey data (to report it). */
export function hasLadderFileExtension(name: string): boolean {
  return LADDER_FILE_EXTENSIONS.some((e) => name.endsWith(e)) || isSurveyDataPath(name);
}

/** The files every ladder must have. */
export const REQUIRED_FILES = FILE_KINDS.flatMap((k) => (k.required ? [k.required] : []));
