import { type Applies, chosen, expectedAt, judgedBySubs, matchSections, notYet, subsAt } from '../core/applicability.js';
import type { Section } from '../core/markdown-document.js';
import { at, type Competency, type LadderIndex, type Level, type Located } from '../core/model.js';
import { didYouMean, listOf } from '../core/suggest.js';
import type { Rule } from './rule.js';
import { checkSubsections } from './subsections.js';

/**
 * A level has exactly one non-empty `## ` section per competency that applies to it (its track's,
 * from their `from` band up), at least `choose` of each group's options, one `### ` section per
 * applicable sub of a pillar, and no others.
 */
export const levelSections: Rule = {
  id: 'level-sections',
  severity: 'error',
  group: 'ladder',
  description:
    'Each level has exactly one non-empty "## <competency>" section per competency that applies to it (and "### <sub>" per applicable sub); at least k of a choose-k group; none missing, unknown or repeated.',
  check({ ladder, index, report }) {
    // Without competencies.yml every section would look unknown; its own diagnostic says why.
    if (!ladder.competenciesLoaded) return;
    const allNames = ladder.competencies.map((c) => c.name);
    for (const level of ladder.levels) {
      if (!index.trackById.has(level.track)) continue; // unknown-reference says why
      if (level.head) continue; // its sections were not read: not missing
      const expected = expectedAt(level, index);
      const file = level.origin.file;
      const { matches, seen } = matchSections(level.sections, [...expected.applies.keys()]);
      for (const [section, match] of matches) {
        if (match.kind === 'unknown') {
          const key = section.name.toLowerCase();
          const other = ladder.competencies.find((c) => c.name.toLowerCase() === key);
          // A competency of this track shadowed by an earlier one with the same id: unique-id reports it.
          if (other?.tracks.includes(level.track)) continue;
          const why = other
            ? `"${other.name}" does not apply to track "${level.track}" (competencies.yml lists it for ${other.tracks.join(', ')}); remove the section or add the track to the competency.`
            : `No competency has this name.${didYouMean(section.name, allNames)} Section headings must match a competency name in competencies.yml.`;
          report({ file, at: section.at }, `Unknown section "${section.name}" in level "${level.id}": ${why}`);
          continue;
        }
        if (match.kind === 'repeat') {
          report({ file, at: section.at }, `Section "${section.name}" appears twice in level "${level.id}" (first on line ${match.firstLine}); merge the two.`);
          continue;
        }
        const competency = match.competency;
        if (expected.applies.get(competency) === 'no') {
          report({ file, at: section.at }, notYet(`Section "${section.name}" of level "${level.id}"`, competency, index));
          continue;
        }
        const subs = subsAt(competency, level, index);
        if (judgedBySubs(subs)) subsectionsOfLevel(level, section, competency, subs, index, report);
        else if (section.body === '') {
          report(
            { file, at: section.at },
            `Section "${section.name}" of level "${level.id}" is empty; write what this level expects for ${competency.name.toLowerCase()}.`,
          );
        }
      }
      const missing = expected.required.filter((c) => !seen.has(c));
      if (missing.length > 0) {
        report(
          at(level.origin, 'id'),
          `Level "${level.id}" has no section for ${missing.map((c) => `"${c.name}"`).join(', ')}; add ${missing.length === 1 ? 'a "## ' + (missing[0]?.name ?? '') + '" section' : 'one "## <name>" section for each'} with its expectations.`,
        );
      }
      for (const group of expected.groups) {
        const have = chosen(group, seen).length;
        if (have >= group.choose) continue;
        report(
          at(level.origin, 'id'),
          `Level "${level.id}" has ${have} of the options of group "${group.group.id}", which asks for at least ${group.choose} of ${listOf(group.options.map((o) => o.name))}; add a "## <name>" section with expectations for ${group.choose - have === 1 ? 'one more' : `${group.choose - have} more`}.`,
        );
      }
    }
  },
};

/** The `### ` sections under a pillar, in a level's words. */
function subsectionsOfLevel(
  level: Level,
  section: Section,
  pillar: Competency,
  subs: Map<Competency, Applies>,
  index: LadderIndex,
  report: (where: Located, message: string) => void,
): void {
  const names = [...subs.keys()].map((s) => s.name);
  checkSubsections(
    level.origin.file,
    section,
    subs,
    (body) => body === '',
    {
      unknown: (sub) =>
        `Unknown subsection "${sub.name}" under "${pillar.name}" in level "${level.id}": "${pillar.name}" has no sub-competency of this name.${didYouMean(sub.name, names)} "### " headings under a pillar name its subs in competencies.yml.`,
      repeat: (sub, _, firstLine) =>
        `Subsection "${sub.name}" appears twice under "${pillar.name}" in level "${level.id}" (first on line ${firstLine}); merge the two.`,
      notYet: (sub, competency) => notYet(`Subsection "${sub.name}" of level "${level.id}"`, competency, index),
      empty: (sub, competency) =>
        `Subsection "${sub.name}" of level "${level.id}" is empty; write what this level expects for ${competency.name.toLowerCase()}.`,
      missing: (missing) =>
        `Section "${section.name}" of level "${level.id}" has no subsection for ${listOf(missing.map((s) => s.name))}; add a "### <name>" section under it for each, with its expectations.`,
    },
    report,
  );
}
