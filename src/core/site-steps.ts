import type { LadderIndex, Level, Track } from './model.js';
import { slug } from './site-paths.js';

/**
 * The moves the "what changes" pages describe: a promotion is the next level up on the same track,
 * or a move ladder.yml declares onto another track;
 * a switch is a lateral move between two levels of different tracks on the same band. A switch
 * goes both ways (IC to EM and back), so one page serves both directions: `from` is the level of
 * the track listed first in ladder.yml, and the page shows what each level asks that the other
 * does not.
 */
export interface Step {
  kind: 'promotion' | 'switch';
  from: Level;
  to: Level;
  /** URL segment: E4-E5, E4-M1. */
  key: string;
  /**
   * A switch between levels whose tracks are not neighbours on the band (another track's level sits
   * between them in the site's order): its page is a summary that links to the two levels'
   * expectations instead of repeating them side by side. Pairs of tracks grow with the square of
   * the tracks; neighbours, and so full comparisons, only as fast as the tracks.
   */
  summary?: true;
}

export interface Steps {
  all: Step[];
  /**
   * The promotions out of a level, and into it: one each on a single track; several at a fork (a
   * level shared by tracks that part after it, or a move ladder.yml declares onto another track).
   */
  up: Map<Level, Step[]>;
  down: Map<Level, Step[]>;
  /** Lateral switches a level takes part in, either side. */
  switches: Map<Level, Step[]>;
}

export function stepsOf(index: LadderIndex, tracks: readonly { id: string }[]): Steps {
  const all: Step[] = [];
  const up = new Map<Level, Step[]>();
  const down = new Map<Level, Step[]>();
  const promoted = new Set<string>();
  const promotion = (from: Level, to: Level) => {
    // A level shared by two tracks climbs to the next shared level once, not once per track.
    const pair = `${from.id}\u0000${to.id}`;
    if (promoted.has(pair)) return;
    promoted.add(pair);
    const step: Step = { kind: 'promotion', from, to, key: key(from, to) };
    all.push(step);
    up.set(from, [...(up.get(from) ?? []), step]);
    down.set(to, [...(down.get(to) ?? []), step]);
  };
  const switches = new Map<Level, Step[]>();
  const keys = new Set<string>();
  const key = (from: Level, to: Level) => {
    const base = `${slug(from.id)}-${slug(to.id)}`;
    let k = base;
    // Ids may contain "-", so two pairs could meet on one key (a-b + c, a + b-c): number the later one.
    for (let n = 2; keys.has(k); n++) k = `${base}--${n}`;
    keys.add(k);
    return k;
  };
  for (const track of tracks) {
    const levels = index.levelsOf(track.id);
    for (let i = 0; i + 1 < levels.length; i++) {
      const from = levels[i] as Level;
      const to = levels[i + 1] as Level;
      if (index.rankOf(to) <= index.rankOf(from)) continue;
      promotion(from, to);
    }
  }
  for (const move of index.ladder.moves) {
    const from = index.levelById.get(move.from);
    const to = index.levelById.get(move.to);
    if (from && to && index.rankOf(to) === index.rankOf(from) + 1) promotion(from, to);
  }
  const byBand = new Map<string, Level[]>();
  for (const track of tracks) {
    for (const level of index.levelsOf(track.id)) {
      const list = byBand.get(level.band) ?? [];
      if (list.includes(level)) continue; // shared by an earlier track
      list.push(level);
      byBand.set(level.band, list);
    }
  }
  const add = (level: Level, step: Step) => {
    const list = switches.get(level) ?? [];
    list.push(step);
    switches.set(level, list);
  };
  for (const band of index.ladder.bands) {
    // In track order, so that `from` is always on the earlier track.
    const levels = byBand.get(band.id) ?? [];
    levels.forEach((from, i) => {
      for (const to of levels.slice(i + 1)) {
        if (from.tracks.some((t) => to.tracks.includes(t))) continue;
        const step: Step = { kind: 'switch', from, to, key: key(from, to), ...(to === levels[i + 1] ? {} : { summary: true as const }) };
        all.push(step);
        add(from, step);
        add(to, step);
      }
    });
  }
  return { all, up, down, switches };
}

/** The site's order of tracks: those of a family together, in the families' order, then the rest as ladder.yml lists them. */
export function siteTracks(index: LadderIndex): Track[] {
  const declared = [...index.trackById.values()];
  const grouped = index.ladder.families.flatMap((f) => f.tracks.flatMap((id) => declared.filter((t) => t.id === id)));
  return [...new Set([...grouped, ...declared])];
}

/**
 * The "what changes" page for a move between two levels, as the site renders it: the promotion's,
 * or the switch's in either direction; undefined when the site has none (a move the ladder does not allow).
 */
export function stepFor(steps: Steps, fromId: string, toId: string): Step | undefined {
  return steps.all.find((s) => (s.from.id === fromId && s.to.id === toId) || (s.kind === 'switch' && s.from.id === toId && s.to.id === fromId));
}
