import type { Band, LadderIndex, Level, Track } from './model.js';
import { PACKET_KINDS, type PacketKind } from './packet-kinds.js';
import { TRACK_KINDS } from './track-kinds.js';

/** A move between two existing levels, with what every move rule needs to judge it. */
export interface Move {
  from: Level;
  to: Level;
  fromTrack: Track;
  toTrack: Track;
  fromBand: Band;
  toBand: Band;
  /** Bands climbed: 1 for a promotion, 0 for a lateral move. */
  climb: number;
}

export function resolveMove(index: LadderIndex, fromId: string, toId: string): Move | undefined {
  const from = index.levelById.get(fromId);
  const to = index.levelById.get(toId);
  // From a level shared by several tracks, the move is on the track it shares with `to`, if any.
  const shared = from && to ? from.tracks.find((t) => to.tracks.includes(t)) : undefined;
  const fromTrack = from && index.trackById.get(shared ?? from.track);
  const toTrack = to && index.trackById.get(shared ?? to.track);
  const fromBand = from && index.bandById.get(from.band);
  const toBand = to && index.bandById.get(to.band);
  if (!from || !to || !fromTrack || !toTrack || !fromBand || !toBand) return undefined;
  return { from, to, fromTrack, toTrack, fromBand, toBand, climb: toBand.rank - fromBand.rank };
}

/** The level of `track` on `band`, to suggest the move the author probably meant. */
function levelOn(index: LadderIndex, trackId: string, bandRank: number): Level | undefined {
  return index.levelsOf(trackId).find((l) => index.rankOf(l) === bandRank);
}

/** ` (its levels are on bands "Senior" to "Principal")`: where a track does have levels. */
function bandsOf(index: LadderIndex, trackId: string): string {
  const levels = index.levelsOf(trackId);
  const band = (l: Level | undefined) => (l ? index.bandById.get(l.band)?.name : undefined);
  const [low, high] = [band(levels[0]), band(levels[levels.length - 1])];
  if (!low || !high) return '';
  return low === high ? ` (its only level is on band "${low}")` : ` (its levels are on bands "${low}" to "${high}")`;
}

/** Why a promotion is impossible, or undefined when it climbs exactly one band on one track (or on a move ladder.yml declares). */
export function promotionProblem(move: Move, index: LadderIndex): string | undefined {
  const { from, to, fromTrack, toTrack, fromBand, toBand, climb } = move;
  const name = (l: Level) => index.nameOf(l);
  const declared = index.declaredMove(from.id, to.id);
  if (fromTrack.id !== toTrack.id && !declared) {
    const forks = index.ladder.moves.filter((m) => m.from === from.id).map((m) => m.to);
    const fork = forks.length > 0 ? ` From ${from.id}, ladder.yml declares promotions onto another track only to ${forks.join(', ')}.` : '';
    return `A promotion stays on one track, but ${name(from)} is on "${fromTrack.name}" and ${name(to)} on "${toTrack.name}".${fork} Changing track is a lateral move: use kind: track-switch to the level on the same band, and a promotion on the new track later.`;
  }
  if (climb === 1) return undefined;
  const next = levelOn(index, fromTrack.id, fromBand.rank + 1);
  const suggestion = next ? ` Ask for ${name(next)}, the next level.` : '';
  if (climb > 1) {
    return `A promotion climbs one band at a time; ${name(from)} → ${name(to)} climbs ${climb} bands, from "${fromBand.name}" to "${toBand.name}".${suggestion}`;
  }
  return `A promotion climbs one band, but ${name(from)} → ${name(to)} ${climb === 0 ? 'stays on' : 'goes down to'} band "${toBand.name}".${suggestion}`;
}

/** Why a track switch is impossible, or undefined when it keeps the band and changes track. */
export function trackSwitchProblem(move: Move, index: LadderIndex): string | undefined {
  const { from, to, fromTrack, toTrack, fromBand, toBand, climb } = move;
  const name = (l: Level) => index.nameOf(l);
  if (fromTrack.id === toTrack.id) {
    return `A track switch changes track, but ${name(from)} and ${name(to)} are both on "${fromTrack.name}". Use kind: promotion for a move up the same track.`;
  }
  if (climb === 0) return undefined;
  const lateral = levelOn(index, toTrack.id, fromBand.rank);
  const why = toTrack.kind !== fromTrack.kind ? TRACK_KINDS[toTrack.kind].switchInto : 'A track switch is lateral';
  const direction = climb > 0 ? 'up' : 'down';
  const gap = `A track switch keeps the band, but ${name(from)} is on "${fromBand.name}" and ${name(to)} on "${toBand.name}" (${Math.abs(climb)} band${Math.abs(climb) === 1 ? '' : 's'} ${direction}).`;
  // Never advise a level that does not exist: say the band has none on that track instead.
  if (!lateral)
    return `${gap} ${why}, and "${toTrack.name}" has no level on band "${fromBand.name}"${bandsOf(index, toTrack.id)}: no switch from ${from.id} to it keeps the band.`;
  return `${gap} ${why}: switch to ${name(lateral)}${climb > 0 ? ', and ask for a promotion separately' : ''}.`;
}

/** Why a graduation is impossible (levels only; the stakeholder quorum is checked by its rule). */
export function graduationProblem(move: Move, index: LadderIndex): string | undefined {
  const { from, to, fromTrack, toTrack, fromBand, toBand, climb } = move;
  const name = (l: Level) => index.nameOf(l);
  const { tracks } = PACKET_KINDS.graduation;
  if (fromTrack.kind !== tracks.from || toTrack.kind !== tracks.to) {
    return `A graduation from the apprentice manager program goes from an IC level to a management level, but ${name(from)} is on "${fromTrack.name}" (${fromTrack.kind}) and ${name(to)} on "${toTrack.name}" (${toTrack.kind}).`;
  }
  if (climb === 0) return undefined;
  const lateral = levelOn(index, toTrack.id, fromBand.rank);
  const gap = `A graduation keeps the band: becoming a manager is not a promotion. ${name(from)} is on "${fromBand.name}" but ${name(to)} on "${toBand.name}"`;
  if (!lateral)
    return `${gap}, and "${toTrack.name}" has no level on band "${fromBand.name}"${bandsOf(index, toTrack.id)}: no graduation from ${from.id} to it keeps the band.`;
  return `${gap}; graduate to ${name(lateral)} instead.`;
}

export const moveProblem: Record<PacketKind, (move: Move, index: LadderIndex) => string | undefined> = {
  promotion: promotionProblem,
  'track-switch': trackSwitchProblem,
  graduation: graduationProblem,
};
