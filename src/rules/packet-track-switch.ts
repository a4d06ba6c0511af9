import { reportImpossibleMoves } from './move-rule.js';
import type { Rule } from './rule.js';

/** A track switch keeps the band exactly: into management is not a promotion, back to IC is not a demotion. */
export const packetTrackSwitch: Rule = {
  id: 'packet-track-switch',
  severity: 'error',
  group: 'packet',
  description: 'A track switch changes track and keeps the band exactly (never a promotion, never a demotion).',
  check: (context) => reportImpossibleMoves(context, 'track-switch'),
};
