import { describeMigrated, migrationsOf, whereWent } from '../core/migrations.js';
import { at, type Migration } from '../core/model.js';
import { didYouMean } from '../core/suggest.js';
import type { Rule } from './rule.js';

/** The key of a migration that holds its old ids, and the one that holds its new ones. */
const KEYS: Record<Migration['kind'], { from: string; to: string }> = {
  rename: { from: 'rename', to: 'to' },
  split: { from: 'split', to: 'into' },
  merge: { from: 'merge', to: 'into' },
};

/** Migrations in the changelog lead to levels that exist, from levels that no longer do. */
export const levelMigration: Rule = {
  id: 'level-migration',
  severity: 'error',
  group: 'ladder',
  description: 'Changelog migrations (rename, split, merge) lead from level ids that are gone to levels that exist.',
  check({ ladder, index, report }) {
    const all = migrationsOf(ladder);
    if (all.length === 0) return;
    const ids = [...index.levelById.keys()];
    all.forEach((m, i) => {
      const later = all.slice(i + 1);
      const keys = KEYS[m.kind];
      m.to.forEach((target, j) => {
        // A target may itself be migrated by a later version; then that migration is checked instead.
        if (index.levelById.has(target) || later.some((l) => l.from.includes(target))) return;
        report(
          at(m.origin, m.kind === 'split' ? `${keys.to}/${j}` : keys.to),
          `The ${m.kind} in version ${m.version} leads to "${target}", which is not a level of this ladder.${didYouMean(target, ids)} A migration names level ids as they are now (the file names under levels/<track>/).`,
        );
      });
      m.from.forEach((source, j) => {
        if (!index.levelById.has(source) || m.to.includes(source)) return;
        // Renamed away and back again (E3 → SWE3 → E3) is fine: the later step brings it back.
        if (whereWent(source, all.slice(i))?.to.includes(source)) return;
        const gone = whereWent(source, [m]);
        report(
          at(m.origin, m.kind === 'merge' ? `${keys.from}/${j}` : keys.from),
          `Level "${source}" ${gone ? describeMigrated(gone) : 'was migrated'}, but it is still a level of this ladder. Remove its file, or remove this migration.`,
        );
      });
    });
  },
};
