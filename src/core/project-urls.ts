import type { SchemaName } from './schema-check.js';

/**
 * This project's own site (the GitHub Pages of ladder-as-code/ladder-as-code), where the schemas
 * and the rule documentation live at stable URLs: the Pages workflow publishes them there
 * (scripts/publish-docs.js). Every URL that leaves the tool is made here, so that moving the site
 * is one change.
 */
export const PROJECT_SITE = 'https://ladder-as-code.github.io/ladder-as-code/';

export const PROJECT_REPOSITORY = 'https://github.com/ladder-as-code/ladder-as-code';

/** A schema's published URL, which is also its `$id`: what `$schema` comments outside this repository name. */
export const schemaUrl = (name: SchemaName): string => `${PROJECT_SITE}schemas/${name}.schema.json`;

/** Where a rule is documented: one anchor per rule id on the published rules page. */
export const ruleHelpUri = (ruleId: string): string => `${PROJECT_SITE}rules/#${encodeURIComponent(ruleId)}`;
