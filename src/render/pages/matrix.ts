import type { Level, Track } from '../../core/model.js';
import { stepChangeText } from '../../core/proficiency.js';
import { html, trusted } from '../html.js';
import type { Page } from '../layout.js';
import type { Site } from '../site.js';
import { pagePath } from '../urls.js';

/** Competencies × levels for one track: every expectation of the track in one table. */
export function matrixPage(site: Site, track: Track): Page {
  const levels = site.index.levelsOf(track.id);
  const competencies = site.index.competenciesOf(track.id);
  const main = html`<div class="page-head">
<p class="eyebrow">${track.name}</p>
<h1>Competency matrix</h1>
<p class="lead">Every competency of the ${track.name} track (rows) at each of its levels (columns), lowest level first. Read a row to see how one competency grows from level to level.</p>
</div>
<section class="table-scroll matrix-scroll" aria-labelledby="ladder-matrix-caption" tabindex="0">
<table class="matrix">
<caption id="ladder-matrix-caption">${track.name}: expectations by competency and level</caption>
<thead><tr><th scope="col">Competency</th>${levels.map(
    (l) =>
      html`<th scope="col"><a href="${site.url(pagePath.level(l.id))}"><span class="level-code">${l.code}</span> <span class="level-title">${l.title}</span></a></th>`,
  )}</tr></thead>
<tbody>
${competencies.map(
  (c) =>
    html`<tr><th scope="row">${c.name}</th>${levels.map((l, i) => {
      if (!site.applies(l, c)) return html`<td><span class="muted">${site.appliesFrom(c) ?? 'Not measured'} (not at ${l.id})</span></td>`;
      const body = site.expectations(l, c, 'strong');
      const below = levels[i - 1] as Level | undefined;
      // The step, and how it changed from the level to the left.
      const step = stepChangeText(below ? site.stepOf(below, c) : undefined, site.stepOf(l, c));
      const shown = site.stepOf(l, c) ? step : undefined;
      return html`<td>${shown ? html`<p class="proficiency">${shown.charAt(0).toUpperCase()}${shown.slice(1)}</p>` : ''}${body ? trusted(body.html) : html`<span class="muted">None written</span>`}</td>`;
    })}</tr>\n`,
)}
</tbody>
</table>
</section>`;
  return {
    path: pagePath.matrix(track.id),
    title: `Competency matrix: ${track.name}`,
    description: `Every expectation of every level of the ${track.name} track, competency by competency.`,
    crumbs: [{ label: 'Overview', path: '' }, { label: track.name, path: pagePath.track(track.id) }, { label: 'Competency matrix' }],
    main,
    section: `track:${track.id}`,
  };
}
