import { searchKit } from './search-text.js';
import type { Site } from './site.js';
import { pagePath, slug } from './urls.js';

/**
 * The search index, split so that a large org's first query downloads kilobytes, not megabytes:
 *
 * - `search/index.json` (the head, loaded when the search box gets focus): the pages and sections
 *   that results name, one pair per entry, and the lists of shards;
 * - `search/terms/<key>.json`: the entries each term is in, for the terms whose first letter (or,
 *   for a letter with many terms, first two letters) is `<key>`. A query loads its words' shards;
 * - `search/text/<n>.json`: the entries' plain text, a few kilobytes per file, loaded only for the
 *   results shown (for their snippets).
 *
 * Plain text only: the script builds its results with textContent, never HTML.
 */
export const SEARCH_FORMAT = 2;

/** A term shard above this size (bytes of JSON) is split by one more letter, up to MAX_KEY letters. */
export const TERM_SHARD_TARGET = 16 * 1024;
export const MAX_KEY = 3;
/**
 * Text files hold consecutive entries, about this many bytes on average: a query shows 50 results
 * from all over the index, so small files (an entry or two) keep what it downloads small.
 */
export const TEXT_CHUNK_TARGET = 2 * 1024;

export interface SearchHead {
  version: typeof SEARCH_FORMAT;
  /** Pages that results link to: [url, title, subtitle]. */
  pages: Array<[string, string, string]>;
  /** Sections of pages: [name, fragment ('' for the top of the page)]. */
  sections: Array<[string, string]>;
  /**
   * The entries, in runs of three numbers: a page, its first section, how many entries follow
   * with the next sections ([4, 10, 3] is page 4 with sections 10, 11 and 12). A level's entries
   * are its track's competencies in order, so a level is one run or a few.
   */
  runs: number[];
  /** Keys of the term shards (`terms` + key + `.json`). */
  keys: string[];
  terms: string;
  /** Entries per text file: entry n is in `text` + floor(n / perText) + `.json`. */
  perText: number;
  text: string;
}

/** One searchable piece before indexing. */
interface Entry {
  page: [string, string, string];
  section: [string, string];
  text: string;
}

function entriesOf(site: Site): Entry[] {
  const entries: Entry[] = [];
  for (const track of site.tracks) {
    const competencies = site.index.competenciesOf(track.id);
    for (const level of site.index.levelsOf(track.id)) {
      // A level shared by several tracks is indexed once, under its own (first) track.
      if (level.track !== track.id) continue;
      const page: [string, string, string] = [site.url(pagePath.level(level.id)), site.label(level), track.name];
      const intro = site.intro(level, 2);
      entries.push({ page, section: ['Overview', ''], text: squash(`${level.summary} ${intro?.text ?? ''}`) });
      for (const c of competencies) {
        const body = site.expectations(level, c, 4);
        if (body) entries.push({ page, section: [c.name, c.id], text: squash(body.text) });
      }
    }
  }
  // Competency descriptions, as each track page shows them.
  for (const track of site.tracks) {
    const page: [string, string, string] = [site.url(pagePath.track(track.id)), track.name, 'Competencies'];
    for (const c of site.index.competenciesOf(track.id)) {
      const description = site.descriptionOf(c, track.id);
      if (description?.trim()) entries.push({ page, section: [c.name, `competency-${c.id}`], text: squash(description) });
    }
  }
  // The release notes of ladder.yml, as the changelog shows them.
  const changelog: [string, string, string] = [site.url(pagePath.changelog), 'Changelog', 'Release notes'];
  for (const note of site.ladder.changelog ?? []) {
    const text = squash(note.changes.join(' '));
    if (text) entries.push({ page: changelog, section: [`Version ${note.version}`, releaseAnchor(note.version)], text });
  }
  return entries;
}

/** The id of a version's release notes on the changelog page. */
export function releaseAnchor(version: string): string {
  return `version-${slug(version.replace(/\./g, '-'))}`;
}

