import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, test } from '@jest/globals';
import { readInputs } from '../../src/action/inputs.js';
import { FakeGitHub } from './github-server.js';
import { actionYml, bundle, bundleExists, edit, makeRepo, pullRequestEvent, type Repo, repoRoot, runAction } from './harness.js';

/** Every directory of the repository that may hold source or metadata (not dependencies or build output). */
function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (['node_modules', '.git', 'dist', 'fixtures'].includes(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

/** The names readInputs looks up in the environment (INPUT_<NAME>), every input left empty. */
function inputsRead(): string[] {
  const names = new Set<string>();
  const env = new Proxy({} as NodeJS.ProcessEnv, {
    get: (_target, key) => {
      if (typeof key === 'string' && key.startsWith('INPUT_')) names.add(key.slice('INPUT_'.length).toLowerCase());
      return undefined;
    },
  });
  readInputs(env, '/tmp/report.json');
  return [...names].sort();
}

/** The rows of the Markdown table under `## heading` in docs/action.md: their first cell's code span. */
function documented(heading: string): string[] {
  const doc = readFileSync(join(repoRoot, 'docs', 'action.md'), 'utf8');
  const section = doc.split(`\n## ${heading}\n`)[1]?.split('\n## ')[0] ?? '';
  return [...section.matchAll(/^\| `([a-z-]+)` +\|/gm)].map((m) => m[1] as string).sort();
}

describe('action.yml at the repository root', () => {
  test('has what the Marketplace requires: name, description, author and branding with a known colour', () => {
    expect(actionYml.name).toEqual(expect.stringMatching(/\S/));
    expect(actionYml.description.length).toBeGreaterThan(20);
    expect(actionYml.author).toEqual(expect.stringMatching(/\S/));
    expect(actionYml.branding?.icon).toEqual(expect.stringMatching(/^[a-z0-9-]+$/));
    // The colours GitHub's metadata syntax allows.
    expect(['white', 'black', 'yellow', 'blue', 'green', 'orange', 'red', 'purple', 'gray-dark']).toContain(actionYml.branding?.color);
  });

  test('runs the committed bundle on node24, the bundle scripts/build.js writes from src/action/index.ts', () => {
    expect(actionYml.runs.using).toBe('node24');
    expect(actionYml.runs.main).toBe('action/dist/index.js');
    expect(bundleExists()).toBe(true);
    const build = readFileSync(join(repoRoot, 'scripts', 'build.js'), 'utf8');
    // One entry file named index, written to action/dist with the chunks it imports.
    const dir = /const actionDist = join\(root, '([^']+)', '([^']+)'\);/.exec(build)?.slice(1).join('/');
    const entry = /entryPoints: \{ (\w+): join\(root, 'src\/action\/index\.ts'\) \},\s*outdir: actionDist,/.exec(build)?.[1];
    expect(`${dir}/${entry}.js`).toBe(actionYml.runs.main);
    // The bundle is ESM: the package.json beside it says so whatever the root's says.
    expect(JSON.parse(readFileSync(join(repoRoot, 'action', 'package.json'), 'utf8')).type).toBe('module');
  });

  test('every chunk the bundle imports is beside it in action/dist, and nothing else is', () => {
    const dist = join(repoRoot, 'action', 'dist');
    const imported = new Set<string>();
    const todo = ['index.js'];
    while (todo.length > 0) {
      const file = todo.pop() as string;
      if (imported.has(file)) continue;
      imported.add(file);
      const text = readFileSync(join(dist, file), 'utf8');
      for (const m of text.matchAll(/(?:from|import\()\s*["']\.\/([^"']+\.js)["']/g)) todo.push(m[1] as string);
    }
    const present = readdirSync(dist).filter((f) => f.endsWith('.js'));
    expect(present.sort()).toEqual([...imported].sort());
  });

  test('is the only action metadata file: one list of inputs', () => {
    const metadata = [...files(repoRoot)].map((f) => relative(repoRoot, f)).filter((f) => /(^|\/)action\.ya?ml$/.test(f));
    expect(metadata).toEqual(['action.yml']);
  });

  test('declares every input the Action reads, and reads every input it declares', () => {
    expect(Object.keys(actionYml.inputs).sort()).toEqual(inputsRead());
    // readInputs is the one reader: no other module asks for an input.
    const others = [...files(join(repoRoot, 'src', 'action'))]
      .filter((f) => !f.endsWith('inputs.ts'))
      .filter((f) => /\b(getInput|getBooleanInput|getMultilineInput)\(|INPUT_/.test(readFileSync(f, 'utf8')));
    expect(others).toEqual([]);
  });

  test('every input has a description and a default unless required; docs/action.md lists exactly its inputs and outputs', () => {
    for (const [name, input] of Object.entries(actionYml.inputs)) {
      expect([name, input.description.length > 10]).toEqual([name, true]);
      if (!input.required) expect([name, typeof input.default]).toEqual([name, 'string']);
    }
    for (const [name, output] of Object.entries(actionYml.outputs)) expect([name, output.description.length > 10]).toEqual([name, true]);
    expect(documented('Inputs')).toEqual(Object.keys(actionYml.inputs).sort());
    expect(documented('Outputs')).toEqual(Object.keys(actionYml.outputs).sort());
  });
});

describe('the outputs a run sets are the outputs action.yml declares', () => {
  let server: FakeGitHub | undefined;
  let repo: Repo | undefined;
  afterEach(async () => {
    await server?.stop();
    repo?.cleanup();
  });

  test.each([
    ['a pull request that changes nothing in the ladder', (w: string) => edit(w, 'README.md', 'An organization', 'Our organization')],
    ['a pull request that changes a level', (w: string) => edit(w, 'ladder/levels/ic/E5.md', 'title: Staff Engineer', 'title: Staff Software Engineer')],
  ])('%s', async (_name, change) => {
    server = new FakeGitHub();
    await server.start();
    repo = makeRepo(change);
    const run = await runAction({ workspace: repo.workspace, apiUrl: server.url, event: pullRequestEvent(repo), inputs: { comment: 'false' } });
    expect(run.stderr).toBe('');
    expect(Object.keys(run.outputs).sort()).toEqual(Object.keys(actionYml.outputs).sort());
    expect(existsSync(bundle)).toBe(true);
  });
});
