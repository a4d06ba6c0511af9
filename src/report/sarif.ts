import { allRules } from '../rules/index.js';
import type { Report } from './model.js';

/** SARIF 2.1.0, as GitHub code scanning reads it. */
export function formatSarif({ diagnostics, version }: Report): string {
  const ruleIndex = new Map(allRules.map((r, i) => [r.id, i]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'ladder-as-code',
            version,
            informationUri: 'https://github.com/ladder-as-code/ladder-as-code',
            rules: allRules.map((r) => ({
              id: r.id,
              name: r.id.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase()),
              shortDescription: { text: r.description },
              fullDescription: { text: r.description },
              help: { text: `${r.description} See docs/rules.md#${r.id}.` },
              defaultConfiguration: { level: r.severity },
              properties: { tags: [r.group] },
            })),
          },
        },
        results: diagnostics.map((d) => ({
          ruleId: d.rule,
          ...(ruleIndex.has(d.rule) ? { ruleIndex: ruleIndex.get(d.rule) } : {}),
          level: d.severity,
          message: { text: d.message },
          locations: [{ physicalLocation: { artifactLocation: { uri: encodeURI(d.file) }, region: { startLine: d.line, startColumn: d.column } } }],
        })),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
