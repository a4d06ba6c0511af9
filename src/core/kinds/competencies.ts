import type { Competency } from '../model.js';
import { entries, optStr } from '../values.js';
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
  build({ doc, data }, _match, ladder) {
    const competencies: Competency[] = [];
    for (const [i, item] of entries(data.competencies)) {
      if (typeof item.id !== 'string' || typeof item.name !== 'string') continue;
      competencies.push({
        id: item.id,
        name: item.name,
        description: optStr(item.description),
        tracks: Array.isArray(item.tracks) ? item.tracks.filter((t): t is string => typeof t === 'string') : [],
        origin: { file: PATH, doc, pointer: `/competencies/${i}` },
      });
    }
    ladder.competencies = competencies;
    ladder.competenciesLoaded = true;
  },
};
