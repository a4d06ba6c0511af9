import type { Competency, LadderIndex, Level, Scale } from './model.js';

/** A level's step on a competency's scale, when the level states one that the scale has. */
export interface StepAt {
  /** 1-based. */
  step: number;
  /** The step's name on its scale. */
  name: string;
  scale: Scale;
}

export function stepAt(level: Level, competency: Competency, index: LadderIndex): StepAt | undefined {
  const scale = competency.scale === undefined ? undefined : index.scaleById.get(competency.scale);
  const step = level.proficiency?.[competency.id];
  if (!scale || step === undefined || step < 1 || step > scale.steps.length) return undefined;
  return { step, name: scale.steps[step - 1] as string, scale };
}

/** "step 3 (Proficient)". */
export function stepText(at: Pick<StepAt, 'step' | 'name'>): string {
  return `step ${at.step} (${at.name})`;
}

/** "step 3 → 4 (Proficient → Advanced)", or the one step when both are the same. */
export function stepChangeText(from: Pick<StepAt, 'step' | 'name'> | undefined, to: Pick<StepAt, 'step' | 'name'> | undefined): string | undefined {
  if (!from || !to) return from ? stepText(from) : to ? stepText(to) : undefined;
  if (from.step === to.step) return stepText(to);
  return `step ${from.step} → ${to.step} (${from.name} → ${to.name})`;
}
