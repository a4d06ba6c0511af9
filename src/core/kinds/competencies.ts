import { INPUT_RULES } from '../input-rules.js';
import type { Competency, CompetencyGroup, Scale } from '../model.js';
import { entries, isMapping, optStr, str, strings } from '../values.js';
import type { YamlDocument } from '../yaml-document.js';
import type { FileKind } from './kind.js';

const PATH = 'competencies.yml';

/** competencies.yml: what every level is measured on, and on which tracks. */
export const competenciesKind: FileKind<'competencies'> = {
  id: 'competencies',
  noun: 'competencies file',
  place: PATH,
  format: 'yaml',
  schema: 'competencies',
  personal: false,
  scope: 'ladder',
  required: { path: PATH, hint: 'Create it with the list of competencies (see docs/format.md).' },
  match: (path) => (path === PATH ? { folder: '', name: 'competencies' } : undefined),
  misplaced: (path) => path === 'competencies.yaml',
  build({ doc, data }, _match, ladder, report) {
    const competencies: Competency[] = [];
    for (const [i, item] of entries(data.competencies)) {
      const pointer = `/competencies/${i}`;
      const competency = competencyOf(item, doc, pointer, strings(item.tracks));
      if (!competency) continue;
      // One level of nesting: a sub's own `subs` are never read, so an alias cannot lead the model round in a cycle.
      const subs = entries(item.subs).flatMap(([j, sub]) => {
        if (sub !== item) return competencyOf(sub, doc, `${pointer}/subs/${j}`, competency.tracks, competency.id) ?? [];
        report(
          INPUT_RULES.schema,
          PATH,
          doc.span(`${pointer}/subs/${j}`),
          `competencies[${i}].subs[${j}] is an alias of its own pillar: a competency cannot be its own sub-competency. Write the sub out with its own id and name.`,
        );
        return [];
      });
      if (subs.length > 0) competency.subs = subs;
      if (typeof item.scale === 'string') competency.scale = item.scale;
      if (typeof item.group === 'string') competency.group = item.group;
      if (item.evidence === 'pillar' || item.evidence === 'sub') competency.evidence = item.evidence;
      competencies.push(competency);
    }
    const scales: Scale[] = entries(data.scales).flatMap(([i, item]) =>
      typeof item.id === 'string'
        ? [{ id: item.id, name: str(item.name) || item.id, steps: strings(item.steps), origin: { file: PATH, doc, pointer: `/scales/${i}` } }]
        : [],
    );
    const groups: CompetencyGroup[] = entries(data.groups).flatMap(([i, item]) =>
      typeof item.id === 'string'
        ? [
            {
              id: item.id,
              name: str(item.name) || item.id,
              choose: typeof item.choose === 'number' && Number.isInteger(item.choose) && item.choose >= 1 ? item.choose : 1,
              description: optStr(item.description),
              origin: { file: PATH, doc, pointer: `/groups/${i}` },
            },
          ]
        : [],
    );
    ladder.competencies = competencies;
    ladder.scales = scales;
    ladder.groups = groups;
    ladder.competenciesLoaded = true;
  },
};

/** The keys a competency and a sub-competency share: id, name, description (text or per track) and `from`. */
function competencyOf(item: Record<string, unknown>, doc: YamlDocument, pointer: string, tracks: string[], parent?: string): Competency | undefined {
  if (typeof item.id !== 'string' || typeof item.name !== 'string') return undefined;
  const competency: Competency = { id: item.id, name: item.name, description: optStr(item.description), tracks, origin: { file: PATH, doc, pointer } };
  if (isMapping(item.description)) {
    competency.descriptionByTrack = Object.fromEntries(Object.entries(item.description).filter((e): e is [string, string] => typeof e[1] === 'string'));
  }
  // A `from` of the wrong type (the schema says so) leaves applicability unknown rather than "everywhere".
  if (item.from !== undefined) competency.from = typeof item.from === 'string' ? item.from : '';
  if (parent !== undefined) competency.parent = parent;
  return competency;
}
