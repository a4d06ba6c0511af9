import { at } from '../core/model.js';
import { didYouMean } from '../core/suggest.js';
import type { Rule } from './rule.js';

/** A level has exactly one non-empty `## ` section per competency of its track, and no others. */
export const levelSections: Rule = {
  id: 'level-sections',
  severity: 'error',
  group: 'ladder',
  description: 'Each level has exactly one non-empty "## <competency>" section per competency of its track; none missing, unknown or repeated.',
  check({ ladder, index, report }) {
    // Without competencies.yml every section would look unknown; its own diagnostic says why.
    if (!ladder.competenciesLoaded) return;
    for (const level of ladder.levels) {
      if (!index.trackById.has(level.track)) continue; // unknown-reference says why
      const expected = index.competenciesOf(level.track);
      const byName = new Map(expected.map((c) => [c.name.toLowerCase(), c]));
      const allNames = ladder.competencies.map((c) => c.name);
      const seen = new Map<string, number>();
      const file = level.origin.file;
      for (const section of level.sections) {
        const key = section.name.toLowerCase();
        const competency = byName.get(key);
        if (!competency) {
          const other = ladder.competencies.find((c) => c.name.toLowerCase() === key);
          // A competency of this track shadowed by an earlier one with the same id: unique-id reports it.
          if (other?.tracks.includes(level.track)) continue;
          const why = other
            ? `"${other.name}" does not apply to track "${level.track}" (competencies.yml lists it for ${other.tracks.join(', ')}); remove the section or add the track to the competency.`
            : `No competency has this name.${didYouMean(section.name, allNames)} Section headings must match a competency name in competencies.yml.`;
          report({ file, at: section.at }, `Unknown section "${section.name}" in level "${level.id}": ${why}`);
          continue;
        }
        const earlier = seen.get(key);
        if (earlier !== undefined) {
          report({ file, at: section.at }, `Section "${section.name}" appears twice in level "${level.id}" (first on line ${earlier}); merge the two.`);
          continue;
        }
        seen.set(key, section.at.line);
        if (section.body === '') {
          report(
            { file, at: section.at },
            `Section "${section.name}" of level "${level.id}" is empty; write what this level expects for ${competency.name.toLowerCase()}.`,
          );
        }
      }
      const missing = expected.filter((c) => !seen.has(c.name.toLowerCase()));
      if (missing.length > 0) {
        report(
          at(level.origin, 'id'),
          `Level "${level.id}" has no section for ${missing.map((c) => `"${c.name}"`).join(', ')}; add ${missing.length === 1 ? 'a "## ' + (missing[0]?.name ?? '') + '" section' : 'one "## <name>" section for each'} with its expectations.`,
        );
      }
    }
  },
};
