import { type Ladder, LadderIndex, type Packet } from './model.js';
import { type LevelRef, PacketSummarizer, type PacketSummary } from './packet-summary.js';
import { plural } from './text.js';

/*
 * A committee packet for one cycle (`ladder calibrate`): every packet of the cycle, grouped by the
 * level it targets, with the counts a calibration meeting compares. Built from summaries, so it
 * holds ids, the ladder's names and numbers, never a packet's text. Pure.
 */

/** The first line of every calibration file: how the calibration-output rule (and `render`) know one. */
export const CALIBRATION_MARKER = '<!-- ladder-as-code:calibration';

export function calibrationMarker(cycle: string): string {
  return `${CALIBRATION_MARKER} cycle=${encodeURIComponent(cycle)} -->`;
}

/** Whether a file's text is a calibration packet: the marker within its first lines. */
export function isCalibrationText(text: string): boolean {
  return text.slice(0, 512).includes(CALIBRATION_MARKER);
}

export interface CalibrationEntry {
  summary: PacketSummary;
  /** Why the committee should look closer, in words about ids and counts. */
  attention: string[];
}

/** The packets that target one level, on its band. */
export interface CalibrationGroup {
  /** The target level, or undefined when it does not exist (then `levelId`, when id-shaped). */
  level: LevelRef | undefined;
  levelId: string | undefined;
  bandRank: number;
  /** The competencies of the target level, in the ladder's order (the columns of the coverage table). */
  competencies: Array<{ id: string; name: string }>;
  entries: CalibrationEntry[];
}

export interface Calibration {
  organization: string;
  cycle: string;
  ladderVersion: string;
  groups: CalibrationGroup[];
  packets: number;
}

/** What in a summary needs the committee's attention. */
export function attentionOf(s: PacketSummary): string[] {
  const out: string[] = [];
  if (!s.to) out.push('the target level does not exist');
  if (s.bands !== undefined && s.bands > 1) out.push(`skips ${plural(s.bands - 1, 'band')}`);
  if (s.bands !== undefined && s.bands < 0) out.push(`moves ${plural(-s.bands, 'band')} down`);
  const missing = s.coverage.filter((c) => c.state === 'missing').map((c) => c.name);
  const thin = s.coverage.filter((c) => c.state === 'thin').map((c) => c.name);
  if (missing.length > 0) out.push(`no evidence for ${missing.join(', ')}`);
  if (thin.length > 0) out.push(`thin evidence for ${thin.join(', ')}`);
  if (s.feedback.count < s.feedback.minimum) out.push(`feedback from ${s.feedback.count} of the ${s.feedback.minimum} people the policy asks for`);
  const against = s.feedback.count - s.feedback.supporting;
  if (against > 0) out.push(`${plural(against, 'feedback provider')} ${against === 1 ? 'does' : 'do'} not support the move`);
  if (s.ladderVersion.behind) out.push(`written against ladder ${s.ladderVersion.written}, now ${s.ladderVersion.current}`);
  return out;
}

/** The calibration of one cycle: its packets (by folder), grouped by target band and level, lowest first. */
export function calibrationOf(ladder: Ladder, cycle: string): Calibration {
  const index = new LadderIndex(ladder);
  const summarizer = new PacketSummarizer(index);
  const packets = ladder.packets.filter((p) => p.folder === cycle).sort((a, b) => (a.origin.file < b.origin.file ? -1 : 1));
  const byLevel = new Map<string, { packets: Packet[] }>();
  for (const p of packets) {
    const entry = byLevel.get(p.to) ?? { packets: [] };
    entry.packets.push(p);
    byLevel.set(p.to, entry);
  }
  const groups: CalibrationGroup[] = [...byLevel].map(([to, { packets: ps }]) => {
    const entries = ps.map((p) => {
      const summary = summarizer.summarize(p);
      return { summary, attention: attentionOf(summary) };
    });
    const first = entries[0]?.summary;
    const level = index.levelById.get(to);
    return {
      level: first?.to,
      levelId: first?.toId,
      bandRank: level ? index.rankOf(level) : Number.MAX_SAFE_INTEGER,
      // Every row any of them has (packets may choose different options of a group), in the order met.
      competencies: [...new Map(entries.flatMap((e) => e.summary.coverage).map((c) => [c.id, { id: c.id, name: c.name }])).values()],
      entries,
    };
  });
  groups.sort((a, b) => a.bandRank - b.bandRank || (a.levelId ?? '').localeCompare(b.levelId ?? ''));
  return { organization: ladder.organization, cycle, ladderVersion: ladder.version, groups, packets: packets.length };
}
