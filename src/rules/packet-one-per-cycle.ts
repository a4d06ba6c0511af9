import { at, type Packet } from '../core/model.js';
import type { Rule } from './rule.js';

/** One candidate has at most one packet per cycle. */
export const packetOnePerCycle: Rule = {
  id: 'packet-one-per-cycle',
  severity: 'error',
  group: 'packet',
  description: 'A candidate has at most one packet per cycle.',
  check({ ladder, report }) {
    // Loaded packets, and those known only by who they are for (not reported on: not being checked).
    const byCandidate = new Map<string, Array<{ file: string; packet: Packet | undefined }>>();
    const add = (cycle: string, candidate: string, file: string, packet: Packet | undefined) => {
      if (!candidate || !cycle) return;
      const key = `${cycle}\u0000${candidate.toLowerCase()}`;
      byCandidate.set(key, [...(byCandidate.get(key) ?? []), { file, packet }]);
    };
    for (const packet of ladder.packets) add(packet.cycle, packet.candidate, packet.origin.file, packet);
    for (const other of ladder.otherPackets) add(other.cycle, other.candidate, other.file, undefined);
    // Every packet of a duplicate is reported, naming the others: a pull request that adds one
    // must see the error on its own file, whichever sorts first.
    for (const entries of byCandidate.values()) {
      if (entries.length < 2) continue;
      for (const { packet } of entries) {
        if (!packet) continue;
        const others = entries
          .filter((e) => e.packet !== packet)
          .map((e) => e.file)
          .sort();
        report(
          at(packet.origin, 'candidate'),
          `The candidate has ${entries.length} packets in cycle "${packet.cycle}" (also ${others.join(', ')}); a candidate has one packet per cycle. Merge them, or move one to a later cycle.`,
        );
      }
    }
  },
};
