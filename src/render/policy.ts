import type { Level, Track } from '../core/model.js';
import { PACKET_KINDS } from '../core/packet-kinds.js';
import { plural } from '../core/text.js';
import { TRACK_KIND_IDS, TRACK_KINDS } from '../core/track-kinds.js';
import { type Html, html } from './html.js';
import type { Site } from './site.js';
import { pagePath } from './urls.js';

/**
 * The rules of moves, in sentences, from ladder.yml's policy and governance only: the "how moves
 * work" page and the "what changes" pages say the same thing. No packet is read; governance is
 * described by counts, never by the handles it lists.
 */

/** "3 approvals from the promotion committee of 5, never counting the candidate; the candidate's manager alone never suffices." */
export function committeeRule(site: Site): Html {
  const { committee, quorum } = site.ladder.governance;
  const of = committee.length > 0 ? html` (${plural(committee.length, 'member')})` : '';
  return html`The promotion committee${of} decides, in the pull request that adds the packet: it needs ${plural(quorum, 'approval')} from the committee, never counting the candidate, and the candidate's own manager alone is never enough. Managers do not decide promotions.`;
}

export function promotionFeedbackRule(site: Site): Html {
  const n = site.ladder.policy.packets.minimumFeedback.promotion;
  return html`The packet gives evidence for every competency of the level asked for, and feedback from at least ${plural(n, 'person', 'people')}, each counted once.`;
}

export function switchFeedbackRule(site: Site): Html {
  const n = site.ladder.policy.packets.minimumFeedback['track-switch'];
  return html`A track-switch packet gives evidence for every competency of the new level, and feedback from at least ${plural(n, 'person', 'people')}, each counted once.`;
}

/** Whether the ladder has tracks of the kinds a graduation moves between (IC to management). */
export function hasGraduation(site: Site): boolean {
  const { from, to } = PACKET_KINDS.graduation.tracks;
  return site.index.tracksOfKind(from).length > 0 && site.index.tracksOfKind(to).length > 0;
}

export function graduationRule(site: Site): Html {
  const n = site.ladder.policy.packets.graduationStakeholders;
  return html`Engineers try management through the apprentice manager program. Graduating from it moves an engineer from an IC level to the management level of the same band, and is as hard as a promotion: the graduation packet needs feedback from at least ${plural(n, 'stakeholder')} (the people the apprentice managed and worked with), each counted once.`;
}

/** "Lateral: same band, same seniority, same pay range. Moving into management is never a promotion, and going back … is never a demotion." */
export function lateralRule(site: Site, tracks: ReadonlyArray<Track | undefined>, band: string | undefined): Html {
  const kinds = TRACK_KIND_IDS.filter((k) => tracks.some((t) => t?.kind === k));
  const why =
    kinds.length > 1
      ? kinds.map((k, i) => (i === 0 ? TRACK_KINDS[k].switchInto : TRACK_KINDS[k].switchInto.replace(/^\S/, (c) => c.toLowerCase()))).join(', and ')
      : 'Neither direction is a promotion or a demotion';
  return html`A track switch is lateral, in both directions: it keeps the band${band ? html` (${band})` : ''}, the seniority${site.publishPay ? ' and the pay range' : ' and pay'}. ${why}.`;
}

/** Who approves a change to the ladder itself: one approver of each track kind, different people. */
export function ladderChangeRule(site: Site): Html {
  const lists = TRACK_KIND_IDS.map((k) => ({ kind: TRACK_KINDS[k], count: site.ladder.governance.ladderApprovers[k].length }));
  const each = lists.map((l) => html`an ${l.kind.short} approver${l.count > 0 ? html` (one of ${plural(l.count, 'person', 'people')})` : ''}`);
  return html`Anyone may propose a change to the ladder in a pull request. It needs an approval from ${joinAnd(each)}: different people, so that both tracks agree. Engineers, not only managers, shape the ladder.`;
}

/** The moves this level can make and the pages that describe them: for links from level pages. */
export function movesLink(site: Site): Html {
  return html`<a href="${site.url(pagePath.moves)}">How moves work</a>`;
}

export function joinAnd(parts: readonly Html[]): Html {
  if (parts.length <= 1) return html`${parts}`;
  return html`${parts.slice(0, -1).map((p, i) => (i === 0 ? p : html`, ${p}`))} and ${parts[parts.length - 1]}`;
}

/** A level named for the "how moves work" page: code and title, linked. */
export function levelLink(site: Site, level: Level): Html {
  return html`<a href="${site.url(pagePath.level(level.id))}">${site.label(level)}</a>`;
}
