import { at } from '../core/model.js';
import { promotionProblem, resolveMove } from '../core/moves.js';
import type { Rule } from './rule.js';

/** A promotion climbs exactly one band on one track. */
export const packetPromotion: Rule = {
  id: 'packet-promotion',
  severity: 'error',
  group: 'packet',
  description: 'A promotion climbs exactly one band on one track.',
  check({ ladder, index, report }) {
    for (const packet of ladder.packets) {
      if (packet.kind !== 'promotion') continue;
      const move = resolveMove(index, packet.from, packet.to);
      const problem = move && promotionProblem(move, index);
      if (problem) report(at(packet.origin, 'to'), problem);
    }
  },
};
