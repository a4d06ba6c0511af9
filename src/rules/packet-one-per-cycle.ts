import { at, type Packet } from '../core/model.js';
import type { Rule } from './rule.js';

/** One candidate has at most one packet per cycle. */
export const packetOnePerCycle: Rule = {
  id: 'packet-one-per-cycle',
  severity: 'error',
  group: 'packet',
  description: 'A candidate has at most one packet per cycle.',
  check({ ladder, report }) {
    const byCandidate = new Map<string, Packet[]>();
    for (const packet of ladder.packets) {
      if (!packet.candidate || !packet.cycle) continue;
      const key = `${packet.cycle}\u0000${packet.candidate.toLowerCase()}`;
      byCandidate.set(key, [...(byCandidate.get(key) ?? []), packet]);
    }
    // Every packet of a duplicate is reported, naming the others: a pull request that adds one
    // must see the error on its own file, whichever sorts first.
    for (const packets of byCandidate.values()) {
      if (packets.length < 2) continue;
      for (const packet of packets) {
        const others = packets
          .filter((p) => p !== packet)
          .map((p) => p.origin.file)
          .sort();
        report(
          at(packet.origin, 'candidate'),
          `"${packet.candidate}" has ${packets.length} packets in cycle "${packet.cycle}" (also ${others.join(', ')}); a candidate has one packet per cycle. Merge them, or move one to a later cycle.`,
        );
      }
    }
  },
};
