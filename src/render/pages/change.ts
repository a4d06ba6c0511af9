import type { Competency, Level } from '../../core/model.js';
import { stepChangeText } from '../../core/proficiency.js';
import { allNew, type Comparison, compareFragments } from '../diff.js';
import { plural } from '../format.js';
import { type Html, html, trusted } from '../html.js';
import type { Page } from '../layout.js';
import { aside, type Site } from '../site.js';
import type { Step } from '../steps.js';
import { pagePath } from '../urls.js';

/**
 * "What changes": two levels' expectations side by side, competency by competency. For a promotion
 * the higher level's column emphasizes what it asks that the level below never mentions; for a
 * lateral switch (one page for both directions) each column emphasizes what it asks that the other
 * does not. See diff.ts.
 */
export function changePage(site: Site, step: Step): Page {
  const { from, to } = step;
  const lateral = step.kind === 'switch';
  const fromTrack = site.trackOf(from);
  const toTrack = site.trackOf(to);
  // Competencies of either level, in the ladder's order; one name defined per track is one row.
  const rows = rowsOf(site, from, to);
  const competencies = rows.map((r) => r.competency);
  const shared = rows.filter((r) => r.from && r.to);
  let items = 0;
  let same = 0;
  const sections = rows.map((row) => {
    const section = compareSection(site, step, row);
    items += section.to?.counts.items ?? 0;
    same += section.to?.counts.same ?? 0;
    return section.html;
  });
  const fromPay = site.payOf(from);
  const toPay = site.payOf(to);
  const samePay = fromPay && toPay && site.payText(fromPay)?.value === site.payText(toPay)?.value;
  const lead = lateral
    ? html`A lateral move on ${site.theBand(from)}, in either direction: the same seniority${samePay ? ' and the same pay range' : ''}. Moving to the ${toTrack?.name ?? to.track} track is not a promotion, and moving back to the ${fromTrack?.name ?? from.track} track is not a demotion.`
    : from.tracks.includes(to.track)
      ? html`A promotion on the ${toTrack?.name ?? to.track} track, one band up: from ${site.theBand(from)} to ${site.theBand(to)}.`
      : html`A promotion from the ${fromTrack?.name ?? from.track} track onto the ${toTrack?.name ?? to.track} track, one band up, as the ladder declares at this fork: from ${site.theBand(from)} to ${site.theBand(to)}.`;
  const legend = lateral
    ? html`In each column, <ins>highlighted words</ins> are what that level asks for that the other level's expectations for the same competency never mention. <span class="change-tag" data-sample="same">Unchanged</span> marks an expectation both levels share word for word, and <span class="change-tag" data-sample="new">New</span> a competency only one of the two tracks measures.`
    : html`On the right, <ins>highlighted words</ins> are what ${site.short(to)} asks for that ${site.short(from)}'s expectations for the same competency never mention. <span class="change-tag" data-sample="same">Unchanged</span> marks an expectation ${site.short(from)} has word for word, and <span class="change-tag" data-sample="new">New</span> a competency ${site.short(from)} is not measured on.`;
  const summary = lateral
    ? html`${site.short(from)} and ${site.short(to)} share ${shared.length} of these ${plural(competencies.length, 'competency', 'competencies')}; ${same === 0 ? 'none of their expectations is' : `${plural(same, 'expectation')} ${same === 1 ? 'is' : 'are'}`} word for word the same.`
    : html`${site.short(to)} lists ${plural(items, 'expectation')} across ${plural(competencies.length, 'competency', 'competencies')}; ${same === 0 ? 'none' : same} of them ${same === 1 ? 'is' : 'are'} word for word the same as at ${site.short(from)}.`;
  const next = lateral ? [] : (site.steps.up.get(to) ?? []);
  const previous = lateral ? [] : (site.steps.down.get(from) ?? []);
  const title = lateral ? `Switching between ${site.short(from)} and ${site.short(to)}` : `From ${site.short(from)} to ${site.short(to)}`;
  const main = html`<div class="page-head">
<p class="eyebrow">${lateral ? 'Lateral move' : 'Promotion'}</p>
<h1>${lateral ? html`What changes between ${site.label(from)} and ${site.label(to)}` : html`What changes from ${site.label(from)} to ${site.label(to)}`}</h1>
<p class="lead">${lead}</p>
</div>
<dl class="facts">
${levelFact(site, lateral ? (fromTrack?.name ?? 'Level') : 'From', from)}
${levelFact(site, lateral ? (toTrack?.name ?? 'Level') : 'To', to)}
${
  fromPay || toPay
    ? html`<div><dt>Pay range</dt><dd>${samePay ? site.payText(toPay) : html`${site.payText(fromPay) ?? 'not published'} <span aria-hidden="true">&rarr;</span><span class="visually-hidden">to</span> ${site.payText(toPay) ?? 'not published'}`}</dd></div>`
    : ''
}
</dl>
<div class="legend">
<p>${legend}</p>
<p class="summary">${summary}</p>
</div>
<nav class="toc" aria-label="Competencies">
<ul>${competencies.map((c) => html`<li><a href="#${c.id}">${c.name}</a></li>`)}</ul>
</nav>
${sections}
<nav class="step-nav" aria-label="Related pages">
<ul>
<li><a href="${site.url(pagePath.level(from.id))}">${site.label(from)}</a></li>
<li><a href="${site.url(pagePath.level(to.id))}">${site.label(to)}</a></li>
${previous.map((p) => html`<li><a href="${site.url(pagePath.change(p.key))}">Previous step: from ${site.short(p.from)} to ${site.short(p.to)}</a></li>`)}
${next.map((n) => html`<li><a href="${site.url(pagePath.change(n.key))}">Next step: from ${site.short(n.from)} to ${site.short(n.to)}</a></li>`)}
</ul>
</nav>`;
  return {
    path: pagePath.change(step.key),
    title,
    description: lateral
      ? `What changes between ${site.label(from)} and ${site.label(to)}, equally senior levels on two tracks, competency by competency.`
      : `What changes from ${site.label(from)} to ${site.label(to)}, competency by competency.`,
    crumbs: [
      { label: 'Overview', path: '' },
      ...(fromTrack ? [{ label: fromTrack.name, path: pagePath.track(fromTrack.id) }] : []),
      { label: lateral ? `${site.short(from)} and ${site.short(to)}` : `${site.short(from)} to ${site.short(to)}` },
    ],
    main,
    section: `track:${from.track}`,
  };
}

