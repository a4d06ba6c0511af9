import type { Competency, Level } from '../core/model.js';
import { type SearchKit, searchKit } from './search-text.js';
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

/** One searchable piece before indexing; `text` is undefined until needed for an entry of a reused level. */
interface Entry {
  page: [string, string, string];
  section: [string, string];
  length: number;
  /** Its text, for the text files; `id` names it in their keys (a level's key and the entry's number in it). */
  text(): string;
  id: string;
}

/**
 * A level's search entries as the next render can reuse them (RenderOptions.incremental), stored
 * under the key of the level's inputs: the costly part of indexing a level (rendering its Markdown,
 * cutting and stemming its words) without its text, which only the few text files that change need.
 */
export interface LevelSearch {
  /** Each entry's competency id, '' for the level's overview (always the first). */
  sections: string[];
  /** Each entry's text length (the text files hold about TEXT_CHUNK_TARGET bytes of text each). */
  lengths: number[];
  /** Each term with the level's entries that hold it (0-based, ascending), in the order the terms first occur. */
  terms: Array<[string, number[]]>;
}

/** What the search index reuses from the previous render, and how it knows (RenderOptions.incremental). */
export interface SearchReuse {
  /** The key of a level's inputs (the key of its level page). */
  keyOf(level: Level): string;
  /** The LevelSearch the previous render stored under `key`, as JSON; undefined if none. */
  cached(key: string): string | undefined;
  /** Whether the previous render made `file` from `key` and it is still as it wrote it. */
  reuse(file: string, key: string): boolean;
  digest(text: string): string;
}

/** A level's entries, worked out: their sections, texts and terms. */
function levelEntries(site: Site, kit: SearchKit, level: Level, page: Entry['page']): { sections: string[]; texts: string[]; terms: LevelSearch['terms'] } {
  const intro = site.intro(level, 2);
  const sections = [''];
  const texts = [squash(`${level.summary} ${intro?.text ?? ''}`)];
  for (const c of site.index.competenciesOf(level.track)) {
    const body = site.expectations(level, c, 4);
    if (body) {
      sections.push(c.id);
      texts.push(squash(body.text));
    }
  }
  const terms = new Map<string, number[]>();
  texts.forEach((text, n) => {
    // A page's title and a section's name count as the entry's words too ("Delivery", "E4").
    const name = n === 0 ? 'Overview' : (site.index.competencyById.get(sections[n] as string) as Competency).name;
    for (const { t } of kit.words(`${page[1]} ${page[2]} ${name} ${text}`)) {
      const list = terms.get(t);
      if (list === undefined) terms.set(t, [n]);
      else if (list[list.length - 1] !== n) list.push(n);
    }
  });
  return { sections, texts, terms: [...terms] };
}

/** A stored LevelSearch, if it is one for this level's track (anything else: undefined, and the level is indexed anew). */
function parseLevelSearch(site: Site, level: Level, text: string | undefined): LevelSearch | undefined {
  if (text === undefined) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null) return undefined;
  const { sections, lengths, terms } = data as Record<string, unknown>;
  if (!Array.isArray(sections) || !Array.isArray(lengths) || !Array.isArray(terms)) return undefined;
  const count = sections.length;
  const own = new Set(site.index.competenciesOf(level.track).map((c) => c.id));
  if (count === 0 || lengths.length !== count || sections[0] !== '') return undefined;
  if (!sections.every((id, n) => n === 0 || (typeof id === 'string' && own.has(id)))) return undefined;
  if (!lengths.every((n) => Number.isSafeInteger(n) && n >= 0)) return undefined;
  const seen = new Set<string>();
  for (const pair of terms) {
    if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'string' || seen.has(pair[0]) || !Array.isArray(pair[1]) || pair[1].length === 0)
      return undefined;
    seen.add(pair[0]);
    let last = -1;
    for (const n of pair[1]) {
      if (!Number.isSafeInteger(n) || n <= last || n >= count) return undefined;
      last = n;
    }
  }
  return { sections, lengths, terms } as LevelSearch;
}

