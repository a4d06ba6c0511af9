import { compareDiagnostics, type Diagnostic, type Severity } from './core/diagnostic.js';
import { type Loaded, loadLadder } from './core/load.js';
import { type Ladder, LadderIndex } from './core/model.js';
import type { PacketIdentity } from './core/packet-identity.js';
import type { SourceFile } from './core/source-file.js';
import { modelRules, ruleById } from './rules/index.js';
import type { Finding, RuleContext } from './rules/rule.js';

export interface CheckResult {
  diagnostics: Diagnostic[];
  ladder: Ladder;
  /** How many ladder files were examined. */
  files: number;
}

/**
 * Loads a ladder from its files and runs every rule over it. Pure and synchronous: the caller
 * reads the files (or git objects) and decides what to do with the diagnostics. `otherPackets`
 * are packets not loaded but known to exist (see readForChanged).
 */
export function checkLadder(files: readonly SourceFile[], otherPackets: readonly PacketIdentity[] = []): CheckResult {
  const loaded = loadLadder(files);
  loaded.ladder.otherPackets = [...otherPackets];
  return { diagnostics: runRules(loaded), ladder: loaded.ladder, files: files.length + otherPackets.length };
}

export function runRules(loaded: Loaded): Diagnostic[] {
  const { ladder } = loaded;
  const findings: Finding[] = [...loaded.findings];
  const index = new LadderIndex(ladder);
  for (const rule of modelRules) {
    if (ladder.policy.rules[rule.id] === 'off') continue;
    const context: RuleContext = {
      ladder,
      index,
      report: (where, message) => findings.push({ rule: rule.id, file: where.file, ...where.at, message }),
    };
    try {
      rule.check(context);
    } catch (error) {
      // A rule must never take the whole check down; say which one failed so it can be reported.
      findings.push({
        rule: rule.id,
        file: 'ladder.yml',
        line: 1,
        column: 1,
        message: `Rule "${rule.id}" failed on this ladder (a bug in ladder-as-code, please report it): ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  }
  return applyPolicy(findings, ladder.policy.rules);
}

/** Gives each finding the severity its rule has by default or by policy, dropping rules turned off. */
export function applyPolicy(findings: readonly Finding[], overrides: Readonly<Record<string, Severity | 'off'>>): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const f of findings) {
    const severity = overrides[f.rule] ?? ruleById.get(f.rule)?.severity ?? 'error';
    if (severity === 'off') continue;
    diagnostics.push({ rule: f.rule, severity, message: f.message, file: f.file, line: f.line, column: f.column });
  }
  return diagnostics.sort(compareDiagnostics);
}
