import { at, type Origin } from '../core/model.js';
import type { Rule } from './rule.js';

/**
 * Bands, tracks, competencies (with their subs) and levels each have ids unique within their kind;
 * competency names are unique among competencies that share a track (they are section headings),
 * and sub names within their pillar. One name on disjoint tracks is one competency defined per track.
 */
export const uniqueId: Rule = {
  id: 'unique-id',
  severity: 'error',
  group: 'ladder',
  description:
    'Ids of bands, zones, tracks, families, competencies and levels are unique; so are competency names among competencies that share a track, and sub names within a pillar; a track is in one family at most.',
  check({ ladder, report }) {
    // `key` is what must be unique (names compare case-insensitively); `shown` is how the file spells it.
    // Items with `tracks` (competencies) collide only when they share one.
    const checkUnique = (what: string, items: Array<{ origin: Origin; key: string; field: string; shown?: string; tracks?: string[] }>) => {
      const first = new Map<string, Array<{ origin: Origin; tracks?: string[] }>>();
      for (const item of items) {
        const same = first.get(item.key) ?? [];
        const earlier = same.find((e) => sharesTrack(e.tracks, item.tracks))?.origin;
        if (!earlier) {
          first.set(item.key, [...same, item]);
          continue;
        }
        const where = earlier.file === item.origin.file ? `line ${earlier.doc.position(earlier.pointer).line}` : earlier.file;
        report(
          at(item.origin, item.field),
          `Duplicate ${what} "${item.shown ?? item.key}": it is already declared at ${where}. Give this one another ${item.field}, or remove it.`,
        );
      }
    };
    checkUnique(
      'band id',
      ladder.bands.map((b) => ({ origin: b.origin, key: b.id, field: 'id' })),
    );
    checkUnique(
      'zone id',
      ladder.zones.map((z) => ({ origin: z.origin, key: z.id, field: 'id' })),
    );
    checkUnique(
      'track id',
      ladder.tracks.map((t) => ({ origin: t.origin, key: t.id, field: 'id' })),
    );
    checkUnique(
      'competency id',
      ladder.competencies.flatMap((c) => [c, ...(c.subs ?? [])]).map((c) => ({ origin: c.origin, key: c.id, field: 'id' })),
    );
    checkUnique(
      'competency name',
      ladder.competencies.map((c) => ({ origin: c.origin, key: c.name.trim().toLowerCase(), field: 'name', shown: c.name.trim(), tracks: c.tracks })),
    );
    for (const pillar of ladder.competencies) {
      checkUnique(
        `sub-competency name under "${pillar.id}"`,
        (pillar.subs ?? []).map((c) => ({ origin: c.origin, key: c.name.trim().toLowerCase(), field: 'name', shown: c.name.trim() })),
      );
    }
    checkUnique(
      'scale id',
      ladder.scales.map((x) => ({ origin: x.origin, key: x.id, field: 'id' })),
    );
    checkUnique(
      'group id',
      ladder.groups.map((g) => ({ origin: g.origin, key: g.id, field: 'id' })),
    );
    checkUnique(
      'family id',
      ladder.families.map((f) => ({ origin: f.origin, key: f.id, field: 'id' })),
    );
    // A track in two families would be counted twice by parity and listed twice on the site.
    const familyOf = new Map<string, string>();
    for (const family of ladder.families) {
      family.tracks.forEach((track, i) => {
        const earlier = familyOf.get(track);
        if (earlier === undefined) familyOf.set(track, family.id);
        else if (earlier !== family.id)
          report(
            at(family.origin, `tracks/${i}`),
            `Track "${track}" is already in family "${earlier}"; a track belongs to one family. Remove it from one of the two.`,
          );
      });
    }
    checkUnique(
      'level id',
      ladder.levels.map((l) => ({ origin: l.origin, key: l.id, field: 'id' })),
    );
  },
};

/** Items without tracks always collide; competencies collide when they share a track. */
function sharesTrack(a: string[] | undefined, b: string[] | undefined): boolean {
  return a === undefined || b === undefined || a.some((t) => b.includes(t));
}
