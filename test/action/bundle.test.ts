import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, expect, test } from '@jest/globals';
import { bundle, bundleExists } from './harness.js';

/*
 * What the Action loads before it knows whether there is anything to check: the entry and the
 * chunks it imports statically. A pull request that changes no ladder file ends with these alone,
 * so none of them may be @actions/core, the engine, the GitHub client, or load node:module.
 */

beforeAll(() => {
  if (!bundleExists()) throw new Error('action/dist/index.js is missing: run npm run build');
});

/** The entry and every file it imports statically, transitively (dynamic imports not followed). */
function staticallyLoaded(): Map<string, string> {
  const dir = dirname(bundle);
  const files = new Map<string, string>();
  const todo = ['index.js'];
  while (todo.length > 0) {
    const file = todo.pop() as string;
    if (files.has(file)) continue;
    const text = readFileSync(join(dir, file), 'utf8');
    files.set(file, text);
    for (const m of text.matchAll(/\bimport\s*(?:[\w${},\s*]+from\s*)?["']\.\/([^"']+\.js)["']/g)) todo.push(m[1] as string);
  }
  return files;
}

test('with nothing to check, the Action loads a few small files, and none of the real work', () => {
  const loaded = staticallyLoaded();
  expect(loaded.size).toBeLessThanOrEqual(4);
  const bytes = [...loaded.values()].reduce((n, t) => n + t.length, 0);
  expect(bytes).toBeLessThan(20_000);
  for (const [file, text] of loaded) {
    expect([file, /from\s*["']node:module["']/.test(text)]).toEqual([file, false]);
    // @actions/core's own messages, the engine's checker, the client's rules.
    for (const marker of ['Input required and not supplied', 'GitHub sent a malformed answer', 'packet-evidence', 'x-ratelimit-remaining'])
      expect([file, text.includes(marker)]).toEqual([file, false]);
  }
});
