import type { Diagnostic } from '../core/diagnostic.js';
import { PROJECT_REPOSITORY, ruleHelpUri } from '../core/project-urls.js';
import { plural } from '../core/text.js';
import { allRules } from '../rules/index.js';
import type { Report } from './model.js';

/** The base every result's path is relative to: the repository's root, as code scanning resolves it. */
export const SRCROOT = '%SRCROOT%';

/** GitHub code scanning rejects a whole file with more results than this in one run. */
export const SARIF_MAX_RESULTS = 25_000;

/** The partialFingerprints key: named and versioned, so that a change of recipe is a new key. */
export const FINGERPRINT_KEY = 'ladderFinding/v1';

/**
 * SARIF 2.1.0, as GitHub code scanning reads it. Paths in the report must be relative to the
 * repository root (`ladder check` makes them so for this format); results beyond GitHub's limit
 * are left out, errors first kept, and a notification says how many.
 */
export function formatSarif({ diagnostics, version }: Report): string {
  const ruleIndex = new Map(allRules.map((r, i) => [r.id, i]));
  // Errors before warnings when there are too many: the ones that fail the check are kept.
  const kept =
    diagnostics.length > SARIF_MAX_RESULTS
      ? [...diagnostics.filter((d) => d.severity === 'error'), ...diagnostics.filter((d) => d.severity !== 'error')].slice(0, SARIF_MAX_RESULTS)
      : diagnostics;
  const left = diagnostics.length - kept.length;
  const fingerprints = fingerprintsOf(kept);
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'ladder-as-code',
            version,
            semanticVersion: version,
            informationUri: PROJECT_REPOSITORY,
            rules: allRules.map((r) => {
              const helpUri = ruleHelpUri(r.id);
              const sentence = `${r.description.charAt(0).toUpperCase()}${r.description.slice(1)}.`;
              const name = r.id.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase());
              return {
                id: r.id,
                // SARIF wants a name that differs from the id, or none (SARIF1001): "schema" has none.
                ...(name.toLowerCase() === r.id.toLowerCase() ? {} : { name }),
                shortDescription: { text: r.description },
                fullDescription: { text: r.description },
                help: {
                  text: `${sentence} Rule ${r.id} (${r.group}, default ${r.severity}): ${helpUri}`,
                  markdown: `**${sentence}** Rule \`${r.id}\` (${r.group}, default ${r.severity}); [how to fix it and configure it](${helpUri}).`,
                },
                helpUri,
                defaultConfiguration: { level: r.severity },
                properties: { tags: [r.group] },
              };
            }),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { description: { text: 'The root of the repository that holds the ladder.' } } },
        columnKind: 'utf16CodeUnits',
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications:
              left > 0
                ? [
                    {
                      level: 'warning',
                      message: {
                        text: `${plural(left, 'more problem')} left out: GitHub code scanning accepts ${SARIF_MAX_RESULTS} results per run. Run ladder check for the full list.`,
                      },
                    },
                  ]
                : [],
          },
        ],
        results: kept.map((d, i) => ({
          ruleId: d.rule,
          ...(ruleIndex.has(d.rule) ? { ruleIndex: ruleIndex.get(d.rule) } : {}),
          level: d.severity,
          message: { text: d.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: uriOf(d.file), uriBaseId: SRCROOT },
                // Code scanning needs a start line and column of at least 1.
                // SARIF's endColumn is exclusive, as the engine's is.
                region: {
                  startLine: Math.max(1, d.line),
                  startColumn: Math.max(1, d.column),
                  ...(d.endLine !== undefined && d.endLine >= d.line ? { endLine: d.endLine } : {}),
                  ...(d.endLine !== undefined && d.endColumn !== undefined && (d.endLine > d.line || d.endColumn > d.column) ? { endColumn: d.endColumn } : {}),
                },
              },
            },
          ],
          partialFingerprints: { [FINGERPRINT_KEY]: fingerprints[i] as string },
        })),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

/** A relative path as a URI reference: each segment encoded, so that "#" or "?" in a file name is not read as a fragment or a query. */
const uriOf = (path: string): string => path.split('/').map(encodeURIComponent).join('/');

/**
 * One fingerprint per result, from its rule, file and message with line references taken out, so
 * that an alert keeps its identity when lines above it move; the same problem twice in one file
 * is told apart by its rank among its equals (diagnostics arrive sorted).
 */
function fingerprintsOf(diagnostics: readonly Diagnostic[]): string[] {
  const seen = new Map<string, number>();
  return diagnostics.map((d) => {
    const key = `${d.rule}\0${d.file}\0${d.message.replace(/\bline \d+/g, 'line #').replace(/\b\d+:\d+\b/g, '#:#')}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return `${hash(`${key}\0${n}`)}:${n}`;
  });
}

/** 64 bits of FNV-1a over UTF-16 code units, in hex: stable across runs and platforms (no crypto in the pure layers). */
function hash(text: string): string {
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) {
    h ^= BigInt(text.charCodeAt(i));
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, '0');
}
