import { at } from '../core/model.js';
import type { Rule } from './rule.js';

/** A track's levels climb the bands one at a time: no gaps, no two levels on one band; so does each declared move. */
export const levelClimb: Rule = {
  id: 'level-climb',
  severity: 'error',
  group: 'ladder',
  description: "A track's levels climb one band at a time: no gaps, no two levels on one band; a declared move changes track and climbs one band.",
  check({ ladder, index, report }) {
    for (const track of ladder.tracks) {
      const levels = index.levelsOf(track.id);
      for (let i = 1; i < levels.length; i++) {
        const prev = levels[i - 1] as (typeof levels)[number];
        const level = levels[i] as (typeof levels)[number];
        const gap = index.rankOf(level) - index.rankOf(prev);
        if (gap === 0) {
          report(
            at(level.origin, 'band'),
            `Levels "${prev.id}" and "${level.id}" of track "${track.id}" both sit on band "${level.band}"; a track has one level per band. Move one to another band, or merge them.`,
          );
        } else if (gap > 1) {
          const skipped = ladder.bands.filter((b) => b.rank > index.rankOf(prev) && b.rank < index.rankOf(level)).map((b) => `"${b.id}"`);
          report(
            at(level.origin, 'band'),
            `Track "${track.id}" jumps from "${prev.id}" (band "${prev.band}") to "${level.id}" (band "${level.band}"), skipping band ${skipped.join(', ')}. Add a level on the skipped band, or move "${level.id}" down.`,
          );
        }
      }
    }
    for (const move of ladder.moves) {
      const from = index.levelById.get(move.from);
      const to = index.levelById.get(move.to);
      if (!from || !to || !index.bandById.has(from.band) || !index.bandById.has(to.band)) continue; // unknown-reference says why
      const shared = from.tracks.find((t) => to.tracks.includes(t));
      const climb = index.rankOf(to) - index.rankOf(from);
      if (shared !== undefined) {
        report(
          at(move.origin, 'to'),
          `"${from.id}" and "${to.id}" are both on track "${shared}", so this is an ordinary promotion; moves declares only promotions that change track. Remove this move.`,
          { level: to.id },
        );
      } else if (climb !== 1) {
        report(
          at(move.origin, 'to'),
          `A declared move is a promotion, one band up, but "${from.id}" is on band "${from.band}" and "${to.id}" on band "${to.band}" (${climb > 0 ? `${climb} bands up` : climb === 0 ? 'the same band: that is a track switch, which needs no declaration' : 'down'}). Point it at the level one band above "${from.band}".`,
          { level: to.id },
        );
      }
    }
  },
};
