import { at, type Level } from '../core/model.js';
import { MEASURED_KINDS } from '../core/track-kinds.js';
import type { Rule } from './rule.js';

/**
 * A declared promotion into management leaves an IC option open at least as high: at a fork, the
 * manager's path is not the only way up. Bands above every IC level are parity-ic-reach's to report
 * (one fact, one error).
 */
export const parityFork: Rule = {
  id: 'parity-fork',
  severity: 'error',
  group: 'parity',
  description: 'A declared promotion into management has an IC option from the same level on the same band or higher.',
  check({ ladder, index, report }) {
    const measured = new Set<string>(MEASURED_KINDS);
    const isManagement = (trackId: string) => measured.has(index.trackById.get(trackId)?.kind ?? '');
    const icTop = Math.max(-1, ...index.referenceLevels().map((l) => index.rankOf(l)));
    for (const move of ladder.moves) {
      const from = index.levelById.get(move.from);
      const to = index.levelById.get(move.to);
      if (!from || !to || !index.bandById.has(to.band) || !index.bandById.has(from.band)) continue;
      // Only moves into management, and only those level-climb accepts (it reports the others).
      if (!isManagement(to.track) || from.tracks.some(isManagement) || index.rankOf(to) - index.rankOf(from) !== 1) continue;
      if (index.rankOf(to) > icTop) continue;
      const options = icOptions(from);
      if (options.some((l) => index.rankOf(l) >= index.rankOf(to))) continue;
      const best = options.map((l) => `${l.id} (band "${l.band}")`).join(', ');
      report(
        at(move.origin, 'to'),
        `This move promotes "${from.id}" into management on band "${to.band}", but ${best ? `its IC options stop lower: ${best}` : `"${from.id}" has no IC promotion at all`}: at this fork, managing would be the only way up. Add an IC level on band "${to.band}" after "${from.id}" (or declare a move to one), or record an exception for parity-fork at level "${to.id}".`,
        { level: to.id },
      );
    }

    /** Where an IC engineer on `from` can be promoted: the next level of each IC track it is on, and declared moves to IC levels. */
    function icOptions(from: Level): Level[] {
      const next = from.tracks.filter((t) => !isManagement(t)).flatMap((t) => index.levelsOf(t).filter((l) => index.rankOf(l) === index.rankOf(from) + 1));
      const declared = ladder.moves
        .filter((m) => m.from === from.id)
        .map((m) => index.levelById.get(m.to))
        .filter((l): l is Level => l !== undefined && !isManagement(l.track));
      return [...new Set([...next, ...declared])];
    }
  },
};
