import type { Competency, Ladder, Pay } from '../core/model.js';
import { PROJECT_SITE } from '../core/project-urls.js';

/**
 * ladder.json: the ladder as data for other tools (an HR system, a spreadsheet, a review form):
 * bands, tracks, families, scales, competencies and levels with their expectations as Markdown.
 * Never anything of a packet, and pay only when the policy publishes it, as on the site.
 * schemas/export.schema.json describes it; `formatVersion` changes when a field changes meaning
 * or goes away (adding one does not).
 */
export const EXPORT_FORMAT_VERSION = 1;
export const EXPORT_SCHEMA_URL = `${PROJECT_SITE}schemas/export.schema.json`;

export function ladderExport(ladder: Ladder): string {
  const publish = ladder.policy.publishPay === true;
  const pay = (p: Pay | undefined) =>
    publish && p
      ? p.ranges.map((r) => ({
          ...(r.zone !== undefined ? { zone: r.zone } : {}),
          ...(r.currency !== undefined ? { currency: r.currency } : {}),
          min: r.min,
          max: r.max,
        }))
      : undefined;
  const byName = new Map<string, string>();
  const competencies: Array<Record<string, unknown>> = [];
  const addCompetency = (c: Competency) => {
    if (!byName.has(c.name)) byName.set(c.name, c.id);
    competencies.push({
      id: c.id,
      name: c.name,
      ...(c.description !== undefined ? { description: c.description } : {}),
      ...(c.descriptionByTrack ? { descriptionByTrack: c.descriptionByTrack } : {}),
      tracks: c.tracks,
      ...(c.from !== undefined ? { from: c.from } : {}),
      ...(c.scale !== undefined ? { scale: c.scale } : {}),
      ...(c.group !== undefined ? { group: c.group } : {}),
      ...(c.parent !== undefined ? { parent: c.parent } : {}),
    });
    for (const sub of c.subs ?? []) addCompetency(sub);
  };
  for (const c of ladder.competencies) addCompetency(c);
  const data = {
    $schema: EXPORT_SCHEMA_URL,
    formatVersion: EXPORT_FORMAT_VERSION,
    organization: ladder.organization,
    version: ladder.version,
    payPublished: publish,
    zones: publish ? ladder.zones.map((z) => ({ id: z.id, name: z.name, currency: z.currency })) : [],
    bands: ladder.bands.map((b) => ({
      id: b.id,
      name: b.name,
      ...(b.description !== undefined ? { description: b.description } : {}),
      rank: b.rank,
      ...(pay(b.pay) ? { pay: pay(b.pay) } : {}),
    })),
    tracks: ladder.tracks.map((t) => ({ id: t.id, name: t.name, kind: t.kind, ...(t.description !== undefined ? { description: t.description } : {}) })),
    families: ladder.families.map((f) => ({
      id: f.id,
      name: f.name,
      tracks: f.tracks,
      ...(f.description !== undefined ? { description: f.description } : {}),
    })),
    scales: ladder.scales.map((s) => ({ id: s.id, name: s.name, steps: s.steps })),
    groups: ladder.groups.map((g) => ({ id: g.id, name: g.name, choose: g.choose, ...(g.description !== undefined ? { description: g.description } : {}) })),
    competencies,
    levels: ladder.levels.map((l) => ({
      id: l.id,
      code: l.code,
      track: l.track,
      tracks: l.tracks,
      title: l.title,
      band: l.band,
      summary: l.summary,
      ...(pay(l.pay) ? { pay: pay(l.pay) } : {}),
      ...(l.proficiency ? { proficiency: l.proficiency } : {}),
      introduction: l.intro.trim(),
      expectations: l.sections.map((s) => ({ ...(byName.has(s.name) ? { competency: byName.get(s.name) } : {}), name: s.name, markdown: s.body })),
    })),
  };
  // "<" escaped, as in the search index: the Markdown may hold HTML, and the file stays inert
  // even if someone ever inlines it into a page. JSON readers get the same text back.
  return `${JSON.stringify(data, null, 1).replace(/</g, '\\u003c')}\n`;
}
