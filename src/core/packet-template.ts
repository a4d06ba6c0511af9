import { dump } from 'js-yaml';
import { expectedAt, subsAt } from './applicability.js';
import { describe, type LadderIndex, type Level, type PacketKind, type Policy } from './model.js';
import { hasFeedbackMinimum } from './packet-kinds.js';
import { schemaUrl } from './project-urls.js';

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

/** What the move is, in words; a promotion onto another track is one the ladder declares (a fork). */
function whatMove(kind: PacketKind, from: Level, to: Level): string {
  const otherTrack = kind === 'promotion' && !to.tracks.some((t) => from.tracks.includes(t));
  return otherTrack ? 'a promotion onto another track at a fork the ladder declares: one band up' : WHAT[kind];
}

/**
 * The Markdown of a new packet: front matter with every key, a summary to write, and one evidence
 * section per competency that applies at the target level (per sub, for a pillar with `evidence:
 * sub`) with that level's expectations as guidance; a choose-k group's options with a note.
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
    // The published URL resolves wherever the packet is written; a relative path would not (docs/format.md).
    `# yaml-language-server: $schema=${schemaUrl('packet')}`,
    dump(front, { lineWidth: -1 }).trimEnd(),
    `# At least ${needed} distinct people, never the candidate. Their written feedback stays with the`,
    '# committee; only who they are and whether they support the move belong here.',
    '# relationship: peer, report, stakeholder, manager, mentor or skip-level.',
    'feedback: []',
    '#  - { handle: their-github-handle, relationship: peer, supports: true }',
    '---',
    '',
    `<!-- The summary: this packet asks for ${inComment(whatMove(kind, from, to))}. From ${inComment(index.nameOf(from))} to ${inComment(index.nameOf(to))}. Say in a paragraph or two what the move is and why now. -->`,
    '',
  ];
  const byName = new Map(to.sections.map((s) => [s.name.toLowerCase(), s]));
  const guidance = (title: string, expectations: string) => [
    `<!-- What ${inComment(to.title)} (${to.id}) expects${title}:`,
    '',
    inComment(expectations),
    '',
    'Write the evidence: what the candidate did, with links and outcomes. -->',
    '',
  ];
  // Only what applies at the target level; a group's options come together, after a note on how many to keep.
  const expected = expectedAt(to, index);
  const announced = new Set<string>();
  for (const competency of expected.applies.keys()) {
    if (expected.applies.get(competency) !== 'yes') continue;
    const group = expected.groups.find((g) => g.options.includes(competency));
    if (group && !announced.has(group.group.id)) {
      announced.add(group.group.id);
      lines.push(
        `<!-- ${inComment(group.group.name)}: give evidence for at least ${group.choose} of these ${group.options.length} options (${group.options.map((o) => inComment(o.name)).join(', ')}); keep the sections the candidate chose and delete the others. -->`,
        '',
      );
    }
    lines.push(`## ${competency.name}`, '');
    const section = byName.get(competency.name.toLowerCase());
    const subs = [...subsAt(competency, to, index)].filter(([, a]) => a === 'yes').map(([s]) => s);
    if (competency.evidence !== 'sub' || subs.length === 0) {
      lines.push(...guidance('', section?.body ?? describe(competency, to.track) ?? ''));
      continue;
    }
    const bySub = new Map((section?.subsections ?? []).map((s) => [s.name.toLowerCase(), s.body]));
    lines.push(`<!-- ${inComment(describe(competency, to.track) ?? competency.name)} Evidence goes under each "### " section below. -->`, '');
    for (const sub of subs) {
      lines.push(`### ${sub.name}`, '', ...guidance(` for ${inComment(sub.name)}`, bySub.get(sub.name.toLowerCase()) ?? describe(sub, to.track) ?? ''));
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
