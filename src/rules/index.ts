import { bandOrder } from './band-order.js';
import { calibrationOutput } from './calibration-output.js';
import { competencyGroups } from './competency-groups.js';
import { fileLocation } from './file-location.js';
import { fileRead } from './file-read.js';
import { frontMatter } from './front-matter.js';
import { levelClimb } from './level-climb.js';
import { levelMigration } from './level-migration.js';
import { levelSections } from './level-sections.js';
import { markdownLimits } from './markdown-limits.js';
import { missingFile } from './missing-file.js';
import { packetDecision } from './packet-decision.js';
import { packetEvidence } from './packet-evidence.js';
import { packetFeedback } from './packet-feedback.js';
import { packetGraduation } from './packet-graduation.js';
import { packetLadderVersion } from './packet-ladder-version.js';
import { packetLevels } from './packet-levels.js';
import { packetOnePerCycle } from './packet-one-per-cycle.js';
import { packetPromotion } from './packet-promotion.js';
import { packetSelfReview } from './packet-self-review.js';
import { packetTrackSwitch } from './packet-track-switch.js';
import { parityBandCoverage } from './parity-band-coverage.js';
import { parityFork } from './parity-fork.js';
import { parityIcReach } from './parity-ic-reach.js';
import { parityLateralEntry } from './parity-lateral-entry.js';
import { parityPay } from './parity-pay.js';
import { policyException } from './policy-exception.js';
import { proficiencyOrder } from './proficiency-order.js';
import { proficiencySteps } from './proficiency-steps.js';
import { rawHtml } from './raw-html.js';
import type { Rule, RuleMeta } from './rule.js';
import { schema } from './schema.js';
import { surveyResponses } from './survey-responses.js';
import { uniqueId } from './unique-id.js';
import { unknownReference } from './unknown-reference.js';
import { yamlSyntax } from './yaml-syntax.js';

/**
 * Rules that run over the loaded model. Their order does not change the output (diagnostics are
 * sorted by file, line, column and rule, check.ts): they are listed by group, ladder then parity
 * then packets, for the reader.
 */
export const modelRules: readonly Rule[] = [
  uniqueId,
  unknownReference,
  bandOrder,
  levelClimb,
  levelSections,
  levelMigration,
  competencyGroups,
  proficiencySteps,
  proficiencyOrder,
  parityBandCoverage,
  parityIcReach,
  parityFork,
  parityLateralEntry,
  parityPay,
  policyException,
  calibrationOutput,
  rawHtml,
  markdownLimits,
  packetLevels,
  packetPromotion,
  packetTrackSwitch,
  packetGraduation,
  packetEvidence,
  packetFeedback,
  packetSelfReview,
  packetOnePerCycle,
  packetLadderVersion,
  packetDecision,
];

/** Every rule, including those the loader reports; the catalogue in docs/rules.md follows this list. */
export const allRules: readonly RuleMeta[] = [fileRead, missingFile, yamlSyntax, frontMatter, schema, fileLocation, surveyResponses, ...modelRules];

export const ruleById: ReadonlyMap<string, RuleMeta> = new Map(allRules.map((r) => [r.id, r]));
