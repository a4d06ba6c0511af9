import { at } from '../core/model.js';
import { resolveMove, trackSwitchProblem } from '../core/moves.js';
import type { Rule } from './rule.js';

/** A track switch keeps the band exactly: into management is not a promotion, back to IC is not a demotion. */
export const packetTrackSwitch: Rule = {
  id: 'packet-track-switch',
  severity: 'error',
  group: 'packet',
  description: 'A track switch changes track and keeps the band exactly (never a promotion, never a demotion).',
  check({ ladder, index, report }) {
    for (const packet of ladder.packets) {
      if (packet.kind !== 'track-switch') continue;
      const move = resolveMove(index, packet.from, packet.to);
      const problem = move && trackSwitchProblem(move, index);
      if (problem) report(at(packet.origin, 'to'), problem);
    }
  },
};
