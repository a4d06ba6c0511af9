import type { Level } from '../core/model.js';
import { at } from '../core/model.js';
import { type StepAt, stepAt, stepText } from '../core/proficiency.js';
import { escapePointer } from '../core/yaml-document.js';
import type { Rule } from './rule.js';

/** As a track climbs, a scaled competency's step stays or rises, never falls. */
export const proficiencyOrder: Rule = {
  id: 'proficiency-order',
  severity: 'error',
  group: 'ladder',
  description: "A scaled competency's step never goes down from one level of a track to the next one up.",
  check({ index, report }) {
    for (const track of index.trackById.values()) {
      const levels = index.levelsOf(track.id);
      for (const competency of index.competenciesOf(track.id)) {
        if (competency.scale === undefined) continue;
        // The highest level below that states a step: a level without one (proficiency-steps says why) is skipped.
        let below: { level: Level; step: StepAt } | undefined;
        for (const level of levels) {
          const step = stepAt(level, competency, index);
          if (!step) continue;
          if (below && step.step < below.step.step) {
            report(
              at(level.origin, `proficiency/${escapePointer(competency.id)}`),
              `Level "${level.id}" puts "${competency.id}" at ${stepText(step)}, below the ${stepText(below.step)} of "${below.level.id}", the level under it on track "${track.id}"; steps never go down as a track climbs: raise it to at least ${below.step.step}, or lower ${below.level.id}'s.`,
            );
          }
          // Keep the higher step, so that one low level is reported once, not again at the level above it.
          if (!below || step.step >= below.step.step) below = { level, step };
        }
      }
    }
  },
};
