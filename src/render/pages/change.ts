import type { Competency, Level } from '../../core/model.js';
import { PACKET_KINDS } from '../../core/packet-kinds.js';
import { stepChangeText } from '../../core/proficiency.js';
import { allNew, type Comparison, compareFragments, grouped } from '../diff.js';
import { plural } from '../format.js';
import { type Html, html, trusted } from '../html.js';
import type { Page } from '../layout.js';
import { committeeRule, graduationRule, hasGraduation, lateralRule, promotionFeedbackRule, switchFeedbackRule } from '../policy.js';
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
  const fromBand = site.bandOf(from);
  const toBand = site.bandOf(to);
  // Competencies of either level, in the ladder's order; one name defined per track is one row.
  const rows = rowsOf(site, from, to);
  const competencies = rows.map((r) => r.competency);
  const shared = rows.filter((r) => r.from && r.to);
  const counts = { same: 0, new: 0, grew: 0, stepsUp: 0 };
  // A summary page (tracks that are not neighbours) compares nothing: it links to both levels' sections.
  const sections = (step.summary ? [] : rows).map((row) => {
    const section = compareSection(site, step, row);
    if (section.grouped) {
      counts.new += section.grouped.new;
      counts.grew += section.grouped.grew;
      counts.same += section.grouped.same;
    } else if (lateral) counts.same += section.to?.counts.same ?? 0;
    else counts.new += section.to?.counts.items ?? 0; // a competency the lower level is not measured on: all new
    if (section.stepUp) counts.stepsUp++;
    return section.html;
  });
  const same = counts.same;
  const fromPay = site.payOf(from);
  const toPay = site.payOf(to);
  const samePay = fromPay && toPay && site.payText(fromPay)?.value === site.payText(toPay)?.value;
  const lead = lateral
    ? html`A lateral move on ${site.theBand(from)}, in either direction: the same seniority${samePay ? ' and the same pay range' : ''}. Moving to the ${toTrack?.name ?? to.track} track is not a promotion, and moving back to the ${fromTrack?.name ?? from.track} track is not a demotion.`
    : from.tracks.includes(to.track)
      ? html`A promotion on the ${toTrack?.name ?? to.track} track, one band up: from ${site.theBand(from)} to ${site.theBand(to)}.`
      : html`A promotion from the ${fromTrack?.name ?? from.track} track onto the ${toTrack?.name ?? to.track} track, one band up, as the ladder declares at this fork: from ${site.theBand(from)} to ${site.theBand(to)}.`;
  const legend = lateral
    ? html`In each column, <ins>highlighted words</ins> are what that level asks for that the other level's expectations for the same competency never mention. <span class="change-tag" data-sample="same">Unchanged</span> marks an expectation both levels share word for word, <span class="change-tag" data-sample="new">New at ${site.short(to)}</span> a competency only ${site.short(to)} is measured on, and <span class="change-tag" data-sample="only">Only at ${site.short(from)}</span> one that stops counting on the move to ${site.short(to)}.`
    : html`Each expectation of ${site.short(to)} is paired with the closest one of ${site.short(from)}. <span class="change-tag" data-sample="new">New</span> has no counterpart at ${site.short(from)}; <span class="change-tag" data-sample="changed">Grown</span> has one, shown under it, and its <ins>highlighted words</ins> are what changed; expectations that stay the same are folded away. On the left, ${site.short(from)}'s expectations in full.`;
  const bandsUp = (toBand?.rank ?? 0) - (fromBand?.rank ?? 0);
  const summary = step.summary
    ? html`${site.short(from)} and ${site.short(to)} share ${shared.length} of these ${plural(competencies.length, 'competency', 'competencies')}.`
    : lateral
      ? html`${site.short(from)} and ${site.short(to)} share ${shared.length} of these ${plural(competencies.length, 'competency', 'competencies')}; ${same === 0 ? 'none of their expectations is' : `${plural(same, 'expectation')} ${same === 1 ? 'is' : 'are'}`} word for word the same.`
      : html`${site.short(from)} &rarr; ${site.short(to)}: ${plural(counts.new, 'new expectation')}, ${counts.grew} grown, ${counts.same} the same, across ${plural(competencies.length, 'competency', 'competencies')}${counts.stepsUp > 0 ? html`; a proficiency step up in ${counts.stepsUp}` : ''}; ${bandsUp === 1 ? 'one band up' : plural(bandsUp, 'band') + ' up'} (${fromBand?.name ?? from.band} &rarr; ${toBand?.name ?? to.band})${from.tracks.includes(to.track) ? '' : html`, onto the ${toTrack?.name ?? to.track} track`}.`;
  const differences = lateral ? [] : rows.filter((r) => r.to && to.differences?.[r.to.id]);
  const starts = rows.filter((r) => !r.from && r.to).map((r) => r.competency);
  const stops = rows.filter((r) => r.from && !r.to).map((r) => r.competency);
  const both = rows.filter((r) => r.from && r.to).map((r) => r.competency);
  // On a summary page the competencies are not on the page: link to them on the level that measures them.
  const competencyList = (list: Competency[], at: Level) => {
    const page = step.summary ? site.url(pagePath.level(at.id)) : '';
    return list.length === 0 ? html`<p class="muted">Nothing.</p>` : html`<ul>${list.map((c) => html`<li><a href="${page}#${c.id}">${c.name}</a></li>`)}</ul>`;
  };
  const direction = (a: Level, b: Level, start: Competency[], stop: Competency[]) => html`<div class="measured-move">
<h3>From ${site.short(a)} to ${site.short(b)}</h3>
<p class="measured-label">You start being measured on</p>
${competencyList(start, b)}
<p class="measured-label">You stop being measured on</p>
${competencyList(stop, a)}
</div>`;
  const measured = lateral
    ? html`<section class="measured" aria-labelledby="ladder-measured-title">
<h2 id="ladder-measured-title">What you are measured on</h2>
<div class="measured-grid">
${direction(from, to, starts, stops)}
${direction(to, from, stops, starts)}
</div>
${both.length > 0 && !step.summary ? html`<p>Both levels are measured on ${plural(both.length, 'competency', 'competencies')}: ${both.map((c, i) => html`${i === 0 ? '' : i === both.length - 1 ? ' and ' : ', '}<a href="#${c.id}">${c.name}</a>`)}, each in its own words below.</p>` : ''}
</section>`
    : '';
  const graduation = PACKET_KINDS.graduation.tracks;
  const kinds = [fromTrack?.kind, toTrack?.kind];
  const rules = lateral
    ? [
        lateralRule(site, [fromTrack, toTrack], fromBand?.name),
        switchFeedbackRule(site),
        ...(hasGraduation(site) && kinds.includes(graduation.from) && kinds.includes(graduation.to) ? [graduationRule(site)] : []),
        committeeRule(site),
      ]
    : [promotionFeedbackRule(site), committeeRule(site)];
  const rulesSection = html`<section class="move-rules" aria-labelledby="ladder-rules-title">
<h2 id="ladder-rules-title">The rules of this move</h2>
<ul class="rule-list">${rules.map((r) => html`<li>${r}</li>`)}</ul>
<p><a href="${site.url(pagePath.moves)}">How moves work</a>, for every kind of move.</p>
</section>`;
  const differenceList =
    differences.length > 0
      ? html`<section class="differences" aria-labelledby="ladder-differences-title">
<h2 id="ladder-differences-title">What is different at ${site.short(to)}</h2>
<dl>${differences.map((r) => html`<div><dt><a href="#${r.competency.id}">${r.competency.name}</a></dt><dd>${to.differences?.[(r.to as Competency).id]}</dd></div>`)}</dl>
</section>`
      : '';
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
${lateral ? html`${measured}\n${rulesSection}` : differenceList}
${
  step.summary
    ? summarySection(site, step, summary)
    : html`<div class="legend">
<p>${legend}</p>
<p class="summary">${summary}</p>
</div>
<nav class="toc" aria-label="Competencies">
<ul>${competencies.map((c) => html`<li><a href="#${c.id}">${c.name}</a></li>`)}</ul>
</nav>
${sections}`
}
${lateral ? '' : rulesSection}
<nav class="step-nav" aria-label="Related pages">
<ul>
<li><a href="${site.url(pagePath.level(from.id))}">${site.label(from)}</a></li>
<li><a href="${site.url(pagePath.level(to.id))}">${site.label(to)}</a></li>
${previous.map((p) => html`<li><a href="${site.url(pagePath.change(p.key))}">Previous step: from ${site.short(p.from)} to ${site.short(p.to)}</a></li>`)}
${next.map((n) => html`<li><a href="${site.url(pagePath.change(n.key))}">Next step: from ${site.short(n.from)} to ${site.short(n.to)}</a></li>`)}
<li><a href="${site.url(pagePath.moves)}">How moves work</a></li>
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

