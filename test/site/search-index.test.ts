import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';
// @ts-expect-error: the benchmark's generator is plain JavaScript
import { generateOrg } from '../../bench/generate.js';
import { readLadderDir } from '../../src/node/read-ladder-dir.js';
import { renderSite } from '../../src/render/index.js';
import { TERM_SHARD_TARGET, TEXT_CHUNK_TARGET } from '../../src/render/search-index.js';
import { exampleFiles } from '../helpers/ladder-files.js';
import { ladderOf } from './helpers.js';
import { indexBytes, simulateQuery } from './search-sim.js';

const BASE = '/ladder-as-code/';

describe('search over the example ladder', () => {
  const { files } = renderSite(ladderOf(exampleFiles()), { baseUrl: BASE });
  const search = (q: string) => simulateQuery(files, BASE, q);

  test('finds every form of a word: "mentoring" finds "mentor" and "mentors"', () => {
    const hits = search('mentoring').results;
    expect(hits.length).toBeGreaterThan(3);
    expect(hits.some((h) => /\bmentors?\b/i.test(h.text) && !/mentoring/i.test(h.text))).toBe(true);
  });

  test('forgives one typo in a long word: "incidnet" finds what "incident" finds', () => {
    const right = search('incident').results.map((r) => r.url);
    expect(right.length).toBeGreaterThan(0);
    expect(search('incidnet').results.map((r) => r.url)).toEqual(right);
    // Short words must be typed right: "rool" is not "role".
    expect(search('rool').results).toEqual([]);
  });

  test('"oncall", "on-call" and "on call" find the on-call expectations', () => {
    const oncall = search('oncall').results.map((r) => r.url);
    expect(oncall.length).toBeGreaterThan(0);
    for (const url of oncall) expect(search('on-call').results.map((r) => r.url)).toContain(url);
    for (const url of oncall) expect(search('on call').results.map((r) => r.url)).toContain(url);
    expect(search('oncall').results.every((r) => /on-call/i.test(r.text))).toBe(true);
  });

  test('indexes competency descriptions and the release notes', () => {
    const description = search('evolvable').results;
    expect(description.map((r) => r.url)).toContain(`${BASE}tracks/ic/#competency-system-design`);
    const notes = search('rubric interviews').results;
    expect(notes.map((r) => [r.url, r.section])).toContainEqual([`${BASE}changelog/#version-1-1-0`, 'Version 1.1.0']);
    // Those anchors exist on the pages.
    expect(files.get('tracks/ic/index.html')).toContain('id="competency-system-design"');
    expect(files.get('changelog/index.html')).toContain('id="version-1-1-0"');
  });

  test('every word must match, and a query of stop words alone finds nothing', () => {
    expect(search('incident roadmap zzqx').results).toEqual([]);
    expect(search('the and of').results).toEqual([]);
  });

  test('a query fetches the head, the shards of its words and the text of its results, nothing more', () => {
    const q = search('incident');
    expect(q.fetched[0]).toBe('search/index.json');
    expect(q.fetched.filter((p) => p.startsWith('search/terms/'))).toEqual(['search/terms/i.json']);
    expect(q.fetched.slice(2).every((p) => p.startsWith('search/text/'))).toBe(true);
    // Not every term shard: one of the 25 or so.
    expect([...files.keys()].filter((p) => p.startsWith('search/terms/')).length).toBeGreaterThan(10);
  });
});

describe('search over a large org (bench/generate.js)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ladder-search-org-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  generateOrg(dir, { tracks: 4, levels: 8, competencies: 25 });
  const { files } = renderSite(ladderOf(readLadderDir(dir)), { baseUrl: BASE });

  test('splits busy letters into two-letter shards and keeps files small', () => {
    const head = JSON.parse(files.get('search/index.json') ?? '{}') as { keys: string[] };
    expect(head.keys.some((k) => k.length === 2)).toBe(true);
    for (const [path, body] of files) {
      // A one-letter shard stays under the target; a two-letter one may not be split further.
      if (/^search\/terms\/.\.json$/.test(path)) expect(body.length).toBeLessThanOrEqual(TERM_SHARD_TARGET);
      if (path.startsWith('search/text/')) expect(body.length).toBeLessThan(TEXT_CHUNK_TARGET * 3);
    }
  });

  test('the first query downloads a small part of the index', () => {
    const total = indexBytes(files);
    const word = (JSON.parse(files.get('search/text/0.json') ?? '[]') as string[])[1]?.split(' ').find((w) => w.length > 6) ?? 'system';
    const q = simulateQuery(files, BASE, word);
    expect(q.results.length).toBeGreaterThan(0);
    expect(q.bytes).toBeLessThan(total / 4);
  });
});
