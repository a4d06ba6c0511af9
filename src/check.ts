import { compareDiagnostics, type Diagnostic, type Severity } from './core/diagnostic.js';
import { type Loaded, loadLadder } from './core/load.js';
import { at, type Ladder, LadderIndex, type PolicyException } from './core/model.js';
import type { PacketIdentity } from './core/packet-identity.js';
import type { SourceFile } from './core/source-file.js';
import type { Waivers } from './core/waivers.js';
import { modelRules, ruleById } from './rules/index.js';
import { isApplicable, unusedExceptionMessage } from './rules/policy-exception.js';
import type { About, Finding, RuleContext } from './rules/rule.js';

export type { AppliedException, Waivers } from './core/waivers.js';

export interface CheckResult {
  diagnostics: Diagnostic[];
  ladder: Ladder;
  /** How many ladder files were examined. */
  files: number;
  waivers: Waivers;
}

/**
 * Loads a ladder from its files and runs every rule over it. Pure and synchronous: the caller
 * reads the files (or git objects) and decides what to do with the diagnostics. `otherPackets`
 * are packets not loaded but known to exist (see readForChanged).
 */
export function checkLadder(files: readonly SourceFile[], otherPackets: readonly PacketIdentity[] = []): CheckResult {
  const loaded = loadLadder(files);
  loaded.ladder.otherPackets = [...otherPackets];
  const { diagnostics, waivers } = runRulesWithWaivers(loaded);
  return { diagnostics, ladder: loaded.ladder, files: files.length + otherPackets.length, waivers };
}

export function runRules(loaded: Loaded): Diagnostic[] {
  return runRulesWithWaivers(loaded).diagnostics;
}

function runRulesWithWaivers(loaded: Loaded): { diagnostics: Diagnostic[]; waivers: Waivers } {
  const { ladder } = loaded;
  const findings: Finding[] = [...loaded.findings];
  const index = new LadderIndex(ladder);
  const waived = new Map<PolicyException, number>(ladder.policy.exceptions.map((e) => [e, 0]));
  const applicable = ladder.policy.exceptions.filter((e) => isApplicable(e, index));
  const levelByFile = new Map(ladder.levels.map((l) => [l.origin.file, l]));
  /** The exception that waives this finding, if any: same rule, same level or same band. */
  const exceptionFor = (rule: string, file: string, about: About | undefined): PolicyException | undefined => {
    const level = about?.level ?? levelByFile.get(file)?.id;
    const band = about?.band ?? (level === undefined ? undefined : index.levelById.get(level)?.band);
    return applicable.find((e) => e.rule === rule && (e.level !== undefined ? e.level === level : e.band === band));
  };
  for (const rule of modelRules) {
    if (ladder.policy.rules[rule.id] === 'off') continue;
    const context: RuleContext = {
      ladder,
      index,
      report: (where, message, about) => {
        const exception = exceptionFor(rule.id, where.file, about);
        if (exception) waived.set(exception, (waived.get(exception) ?? 0) + 1);
        else findings.push({ rule: rule.id, file: where.file, ...where.at, message });
      },
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
  // An exception that waives nothing is stale: say so, so the record of exceptions stays true.
  const exceptionRule = 'policy-exception';
  for (const [exception, count] of waived) {
    const message = count === 0 ? unusedExceptionMessage(exception, ladder, index) : undefined;
    if (message && ladder.policy.rules[exceptionRule] !== 'off') findings.push({ rule: exceptionRule, ...located(exception), message });
  }
  const waivers: Waivers = {
    off: [...ruleById.keys()].filter((id) => ladder.policy.rules[id] === 'off'),
    exceptions: [...waived].map(([e, count]) => ({ rule: e.rule, level: e.level, band: e.band, reason: e.reason, ...located(e), waived: count })),
  };
  return { diagnostics: applyPolicy(findings, ladder.policy.rules), waivers };
}

function located(exception: PolicyException): { file: string; line: number; column: number } {
  const where = at(exception.origin);
  return { file: where.file, line: where.at.line, column: where.at.column };
}

/** Gives each finding the severity its rule has by default or by policy, dropping rules turned off. */
export function applyPolicy(findings: readonly Finding[], overrides: Readonly<Record<string, Severity | 'off'>>): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const f of findings) {
    const severity = overrides[f.rule] ?? ruleById.get(f.rule)?.severity ?? 'error';
    if (severity === 'off') continue;
    const end = f.endLine === undefined || f.endColumn === undefined ? {} : { endLine: f.endLine, endColumn: f.endColumn };
    diagnostics.push({ rule: f.rule, severity, message: f.message, file: f.file, line: f.line, column: f.column, ...end });
  }
  return diagnostics.sort(compareDiagnostics);
}
