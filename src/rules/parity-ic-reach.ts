import { at, type Level } from '../core/model.js';
import type { Rule } from './rule.js';

/**
 * The IC track goes at least as high as management: growing never requires becoming a manager.
 * With policy.parity.reach `track` (or `family`), each IC track (or family of IC tracks) must also
 * reach as high as management does where some IC track reaches: a discipline that stops three
 * bands below its managers is reported on its top level. Above every IC level the fact is the
 * ladder's, reported once on the top management level.
 */
export const parityIcReach: Rule = {
  id: 'parity-ic-reach',
  severity: 'error',
  group: 'parity',
  description: "The IC track reaches at least the management track's top band (optionally each IC track or family of them).",
  check({ ladder, index, report }) {
    const top = (levels: readonly Level[]) =>
      levels.reduce<Level | undefined>((best, l) => (!best || index.rankOf(l) > index.rankOf(best) ? l : best), undefined);
    const topEm = top(index.measuredLevels());
    if (!topEm) return;
    const topIc = top(index.referenceLevels());
    if (!topIc) {
      report(
        at(topEm.origin, 'track'),
        `The ladder has management levels but no IC level: engineers could only grow by becoming managers. Add an IC track (kind: ic) reaching band "${topEm.band}".`,
      );
      return;
    }
    if (index.rankOf(topIc) < index.rankOf(topEm)) {
      report(
        at(topEm.origin, 'band'),
        `Management reaches band "${topEm.band}" ("${topEm.id}") but the IC track stops at "${topIc.band}" ("${topIc.id}"): engineers would have to manage to grow that far. Add IC levels up to band "${topEm.band}".`,
      );
    }
    const scope = ladder.policy.parity.reach;
    if (scope === 'ladder') return;
    // Where management and some IC track both reach: what every IC track (or family) is held to.
    const targetRank = Math.min(index.rankOf(topEm), index.rankOf(topIc));
    const target = index.measuredLevels().find((l) => index.rankOf(l) === targetRank) ?? topEm;
    const icTracks = index.referenceTracks();
    const groups: Array<{ what: string; tracks: string[]; where?: (typeof ladder.families)[number] }> = [];
    if (scope === 'track') for (const t of icTracks) groups.push({ what: `Track "${t.id}"`, tracks: [t.id] });
    else {
      for (const family of ladder.families) {
        const ic = family.tracks.filter((t) => icTracks.some((r) => r.id === t));
        if (ic.length > 0) groups.push({ what: `Family "${family.id}"`, tracks: ic, where: family });
      }
      // An IC track in no family is a family of its own.
      for (const t of icTracks) if (!index.familyOf(t.id)) groups.push({ what: `Track "${t.id}"`, tracks: [t.id] });
    }
    for (const group of groups) {
      const highest = top(group.tracks.flatMap((t) => index.levelsOf(t)));
      if (!highest || index.rankOf(highest) >= targetRank) continue;
      const gap = targetRank - index.rankOf(highest);
      report(
        group.where ? at(group.where.origin, 'tracks') : at(highest.origin, 'band'),
        `${group.what} stops at band "${highest.band}" ("${highest.id}"), ${gap} band${gap === 1 ? '' : 's'} below band "${target.band}" that management reaches ("${target.id}"): its engineers would have to manage, or change discipline, to grow that far. Add levels up to band "${target.band}", or record an exception for parity-ic-reach at level "${highest.id}".`,
        { level: highest.id },
      );
    }
  },
};
