import { type DecisionOutcome, type Ladder, LadderIndex } from './model.js';
import { PacketSummarizer, type PacketSummary } from './packet-summary.js';

/*
 * One person's path through the ladder, from the packets the committee decided (`ladder history`).
 * Ids, the ladder's names and dates only. Pure.
 */

export interface PathStep {
  summary: PacketSummary;
  outcome: DecisionOutcome;
  date: string | undefined;
  /** For "not yet": the competencies to grow in, by the ladder's names (ids when unknown). */
  grow: string[];
}

export interface CareerPath {
  handle: string;
  steps: PathStep[];
  /** Where the person is now: the target of the latest promotion, switch or graduation decided "promoted". */
  now: PacketSummary['to'];
}

export function careerPathOf(ladder: Ladder, handle: string): CareerPath {
  const index = new LadderIndex(ladder);
  const summarizer = new PacketSummarizer(index);
  const who = handle.toLowerCase();
  const steps: PathStep[] = ladder.packets
    .filter((p) => p.candidate.toLowerCase() === who && p.decision?.outcome !== undefined)
    .map((p) => ({
      summary: summarizer.summarize(p),
      outcome: p.decision?.outcome as DecisionOutcome,
      date: p.decision?.date,
      grow: (p.decision?.grow ?? []).map((id) => index.competencyById.get(id)?.name ?? id),
    }))
    // By the date decided, then the cycle, then the file: the order the person lived it.
    .sort(
      (a, b) =>
        (a.date ?? '').localeCompare(b.date ?? '') ||
        (a.summary.cycle ?? '').localeCompare(b.summary.cycle ?? '') ||
        a.summary.file.localeCompare(b.summary.file),
    );
  const moved = steps.filter((s) => s.outcome === 'promoted');
  return { handle, steps, now: moved[moved.length - 1]?.summary.to };
}
