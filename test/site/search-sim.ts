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
  const words = kit.query(q);
  const matched = words.map((w) => {
    const key = kit.shardOf(w.t, head.keys);
    return kit.match(w, key === undefined ? {} : get<Record<string, number[]>>(`${head.terms}${key}.json`)).hits;
  });
  const hits = kit.rank(words, matched, (doc) => `${head.pages[head.docs[2 * doc] as number]?.[1]} ${head.sections[head.docs[2 * doc + 1] as number]?.[0]}`);
  const results = hits.slice(0, limit).map((doc) => {
    const chunk = kit.chunkOf(head.chunks, doc);
    const texts = get<string[]>(`${head.text}${chunk}.json`);
    const page = head.pages[head.docs[2 * doc] as number] as [string, string, string];
    const section = head.sections[head.docs[2 * doc + 1] as number] as [string, string];
    return { url: page[0] + (section[1] ? `#${section[1]}` : ''), title: page[1], section: section[0], text: texts[doc - (head.chunks[chunk] as number)] ?? '' };
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
