import { at } from '../core/model.js';
import type { Rule } from './rule.js';

/** A packet lists at least policy's minimum of distinct feedback providers for its kind, each once. */
export const packetFeedback: Rule = {
  id: 'packet-feedback',
  severity: 'error',
  group: 'packet',
  description: "Feedback comes from at least policy's minimum of distinct people for the packet's kind, each listed once.",
  check({ ladder, report }) {
    for (const packet of ladder.packets) {
      const seen = new Set<string>();
      for (const f of packet.feedback) {
        const handle = f.handle.toLowerCase();
        if (seen.has(handle)) {
          report(at(packet.origin, `feedback/${f.index}/handle`), `"${f.handle}" is listed twice under feedback; each person counts once. Remove the repeat.`);
        }
        seen.add(handle);
      }
      if (packet.kind !== 'promotion' && packet.kind !== 'track-switch') continue; // graduations: packet-graduation
      const needed = ladder.policy.packets.minimumFeedback[packet.kind];
      if (seen.size < needed) {
        report(
          at(packet.origin, 'feedback'),
          `A ${packet.kind} needs feedback from at least ${needed} distinct people (policy.packets.minimumFeedback.${packet.kind}); this packet lists ${seen.size}. Add each provider under feedback with handle, relationship and supports.`,
        );
      }
    }
  },
};
