import type { Level, Track } from '../../core/model.js';
import { stepChangeText } from '../../core/proficiency.js';
import { html, trusted } from '../html.js';
import type { Page } from '../layout.js';
import type { Site } from '../site.js';
import { scrollBox } from '../table.js';
import { pagePath } from '../urls.js';

/**
 * Competencies × levels for one track: every expectation of the track in one table. On a wide
 * screen a table whose header row and competency column stay in view; on a phone one card per
 * competency (the same markup, restyled), or the table at #as-table. With JavaScript, two
 * selects narrow it to two levels side by side (assets/columns.js); without, every level shows
 * and a list of links jumps to each level's column.
 */
export function matrixPage(site: Site, track: Track): Page {
  const levels = site.index.levelsOf(track.id);
  const competencies = site.index.competenciesOf(track.id);
  const options = (selected: number) => levels.map((l, i) => html`<option value="${l.id}"${i === selected ? html` selected` : ''}>${site.label(l)}</option>`);
  const compare =
    levels.length > 2
      ? html`<form class="column-picker compare-form" data-columns="ladder-matrix-table" data-param="compare" hidden>
<fieldset>
<legend>Compare two levels</legend>
<div class="picker-row">
<label for="ladder-compare-a">Level</label> <select id="ladder-compare-a" name="a">${options(0)}</select>
<label for="ladder-compare-b">with</label> <select id="ladder-compare-b" name="b">${options(1)}</select>
<button type="submit">Compare</button> <button type="button" class="secondary" data-show-all>Show every level</button>
</div>
</fieldset>
<p class="picker-status" role="status"></p>
</form>
`
      : '';
  const table = html`<table class="matrix" id="ladder-matrix-table">
<caption id="ladder-matrix-caption">${track.name}: expectations by competency and level</caption>
<thead><tr><th scope="col">Competency</th>${levels.map(
    (l) =>
      html`<th scope="col"><a href="${site.url(pagePath.level(l.id))}" id="col-${l.id}"><span class="level-code">${l.code}</span> <span class="level-title">${l.title}</span></a></th>`,
  )}</tr></thead>
<tbody>
${competencies.map(
  (c) =>
    html`<tr><th scope="row">${c.name}</th>${levels.map((l, i) => {
      // The level a cell is about, shown only when the cells are cards (the header row is then hidden).
      const label = html`<p class="cell-level"><span class="level-code">${l.code}</span> ${l.title}</p>`;
      if (!site.applies(l, c)) return html`<td>${label}<span class="muted">${site.appliesFrom(c) ?? 'Not measured'} (not at ${l.id})</span></td>`;
      const body = site.expectations(l, c, 'strong');
      const below = levels[i - 1] as Level | undefined;
      // The step, and how it changed from the level to the left.
      const step = stepChangeText(below ? site.stepOf(below, c) : undefined, site.stepOf(l, c));
      const shown = site.stepOf(l, c) ? step : undefined;
      return html`<td>${label}${shown ? html`<p class="proficiency">${shown.charAt(0).toUpperCase()}${shown.slice(1)}</p>` : ''}${body ? trusted(body.html) : html`<span class="muted">None written</span>`}</td>`;
    })}</tr>\n`,
)}
</tbody>
</table>`;
  const main = html`<div class="page-head">
<p class="eyebrow">${track.name}</p>
<h1>Competency matrix</h1>
<p class="lead">Every competency of the ${track.name} track (rows) at each of its levels (columns), lowest level first. Read a row to see how one competency grows from level to level.</p>
</div>
${compare}<nav class="matrix-jump" aria-label="Levels of the matrix"><p>Go to a level&rsquo;s column: ${levels.map((l, i) => html`${i > 0 ? ' ' : ''}<a href="#col-${l.id}" data-column="${l.id}">${l.code}</a>`)}</p></nav>
<p class="matrix-views" id="as-cards"><span class="views-cards">One card per competency. <a href="#as-table">Show as a table</a></span><span class="views-table">The full table. <a href="#as-cards">Show as cards</a></span></p>
${scrollBox({
  captionId: 'ladder-matrix-caption',
  className: 'matrix-scroll',
  hint: 'A wide table: it scrolls sideways, and its header row and competency column stay in view.',
  frameId: 'as-table',
  table,
})}`;
  return {
    path: pagePath.matrix(track.id),
    title: `Competency matrix: ${track.name}`,
    description: `Every expectation of every level of the ${track.name} track, competency by competency.`,
    crumbs: [{ label: 'Overview', path: '' }, { label: track.name, path: pagePath.track(track.id) }, { label: 'Competency matrix' }],
    main,
    section: `track:${track.id}`,
    scripts: levels.length > 2 ? [pagePath.columns] : [],
  };
}
