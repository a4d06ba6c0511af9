import { INPUT_RULES } from '../input-rules.js';
import type { SurveyQuestion } from '../model.js';
import { entries, isMapping, optStr, str, strings } from '../values.js';
import type { FileKind } from './kind.js';

const ROOT = 'surveys';

/** The default k, as schemas/survey.schema.json says; the schema refuses less than 3. */
export const DEFAULT_MINIMUM_GROUP_SIZE = 5;

/** The export's column of manager handles: no question may take its name. */
export const MANAGER_COLUMN = 'manager';

/**
 * surveys/<round>.yml: the questions of one round of the anonymous manager survey. Not personal
 * (the questions are the organization's, changed by pull request like the ladder); the answers
 * never live here (the survey-responses rule). A survey change needs the ladder approvers, and
 * re-checks as the ladder does.
 */
export const surveyKind: FileKind<'survey'> = {
  id: 'survey',
  noun: 'survey',
  place: 'surveys/<round>.yml',
  format: 'yaml',
  schema: 'survey',
  personal: false,
  scope: 'ladder',
  // No `root`: KIND_ROOTS stays levels/ and packets/ (an unreadable surveys/ folder is not reported).
  match(path) {
    const parts = path.split('/');
    if (parts.length !== 2 || parts[0] !== ROOT || !path.endsWith('.yml')) return undefined;
    return { folder: '', name: (parts[1] as string).slice(0, -4) };
  },
  misplaced: (path) =>
    path.startsWith(`${ROOT}/`) && (path.endsWith('.yaml') || path.endsWith('.md') || (path.endsWith('.yml') && path.split('/').length !== 2)),
  build({ file, doc, data, origin }, match, ladder, report) {
    const questions: SurveyQuestion[] = [];
    const seen = new Set<string>();
    for (const [i, q] of entries(data.questions)) {
      if (typeof q.id !== 'string' || typeof q.text !== 'string' || (q.kind !== 'rating' && q.kind !== 'text')) continue;
      const at = `/questions/${i}`;
      if (seen.has(q.id)) {
        report(
          INPUT_RULES.schema,
          file,
          doc.span(`${at}/id`),
          `Question id "${q.id}" is used twice; every question needs its own id (it names the export's column).`,
        );
        continue;
      }
      seen.add(q.id);
      if (q.id === MANAGER_COLUMN) {
        report(
          INPUT_RULES.schema,
          file,
          doc.span(`${at}/id`),
          `A question cannot be called "${MANAGER_COLUMN}": that is the export's column of manager handles. Choose another id.`,
        );
        continue;
      }
      const scale =
        isMapping(q.scale) && typeof q.scale.min === 'number' && typeof q.scale.max === 'number' ? { min: q.scale.min, max: q.scale.max } : undefined;
      if (q.kind === 'text' && q.scale !== undefined) {
        report(
          INPUT_RULES.schema,
          file,
          doc.keySpan(`${at}/scale`),
          `Question "${q.id}" is free text, which has no scale; remove its scale, or make it kind: rating.`,
        );
      }
      if (q.kind === 'rating' && scale && scale.max < scale.min + 2) {
        report(
          INPUT_RULES.schema,
          file,
          doc.span(`${at}/scale/max`),
          `The scale of question "${q.id}" needs at least three points (max at least min + 2), so that reports can show it as low, mid and high.`,
        );
        continue;
      }
      if (q.kind === 'rating' && !scale) continue;
      questions.push({ id: q.id, text: q.text, kind: q.kind, ...(q.kind === 'rating' ? { scale } : {}) });
    }
    const round = str(data.round);
    if (round && round !== match.name) {
      report(
        INPUT_RULES.fileLocation,
        file,
        doc.span('/round'),
        `The survey is for round "${round}" but its file is surveys/${match.name}.yml; rename the file to surveys/${round}.yml, or correct its round.`,
      );
    }
    const k =
      typeof data.minimumGroupSize === 'number' && Number.isInteger(data.minimumGroupSize) && data.minimumGroupSize >= 3
        ? data.minimumGroupSize
        : DEFAULT_MINIMUM_GROUP_SIZE;
    ladder.surveys.push({
      round: round || match.name,
      title: optStr(data.title),
      minimumGroupSize: k,
      managers: Array.isArray(data.managers) ? strings(data.managers).map((h) => h.toLowerCase()) : 'all',
      questions,
      origin,
    });
  },
};
