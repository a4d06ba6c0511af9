import type { Track } from '../../core/model.js';
import { html } from '../html.js';
import type { Page } from '../layout.js';
import { aside, type Site } from '../site.js';
import { pagePath } from '../urls.js';
import { KIND_LABEL } from './home.js';

/** One track: its levels lowest first, its promotion steps, lateral moves and competencies. */
export function trackPage(site: Site, track: Track): Page {
  const levels = site.index.levelsOf(track.id);
  const family = site.index.familyOf(track.id);
  const competencies = site.index.competenciesOf(track.id);
  const pay = site.publishPay && levels.some((l) => site.payOf(l));
  // Promotions out of and into this track's levels: along the track, and at its forks.
  const promotions = [...new Set(levels.flatMap((l) => [...(site.steps.down.get(l) ?? []), ...(site.steps.up.get(l) ?? [])]))];
  const switches = levels.flatMap((l) => site.steps.switches.get(l) ?? []);
  const main = html`<div class="page-head">
<p class="eyebrow">${family ? html`${family.name} &middot; ` : ''}${KIND_LABEL[track.kind] ?? 'Track'}</p>
<h1>${track.name}</h1>
${track.description ? html`<p class="lead">${track.description}</p>` : ''}
</div>
<section aria-labelledby="ladder-levels-title">
<h2 id="ladder-levels-title">Levels</h2>
<section class="table-scroll" aria-labelledby="ladder-levels-caption" tabindex="0">
<table class="levels">
<caption id="ladder-levels-caption">Levels of the ${track.name} track, lowest first</caption>
<thead><tr><th scope="col">Level</th><th scope="col">Band</th>${pay ? html`<th scope="col">Pay range</th>` : ''}<th scope="col">Summary</th></tr></thead>
<tbody>
${levels.map((l) => {
  const p = site.payOf(l);
  return html`<tr><th scope="row"><a href="${site.url(pagePath.level(l.id))}"><span class="level-code">${l.code}</span> <span class="level-title">${l.title}</span></a></th><td>${site.bandOf(l)?.name ?? l.band}</td>${pay ? html`<td class="num">${p ? site.payText(p, true) : html`&mdash;`}</td>` : ''}<td>${l.summary}</td></tr>\n`;
})}
</tbody>
</table>
</section>
<p><a href="${site.url(pagePath.matrix(track.id))}">Competency matrix of the ${track.name} track</a>: every expectation of every level on one page.</p>
</section>
${
  promotions.length
    ? html`<section aria-labelledby="ladder-promotions-title">
<h2 id="ladder-promotions-title">Promotions</h2>
<p>What each step up asks for that the level below does not.</p>
<ul class="step-list">
${promotions.map(
  (s) =>
    html`<li><a href="${site.url(pagePath.change(s.key))}">From ${site.label(s.from)} to ${site.label(s.to)}</a>${s.from.tracks.includes(s.to.track) && s.to.tracks.includes(track.id) ? '' : aside(s.to.tracks.includes(track.id) ? `from ${site.trackOf(s.from)?.name ?? s.from.track}` : `onto ${site.trackOf(s.to)?.name ?? s.to.track}`)}</li>\n`,
)}
</ul>
</section>`
    : ''
}
${
  switches.length
    ? html`<section aria-labelledby="ladder-switches-title">
<h2 id="ladder-switches-title">Lateral moves to other tracks</h2>
<p>Each of these keeps your band${site.publishPay ? ' and your pay range' : ''}: a change of track, not a promotion or a demotion.</p>
<ul class="step-list">
${switches.map((s) => {
  const [mine, other] = s.from.track === track.id ? [s.from, s.to] : [s.to, s.from];
  return html`<li><a href="${site.url(pagePath.change(s.key))}">Between ${site.label(mine)} and ${site.label(other)}</a>${aside(`${site.trackOf(other)?.name ?? other.track}, ${site.bandLabel(other)}`)}</li>\n`;
})}
</ul>
</section>`
    : ''
}
<section aria-labelledby="ladder-competencies-title">
<h2 id="ladder-competencies-title">Competencies</h2>
<dl class="competency-list">
${competencies.map((c) => {
  const description = site.descriptionOf(c, track.id);
  const from = site.appliesFrom(c);
  return html`<div id="competency-${c.id}"><dt>${c.name}</dt>${description ? html`<dd>${description}</dd>` : ''}${from ? html`<dd class="applies-from">${from}.</dd>` : ''}</div>\n`;
})}
</dl>
</section>`;
  return {
    path: pagePath.track(track.id),
    title: track.name,
    description: track.description ?? `The levels of the ${track.name} track.`,
    crumbs: [{ label: 'Overview', path: '' }, { label: track.name }],
    main,
    section: `track:${track.id}`,
  };
}
