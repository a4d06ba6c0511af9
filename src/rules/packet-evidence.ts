import { at } from '../core/model.js';
import { didYouMean } from '../core/suggest.js';
import type { Rule } from './rule.js';

/** Guidance comments left by `ladder new packet` are not evidence. */
const withoutComments = (text: string) => text.replace(/<!--[\s\S]*?(?:-->|$)/g, '').trim();

/** Every competency of the target level has non-empty evidence, and the packet has a summary. */
export const packetEvidence: Rule = {
  id: 'packet-evidence',
  severity: 'error',
  group: 'packet',
  description:
    'A packet has a summary and one non-empty "## <competency>" evidence section for every competency of the target level; none unknown or repeated.',
  check({ ladder, index, report }) {
    if (!ladder.competenciesLoaded) return;
    for (const packet of ladder.packets) {
      const file = packet.origin.file;
      if (withoutComments(packet.summary) === '') {
        report(
          at(packet.origin, 'candidate'),
          'The packet has no summary: write a paragraph or two, after the front matter and before the first "## " section, on the move and why now.',
        );
      }
      const target = index.levelById.get(packet.to);
      if (!target || !index.trackById.has(target.track)) continue; // packet-levels says why
      const expected = index.competenciesOf(target.track);
      const byName = new Map(expected.map((c) => [c.name.toLowerCase(), c]));
      const seen = new Map<string, number>();
      for (const section of packet.sections) {
        const key = section.name.toLowerCase();
        const competency = byName.get(key);
        if (!competency) {
          report(
            { file, at: section.at },
            // The heading is the packet's own text: named by its line, never quoted.
            `Unknown section: level ${target.id} has no competency of this name.${didYouMean(
              section.name,
              expected.map((c) => c.name),
            )} Evidence sections are named after the competencies of the target level.`,
          );
          continue;
        }
        const earlier = seen.get(key);
        if (earlier !== undefined) {
          report({ file, at: section.at }, `Section "${competency.name}" appears twice (first on line ${earlier}); merge the evidence into one section.`);
          continue;
        }
        seen.set(key, section.at.line);
        if (withoutComments(section.body) === '') {
          report(
            { file, at: section.at },
            `Section "${competency.name}" has no evidence yet; write what the candidate did that meets ${target.id}'s expectations for ${competency.name.toLowerCase()}.`,
          );
        }
      }
      const missing = expected.filter((c) => !seen.has(c.name.toLowerCase()));
      if (missing.length > 0) {
        report(
          at(packet.origin, 'to'),
          `The packet has no evidence for ${missing.map((c) => `"${c.name}"`).join(', ')}, which level ${target.id} expects; add a "## <name>" section for each.`,
        );
      }
    }
  },
};
