import { dump } from 'js-yaml';
import type { LadderIndex, Level, PacketKind, Policy } from './model.js';
import { hasFeedbackMinimum } from './packet-kinds.js';

export interface PacketDraft {
  kind: PacketKind;
  candidate: string;
  from: Level;
  to: Level;
  cycle: string;
  manager: string | undefined;
  ladderVersion: string;
}

/** HTML comments cannot contain "-->"; guidance text is quoted inside one. */
const inComment = (text: string) => text.replace(/--+>/g, '- >').replace(/<!--/g, '< !--');

const WHAT: Record<PacketKind, string> = {
  promotion: 'a promotion: one band up on the same track',
  'track-switch':
    'a track switch: a lateral move on the same band. Moving into management is not a promotion, and going back to the IC track is not a demotion',
  graduation: 'a graduation from the apprentice manager program: as hard as a promotion, with feedback from many stakeholders',
};

/**
 * The Markdown of a new packet: front matter with every key, a summary to write, and one evidence
 * section per competency of the target level with that level's expectations as guidance.
 */
export function packetTemplate(draft: PacketDraft, index: LadderIndex, policy: Policy): string {
  const { kind, candidate, from, to } = draft;
  const front: Record<string, unknown> = {
    kind,
    candidate,
    from: from.id,
    to: to.id,
    cycle: draft.cycle,
    ...(draft.manager ? { manager: draft.manager } : {}),
    sponsors: [],
    ladderVersion: draft.ladderVersion,
  };
  const needed = hasFeedbackMinimum(kind) ? policy.packets.minimumFeedback[kind] : policy.packets.graduationStakeholders;
  const lines = [
    '---',
    `# yaml-language-server: $schema=../../../schemas/packet.schema.json`,
    dump(front, { lineWidth: -1 }).trimEnd(),
    `# At least ${needed} distinct people, never the candidate. Their written feedback stays with the`,
    '# committee; only who they are and whether they support the move belong here.',
    '# relationship: peer, report, stakeholder, manager, mentor or skip-level.',
    'feedback: []',
    '#  - { handle: their-github-handle, relationship: peer, supports: true }',
    '---',
    '',
    `<!-- The summary: this packet asks for ${inComment(WHAT[kind])}. From ${inComment(index.nameOf(from))} to ${inComment(index.nameOf(to))}. Say in a paragraph or two what the move is and why now. -->`,
    '',
  ];
  const byName = new Map(to.sections.map((s) => [s.name.toLowerCase(), s.body]));
  for (const competency of index.competenciesOf(to.track)) {
    lines.push(`## ${competency.name}`, '');
    const expectations = byName.get(competency.name.toLowerCase());
    lines.push(
      `<!-- What ${inComment(to.title)} (${to.id}) expects:`,
      '',
      inComment(expectations ?? competency.description ?? ''),
      '',
      'Write the evidence: what the candidate did, with links and outcomes. -->',
      '',
    );
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