/** The entries of the index in order, with their terms: levels (reused when `reuse` has them), competency descriptions, release notes. */
function entriesOf(site: Site, kit: SearchKit, reuse: SearchReuse | undefined) {
  const entries: Entry[] = [];
  const postings = new Map<string, number[]>();
  const store: Array<[string, string]> = [];
  const add = (base: number, terms: LevelSearch['terms']) => {
    for (const [t, list] of terms) {
      const all = postings.get(t);
      if (all === undefined)
        postings.set(
          t,
          list.map((n) => base + n),
        );
      else for (const n of list) all.push(base + n);
    }
  };
  for (const track of site.tracks) {
    for (const level of site.index.levelsOf(track.id)) {
      // A level shared by several tracks is indexed once, under its own (first) track.
      if (level.track !== track.id) continue;
      const page: Entry['page'] = [site.url(pagePath.level(level.id)), site.label(level), track.name];
      const key = reuse?.keyOf(level) ?? '';
      const stored = reuse && parseLevelSearch(site, level, reuse.cached(key));
      let texts: string[] | undefined;
      let found: LevelSearch;
      if (stored) found = stored;
      else {
        const fresh = levelEntries(site, kit, level, page);
        texts = fresh.texts;
        found = { sections: fresh.sections, lengths: texts.map((t) => t.length), terms: fresh.terms };
        if (reuse) store.push([key, JSON.stringify(found)]);
      }
      // A reused level's texts are worked out again only for a text file that has to be written.
      const textOf = (n: number) => {
        texts ??= levelEntries(site, kit, level, page).texts;
        return texts[n] ?? '';
      };
      add(entries.length, found.terms);
      found.sections.forEach((id, n) => {
        const c = n === 0 ? undefined : site.index.competencyById.get(id);
        entries.push({ page, section: c ? [c.name, c.id] : ['Overview', ''], length: found.lengths[n] as number, text: () => textOf(n), id: `${key}.${n}` });
      });
    }
  }
  const extra: Array<{ page: Entry['page']; section: Entry['section']; text: string }> = [];
  // Competency descriptions, as each track page shows them.
  for (const track of site.tracks) {
    const page: Entry['page'] = [site.url(pagePath.track(track.id)), track.name, 'Competencies'];
    for (const c of site.index.competenciesOf(track.id)) {
      const description = site.descriptionOf(c, track.id);
      if (description?.trim()) extra.push({ page, section: [c.name, `competency-${c.id}`], text: squash(description) });
    }
  }
  // The release notes of ladder.yml, as the changelog shows them.
  const changelog: Entry['page'] = [site.url(pagePath.changelog), 'Changelog', 'Release notes'];
  for (const note of site.ladder.changelog ?? []) {
    const text = squash(note.changes.join(' '));
    if (text) extra.push({ page: changelog, section: [`Version ${note.version}`, releaseAnchor(note.version)], text });
  }
  for (const e of extra) {
    const n = entries.length;
    for (const { t } of kit.words(`${e.page[1]} ${e.page[2]} ${e.section[0]} ${e.text}`)) {
      const list = postings.get(t);
      if (list === undefined) postings.set(t, [n]);
      else if (list[list.length - 1] !== n) list.push(n);
    }
    entries.push({ page: e.page, section: e.section, length: e.text.length, text: () => e.text, id: `=${e.text}` });
  }
  return { entries, postings, store };
}

/** The id of a version's release notes on the changelog page. */
export function releaseAnchor(version: string): string {
  return `version-${slug(version.replace(/\./g, '-'))}`;
}

/**
 * search/index.json and its shards, as [path, contents], and with `reuse` what the next render can
 * reuse (LevelSearch as JSON, by level key): a text file whose entries did not change is given with
 * no contents and the key of its entries, as a page is (RenderOptions.incremental).
 */
export function searchFiles(
  site: Site,
  reuse?: SearchReuse,
): { files: Array<[path: string, contents: string | undefined, key?: string]>; store: Array<[key: string, json: string]> } {
  const kit = searchKit();
  const { entries, postings, store } = entriesOf(site, kit, reuse);
  const pages: SearchHead['pages'] = [];
  const pageIndex = new Map<string, number>();
  const sections: SearchHead['sections'] = [];
  const sectionIndex = new Map<string, number>();
  const runs: number[] = [];
  for (const e of entries) {
    const key = e.page[0];
    if (!pageIndex.has(key)) pageIndex.set(key, pages.push(e.page) - 1);
    const sectionKey = `${e.section[0]}\u0000${e.section[1]}`;
    if (!sectionIndex.has(sectionKey)) sectionIndex.set(sectionKey, sections.push(e.section) - 1);
    const p = pageIndex.get(key) as number;
    const q = sectionIndex.get(sectionKey) as number;
    const last = runs.length - 3;
    if (last >= 0 && runs[last] === p && (runs[last + 1] as number) + (runs[last + 2] as number) === q) runs[last + 2] = (runs[last + 2] as number) + 1;
    else runs.push(p, q, 1);
  }

  const files: Array<[path: string, contents: string | undefined, key?: string]> = [];
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
  const average = entries.reduce((n, e) => n + e.length, 0) / Math.max(1, entries.length);
  const perText = Math.max(1, Math.round(TEXT_CHUNK_TARGET / Math.max(1, average)));
  for (let first = 0; first < entries.length; first += perText) {
    const path = `${pagePath.searchText}${first / perText}.json`;
    const chunk = entries.slice(first, first + perText);
    if (!reuse) {
      files.push([path, json(chunk.map((e) => e.text()))]);
      continue;
    }
    // The same entries as last time (by level key and place): the same file.
    const key = reuse.digest(JSON.stringify([perText, ...chunk.map((e) => e.id)]));
    files.push(reuse.reuse(path, key) ? [path, undefined, key] : [path, json(chunk.map((e) => e.text())), key]);
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
  return { files: [[pagePath.searchIndex, json(head)], ...files], store };
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
