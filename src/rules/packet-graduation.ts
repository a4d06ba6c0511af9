import { at } from '../core/model.js';
import { reportImpossibleMoves } from './move-rule.js';
import type { Rule } from './rule.js';

/** An apprentice-manager graduation goes from IC to the EM level of the same band, with the stakeholder quorum. */
export const packetGraduation: Rule = {
  id: 'packet-graduation',
  severity: 'error',
  group: 'packet',
  description: "A graduation goes from an IC level to the EM level of the same band, with at least policy's minimum of distinct stakeholders.",
  check(context) {
    reportImpossibleMoves(context, 'graduation');
    const { ladder, report } = context;
    const needed = ladder.policy.packets.graduationStakeholders;
    for (const packet of ladder.packets) {
      if (packet.kind !== 'graduation') continue;
      const stakeholders = new Set(packet.feedback.map((f) => f.handle.toLowerCase()).filter((h) => h !== packet.candidate.toLowerCase()));
      if (stakeholders.size < needed) {
        report(
          at(packet.origin, 'feedback'),
          `A graduation needs feedback from at least ${needed} distinct stakeholders (policy.packets.graduationStakeholders); this packet lists ${stakeholders.size}. Graduating is as hard as a promotion: gather feedback from the people the apprentice managed and worked with, and list each under feedback.`,
        );
      }
    }
  },
};
