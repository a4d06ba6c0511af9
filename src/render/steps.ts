import type { LadderIndex, Level } from '../core/model.js';
import { slug } from './urls.js';

/**
 * The moves the "what changes" pages describe: a promotion is the next level up on the same track;
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
}

export interface Steps {
  all: Step[];
  /** The promotion out of a level, and into it. */
  up: Map<Level, Step>;
  down: Map<Level, Step>;
  /** Lateral switches a level takes part in, either side. */
  switches: Map<Level, Step[]>;
}

export function stepsOf(index: LadderIndex, tracks: readonly { id: string }[]): Steps {
  const all: Step[] = [];
  const up = new Map<Level, Step>();
  const down = new Map<Level, Step>();
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
      const step: Step = { kind: 'promotion', from, to, key: key(from, to) };
      all.push(step);
      up.set(from, step);
      down.set(to, step);
    }
  }
  const byBand = new Map<string, Level[]>();
  for (const track of tracks) {
    for (const level of index.levelsOf(track.id)) {
      const list = byBand.get(level.band) ?? [];
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
        if (from.track === to.track) continue;
        const step: Step = { kind: 'switch', from, to, key: key(from, to) };
        all.push(step);
        add(from, step);
        add(to, step);
      }
    });
  }
  return { all, up, down, switches };
}
