import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { fixturesDir } from './ladder-files.js';

/**
 * The SARIF 2.1.0 schema (test/fixtures/sarif/README.md says where it comes from). It is written
 * for JSON Schema 2020-12; strict mode is off because the schema is not ours to tidy.
 */
const schema = JSON.parse(readFileSync(join(fixturesDir, 'sarif', 'sarif-schema-2.1.0.json'), 'utf8')) as object;
const ajv = new Ajv2020.default({ strict: false, allErrors: true });
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (a: unknown) => void;
addFormats(ajv);
const validate = ajv.compile(schema);

/** What the SARIF 2.1.0 schema says is wrong with `log`, one line per fault; [] when it is valid. */
export function sarifSchemaErrors(log: unknown): string[] {
  return validate(log) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
}

export interface SarifResult {
  ruleId?: string;
  ruleIndex?: number;
  level?: string;
  message?: { text?: string };
  locations?: Array<{
    physicalLocation?: { artifactLocation?: { uri?: string; uriBaseId?: string }; region?: { startLine?: number; startColumn?: number } };
  }>;
  partialFingerprints?: Record<string, string>;
}

export interface SarifRule {
  id: string;
  helpUri?: string;
  help?: { text?: string; markdown?: string };
  shortDescription?: { text?: string };
  fullDescription?: { text?: string };
  defaultConfiguration?: { level?: string };
  properties?: { tags?: string[] };
}

export interface SarifLog {
  $schema: string;
  version: string;
  runs: Array<{
    tool: { driver: { name: string; version?: string; rules?: SarifRule[] } };
    originalUriBaseIds?: Record<string, unknown>;
    invocations?: Array<{ executionSuccessful: boolean; toolExecutionNotifications?: Array<{ message: { text: string } }> }>;
    results: SarifResult[];
  }>;
}

/**
 * What GitHub code scanning would refuse or mishandle in `log`, beyond the schema: its upload
 * limits (runs, results, rules, tags, locations) and the properties an alert needs (a rule id the
 * driver lists, a level, a message, one located file relative to a base, a start line and column
 * of at least 1). docs.github.com: "SARIF support for code scanning" and "SARIF results exceed limit".
 */
export function codeScanningProblems(log: SarifLog): string[] {
  const problems: string[] = [];
  if (log.version !== '2.1.0') problems.push(`version ${log.version}, not 2.1.0`);
  if (log.runs.length > 20) problems.push(`${log.runs.length} runs, more than 20`);
  for (const [r, run] of log.runs.entries()) {
    const rules = run.tool.driver.rules ?? [];
    if (!run.tool.driver.name) problems.push(`run ${r}: no tool.driver.name`);
    if (rules.length > 25_000) problems.push(`run ${r}: ${rules.length} rules, more than 25,000`);
    if (new Set(rules.map((x) => x.id)).size !== rules.length) problems.push(`run ${r}: rule ids repeat`);
    for (const rule of rules) {
      if (!rule.shortDescription?.text || !rule.fullDescription?.text) problems.push(`rule ${rule.id}: no short or full description`);
      if ((rule.properties?.tags ?? []).length > 20) problems.push(`rule ${rule.id}: more than 20 tags`);
    }
    if (run.results.length > 25_000) problems.push(`run ${r}: ${run.results.length} results, more than 25,000`);
    for (const [i, result] of run.results.entries()) {
      const at = `run ${r} result ${i}`;
      if (!result.ruleId) problems.push(`${at}: no ruleId`);
      else if (!rules.some((x) => x.id === result.ruleId)) problems.push(`${at}: ruleId ${result.ruleId} is not among the driver's rules`);
      if (result.ruleIndex !== undefined && rules[result.ruleIndex]?.id !== result.ruleId) problems.push(`${at}: ruleIndex does not point at its rule`);
      if (!['error', 'warning', 'note', 'none'].includes(result.level ?? '')) problems.push(`${at}: level ${result.level}`);
      if (!result.message?.text) problems.push(`${at}: no message text`);
      const locations = result.locations ?? [];
      if (locations.length < 1 || locations.length > 1000) problems.push(`${at}: ${locations.length} locations`);
      for (const location of locations) {
        const uri = location.physicalLocation?.artifactLocation?.uri ?? '';
        const base = location.physicalLocation?.artifactLocation?.uriBaseId;
        if (!uri) problems.push(`${at}: no artifactLocation.uri`);
        if (/^[a-z][a-z0-9+.-]*:/i.test(uri) || uri.startsWith('/')) problems.push(`${at}: uri ${uri} is not relative`);
        if (!base || !run.originalUriBaseIds || !(base in run.originalUriBaseIds))
          problems.push(`${at}: uriBaseId ${base} is not declared in originalUriBaseIds`);
        const region = location.physicalLocation?.region;
        if (!region || !Number.isInteger(region.startLine) || (region.startLine as number) < 1) problems.push(`${at}: startLine ${region?.startLine}`);
        if (region?.startColumn !== undefined && (!Number.isInteger(region.startColumn) || region.startColumn < 1))
          problems.push(`${at}: startColumn ${region.startColumn}`);
      }
      if (!result.partialFingerprints || Object.keys(result.partialFingerprints).length === 0) problems.push(`${at}: no partialFingerprints`);
    }
  }
  return problems;
}
