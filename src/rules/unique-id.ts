import { at, type Origin } from '../core/model.js';
import type { Rule } from './rule.js';

/** Bands, tracks, competencies and levels each have ids unique within their kind; competency names are unique too (they are section headings). */
export const uniqueId: Rule = {
  id: 'unique-id',
  severity: 'error',
  group: 'ladder',
  description: 'Ids of bands, tracks, families, competencies and levels, and competency names, are unique; a track is in one family at most.',
  check({ ladder, report }) {
    // `key` is what must be unique (names compare case-insensitively); `shown` is how the file spells it.
    const checkUnique = (what: string, items: Array<{ origin: Origin; key: string; field: string; shown?: string }>) => {
      const first = new Map<string, Origin>();
      for (const item of items) {
        const earlier = first.get(item.key);
        if (!earlier) {
          first.set(item.key, item.origin);
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
      'track id',
      ladder.tracks.map((t) => ({ origin: t.origin, key: t.id, field: 'id' })),
    );
    checkUnique(
      'competency id',
      ladder.competencies.map((c) => ({ origin: c.origin, key: c.id, field: 'id' })),
    );
    checkUnique(
      'competency name',
      ladder.competencies.map((c) => ({ origin: c.origin, key: c.name.trim().toLowerCase(), field: 'name', shown: c.name.trim() })),
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
