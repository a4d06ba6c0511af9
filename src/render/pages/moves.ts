import { type Html, html } from '../html.js';
import type { Page } from '../layout.js';
import {
  committeeRule,
  graduationRule,
  hasGraduation,
  ladderChangeRule,
  lateralRule,
  levelLink,
  promotionFeedbackRule,
  switchFeedbackRule,
} from '../policy.js';
import type { Site } from '../site.js';
import { pagePath } from '../urls.js';

/**
 * /moves/: how moves work, from ladder.yml's policy and governance alone (no packet is read):
 * promotion, track switch both ways, apprentice graduation, declared moves at forks, the committee,
 * and who approves a change to the ladder.
 */
export function movesPage(site: Site): Page {
  const promotions = site.steps.all.filter((s) => s.kind === 'promotion');
  const switches = site.steps.all.filter((s) => s.kind === 'switch');
  const declared = site.ladder.moves
    .map((m) => ({ move: m, step: promotions.find((s) => s.from.id === m.from && s.to.id === m.to) }))
    .filter((d) => d.step !== undefined);
  const example = promotions[0];
  const lateral = switches[0];
  const section = (id: string, title: string, body: Html) => html`<section class="rule-section" aria-labelledby="${id}-title" id="${id}">
<h2 id="${id}-title">${title}</h2>
${body}
</section>`;
  const main = html`<div class="page-head">
<p class="eyebrow">Moves</p>
<h1>How moves work</h1>
<p class="lead">Every move on the ${site.organization} ladder is a pull request that adds a packet, checked against the rules below, which come from the ladder's own policy. Levels on the same band are equally senior, whatever their track.</p>
</div>
<nav class="toc" aria-label="On this page">
<ul>
<li><a href="#promotion">Promotion</a></li>
${switches.length > 0 ? html`<li><a href="#track-switch">Track switch</a></li>` : ''}
${hasGraduation(site) ? html`<li><a href="#graduation">Apprentice managers</a></li>` : ''}
${declared.length > 0 ? html`<li><a href="#forks">Moves at forks</a></li>` : ''}
<li><a href="#committee">Who decides</a></li>
<li><a href="#ladder-changes">Changing the ladder</a></li>
</ul>
</nav>
${section(
  'promotion',
  'Promotion',
  html`<ul class="rule-list">
<li>A promotion climbs exactly one band, on one track${example ? html`: ${levelLink(site, example.from)} to ${levelLink(site, example.to)}, for example (<a href="${site.url(pagePath.change(example.key))}">what changes</a>)` : ''}. Nobody skips a band.</li>
<li>${promotionFeedbackRule(site)}</li>
</ul>`,
)}
${
  switches.length > 0
    ? section(
        'track-switch',
        'Track switch, both ways',
        html`<ul class="rule-list">
<li>${lateralRule(site, site.tracks, undefined)}</li>
<li>A switch goes to the level on the same band of the other track${lateral ? html` (${levelLink(site, lateral.from)} and ${levelLink(site, lateral.to)}: <a href="${site.url(pagePath.change(lateral.key))}">what changes between them</a>)` : ''}; a promotion on the new track comes later, as its own move.</li>
<li>${switchFeedbackRule(site)}</li>
</ul>`,
      )
    : ''
}
${hasGraduation(site) ? section('graduation', 'Apprentice managers', html`<ul class="rule-list"><li>${graduationRule(site)}</li></ul>`) : ''}
${
  declared.length > 0
    ? section(
        'forks',
        'Moves at forks',
        html`<p>Where tracks part, ladder.yml declares the promotions that change track, one band up:</p>
<ul class="rule-list">
${declared.map(
  ({ move, step }) =>
    html`<li>${step ? html`${levelLink(site, step.from)} to ${levelLink(site, step.to)} (<a href="${site.url(pagePath.change(step.key))}">what changes</a>)` : ''}${move.description ? html`: ${move.description}` : ''}</li>`,
)}
</ul>`,
      )
    : ''
}
${section('committee', 'Who decides', html`<p>${committeeRule(site)}</p>`)}
${section('ladder-changes', 'Changing the ladder', html`<p>${ladderChangeRule(site)}</p>`)}`;
  return {
    path: pagePath.moves,
    title: 'How moves work',
    description: `How promotions, track switches and apprentice graduations work on the ${site.organization} career ladder, and who decides.`,
    crumbs: [{ label: 'Overview', path: '' }, { label: 'How moves work' }],
    main,
  };
}
