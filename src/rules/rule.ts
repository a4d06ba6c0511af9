import type { Severity } from '../core/diagnostic.js';
import type { Ladder, LadderIndex, Located } from '../core/model.js';

/** What the catalogue (docs/rules.md, SARIF, `ladder rules`) says about a rule. */
export interface RuleMeta {
  id: string;
  /** Default severity; ladder.yml's policy.rules may change it or turn the rule off. */
  severity: Severity;
  /** Which part of the engine reports it. */
  group: 'input' | 'ladder' | 'parity' | 'packet';
  /** One line: what the rule guarantees. */
  description: string;
}

export type { Finding } from '../core/diagnostic.js';

/**
 * What a finding is about, for policy.exceptions: by default the level whose file it is in (and
 * that level's band). A rule that reports elsewhere (ladder.yml) says which band or level it means.
 */
export interface About {
  level?: string;
  band?: string;
}

export interface RuleContext {
  ladder: Ladder;
  index: LadderIndex;
  report(where: Located, message: string, about?: About): void;
}

/** A rule that runs over the whole model once it is loaded. Pure: no I/O, no environment. */
export interface Rule extends RuleMeta {
  check(context: RuleContext): void;
}
