import { at } from '../core/model.js';
import type { Rule } from './rule.js';

/** Candidates neither sponsor nor give feedback on their own packet, nor are their own manager. */
export const packetSelfReview: Rule = {
  id: 'packet-self-review',
  severity: 'error',
  group: 'packet',
  description: 'The candidate is not a feedback provider, sponsor or manager on their own packet.',
  check({ ladder, report }) {
    for (const packet of ladder.packets) {
      const candidate = packet.candidate.toLowerCase();
      if (!candidate) continue;
      packet.sponsors.forEach((s, i) => {
        if (s.toLowerCase() === candidate)
          report(at(packet.origin, `sponsors/${i}`), `The candidate cannot sponsor their own packet; remove them from sponsors.`);
      });
      for (const f of packet.feedback) {
        if (f.handle.toLowerCase() === candidate) {
          report(
            at(packet.origin, `feedback/${f.index}/handle`),
            `The candidate cannot give feedback on their own packet; remove this entry (self-assessment belongs in the summary).`,
          );
        }
      }
      if (packet.manager?.toLowerCase() === candidate) {
        report(at(packet.origin, 'manager'), `The candidate is named as their own manager; name the person they report to.`);
      }
    }
  },
};
