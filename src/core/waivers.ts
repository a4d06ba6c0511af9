import type { Position } from './diagnostic.js';

/** One exception of policy.exceptions as the check applied it. */
export interface AppliedException extends Position {
  rule: string;
  level: string | undefined;
  band: string | undefined;
  reason: string;
  /** Where it is declared: always ladder.yml. */
  file: string;
  /** How many findings it kept from being reported. */
  waived: number;
}

/** What the check did not report, and why: so that "no problems" never hides a rule turned off. */
export interface Waivers {
  /** Rules policy.rules turns off, in catalogue order. */
  off: string[];
  /** Every exception of policy.exceptions, in declaration order. */
  exceptions: AppliedException[];
}
