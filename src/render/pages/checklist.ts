import type { Level } from '../../core/model.js';
import { plural } from '../format.js';
import type { Unit } from '../fragment.js';
import { html } from '../html.js';
import type { Page } from '../layout.js';
import type { Site } from '../site.js';
import { pagePath } from '../urls.js';

/**
 * /levels/<id>/checklist/: every expectation of a level as a checkbox, grouped by competency, for a
 * self-assessment. A plain form that works on paper (print CSS draws empty boxes) and without
 * JavaScript; assets/checklist.js keeps the ticks in the browser's localStorage only, under a key
 * per ladder version and level, so that a new version of the ladder starts a fresh list.
 */
export function checklistPage(site: Site, level: Level): Page {
  const track = site.trackOf(level);
  const competencies = site.index.competenciesOf(level.track).filter((c) => site.applies(level, c));
  let total = 0;
  const groups = competencies.map((c) => {
    const fragment = site.expectations(level, c, 4);
    // Headings inside a section are structure, not expectations to tick.
    const units = (fragment?.parts ?? []).filter((p): p is Unit => typeof p !== 'string' && !/^h[1-6]$/.test(p.tag) && p.text !== '');
    total += units.length;
    return html`<section class="checklist-group" aria-labelledby="${c.id}-title" id="${c.id}">
<h2 id="${c.id}-title">${c.name} <span class="muted">(${units.length})</span></h2>
${
  units.length === 0
    ? html`<p class="muted">No expectations written for this competency yet.</p>`
    : html`<ul class="checklist">
${units.map((u, i) => {
  const id = `check-${c.id}-${i + 1}`;
  // Plain text in the label: a label holds phrasing content only, and a link inside it would steal the click.
  return html`<li><label><input type="checkbox" id="${id}" name="${id}"><span>${u.text}</span></label></li>`;
})}
</ul>`
}
</section>
`;
  });
  const key = `ladder-checklist:${site.organization}:${site.ladder.version}:${level.id}`;
  const main = html`<div class="page-head">
<p class="eyebrow">Self-assessment${track ? html` &middot; ${track.name}` : ''}</p>
<h1>Checklist for ${site.label(level)}</h1>
<p class="lead">${plural(total, 'expectation')} of ${site.short(level)}, competency by competency: tick those you can show evidence for, then talk the rest through with your manager or a mentor.</p>
</div>
<p class="checklist-note">Print it and tick on paper, or tick here. With JavaScript on, your ticks are kept in this browser only, for version ${site.ladder.version} of the ladder: nothing is sent anywhere, and nobody else sees them.</p>
<div class="checklist-tools" id="ladder-checklist-tools" hidden>
<p id="ladder-checklist-status" role="status"></p>
<button type="button" id="ladder-checklist-clear">Clear all ticks</button>
</div>
<div class="checklist-body" data-checklist="${key}">
${groups}
</div>
<nav class="step-nav" aria-label="Related pages">
<ul>
<li><a href="${site.url(pagePath.level(level.id))}">${site.label(level)}</a></li>
${(site.steps.up.get(level) ?? []).map((u) => html`<li><a href="${site.url(pagePath.change(u.key))}">What changes from ${site.short(level)} to ${site.short(u.to)}</a></li>`)}
<li><a href="${site.url(pagePath.moves)}">How moves work</a></li>
</ul>
</nav>`;
  return {
    path: pagePath.checklist(level.id),
    title: `Checklist for ${site.label(level)}`,
    description: `A printable self-assessment checklist of every expectation of ${site.label(level)}.`,
    crumbs: [
      { label: 'Overview', path: '' },
      ...(track ? [{ label: track.name, path: pagePath.track(track.id) }] : []),
      { label: site.label(level), path: pagePath.level(level.id) },
      { label: 'Checklist' },
    ],
    main,
    section: `track:${level.track}`,
    scripts: [pagePath.checklistScript],
  };
}
