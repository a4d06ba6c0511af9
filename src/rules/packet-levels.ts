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
    for (const packet of ladder.packets) {
      for (const key of ['from', 'to'] as const) {
        const id = packet[key];
        if (id && !index.levelById.has(id)) {
          report(
            at(packet.origin, key),
            `The packet's ${key} level${quotedIfId(id)} is not in the ladder.${didYouMean(id, ids)} Level ids are the file names under levels/<track>/.`,
          );
        }
      }
    }
  },
};
