import type { LadderDiff } from '../core/diff.js';
import { type Annotation, planAnnotations } from './annotations.js';
import { COMMENT_LIMIT, chars, type Limit, SUMMARY_LIMIT } from './budget.js';
import { formatCompact } from './compact.js';
import { diffToJson, diffToMarkdown, diffToText } from './diff-format.js';
import { formatJson } from './json.js';
import { reportMarkdown } from './markdown.js';
import type { Report, RunReport } from './model.js';
import { formatSarif } from './sarif.js';
import { formatText, type TooManyWarnings } from './text.js';

export interface FormatOptions {
  /** ANSI colours, for a terminal that shows them. */
  color: boolean;
  /** Set when the warnings are more than `ladder check --max-warnings` allows: the text report's summary says so. */
  tooManyWarnings?: TooManyWarnings | undefined;
}

/** One output: what a report (or a ladder diff) looks like to one reader. Pure. */
export interface Format<In, Out = string> {
  render(input: In, options: FormatOptions): Out;
  /** Whose paths it wants: the reader's (relative to where the command ran, the default) or the repository's (relative to its root). */
  paths?: 'repository';
}

export type CheckFormatName = 'text' | 'json' | 'sarif' | 'markdown' | 'compact';

/** On a terminal or in a file nothing limits the Markdown report: nothing is cut. */
const UNLIMITED: Limit = { max: Number.MAX_SAFE_INTEGER, measure: chars, elsewhere: '' };

/** `ladder check --format NAME` (text by default). */
export const CHECK_FORMATS: Record<CheckFormatName, Format<Report>> = {
  text: { render: (report, { color, tooManyWarnings }) => formatText(report, color, tooManyWarnings) },
  json: { render: formatJson },
  // Code scanning resolves paths from the repository root, wherever the check ran.
  sarif: { render: formatSarif, paths: 'repository' },
  // The Action's job summary, for other CI systems and for pasting into an issue.
  markdown: { render: (report) => reportMarkdown({ ...report, scope: 'repository', notices: [], runUrl: undefined }, UNLIMITED) },
  // `file:line:col: severity message (rule)`, for problem matchers and editors.
  compact: { render: formatCompact },
};

export type DiffFormatName = 'text' | 'markdown' | 'json';

/** `ladder diff --format NAME` (text by default). */
export const DIFF_FORMATS: Record<DiffFormatName, Format<LadderDiff>> = {
  text: { render: (diff, { color }) => diffToText(diff, { color }) },
  markdown: { render: (diff) => diffToMarkdown(diff) },
  json: { render: diffToJson },
};

/** What the Action makes of a run; it only sends them (@actions/core, the GitHub API, a file). */
export const ACTION_FORMATS: {
  annotations: Format<Report, Annotation[]>;
  summary: Format<RunReport>;
  comment: Format<RunReport>;
  json: Format<Report>;
} = {
  annotations: { render: (report) => planAnnotations(report.diagnostics) },
  summary: { render: (report) => reportMarkdown(report, SUMMARY_LIMIT) },
  comment: { render: (report) => reportMarkdown(report, COMMENT_LIMIT) },
  // The same JSON as `ladder check --format json`, with the diff and the approvals when present.
  json: CHECK_FORMATS.json,
};

/** The format called `name` in `table`, or undefined (only the table's own names: never "constructor"). */
export function formatNamed<Name extends string, F>(table: Record<Name, F>, name: string): F | undefined {
  return Object.hasOwn(table, name) ? table[name as Name] : undefined;
}

/** A table's names for a message: "text, json or sarif". */
export function formatNames(table: Record<string, unknown>): string {
  const names = Object.keys(table);
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}
