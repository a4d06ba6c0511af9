import type { SearchHead } from '../../src/render/search-index.js';
import { searchKit } from '../../src/render/search-text.js';

/**
 * A query as assets/search.js runs it (the same kit functions, in the same order), against a
 * rendered site's files instead of a server: which files it fetches, how many bytes, what it finds.
 */
export interface SimulatedQuery {
  results: Array<{ url: string; title: string; section: string; text: string }>;
  /** Site paths fetched, in order: the head, the term shards, the text files. */
  fetched: string[];
  bytes: number;
}

const kit = searchKit();

export function simulateQuery(files: ReadonlyMap<string, string>, base: string, q: string, limit = 50): SimulatedQuery {
  const fetched: string[] = [];
  const get = <T>(url: string): T => {
    const path = url.startsWith(base) ? url.slice(base.length) : url;
    const body = files.get(path);
    if (body === undefined) throw new Error(`no such file: ${path}`);
    if (!fetched.includes(path)) fetched.push(path);
    return JSON.parse(body) as T;
  };
  const head = get<SearchHead>(`${base}search/index.json`);
  const entries = kit.entries(head.runs);
  const words = kit.query(q);
  const matched = words.map((w) => {
    const shard = Object.assign({}, ...kit.shardsOf(w.t, head.keys).map((key) => get<Record<string, number[]>>(`${head.terms}${key}.json`)));
    return kit.match(w, shard).hits;
  });
  const at = (doc: number) => {
    const [p, s] = entries[doc] as [number, number];
    return { page: head.pages[p] as [string, string, string], section: head.sections[s] as [string, string] };
  };
  const hits = kit.rank(words, matched, (doc) => `${at(doc).page[1]} ${at(doc).section[0]}`);
  const results = hits.slice(0, limit).map((doc) => {
    const chunk = Math.floor(doc / head.perText);
    const texts = get<string[]>(`${head.text}${chunk}.json`);
    const { page, section } = at(doc);
    return {
      url: page[0] + (section[1] ? `#${section[1]}` : ''),
      title: page[1],
      section: section[0],
      text: texts[doc - chunk * head.perText] ?? '',
    };
  });
  const bytes = fetched.reduce((n, path) => n + Buffer.byteLength(files.get(path) ?? ''), 0);
  return { results, fetched, bytes };
}

/** Bytes of every file of the search index. */
export function indexBytes(files: ReadonlyMap<string, string>): number {
  let n = 0;
  for (const [path, body] of files) if (path.startsWith('search/') && path.endsWith('.json')) n += Buffer.byteLength(body);
  return n;
}
