import type { Level } from '../../core/model.js';
import { type Html, html, trusted } from '../html.js';
import type { Page } from '../layout.js';
import { aside, type Site } from '../site.js';
import { pagePath } from '../urls.js';

/** One level: what it is, where it leads, and its expectations competency by competency. */
export function levelPage(site: Site, level: Level): Page {
  const track = site.trackOf(level);
  const band = site.bandOf(level);
  const pay = site.payOf(level);
  const competencies = site.index.competenciesOf(level.track).filter((c) => site.applies(level, c));
  const intro = site.intro(level, 2);
  const down = site.steps.down.get(level) ?? [];
  const up = site.steps.up.get(level) ?? [];
  const switches = site.steps.switches.get(level) ?? [];
  const rankText = band ? `${band.rank + 1} of ${site.ladder.bands.length}` : '';
  const moves: Html[] = [];
  // At a fork (several steps one way) each step says which track it leads on.
  const trackNote = (steps: typeof up, other: Level) =>
    steps.length > 1 || !other.tracks.includes(level.track) ? aside(site.trackOf(other)?.name ?? other.track) : '';
  for (const d of down)
    moves.push(
      html`<li><span class="move-kind">Level below</span> <a href="${site.url(pagePath.level(d.from.id))}">${site.label(d.from)}</a>${trackNote(down, d.from)} &middot; <a href="${site.url(pagePath.change(d.key))}">What changes from ${site.short(d.from)} to ${site.short(level)}</a></li>`,
    );
  for (const u of up)
    moves.push(
      html`<li><span class="move-kind">Next promotion</span> <a href="${site.url(pagePath.level(u.to.id))}">${site.label(u.to)}</a>${trackNote(up, u.to)} &middot; <a href="${site.url(pagePath.change(u.key))}">What changes from ${site.short(level)} to ${site.short(u.to)}</a></li>`,
    );
  for (const s of switches) {
    const other = s.from === level ? s.to : s.from;
    moves.push(
      html`<li><span class="move-kind">Equally senior</span> <a href="${site.url(pagePath.level(other.id))}">${site.label(other)}</a>${aside(site.trackOf(other)?.name ?? other.track)} &middot; <a href="${site.url(pagePath.change(s.key))}">What changes between ${site.short(level)} and ${site.short(other)}</a></li>`,
    );
  }
  const sections = competencies.map((c) => {
    const body = site.expectations(level, c, 4);
    const description = site.descriptionOf(c, level.track);
    const step = site.stepOf(level, c);
    const group = c.group === undefined ? undefined : site.index.groupById.get(c.group);
    return html`<section class="competency" id="${c.id}" aria-labelledby="${c.id}-title">
<h3 id="${c.id}-title">${c.name}</h3>
${description ? html`<p class="competency-desc">${description}</p>` : ''}
${step ? html`<p class="proficiency">${step.scale.name}: <strong>step ${step.step} of ${step.scale.steps.length}, ${step.name}</strong></p>` : ''}
${group ? html`<p class="competency-group">One of the ${group.name} options: choose at least ${group.choose}.</p>` : ''}
<div class="prose">${body ? trusted(body.html) : html`<p class="muted">No expectations written for this competency yet.</p>`}</div>
</section>
`;
  });
  // The levels around come before the introduction: on a phone they are on the first screen; on a
  // wide one they sit beside it.
  const main = html`<div class="page-head">
<p class="eyebrow">${track?.name ?? level.track}${band ? html` &middot; ${site.bandLabel(level)}` : ''}</p>
<h1>${level.title} <span class="level-code">${level.code}</span></h1>
<p class="lead">${level.summary}</p>
</div>
<dl class="facts">
<div><dt>Track</dt><dd>${track ? html`<a href="${site.url(pagePath.track(track.id))}">${track.name}</a>` : level.track}</dd></div>
<div><dt>Band</dt><dd>${band ? html`${band.name} <span class="muted">(${rankText})</span>` : level.band}</dd></div>
${pay ? html`<div><dt>Pay range</dt><dd>${site.payText(pay)}</dd></div>` : ''}
</dl>
<p class="level-links"><a href="${site.url(pagePath.checklist(level.id))}">Self-assessment checklist</a> &middot; <a href="${site.url(pagePath.moves)}">How moves work</a></p>
<div class="level-top${intro && moves.length ? ' with-moves' : ''}">
${
  moves.length
    ? html`<section class="moves" aria-labelledby="ladder-moves-title">
<h2 id="ladder-moves-title">Around this level</h2>
<ul class="move-list">
${moves}
</ul>
</section>`
    : ''
}
${intro ? html`<div class="prose intro">${trusted(intro.html)}</div>` : ''}
</div>
<section class="expectations" aria-labelledby="ladder-expectations-title">
<h2 id="ladder-expectations-title">Expectations</h2>
<nav class="toc" aria-label="Competencies">
<ul>${competencies.map((c) => html`<li><a href="#${c.id}">${c.name}</a></li>`)}</ul>
</nav>
${sections}
</section>`;
  return {
    path: pagePath.level(level.id),
    title: `${level.title} (${level.code})`,
    description: level.summary,
    crumbs: [{ label: 'Overview', path: '' }, ...(track ? [{ label: track.name, path: pagePath.track(track.id) }] : []), { label: `${site.label(level)}` }],
    main,
    section: `track:${level.track}`,
  };
}