/** search/index.json and its shards, as [path, contents]. */
export function searchFiles(site: Site): Array<[string, string]> {
  const kit = searchKit();
  const entries = entriesOf(site);
  const pages: SearchHead['pages'] = [];
  const pageIndex = new Map<string, number>();
  const sections: SearchHead['sections'] = [];
  const sectionIndex = new Map<string, number>();
  const runs: number[] = [];
  const postings = new Map<string, number[]>();
  entries.forEach((e, n) => {
    const key = e.page[0];
    if (!pageIndex.has(key)) pageIndex.set(key, pages.push(e.page) - 1);
    const sectionKey = `${e.section[0]}\u0000${e.section[1]}`;
    if (!sectionIndex.has(sectionKey)) sectionIndex.set(sectionKey, sections.push(e.section) - 1);
    const p = pageIndex.get(key) as number;
    const q = sectionIndex.get(sectionKey) as number;
    const last = runs.length - 3;
    if (last >= 0 && runs[last] === p && (runs[last + 1] as number) + (runs[last + 2] as number) === q) runs[last + 2] = (runs[last + 2] as number) + 1;
    else runs.push(p, q, 1);
    // A page's title and a section's name count as the entry's words too ("Delivery", "E4").
    for (const { t } of kit.words(`${e.page[1]} ${e.page[2]} ${e.section[0]} ${e.text}`)) {
      const list = postings.get(t);
      if (list === undefined) postings.set(t, [n]);
      else if (list[list.length - 1] !== n) list.push(n);
    }
  });

  const files: Array<[string, string]> = [];
  // Term shards: by first letter, by two where a letter holds too much.
  const byKey = (terms: string[], length: number) => {
    const groups = new Map<string, string[]>();
    for (const t of terms) {
      const k = kit.keyOf(t, length);
      const g = groups.get(k);
      if (g) g.push(t);
      else groups.set(k, [t]);
    }
    return groups;
  };
  const shardJson = (terms: string[]) => {
    const shard: Record<string, number[]> = {};
    // Entry numbers as gaps from the previous one: smaller numbers, shorter files.
    for (const t of terms.sort()) shard[t] = (postings.get(t) as number[]).map((n, i, list) => (i === 0 ? n : n - (list[i - 1] as number)));
    return json(shard);
  };
  const keys: string[] = [];
  const split = (terms: string[], length: number) => {
    for (const [key, group] of byKey(terms, length)) {
      const whole = shardJson(group);
      // A key as long as a term stays whole: a longer key would leave that term nowhere.
      if (whole.length <= TERM_SHARD_TARGET || length >= MAX_KEY || group.some((t) => t.length <= length)) {
        keys.push(key);
        files.push([termPath(key), whole]);
      } else split(group, length + 1);
    }
  };
  split([...postings.keys()], 1);

  // Text files: the same number of consecutive entries each, about TEXT_CHUNK_TARGET bytes on average.
  const average = entries.reduce((n, e) => n + e.text.length, 0) / Math.max(1, entries.length);
  const perText = Math.max(1, Math.round(TEXT_CHUNK_TARGET / Math.max(1, average)));
  for (let first = 0; first < entries.length; first += perText) {
    files.push([`${pagePath.searchText}${first / perText}.json`, json(entries.slice(first, first + perText).map((e) => e.text))]);
  }

  const head: SearchHead = {
    version: SEARCH_FORMAT,
    pages,
    sections,
    runs,
    keys: keys.sort(),
    terms: site.url(pagePath.searchTerms),
    perText,
    text: site.url(pagePath.searchText),
  };
  return [[pagePath.searchIndex, json(head)], ...files];
}

function termPath(key: string): string {
  return `${pagePath.searchTerms}${key}.json`;
}

// "<" escaped: the index is data, and stays inert even if someone ever inlines it into a page.
function json(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
