import type { Site } from './site.js';
import { pagePath } from './urls.js';

/** One searchable piece: a level's overview or its expectations for one competency. */
export interface SearchEntry {
  /** URL of the page (and section). */
  u: string;
  /** Level: "E4 Senior Engineer". */
  l: string;
  /** Track name. */
  k: string;
  /** Section: a competency name, or "Overview". */
  s: string;
  /** Plain text. */
  x: string;
}

/** search/index.json: plain text only (the script builds its results with textContent, never HTML). */
export function searchIndex(site: Site): string {
  const entries: SearchEntry[] = [];
  for (const track of site.tracks) {
    const competencies = site.index.competenciesOf(track.id);
    for (const level of site.index.levelsOf(track.id)) {
      // A level shared by several tracks is indexed once, under its own (first) track.
      if (level.track !== track.id) continue;
      const url = site.url(pagePath.level(level.id));
      const l = site.label(level);
      const intro = site.intro(level, 2);
      entries.push({ u: url, l, k: track.name, s: 'Overview', x: squash(`${level.summary} ${intro?.text ?? ''}`) });
      for (const c of competencies) {
        const body = site.expectations(level, c, 4);
        if (body) entries.push({ u: `${url}#${c.id}`, l, k: track.name, s: c.name, x: squash(body.text) });
      }
    }
  }
  // "<" escaped: the index is data, and stays inert even if someone ever inlines it into a page.
  return JSON.stringify({ version: 1, entries }).replace(/</g, '\\u003c');
}

function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
