import type { Ladder, Migration, MigrationKind } from './model.js';
import { compareVersions } from './semver.js';
import { joinWords } from './text.js';

/** How each kind of migration reads: "E3 split into SWE3 and SRE3". */
export const MIGRATION_VERB: Record<MigrationKind, string> = { rename: 'renamed to', split: 'split into', merge: 'merged into' };

/** Every migration the ladder's changelog declares, oldest version first (the order they apply in). */
export function migrationsOf(ladder: Pick<Ladder, 'changelog'>): Migration[] {
  return ladder.changelog
    .map((entry, i) => ({ entry, i }))
    .sort((a, b) => compareVersions(a.entry.version, b.entry.version) || b.i - a.i)
    .flatMap(({ entry }) => entry.migrations);
}

/** Where an old level id went: the migrations it went through, and the ids it ended as. */
export interface Migrated {
  steps: Migration[];
  to: string[];
}

/**
 * Follows an old id through every later migration (E3 renamed SWE3 in 2.0, SWE3 split in 3.0)
 * to the ids it ends as; undefined when no migration names it. Cycles stop where they repeat.
 */
export function whereWent(id: string, migrations: readonly Migration[]): Migrated | undefined {
  const steps: Migration[] = [];
  let current = [id];
  for (const m of migrations) {
    if (!current.some((c) => m.from.includes(c)) || steps.includes(m)) continue;
    steps.push(m);
    current = [...new Set(current.flatMap((c) => (m.from.includes(c) ? m.to : [c])))];
  }
  return steps.length === 0 ? undefined : { steps, to: current };
}

/** "was renamed to SWE3 (2.0.0)", "was split into SWE3 and SRE3 (2.0.0)", chains joined with ", then". */
export function describeMigrated(migrated: Migrated): string {
  return migrated.steps.map((m) => `was ${MIGRATION_VERB[m.kind]} ${joinIds(m.to)} in version ${m.version}`).join(', then ');
}

export function joinIds(ids: readonly string[]): string {
  return joinWords(ids.map((i) => `"${i}"`));
}
