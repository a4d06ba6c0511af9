/**
 * The ids of the rules the loader reports (their catalogue entries are in src/rules/): the core
 * reports them by id, without importing the rules layer.
 */
export const INPUT_RULES = {
  fileRead: 'file-read',
  missingFile: 'missing-file',
  yamlSyntax: 'yaml-syntax',
  frontMatter: 'front-matter',
  schema: 'schema',
  fileLocation: 'file-location',
  surveyResponses: 'survey-responses',
} as const;

export type InputRuleId = (typeof INPUT_RULES)[keyof typeof INPUT_RULES];
