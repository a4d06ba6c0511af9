import { reportImpossibleMoves } from './move-rule.js';
import type { Rule } from './rule.js';

/** A promotion climbs exactly one band on one track. */
export const packetPromotion: Rule = {
  id: 'packet-promotion',
  severity: 'error',
  group: 'packet',
  description: 'A promotion climbs exactly one band on one track.',
  check: (context) => reportImpossibleMoves(context, 'promotion'),
};
