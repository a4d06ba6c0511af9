import { at } from '../core/model.js';
import { hasFeedbackMinimum } from '../core/packet-kinds.js';
import type { Rule } from './rule.js';

/** A packet lists at least policy's minimum of distinct feedback providers for its kind, each once. */
export const packetFeedback: Rule = {
  id: 'packet-feedback',
  severity: 'error',
  group: 'packet',
  description: "Feedback comes from at least policy's minimum of distinct people for the packet's kind, each listed once.",
  check({ ladder, report }) {
    for (const packet of ladder.packets) {
      // Entry numbers, not handles: messages never quote a packet's values.
      const seen = new Map<string, number>();
      for (const f of packet.feedback) {
        const handle = f.handle.toLowerCase();
        const first = seen.get(handle);
        if (first !== undefined) {
          report(
            at(packet.origin, `feedback/${f.index}/handle`),
            `Feedback entry ${f.index + 1} names the same person as entry ${first + 1}; each person counts once. Remove the repeat.`,
          );
        } else seen.set(handle, f.index);
      }
      if (!packet.kind || !hasFeedbackMinimum(packet.kind)) continue; // graduations: packet-graduation
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