function levelFact(site: Site, label: string, level: Level): Html {
  return html`<div><dt>${label}</dt><dd><a href="${site.url(pagePath.level(level.id))}">${site.label(level)}</a>${site.bandOf(level) ? aside(site.bandLabel(level)) : ''}</dd></div>`;
}

/** One competency of a "what changes" page, as each of the two levels defines it (undefined: not measured there). */
interface Row {
  competency: Competency;
  from: Competency | undefined;
  to: Competency | undefined;
}

/**
 * The competencies of either level, in the ladder's order. Two competencies of one name on the two
 * tracks (one name defined per track) share a row; one that does not apply at a level yet (`from`)
 * is absent on that side.
 */
function rowsOf(site: Site, from: Level, to: Level): Row[] {
  const all = [...site.index.competencyById.values()];
  const measured = (level: Level, c: Competency) => (c.tracks.includes(level.track) && site.applies(level, c) ? c : undefined);
  const on = (level: Level, c: Competency) => measured(level, c) ?? all.find((o) => o.name === c.name && measured(level, o));
  const rows: Row[] = [];
  const done = new Set<Competency>();
  for (const c of all) {
    if (done.has(c) || !(c.tracks.includes(from.track) || c.tracks.includes(to.track))) continue;
    const row = { competency: c, from: on(from, c), to: on(to, c) };
    for (const x of [row.from, row.to]) if (x) done.add(x);
    done.add(c);
    rows.push(row);
  }
  return rows;
}

function compareSection(site: Site, step: Step, row: Row): { html: Html; to: Comparison | undefined } {
  const { from, to } = step;
  const c = row.competency;
  const lateral = step.kind === 'switch';
  const before = row.from ? site.expectations(from, row.from, 4) : undefined;
  const after = row.to ? site.expectations(to, row.to, 4) : undefined;
  const right = after ? (before ? compareFragments(before, after) : allNew(after)) : undefined;
  // A promotion's lower level is shown as it is; in a switch both sides are compared.
  const left = before ? (!lateral ? undefined : after ? compareFragments(after, before) : allNew(before)) : undefined;
  const absent = (level: Level) => {
    const track = site.trackOf(level)?.name;
    if (c.tracks.includes(level.track))
      return html`<p class="absent">${site.short(level)} has no expectations for ${c.name}: ${(site.appliesFrom(c) ?? 'not measured at this level').toLowerCase()}.</p>`;
    return html`<p class="absent">${site.short(level)} has no expectations for ${c.name}${track ? html`: the ${track} track does not measure it` : ''}.</p>`;
  };
  const description = site.descriptionOf(row.from ?? c, from.track) ?? site.descriptionOf(row.to ?? c, to.track);
  const steps = stepChangeText(row.from && site.stepOf(from, row.from), row.to && site.stepOf(to, row.to));
  const scale = (row.to?.scale ?? row.from?.scale) === undefined ? undefined : site.index.scaleById.get((row.to?.scale ?? row.from?.scale) as string);
  const column = (level: Level, body: Html | undefined, side: 'from' | 'to') => html`<div class="side side-${side}">
<h3><span class="visually-hidden">${c.name}: </span>${site.label(level)}</h3>
<div class="prose">${body ?? absent(level)}</div>
</div>`;
  return {
    to: right,
    html: html`<section class="compare-section" id="${c.id}" aria-labelledby="${c.id}-title">
<h2 id="${c.id}-title">${c.name}</h2>
${description ? html`<p class="competency-desc">${description}</p>` : ''}
${steps && scale ? html`<p class="proficiency">${scale.name}: <strong>${steps}</strong></p>` : ''}
<div class="compare${lateral ? ' lateral' : ''}">
${column(from, left ? trusted(left.html) : before ? trusted(before.html) : undefined, 'from')}
${column(to, right ? trusted(right.html) : undefined, 'to')}
</div>
</section>
`,
  };
}