/**
 * A summary page's comparison: the two levels' pages, which hold their expectations competency by
 * competency. The tracks are not neighbours: a full page would repeat both levels' text for every
 * pair of tracks, and the site's size would grow with the square of the tracks.
 */
function summarySection(site: Site, step: Step, summary: Html): Html {
  const { from, to } = step;
  const link = (level: Level) => html`<a href="${site.url(pagePath.level(level.id))}">${site.label(level)}</a>`;
  return html`<section class="compare-summary" aria-labelledby="ladder-compare-title">
<h2 id="ladder-compare-title">Their expectations</h2>
<p>${summary} The ${site.trackOf(from)?.name ?? from.track} and ${site.trackOf(to)?.name ?? to.track} tracks are not neighbours on the ladder, so this page does not set the two levels' expectations side by side: read them, competency by competency, on ${link(from)} and ${link(to)}.</p>
</section>`;
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

function compareSection(
  site: Site,
  step: Step,
  row: Row,
): { html: Html; to: Comparison | undefined; grouped: { new: number; grew: number; same: number } | undefined; stepUp: boolean } {
  const { from, to } = step;
  const c = row.competency;
  const lateral = step.kind === 'switch';
  const before = row.from ? site.expectations(from, row.from, 4) : undefined;
  const after = row.to ? site.expectations(to, row.to, 4) : undefined;
  // A promotion pairs the higher level's expectations with the lower level's, bullet by bullet; a
  // switch (both directions on one page) emphasizes in each column what the other never mentions.
  const aligned =
    !lateral && before && after
      ? grouped(before, after, { new: `New at ${site.short(to)}`, grew: `Grown from ${site.short(from)}`, was: `At ${site.short(from)}:` })
      : undefined;
  // (A promotion's grouped list replaces the compared column: not worked out then.)
  const right = aligned
    ? undefined
    : after
      ? before
        ? compareFragments(before, after)
        : allNew(after, lateral ? `New at ${site.short(to)}` : 'New')
      : undefined;
  // A promotion's lower level is shown as it is; in a switch both sides are compared.
  const left = before ? (!lateral ? undefined : after ? compareFragments(after, before) : allNew(before, `Only at ${site.short(from)}`, 'only')) : undefined;
  const absent = (level: Level) => {
    const track = site.trackOf(level)?.name;
    if (c.tracks.includes(level.track))
      return html`<p class="absent">${site.short(level)} has no expectations for ${c.name}: ${(site.appliesFrom(c) ?? 'not measured at this level').toLowerCase()}.</p>`;
    return html`<p class="absent">${site.short(level)} has no expectations for ${c.name}${track ? html`: the ${track} track does not measure it` : ''}.</p>`;
  };
  const description = site.descriptionOf(row.from ?? c, from.track) ?? site.descriptionOf(row.to ?? c, to.track);
  const fromStep = row.from && site.stepOf(from, row.from);
  const toStep = row.to && site.stepOf(to, row.to);
  const steps = stepChangeText(fromStep, toStep);
  const scale = (row.to?.scale ?? row.from?.scale) === undefined ? undefined : site.index.scaleById.get((row.to?.scale ?? row.from?.scale) as string);
  const difference = !lateral && row.to ? to.differences?.[row.to.id] : undefined;
  const counts = aligned?.counts;
  const tally = counts
    ? [counts.new > 0 ? `${counts.new} new` : '', counts.grew > 0 ? `${counts.grew} grown` : '', counts.same > 0 ? `${counts.same} the same` : '']
        .filter(Boolean)
        .join(', ')
    : '';
  const column = (level: Level, body: Html | undefined, side: 'from' | 'to') => html`<div class="side side-${side}">
<h3><span class="visually-hidden">${c.name}: </span>${site.label(level)}</h3>
<div class="prose">${body ?? absent(level)}</div>
</div>`;
  return {
    to: right,
    grouped: counts,
    stepUp: fromStep !== undefined && toStep !== undefined && toStep.step > fromStep.step,
    html: html`<section class="compare-section" id="${c.id}" aria-labelledby="${c.id}-title">
<h2 id="${c.id}-title">${c.name}</h2>
${difference ? html`<p class="difference"><strong>What is different:</strong> ${difference}</p>` : ''}
${description ? html`<p class="competency-desc">${description}</p>` : ''}
${steps && scale ? html`<p class="proficiency">${scale.name}: <strong>${steps}</strong></p>` : ''}
${tally ? html`<p class="tally">${site.short(to)}: ${tally}.</p>` : ''}
<div class="compare${lateral ? ' lateral' : ''}">
${column(from, left ? trusted(left.html) : before ? trusted(before.html) : undefined, 'from')}
${column(to, aligned ? trusted(aligned.html) : right ? trusted(right.html) : undefined, 'to')}
</div>
</section>
`,
  };
}
