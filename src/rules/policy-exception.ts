import { INPUT_RULES } from '../core/input-rules.js';
import { at, type Ladder, type LadderIndex, type PolicyException } from '../core/model.js';
import { didYouMean, listOf } from '../core/suggest.js';
import type { Rule } from './rule.js';

/** Rules the loader reports: they judge files before any level exists, so no exception can apply. */
const INPUT_ONLY: ReadonlySet<string> = new Set(Object.values(INPUT_RULES));

const placeOf = (e: PolicyException) => (e.level !== undefined ? `level "${e.level}"` : `band "${e.band}"`);

/**
 * Every exception of policy.exceptions names one place that exists, for a rule that can be waived.
 * An exception that waives nothing is reported too (check.ts, after every other rule has run).
 */
export const policyException: Rule = {
  id: 'policy-exception',
  severity: 'error',
  group: 'ladder',
  description: 'Every rule exception in policy.exceptions names a rule that can be waived, one level or band that exists, and waives something.',
  check({ ladder, index, report }) {
    for (const e of ladder.policy.exceptions) {
      const problem = problemOf(e, index);
      if (problem) report(at(e.origin, problem[0]), problem[1]);
    }
  },
};

/** Whether an exception can waive anything: a malformed one waives nothing (and is reported once, above). */
export function isApplicable(e: PolicyException, index: LadderIndex): boolean {
  return e.rule !== '' && problemOf(e, index) === undefined;
}

/** The key to point at and the message, for an exception that cannot apply as written. */
function problemOf(e: PolicyException, index: LadderIndex): [string, string] | undefined {
  if (INPUT_ONLY.has(e.rule)) {
    return [
      'rule',
      `Rule "${e.rule}" is reported while files are read, before levels and bands exist, so it cannot be waived at a place. Fix the file it reports, or set the rule's severity in policy.rules.`,
    ];
  }
  if (e.level !== undefined && e.band !== undefined) {
    return [
      'band',
      `This exception names both level "${e.level}" and band "${e.band}"; an exception applies at one place. Keep one of the two, or write two exceptions.`,
    ];
  }
  if (e.level === undefined && e.band === undefined) {
    return ['rule', `This exception for rule "${e.rule}" names no place; add \`level: <level id>\` or \`band: <band id>\` to say where the rule is waived.`];
  }
  if (e.level !== undefined && !index.levelById.has(e.level)) {
    const levels = [...index.levelById.keys()];
    return ['level', `This exception names level "${e.level}", which does not exist.${didYouMean(e.level, levels)} Known levels: ${listOf(levels)}.`];
  }
  if (e.band !== undefined && !index.bandById.has(e.band)) {
    const bands = [...index.bandById.keys()];
    return ['band', `This exception names band "${e.band}", which ladder.yml does not declare.${didYouMean(e.band, bands)} Known bands: ${listOf(bands)}.`];
  }
  return undefined;
}

/** Why a well-formed exception waived nothing, or undefined when the rule above already says what is wrong with it. */
export function unusedExceptionMessage(e: PolicyException, ladder: Ladder, index: LadderIndex): string | undefined {
  if (!isApplicable(e, index)) return undefined;
  const earlier = ladder.policy.exceptions.find((o) => o !== e && o.rule === e.rule && o.level === e.level && o.band === e.band);
  if (earlier && ladder.policy.exceptions.indexOf(earlier) < ladder.policy.exceptions.indexOf(e)) {
    return `This exception repeats the one on line ${at(earlier.origin).at.line} (rule "${e.rule}" at ${placeOf(e)}); remove one of the two.`;
  }
  if (ladder.policy.rules[e.rule] === 'off') {
    return `Rule "${e.rule}" is off in policy.rules, so this exception at ${placeOf(e)} has no effect. Remove the exception, or turn the rule back on so that it applies everywhere else.`;
  }
  return `Rule "${e.rule}" reports nothing at ${placeOf(e)}, so this exception waives nothing. Remove it, so that the ladder's record of exceptions stays true.`;
}
