import type { Band, Level, Track } from '../../core/model.js';
import { TRACK_KIND_IDS, TRACK_KINDS, type TrackKind } from '../../core/track-kinds.js';
import { type Html, html } from '../html.js';
import type { Page } from '../layout.js';
import type { Site } from '../site.js';
import { scrollBox } from '../table.js';
import { pagePath } from '../urls.js';

/** How a track's kind reads on the site (track-kinds.ts). */
export const KIND_LABEL: Record<TrackKind, string> = Object.fromEntries(TRACK_KIND_IDS.map((k) => [k, TRACK_KINDS[k].label])) as Record<TrackKind, string>;

/** The home page: the parity picture (every track side by side, band by band) and the tracks. */
export function homePage(site: Site): Page {
  const { index } = site;
  const bands = [...site.ladder.bands].sort((a, b) => b.rank - a.rank);
  const tracks = site.tracks;
  const levelsAt = (track: Track, band: Band): Level[] => index.levelsOf(track.id).filter((l) => l.band === band.id);
  const pay = site.publishPay && bands.some((b) => b.pay);
  // With exactly two tracks, each row links the lateral move between them.
  const pair = tracks.length === 2 ? (tracks as [Track, Track]) : undefined;
  const switchCell = (band: Band): Html => {
    if (!pair) return html``;
    const [a, b] = pair.map((t) => levelsAt(t, band)[0]);
    const step = a && b ? site.steps.switches.get(a)?.find((s) => s.to === b || s.from === b) : undefined;
    if (!step)
      return html`<td class="moves-cell"><span class="none" aria-hidden="true">&mdash;</span><span class="visually-hidden">No lateral move on this band</span></td>`;
    return html`<td class="moves-cell"><a class="move-link" href="${site.url(pagePath.change(step.key))}"><span class="visually-hidden">What changes between </span>${site.short(step.from)}<span aria-hidden="true"> &#8644; </span><span class="visually-hidden"> and </span>${site.short(step.to)}</a></td>`;
  };
  const cell = (track: Track, band: Band): Html => {
    const levels = levelsAt(track, band);
    if (levels.length === 0)
      return html`<td class="track-${track.kind} empty"><span class="none" aria-hidden="true">&mdash;</span><span class="visually-hidden">No ${track.name} level on this band</span></td>`;
    return html`<td class="track-${track.kind}">${levels.map(
      (l) =>
        html`<a class="level-link" href="${site.url(pagePath.level(l.id))}"><span class="level-code">${l.code}</span> <span class="level-title">${l.title}</span></a>`,
    )}</td>`;
  };
  const rows = bands.map(
    (band) => html`<tr>
<th scope="row"><span class="band-name">${band.name}</span>${pay && band.pay ? html`<span class="band-pay">${site.payText(band.pay, true)}</span>` : ''}</th>
${tracks.map((t) => cell(t, band))}${switchCell(band)}
</tr>`,
  );
  const first = site.steps.all.find((s) => s.kind === 'switch');
  const firstPromotion = site.steps.all.find((s) => s.kind === 'promotion');
  const main = html`<div class="hero">
<h1>${site.organization} career ladder</h1>
<p class="lead">${tracks.length === 2 ? 'Two tracks' : `${tracks.length} tracks`}, one scale of seniority. Each row below is a band: the levels in a row are equally senior${pay ? ' and share its pay range' : ''}, whatever their track. Moving to another track on the same band is a lateral move: never a promotion, never a demotion.</p>
</div>
<section class="parity-section" aria-labelledby="ladder-parity-title">
<h2 id="ladder-parity-title">Tracks side by side</h2>
${picker(site)}${scrollBox({
  captionId: 'ladder-parity-caption',
  hint: 'A wide table: it scrolls sideways, and its band column stays in view.',
  table: html`<table class="parity" id="ladder-parity-table">
<caption id="ladder-parity-caption">Levels by band, most senior first${pay ? '; pay is the yearly base pay range of the band' : ''}</caption>
<thead>
${
  site.families.length > 0
    ? html`<tr class="family-row"><td></td>${site.families.map(
        (g) => html`<th scope="colgroup" colspan="${String(g.tracks.length)}">${g.family?.name ?? 'Other tracks'}</th>`,
      )}${pair ? html`<td></td>` : ''}</tr>`
    : ''
}
<tr><th scope="col">Band</th>${tracks.map(
    (t) => html`<th scope="col" class="track-${t.kind}"><a href="${site.url(pagePath.track(t.id))}">${t.name}</a></th>`,
  )}${pair ? html`<th scope="col" class="moves-col">Lateral moves</th>` : ''}</tr>
</thead>
<tbody>
${rows}
</tbody>
</table>`,
})}
</section>
<section class="tracks-section" id="tracks" aria-labelledby="ladder-tracks-title">
<h2 id="ladder-tracks-title">Tracks</h2>
${
  site.families.length > 0
    ? site.families.map(
        (g) => html`<section class="family" ${g.family ? html`id="family-${g.family.id}" ` : ''}aria-labelledby="family-${g.family?.id ?? 'other'}-title">
<h3 id="family-${g.family?.id ?? 'other'}-title">${g.family?.name ?? 'Other tracks'}</h3>
${g.family?.description ? html`<p>${g.family.description}</p>` : ''}
${trackCards(site, g.tracks, 4)}
</section>
`,
      )
    : trackCards(site, tracks, 3)
}
</section>
<section class="moves-section" aria-labelledby="ladder-moves-title">
<h2 id="ladder-moves-title">Moving on the ladder</h2>
<ul class="plain-list">
<li><strong>Promotion</strong>: the next level on your track, one band up.${firstPromotion ? html` Every step has a page with both levels' expectations side by side, such as <a href="${site.url(pagePath.change(firstPromotion.key))}">${site.short(firstPromotion.from)} to ${site.short(firstPromotion.to)}</a>.` : ''}</li>
<li><strong>Switching tracks</strong>: a level on another track in the same band, with the same seniority${pay ? ' and pay' : ''}.${first ? html` See what changes, for example, <a href="${site.url(pagePath.change(first.key))}">between ${site.short(first.from)} and ${site.short(first.to)}</a>.` : ''}</li>
<li><strong>Finding an expectation</strong>: <a href="${site.url(pagePath.search)}">search every level</a>, or open a track's competency matrix.</li>
</ul>
</section>`;
  return {
    path: pagePath.home,
    title: 'Overview',
    description: `The career ladder of ${site.organization}: ${tracks.map((t) => t.name).join(', ')}, side by side, band by band.`,
    main,
    section: 'home',
    scripts: tracks.length > 2 ? [pagePath.columns] : [],
  };
}

/**
 * Which tracks the table shows, by family (assets/columns.js; without it, hidden, and every track
 * shows). Kept in the URL (?tracks=…) and in the browser. Only for more than two tracks.
 */
function picker(site: Site): Html {
  if (site.tracks.length <= 2) return html``;
  const groups = site.families.length > 0 ? site.families : [{ family: undefined, tracks: site.tracks }];
  const box = (t: Track) => html`<li><label><input type="checkbox" name="track" value="${t.id}" data-name="${t.name}" checked> ${t.name}</label></li>`;
  return html`<div class="column-picker track-picker" data-columns="ladder-parity-table" data-param="tracks" data-noun="tracks" data-remember hidden>
<fieldset>
<legend>Tracks to compare</legend>
<div class="picker-groups">
${groups.map((g) =>
  site.families.length > 0
    ? html`<fieldset><legend>${g.family?.name ?? 'Other tracks'}</legend><ul>${g.tracks.map(box)}</ul></fieldset>
`
    : html`<ul>${g.tracks.map(box)}</ul>
`,
)}</div>
<button type="button" class="secondary" data-show-all>Show every track</button>
</fieldset>
<p class="picker-status" role="status"></p>
</div>
`;
}

/** One card per track: its kind, description, range and matrix; `level` is the heading level of the track names. */
function trackCards(site: Site, tracks: readonly Track[], level: 3 | 4): Html {
  const heading = (t: Track) =>
    level === 3
      ? html`<h3><a href="${site.url(pagePath.track(t.id))}">${t.name}</a></h3>`
      : html`<h4><a href="${site.url(pagePath.track(t.id))}">${t.name}</a></h4>`;
  return html`<ul class="cards">
${tracks.map((t) => {
  const levels = site.index.levelsOf(t.id);
  const lowest = levels[0];
  const highest = levels[levels.length - 1];
  return html`<li class="card track-${t.kind}">
${heading(t)}
<p class="card-kind">${KIND_LABEL[t.kind] ?? 'Track'}</p>
${t.description ? html`<p>${t.description}</p>` : ''}
<p class="card-meta">${levels.length} ${levels.length === 1 ? 'level' : 'levels'}${lowest && highest ? html`, from <a href="${site.url(pagePath.level(lowest.id))}">${site.short(lowest)}</a> to <a href="${site.url(pagePath.level(highest.id))}">${site.short(highest)}</a>` : ''} &middot; <a href="${site.url(pagePath.matrix(t.id))}">Competency matrix<span class="visually-hidden"> of the ${t.name} track</span></a></p>
</li>`;
})}
</ul>`;
}
