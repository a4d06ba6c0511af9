import type { LadderDiff } from '../core/diff.js';
import { joinWords } from './format.js';
import { type Html, html } from './html.js';
import type { Site } from './site.js';
import { pagePath } from './urls.js';

/**
 * What one version changed for the people on the ladder, from the semantic diff with the version
 * before (src/core/diff.ts), as list items: levels added, removed, renamed, moved or migrated;
 * expectations changed, level by level; competencies; proficiency steps; parity; the rest. Ids
 * link to the level when it is still on the ladder. Never anything of a packet: the diffs are made
 * without packets.
 */
export function versionChanges(site: Site, diff: LadderDiff): Html[] {
  const level = (id: string): Html => {
    const l = site.index.levelById.get(id);
    return l ? html`<a href="${site.url(pagePath.level(l.id))}">${site.label(l)}</a>` : html`<code>${id}</code>`;
  };
  const levels = (ids: readonly string[]): Html[] => ids.map((id, i) => html`${i === 0 ? '' : i === ids.length - 1 ? ' and ' : ', '}${level(id)}`);
  const band = (id: string) => site.index.bandById.get(id)?.name ?? id;
  const track = (id: string) => site.index.trackById.get(id)?.name ?? id;
  const items: Html[] = [];
  const d = diff;
  for (const l of d.levels.added) items.push(html`New level ${level(l.id)} on the ${track(l.track)} track, ${band(l.band)} band.`);
  for (const l of d.levels.removed) items.push(html`Level <code>${l.id}</code> (${l.title}) was removed.`);
  for (const m of d.levels.migrated) {
    const verb = m.kind === 'merge' ? 'merged into' : m.kind === 'split' ? 'split into' : 'renamed to';
    items.push(html`${m.from.map((id, i) => html`${i === 0 ? '' : ' and '}<code>${id}</code>`)} ${verb} ${levels(m.to)}.`);
  }
  for (const r of d.levels.retitled) items.push(html`${level(r.id)} was retitled from &ldquo;${r.from}&rdquo;.`);
  for (const m of d.levels.moved) items.push(html`${level(m.id)} moved from the ${band(m.fromBand)} band to the ${band(m.toBand)} band.`);
  for (const s of d.levels.summaryChanged) items.push(html`${level(s.id)}: the summary changed.`);
  // Expectations, one line per level: which competencies' expectations were added, changed or removed.
  const byLevel = new Map<string, { added: string[]; changed: string[]; removed: string[] }>();
  for (const e of d.expectations) {
    const entry = byLevel.get(e.level) ?? { added: [], changed: [], removed: [] };
    entry[e.change].push(e.competencyName);
    byLevel.set(e.level, entry);
  }
  for (const [id, e] of byLevel) {
    const parts = [
      e.changed.length ? `changed in ${joinWords(e.changed)}` : '',
      e.added.length ? `new in ${joinWords(e.added)}` : '',
      e.removed.length ? `no longer in ${joinWords(e.removed)}` : '',
    ].filter(Boolean);
    items.push(html`${level(id)}: expectations ${parts.join('; ')}.`);
  }
  for (const p of d.proficiency ?? []) {
    const step = (s: { step: number; name: string } | undefined) => (s ? `${s.name} (step ${s.step})` : 'none');
    items.push(html`${level(p.level)}: the step in ${p.competencyName} went from ${step(p.from)} to ${step(p.to)}.`);
  }
  for (const c of d.competencies.added) items.push(html`New competency ${c.name}${c.tracks.length ? ` for ${joinWords(c.tracks.map(track))}` : ''}.`);
  for (const c of d.competencies.removed) items.push(html`Competency ${c.name} was removed.`);
  for (const c of d.competencies.renamed) items.push(html`Competency ${c.from} is now called ${c.to}.`);
  for (const c of d.competencies.tracksChanged) {
    const name = site.index.competencyById.get(c.id)?.name ?? c.id;
    if (c.added.length) items.push(html`${name} now also applies to ${joinWords(c.added.map(track))}.`);
    if (c.removed.length) items.push(html`${name} no longer applies to ${joinWords(c.removed.map(track))}.`);
  }
  for (const e of d.parity.added) items.push(html`Now equally senior (${band(e.band)} band): ${levels(e.levels)}.`);
  for (const e of d.parity.removed) items.push(html`No longer equally senior as before (${band(e.band)} band): ${levels(e.levels)}.`);
  for (const o of d.other) items.push(html`${o}`);
  return items;
}

/** "Asks more of people" for a major change, else "Clarifications and other changes". */
export function verdictText(diff: LadderDiff): string {
  return diff.verdict === 'major' ? 'Asks something new of people (a major change)' : diff.verdict === 'minor' ? 'A minor change' : 'No change that matters';
}
