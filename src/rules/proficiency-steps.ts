import { appliesAt } from '../core/applicability.js';
import { at, atKey } from '../core/model.js';
import { didYouMean, listOf } from '../core/suggest.js';
import { escapePointer } from '../core/yaml-document.js';
import type { Rule } from './rule.js';

/** Each level states a step, on the competency's scale, for every scaled competency that applies to it; and no other steps. */
export const proficiencySteps: Rule = {
  id: 'proficiency-steps',
  severity: 'error',
  group: 'ladder',
  description: 'A level states a step on the scale for every scaled competency that applies to it, and only for those; each step exists on its scale.',
  check({ ladder, index, report }) {
    if (!ladder.competenciesLoaded) return;
    for (const level of ladder.levels) {
      if (!index.trackById.has(level.track)) continue; // unknown-reference says why
      const stated = level.proficiency ?? {};
      for (const [id, step] of Object.entries(stated)) {
        const where = atKey(level.origin, `proficiency/${escapePointer(id)}`);
        const competency = index.competencyById.get(id);
        if (!competency) {
          const scaled = index.competenciesOf(level.track).filter((c) => c.scale !== undefined);
          report(
            where,
            `Level "${level.id}" states a step for "${id}", which is no competency id.${didYouMean(
              id,
              scaled.map((c) => c.id),
            )} proficiency keys are ids of competencies with a scale${scaled.length ? ` (here: ${listOf(scaled.map((c) => c.id))})` : ''}.`,
          );
          continue;
        }
        if (competency.scale === undefined) {
          report(
            where,
            `Level "${level.id}" states a step for "${id}", which has no scale; remove the step, or give the competency a scale in competencies.yml.`,
          );
          continue;
        }
        if (appliesAt(competency, level, index) === 'no') {
          report(
            where,
            `Level "${level.id}" states a step for "${id}", which does not apply at this level (track "${level.track}", band "${level.band}"); remove the step.`,
          );
          continue;
        }
        const scale = index.scaleById.get(competency.scale);
        if (scale && step > scale.steps.length) {
          report(
            at(level.origin, `proficiency/${escapePointer(id)}`),
            `Step ${step} of "${id}" in level "${level.id}" is not on scale "${scale.id}", which has ${scale.steps.length} steps (1 ${scale.steps[0]} to ${scale.steps.length} ${scale.steps[scale.steps.length - 1]}); use a step from 1 to ${scale.steps.length}.`,
          );
        }
      }
      const missing = index
        .competenciesOf(level.track)
        .filter((c) => c.scale !== undefined && index.scaleById.has(c.scale) && stated[c.id] === undefined && appliesAt(c, level, index) === 'yes');
      if (missing.length > 0) {
        report(
          level.proficiency ? atKey(level.origin, 'proficiency') : at(level.origin, 'id'),
          `Level "${level.id}" states no step for ${listOf(missing.map((c) => c.id))}; add ${level.proficiency ? '' : '"proficiency: { '}${missing.map((c) => `${c.id}: <1-${index.scaleById.get(c.scale as string)?.steps.length}>`).join(', ')}${level.proficiency ? ' under proficiency' : ' }"'} to its front matter.`,
        );
      }
    }
  },
};
