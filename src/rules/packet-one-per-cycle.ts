import { at, type Packet } from '../core/model.js';
import type { Rule } from './rule.js';

/** One candidate has at most one packet per cycle. */
export const packetOnePerCycle: Rule = {
  id: 'packet-one-per-cycle',
  severity: 'error',
  group: 'packet',
  description: 'A candidate has at most one packet per cycle.',
  check({ ladder, report }) {
    const first = new Map<string, Packet>();
    for (const packet of [...ladder.packets].sort((a, b) => (a.origin.file < b.origin.file ? -1 : 1))) {
      if (!packet.candidate || !packet.cycle) continue;
      const key = `${packet.cycle}\u0000${packet.candidate.toLowerCase()}`;
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, packet);
        continue;
      }
      report(
        at(packet.origin, 'candidate'),
        `"${packet.candidate}" already has a packet in cycle "${packet.cycle}" (${earlier.origin.file}); a candidate has one packet per cycle. Merge them or move this one to a later cycle.`,
      );
    }
  },
};
