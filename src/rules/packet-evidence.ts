import {
  type Applies,
  type CompetencyNames,
  chosen,
  type Expected,
  expectedAt,
  judgedBySubs,
  matchSections,
  namesOf,
  notYet,
  subsAt,
} from '../core/applicability.js';
import type { Section } from '../core/markdown-document.js';
import { at, type Competency, type LadderIndex, type Level, type Located } from '../core/model.js';
import { withoutComments } from '../core/packet-summary.js';
import { didYouMean, listOf } from '../core/suggest.js';
import type { Rule } from './rule.js';
import { checkSubsections } from './subsections.js';

/**
 * Whether a summary or section holds nothing but whitespace and guidance comments (left by `ladder
 * new packet`, not evidence). Text that does not start with a comment is decided by its first
 * character, without reading the rest.
 */
const isEmpty = (text: string) => {
  const start = text.trimStart();
  return start.startsWith('<!--') ? withoutComments(start) === '' : start === '';
};

/**
 * Every competency that applies at the target level has non-empty evidence (at least `choose` of a
 * group's options; per sub where the pillar says `evidence: sub`), and the packet has a summary.
 */
export const packetEvidence: Rule = {
  id: 'packet-evidence',
  severity: 'error',
  group: 'packet',
  description:
    'A packet has a summary and one non-empty "## <competency>" evidence section for every competency that applies at the target level (at least k of a choose-k group, "### <sub>" sections where the ladder asks for evidence per sub); none unknown or repeated.',
  check({ ladder, index, report }) {
    if (!ladder.competenciesLoaded) return;
    // Packets share their target levels: what a level expects is worked out once per level.
    const expectations = new Map<Level, { expected: Expected; names: CompetencyNames }>();
    for (const packet of ladder.packets) {
      const file = packet.origin.file;
      if (isEmpty(packet.summary)) {
        // Where the summary belongs: right after the front matter (not on a front-matter key).
        report(
          { file, at: packet.summaryAt },
          'The packet has no summary: write a paragraph or two, after the front matter and before the first "## " section, on the move and why now.',
        );
      }
      const target = index.levelById.get(packet.to);
      if (!target || !index.trackById.has(target.track)) continue; // packet-levels says why
      let expectation = expectations.get(target);
      if (!expectation) {
        const expected = expectedAt(target, index);
        expectation = { expected, names: namesOf(expected.applies.keys()) };
        expectations.set(target, expectation);
      }
      const { expected } = expectation;
      const { matches, seen } = matchSections(packet.sections, expectation.names);
      for (const [section, match] of matches) {
        if (match.kind === 'unknown') {
          report(
            { file, at: section.at },
            // The heading is the packet's own text: named by its line, never quoted.
            `Unknown section: level ${target.id} has no competency of this name.${didYouMean(
              section.name,
              index.competenciesOf(target.track).map((c) => c.name),
            )} Evidence sections are named after the competencies of the target level.`,
          );
          continue;
        }
        const competency = match.competency;
        if (match.kind === 'repeat') {
          report(
            { file, at: section.at },
            `Section "${competency.name}" appears twice (first on line ${match.firstLine}); merge the evidence into one section.`,
          );
          continue;
        }
        if (expected.applies.get(competency) === 'no') {
          report({ file, at: section.at }, notYet(`Section "${competency.name}" at level ${target.id}`, competency, index));
          continue;
        }
        const subs = competency.evidence === 'sub' ? subsAt(competency, target, index) : undefined;
        if (subs && judgedBySubs(subs)) checkSubEvidence(file, target, section, competency, subs, index, report);
        else if (isEmpty(section.body)) {
          report(
            { file, at: section.at },
            `Section "${competency.name}" has no evidence yet; write what the candidate did that meets ${target.id}'s expectations for "${competency.name}".`,
          );
        }
      }
      const missing = expected.required.filter((c) => !seen.has(c));
      if (missing.length > 0) {
        report(
          at(packet.origin, 'to'),
          `The packet has no evidence for ${missing.map((c) => `"${c.name}"`).join(', ')}, which level ${target.id} expects; add a "## <name>" section for each.`,
        );
      }
      for (const group of expected.groups) {
        const have = chosen(group, seen).length;
        if (have >= group.choose) continue;
        report(
          at(packet.origin, 'to'),
          `The packet has evidence for ${have} of the options of group "${group.group.id}"; level ${target.id} asks for at least ${group.choose} of ${listOf(group.options.map((o) => o.name))}: add a "## <name>" section for each option the candidate chose.`,
        );
      }
    }
  },
};

/** Evidence per sub (`evidence: sub`): one non-empty `### ` section per applicable sub of the pillar. */
function checkSubEvidence(
  file: string,
  target: Level,
  section: Section,
  pillar: Competency,
  subs: Map<Competency, Applies>,
  index: LadderIndex,
  report: (where: Located, message: string) => void,
): void {
  const names = [...subs.keys()].map((s) => s.name);
  // Packet headings are named by their line, never quoted: the competency's name is the ladder's.
  checkSubsections(
    file,
    section,
    subs,
    isEmpty,
    {
      unknown: (sub) =>
        `Unknown subsection under "${pillar.name}": it has no sub-competency of this name.${didYouMean(sub.name, names)} Evidence for "${pillar.name}" goes in one "### <sub>" section per sub-competency.`,
      repeat: (_, competency, firstLine) => `Subsection "${competency.name}" appears twice (first on line ${firstLine}); merge the evidence into one section.`,
      notYet: (_, competency) => notYet(`Subsection "${competency.name}" at level ${target.id}`, competency, index),
      empty: (_, competency) =>
        `Subsection "${competency.name}" has no evidence yet; write what the candidate did that meets ${target.id}'s expectations for "${competency.name}".`,
      missing: (missing) =>
        `Section "${pillar.name}" has no evidence for ${listOf(missing.map((s) => s.name))}, which level ${target.id} expects per sub-competency; add a "### <name>" section under it for each.`,
    },
    report,
  );
}
