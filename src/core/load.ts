import { isCalibrationText } from './calibration.js';
import type { Finding } from './diagnostic.js';
import { INPUT_RULES } from './input-rules.js';
import { settingsOf } from './kinds/config.js';
import { classify, type FileKind, isSurveyDataPath, type LoadedDocument, REQUIRED_FILES, type Report } from './kinds/index.js';
import { parseMarkdown } from './markdown-document.js';
import type { Ladder } from './model.js';
import { checkSchema } from './schema-check.js';
import { isReadable, type SourceFile } from './source-file.js';
import { surveyRowsLine } from './survey/sniff.js';
import { isMapping } from './values.js';
import { YamlDocument } from './yaml-document.js';

export interface Loaded {
  ladder: Ladder;
  findings: Finding[];
}

/**
 * Reads every file of a ladder into one model. Never throws on bad input: each problem becomes a
 * finding on its file, and every other file is still read. What a file is, and how it enters the
 * model, is its kind's (kinds/): this loop only reads, parses and validates.
 */
export function loadLadder(files: readonly SourceFile[]): Loaded {
  const findings: Finding[] = [];
  const report: Report = (rule, file, at, message) => findings.push({ rule, file, ...at, message });
  const ladder = emptyLadder();
  const seen = new Set<string>();

  for (const source of files) {
    seen.add(source.path);
    const found = classify(source.path);
    // Survey answers are reported by where they are, never read further nor quoted (survey/sniff.ts).
    if (isSurveyDataPath(source.path)) {
      report(INPUT_RULES.surveyResponses, source.path, { line: 1, column: 1 }, SURVEY_DATA_MESSAGE);
      continue;
    }
    const rowsAt = isReadable(source) ? surveyRowsLine(source.text) : undefined;
    if (rowsAt !== undefined) {
      report(INPUT_RULES.surveyResponses, source.path, { line: rowsAt, column: 1 }, SURVEY_ROWS_MESSAGE);
      continue;
    }
    if (!isReadable(source)) {
      if (found || source.folder) report(INPUT_RULES.fileRead, source.path, { line: 1, column: 1 }, source.problem);
      continue;
    }
    // A calibration packet gathers many people's packets: wherever it lies, the calibration-output rule reports it.
    if (isCalibrationText(source.text)) ladder.calibrationFiles.push(source.path);
    if (!found) continue;
    if ('misplaced' in found) {
      report(
        INPUT_RULES.fileLocation,
        source.path,
        { line: 1, column: 1 },
        `This file is not where the engine looks for it, so it is not checked; move it to ${found.kind.place}.`,
      );
      continue;
    }
    const text = source.text.charCodeAt(0) === 0xfeff ? source.text.slice(1) : source.text;
    const loaded =
      found.kind.format === 'yaml'
        ? loadYaml(source.path, text, found.kind, report)
        : loadMarkdown(source.path, text, found.kind, report, source.head === true);
    if (loaded) found.kind.build(source.head ? { ...loaded, head: true } : loaded, found.match, ladder, report);
  }

  for (const { path, hint } of REQUIRED_FILES) {
    if (!seen.has(path)) report(INPUT_RULES.missingFile, path, { line: 1, column: 1 }, `There is no ${path} in the ladder directory. ${hint}`);
  }
  return { ladder, findings };
}

const NEVER_COMMIT =
  'Raw survey answers are not anonymous and must never enter git: remove the file from the commits that add it (a later commit that deletes it leaves it in history), keep exports outside the repository, and commit only the questions (surveys/<round>.yml); see docs/survey.md.';
const SURVEY_DATA_MESSAGE = `The ladder directory holds no .csv or .tsv files: the engine reads none, and this may be a survey export. ${NEVER_COMMIT} If it is not survey data, keep it outside the ladder directory.`;
const SURVEY_ROWS_MESSAGE = `This file looks like row-level survey answers (several entries that name a manager), so it was not read. ${NEVER_COMMIT}`;

/** The model of a ladder with no files: the documented defaults, nothing declared. */
function emptyLadder(): Ladder {
  return {
    ...settingsOf({}, undefined),
    competencies: [],
    scales: [],
    groups: [],
    levels: [],
    packets: [],
    surveys: [],
    otherPackets: [],
    calibrationFiles: [],
    competenciesLoaded: false,
  };
}

function loadYaml(file: string, text: string, kind: FileKind, report: Report): LoadedDocument | undefined {
  const doc = YamlDocument.parse(text, 0, text.length, undefined, { personal: kind.personal });
  if (!(doc instanceof YamlDocument)) {
    report(INPUT_RULES.yamlSyntax, file, doc, doc.message);
    return undefined;
  }
  for (const p of checkSchema(kind.schema, doc, { label: file, personal: kind.personal })) report(INPUT_RULES.schema, file, p, p.message);
  if (!isMapping(doc.value)) return undefined;
  return { file, doc, data: doc.value, markdown: undefined, origin: { file, doc, pointer: '' } };
}

/**
 * Parses a Markdown file with front matter and validates the front matter against its kind's
 * schema. A head (SourceFile.head) is consulted, never reported on: its schema is not checked, as
 * nothing it would find is said, and the model takes a document whatever its shape (the schema
 * gates no value).
 */
function loadMarkdown(file: string, text: string, kind: FileKind, report: Report, head: boolean): LoadedDocument | undefined {
  const markdown = parseMarkdown(text, { personal: kind.personal, frontMatterOnly: head });
  const problem = markdown.problem;
  if (problem?.kind === 'missing') {
    report(
      INPUT_RULES.frontMatter,
      file,
      problem.at,
      `A ${kind.noun} file starts with front matter: a line "---", its keys (see docs/format.md), and a closing "---". This file has none.`,
    );
    return undefined;
  }
  if (problem?.kind === 'unclosed') {
    report(INPUT_RULES.frontMatter, file, problem.at, `The front matter opened on line 1 never closes; add a line "---" after its last key.`);
    return undefined;
  }
  if (problem?.kind === 'yaml') {
    report(INPUT_RULES.yamlSyntax, file, problem.problem, problem.problem.message);
    return undefined;
  }
  const doc = markdown.frontMatter as YamlDocument;
  if (!head)
    for (const p of checkSchema(kind.schema, doc, { label: 'The front matter', personal: kind.personal })) report(INPUT_RULES.schema, file, p, p.message);
  if (!isMapping(doc.value)) return undefined;
  return { file, doc, data: doc.value, markdown, origin: { file, doc, pointer: '' } };
}
