import { MANAGER_COLUMN } from '../kinds/survey.js';
import type { Survey } from '../model.js';
import { didYouMean, listOf } from '../suggest.js';
import { type CsvRecord, decodeUtf8, parseCsv } from './csv.js';

/** A problem with an export: where it is, and how to fix it. Never quotes an answer. */
export interface SurveyProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** One respondent's answers: the manager's handle (lower-cased) and the survey's questions only. */
export interface Response {
  manager: string;
  /** By question id: a rating's number or a text; unanswered questions are absent. */
  answers: Map<string, number | string>;
}

/** Exports larger than this are refused unread: a round of the survey is far smaller (a 1,000-person round with long comments is a few MiB). */
export const MAX_RESPONSES_BYTES = 16 * 1024 * 1024;

const HANDLE = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
/** Enough to fix an export in one go, short enough to read. */
const MAX_PROBLEMS = 20;

/**
 * Reads a form tool's export (bytes, so that the encoding is checked here) against a survey:
 * the answers, or every problem found. Columns other than `manager` and the question ids are
 * dropped here, unread (timestamps, e-mail addresses): nothing downstream can leak them.
 */
export function readResponses(bytes: Uint8Array, survey: Survey, file: string): { responses: Response[] } | { problems: SurveyProblem[] } {
  const at = (line: number, column: number, message: string): { problems: SurveyProblem[] } => ({ problems: [{ file, line, column, message }] });
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    return at(1, 1, 'The export is UTF-16 text; export it again as CSV in UTF-8 (often called "CSV UTF-8").');
  if (bytes.includes(0)) return at(1, 1, 'The export contains NUL bytes: it is binary (a spreadsheet?) or UTF-16, not CSV. Export it as CSV in UTF-8.');
  const decoded = decodeUtf8(bytes);
  if (!('text' in decoded))
    return at(decoded.line, decoded.column, 'The export is not valid UTF-8 from here on; export it again as CSV in UTF-8 (often called "CSV UTF-8").');
  const parsed = parseCsv(decoded.text);
  if ('problem' in parsed) return at(parsed.problem.line, parsed.problem.column, parsed.problem.message);
  const [header, ...rows] = parsed.records;
  if (!header) return at(1, 1, 'The export is empty; it needs a header line naming its columns (manager and the question ids), then one line per respondent.');

  const problems: SurveyProblem[] = [];
  const names = header.fields.map((f) => f.text.trim());
  const columnOf = (name: string): number | undefined => {
    const found = names.flatMap((n, i) => (n.toLowerCase() === name ? [i] : []));
    if (found.length > 1) {
      const second = header.fields[found[1] as number];
      problems.push({ file, line: 1, column: second?.column ?? 1, message: `The export has two columns named ${name}; keep one.` });
    }
    return found[0];
  };
  const managerColumn = columnOf(MANAGER_COLUMN);
  if (managerColumn === undefined) {
    const separator = /;/.test(header.fields[0]?.text ?? '')
      ? ' It looks separated by semicolons: export it comma-separated.'
      : /\t/.test(header.fields[0]?.text ?? '')
        ? ' It looks separated by tabs: export it comma-separated.'
        : '';
    problems.push({
      file,
      line: 1,
      column: 1,
      message: `The export has no ${MANAGER_COLUMN} column (the handle of the manager each answer is about); name that column "${MANAGER_COLUMN}".${separator} Its columns are: ${listOf(names, 12)}.`,
    });
  }
  const questionColumns = new Map<string, number>();
  for (const q of survey.questions) {
    const column = columnOf(q.id);
    if (column === undefined)
      problems.push({
        file,
        line: 1,
        column: 1,
        message: `The export has no column for question "${q.id}"; name its column "${q.id}", as the survey's question id.${didYouMean(q.id, names)}`,
      });
    else questionColumns.set(q.id, column);
  }
  if (problems.length > 0) return { problems };
  if (rows.length === 0) return at(2, 1, 'The export has a header but no answers.');

  const declared = survey.managers === 'all' ? undefined : new Set(survey.managers);
  const seen = new Map<string, number>();
  const responses: Response[] = [];
  for (const row of rows) {
    if (problems.length >= MAX_PROBLEMS) break;
    const response = readRow(row, header.fields.length, managerColumn as number, questionColumns, survey, declared, file, problems);
    if (!response) continue;
    // Identical in every column, timestamp included: the same submission twice, not two people.
    const key = row.fields.map((f) => f.text).join('\u0000');
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({
        file,
        line: row.line,
        column: 1,
        message: `This row repeats line ${first} exactly; remove the copy. (If two people gave the same answers, export the form tool's timestamp or response id column too, so that their rows differ.)`,
      });
      continue;
    }
    seen.set(key, row.line);
    responses.push(response);
  }
  if (problems.length >= MAX_PROBLEMS)
    problems.push({ file, line: problems.at(-1)?.line ?? 1, column: 1, message: `Stopped after ${MAX_PROBLEMS} problems; fix these and run again.` });
  return problems.length > 0 ? { problems } : { responses };
}

function readRow(
  row: CsvRecord,
  width: number,
  managerColumn: number,
  questionColumns: ReadonlyMap<string, number>,
  survey: Survey,
  declared: ReadonlySet<string> | undefined,
  file: string,
  problems: SurveyProblem[],
): Response | undefined {
  if (row.fields.length !== width) {
    problems.push({
      file,
      line: row.line,
      column: 1,
      message: `This row has ${row.fields.length} fields and the header ${width}; a field that holds a comma or a line break must be in double quotes.`,
    });
    return undefined;
  }
  const managerField = row.fields[managerColumn] as { text: string; line: number; column: number };
  const manager = managerField.text.trim().replace(/^@/, '').toLowerCase();
  const before = problems.length;
  if (manager === '')
    problems.push({
      file,
      line: managerField.line,
      column: managerField.column,
      message: 'The manager column is empty; every answer is about one manager, by GitHub handle.',
    });
  else if (!HANDLE.test(manager))
    problems.push({
      file,
      line: managerField.line,
      column: managerField.column,
      message: "The manager column does not hold a GitHub handle (letters, digits and hyphens); write the manager's handle.",
    });
  else if (declared && !declared.has(manager))
    problems.push({
      file,
      line: managerField.line,
      column: managerField.column,
      message: 'This manager is not one the survey lists (its managers key); add the handle there by pull request, or correct the row.',
    });
  const answers = new Map<string, number | string>();
  for (const q of survey.questions) {
    const field = row.fields[questionColumns.get(q.id) as number] as { text: string; line: number; column: number };
    const text = field.text.trim();
    if (text === '') continue;
    if (q.kind === 'text') {
      answers.set(q.id, field.text);
      continue;
    }
    const scale = q.scale as { min: number; max: number };
    const value = /^[+-]?\d+$/.test(text) ? Number(text) : Number.NaN;
    if (!Number.isInteger(value) || value < scale.min || value > scale.max)
      problems.push({
        file,
        line: field.line,
        column: field.column,
        message: `The answer to question "${q.id}" is not a whole number from ${scale.min} to ${scale.max}; correct it, or leave it empty for no answer.`,
      });
    else answers.set(q.id, value);
  }
  return problems.length === before ? { manager, answers } : undefined;
}
