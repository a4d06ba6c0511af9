import { at } from '../core/model.js';
import type { Rule } from './rule.js';

/**
 * A decided packet records who decided: at least the committee's quorum, all on the committee,
 * never the candidate; "not yet" says which competencies to grow in, each a competency of the
 * target level. Messages name entries by number and the ladder's own ids, never a packet's handles.
 */
export const packetDecision: Rule = {
  id: 'packet-decision',
  severity: 'error',
  group: 'packet',
  description:
    'A decision names at least governance.quorum committee members (never the candidate) in `by`; a not-yet decision names the competencies to grow in (`grow`), each one the target level is measured on.',
  check({ ladder, index, report }) {
    const committee = new Set(ladder.governance.committee.map((h) => h.toLowerCase()));
    const quorum = ladder.governance.quorum;
    for (const packet of ladder.packets) {
      const decision = packet.decision;
      if (!decision?.outcome) continue; // the schema says what is malformed
      const candidate = packet.candidate.toLowerCase();
      const members = new Set<string>();
      decision.by.forEach((handle, i) => {
        const h = handle.toLowerCase();
        if (h === candidate) {
          report(at(packet.origin, `decision/by/${i}`), `Entry ${i + 1} of decision.by is the candidate; nobody decides on their own packet. Remove it.`);
        } else if (!committee.has(h)) {
          report(
            at(packet.origin, `decision/by/${i}`),
            `Entry ${i + 1} of decision.by is not on the promotion committee (governance.committee); list only the committee members who decided.`,
          );
        } else members.add(h);
      });
      if (members.size < quorum) {
        report(
          at(packet.origin, 'decision'),
          `A decision needs the names of the committee's quorum: ${quorum} member${quorum === 1 ? '' : 's'} of governance.committee in decision.by; this one names ${members.size}. List everyone who decided.`,
        );
      }
      if (decision.outcome === 'not-yet') {
        if (decision.grow.length === 0) {
          report(
            at(packet.origin, 'decision'),
            'A not-yet decision says what to grow in before the next packet: add decision.grow with the ids of those competencies (from competencies.yml).',
          );
        }
        const target = index.levelById.get(packet.to);
        const measured = target ? new Set(index.competenciesOf(target.track).flatMap((c) => [c.id, ...(c.subs ?? []).map((s) => s.id)])) : undefined;
        decision.grow.forEach((id, i) => {
          const known = index.competencyById.has(id) || ladder.competencies.some((c) => c.subs?.some((s) => s.id === id));
          if (!known) {
            report(
              at(packet.origin, `decision/grow/${i}`),
              `Entry ${i + 1} of decision.grow is not a competency id of competencies.yml; use the id, such as "${ladder.competencies[0]?.id ?? 'technical-craft'}".`,
            );
          } else if (measured && !measured.has(id)) {
            report(
              at(packet.origin, `decision/grow/${i}`),
              `Competency "${id}" is not one level ${packet.to} is measured on; name a competency of the target level's track.`,
            );
          }
        });
      } else if (decision.grow.length > 0) {
        report(at(packet.origin, 'decision/grow'), `decision.grow is for a not-yet decision; this one is ${decision.outcome}. Remove grow.`);
      }
    }
  },
};
