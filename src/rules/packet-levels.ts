import { describeMigrated, joinIds, migrationsOf, whereWent } from '../core/migrations.js';
import { at } from '../core/model.js';
import { quotedIfId } from '../core/personal.js';
import { didYouMean } from '../core/suggest.js';
import type { Rule } from './rule.js';

/** A packet's from and to levels exist in the ladder. */
export const packetLevels: Rule = {
  id: 'packet-levels',
  severity: 'error',
  group: 'packet',
  description: "A packet's from and to levels exist in the ladder.",
  check({ ladder, index, report }) {
    const ids = [...index.levelById.keys()];
    const migrations = migrationsOf(ladder);
    for (const packet of ladder.packets) {
      for (const key of ['from', 'to'] as const) {
        const id = packet[key];
        if (id && !index.levelById.has(id)) {
          // An id the changelog migrated is a level id of the ladder's past, so quoting it tells nothing personal.
          const migrated = whereWent(id, migrations);
          const now = migrated?.to.filter((t) => index.levelById.has(t)) ?? [];
          if (migrated && now.length > 0) {
            report(
              at(packet.origin, key),
              `The packet's ${key} level "${id}" ${describeMigrated(migrated)}. ${now.length === 1 ? `Write ${joinIds(now)} here` : `Write the one of ${joinIds(now)} that fits here`}, and check the evidence against its expectations.`,
            );
            continue;
          }
          report(
            at(packet.origin, key),
            `The packet's ${key} level${quotedIfId(id)} is not in the ladder.${didYouMean(id, ids)} Level ids are the file names under levels/<track>/.`,
          );
        }
      }
    }
  },
};
