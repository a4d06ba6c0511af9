import { at, type PacketKind } from '../core/model.js';
import { moveProblem, resolveMove } from '../core/moves.js';
import type { RuleContext } from './rule.js';

/**
 * Reports, on each packet of `kind`, why its move is impossible (see core/moves.ts): the one check
 * the promotion, track-switch and graduation rules share. Packets whose levels do not resolve are
 * packet-levels' to report.
 */
export function reportImpossibleMoves({ ladder, index, report }: RuleContext, kind: PacketKind): void {
  for (const packet of ladder.packets) {
    if (packet.kind !== kind) continue;
    const move = resolveMove(index, packet.from, packet.to);
    const problem = move && moveProblem[kind](move, index);
    if (problem) report(at(packet.origin, 'to'), problem);
  }
}
