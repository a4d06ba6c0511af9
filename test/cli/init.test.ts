import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { load } from 'js-yaml';
import { checkLadder } from '../../src/check.js';
import { initFiles, WORKFLOW_ACTIONS } from '../../src/core/init-template.js';
import { LadderIndex } from '../../src/core/model.js';
import { schemaUrl } from '../../src/core/project-urls.js';
import { readLadderDir } from '../../src/node/read-ladder-dir.js';
import { runCli } from '../helpers/cli.js';
import { repoRoot } from '../helpers/ladder-files.js';

let work: string;
let repo: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'ladder-init-'));
  repo = join(work, 'repo');
  mkdirSync(repo);
  expect(spawnSync('git', ['init', '-q'], { cwd: repo }).status).toBe(0);
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

/** Every file under `dir`, relative, sorted; .git left out. */
function filesUnder(dir: string, rel = ''): string[] {
  return readdirSync(join(dir, rel), { withFileTypes: true })
    .filter((e) => e.name !== '.git')
    .flatMap((e) => (e.isDirectory() ? filesUnder(dir, rel ? `${rel}/${e.name}` : e.name) : [rel ? `${rel}/${e.name}` : e.name]))
    .sort();
}

const LADDER_FILES = ['ladder.yml', 'competencies.yml', 'levels/ic/E1.md', 'levels/ic/E2.md', 'levels/ic/E3.md', 'levels/em/M1.md', 'levels/em/M2.md'];
const REPO_FILES = [
  '.github/workflows/ladder.yml',
  '.github/workflows/pages.yml',
  '.github/pull_request_template.md',
  '.vscode/settings.json',
  '.vscode/extensions.json',
  '.gitignore',
];

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
const workflow = (path: string) =>
  load(readFileSync(path, 'utf8')) as { on: Record<string, unknown>; permissions: Record<string, string>; jobs: Record<string, { steps: Step[] }> };
const stepsOf = (path: string) => Object.values(workflow(path).jobs).flatMap((j) => j.steps);

describe('ladder init', () => {
  test('writes a ladder in ./ladder and the repository around it, lists them, and says what to do next', async () => {
    const run = await runCli(['init'], repo);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const written = [...LADDER_FILES.map((f) => `ladder/${f}`), ...REPO_FILES];
    expect(filesUnder(repo)).toEqual([...written].sort());
    expect(run.stdout).toContain(`Wrote ${written.length} files:\n${written.map((f) => `  ${f}\n`).join('')}`);
    expect(run.stdout).toMatch(
      /Next steps:\n {2}1\. npm install --save-dev ladder-as-code.*\n {2}2\. npx ladder check .*\n {2}3\. Add GitHub handles to governance in ladder\/ladder\.yml/,
    );
  });

  test('then ladder check passes: no error, no warning, and ladder render can publish it', async () => {
    await runCli(['init'], repo);
    const checked = await runCli(['check'], repo);
    expect(checked.stdout).toBe(`✔ ${LADDER_FILES.length} files checked, no problems\n`);
    expect(checked.status).toBe(0);
    expect(checkLadder(readLadderDir(join(repo, 'ladder'))).diagnostics).toEqual([]);
    const rendered = await runCli(['render', '--out', '_site'], repo);
    expect(rendered.stderr).toBe('');
    expect(rendered.status).toBe(0);
  });

  test('a minimal ladder with parity and no people: two tracks, a level per band, the IC track as high as the EM one, empty governance', async () => {
    await runCli(['init'], repo);
    const { ladder } = checkLadder(readLadderDir(join(repo, 'ladder')));
    const index = new LadderIndex(ladder);
    expect(ladder.tracks.map((t) => [t.id, t.kind])).toEqual([
      ['ic', 'ic'],
      ['em', 'em'],
    ]);
    const bandsOf = (track: string) => index.levelsOf(track).map((l) => l.band);
    expect(bandsOf('ic')).toEqual(ladder.bands.map((b) => b.id));
    expect(bandsOf('em').every((b) => bandsOf('ic').includes(b))).toBe(true);
    expect(new Set(bandsOf('em')).size).toBe(bandsOf('em').length);
    expect(ladder.competencies.length).toBeGreaterThanOrEqual(3);
    expect(ladder.packets).toEqual([]);
    expect(existsSync(join(repo, 'ladder', 'packets'))).toBe(false);
    expect(ladder.governance).toMatchObject({ committee: [], ladderApprovers: { ic: [], em: [] } });
  });

  test('YAML files name their schema by its published URL, which resolves in any repository', async () => {
    await runCli(['init'], repo);
    for (const [file, schema] of [
      ['ladder.yml', 'ladder'],
      ['competencies.yml', 'competencies'],
    ] as const) {
      expect(readFileSync(join(repo, 'ladder', file), 'utf8').split('\n')[0]).toBe(`# yaml-language-server: $schema=${schemaUrl(schema)}`);
    }
  });

  test('the workflows: the Action on pull requests, and the site rendered by the installed CLI and deployed to Pages', async () => {
    await runCli(['init'], repo);
    const check = workflow(join(repo, '.github/workflows/ladder.yml'));
    expect(Object.keys(check.on)).toEqual(['pull_request', 'pull_request_review']);
    expect(check.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
    const action = stepsOf(join(repo, '.github/workflows/ladder.yml')).find((s) => s.uses === 'ladder-as-code/ladder-as-code@v1');
    expect(action?.with).toEqual({ 'ladder-directory': 'ladder' });
    expect(stepsOf(join(repo, '.github/workflows/ladder.yml')).find((s) => s.uses?.startsWith('actions/checkout@'))?.with).toEqual({ 'fetch-depth': 0 });

    const pages = join(repo, '.github/workflows/pages.yml');
    expect(workflow(pages).on).toEqual({ push: { branches: ['main'] } });
    expect(workflow(pages).permissions).toEqual({ contents: 'read', pages: 'write', 'id-token': 'write' });
    expect(stepsOf(pages).map((s) => s.run ?? s.uses)).toEqual([
      WORKFLOW_ACTIONS.checkout,
      WORKFLOW_ACTIONS.setupNode,
      'npm ci --no-audit --no-fund',
      WORKFLOW_ACTIONS.configurePages,
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not a template
      'npx ladder render ladder --out _site --base-url ${{ steps.pages.outputs.base_url }}/',
      WORKFLOW_ACTIONS.uploadPages,
      WORKFLOW_ACTIONS.deployPages,
    ]);
    expect(stepsOf(pages).find((s) => s.uses === WORKFLOW_ACTIONS.uploadPages)?.with).toEqual({ path: '_site' });
    expect(readFileSync(join(repo, '.gitignore'), 'utf8').split('\n')).toContain('_site/');
  });

  test("the workflows use the same majors of the official actions as this repository's own", () => {
    const ours = readdirSync(join(repoRoot, '.github', 'workflows')).flatMap((f) => stepsOf(join(repoRoot, '.github', 'workflows', f)).map((s) => s.uses));
    for (const [key, uses] of Object.entries(WORKFLOW_ACTIONS)) if (key !== 'ladder') expect(ours).toContain(uses);
    expect(WORKFLOW_ACTIONS.ladder).toBe('ladder-as-code/ladder-as-code@v1');
    expect(existsSync(join(repoRoot, 'action.yml'))).toBe(true);
  });

  test('VS Code validates the YAML against the installed package’s schemas, and recommends the YAML extension', async () => {
    await runCli(['init'], repo);
    const settings = JSON.parse(readFileSync(join(repo, '.vscode/settings.json'), 'utf8')) as { 'yaml.schemas': Record<string, string[]> };
    expect(settings['yaml.schemas']).toEqual({
      './node_modules/ladder-as-code/schemas/ladder.schema.json': ['ladder/ladder.yml'],
      './node_modules/ladder-as-code/schemas/competencies.schema.json': ['ladder/competencies.yml'],
    });
    // The package ships schemas/ as it is here (package.json "files"), and each glob names a file init wrote.
    const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { files: string[] };
    expect(manifest.files).toContain('schemas');
    for (const [schema, globs] of Object.entries(settings['yaml.schemas'])) {
      expect(existsSync(join(repoRoot, schema.replace('./node_modules/ladder-as-code/', '')))).toBe(true);
      for (const glob of globs) expect(existsSync(join(repo, glob))).toBe(true);
    }
    expect(JSON.parse(readFileSync(join(repo, '.vscode/extensions.json'), 'utf8'))).toEqual({ recommendations: ['redhat.vscode-yaml'] });
  });

  test.each([
    ['.gitignore', 'node_modules/\n'],
    ['ladder/levels/ic/E2.md', 'mine\n'],
    ['.vscode/settings.json', '{}\n'],
  ])('refuses to overwrite %s: writes nothing at all, names it, exits 1', async (path, text) => {
    mkdirSync(join(repo, path, '..'), { recursive: true });
    writeFileSync(join(repo, path), text);
    const run = await runCli(['init'], repo);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `ladder init: this file exists already, and ladder init never overwrites one:\n  ${path}\nNothing was written. Move it aside, or choose another directory for the ladder, and run ladder init again.\n`,
    );
    expect(filesUnder(repo)).toEqual([path]);
    expect(readFileSync(join(repo, path), 'utf8')).toBe(text);
  });

  test('counts a dangling symbolic link as a file, and lists every file in the way', async () => {
    mkdirSync(join(repo, '.github', 'workflows'), { recursive: true });
    symlinkSync(join(work, 'nowhere'), join(repo, '.github', 'workflows', 'pages.yml'));
    writeFileSync(join(repo, '.gitignore'), 'x\n');
    const run = await runCli(['init'], repo);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('these files exist already');
    expect(run.stderr).toContain('  .github/workflows/pages.yml\n  .gitignore\nNothing was written. Move them aside');
    expect(existsSync(join(repo, 'ladder'))).toBe(false);
    expect(existsSync(join(work, 'nowhere'))).toBe(false);
  });

  test('DIR is given as to the other commands; the repository files go to the top of the git work tree, wherever init runs', async () => {
    const sub = join(repo, 'org');
    mkdirSync(sub);
    const run = await runCli(['init', 'career', '--org', 'Acme: "R&D" #1\nnext line'], sub);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('  career/ladder.yml\n');
    expect(run.stdout).toContain('  ../.github/workflows/ladder.yml\n');
    expect(run.stdout).toContain('2. npx ladder check career ');
    expect(stepsOf(join(repo, '.github/workflows/ladder.yml')).find((s) => s.uses?.startsWith('ladder-as-code/'))?.with).toEqual({
      'ladder-directory': 'org/career',
    });
    expect(stepsOf(join(repo, '.github/workflows/pages.yml')).map((s) => s.run)).toContain(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not a template
      'npx ladder render org/career --out _site --base-url ${{ steps.pages.outputs.base_url }}/',
    );
    const { ladder, diagnostics } = checkLadder(readLadderDir(join(sub, 'career')));
    expect(diagnostics).toEqual([]);
    expect(ladder.organization).toBe('Acme: "R&D" #1\nnext line');
    expect((await runCli(['check', 'career'], sub)).status).toBe(0);
  });

  test('outside a git repository, the repository is the current directory', async () => {
    const plain = join(work, 'plain');
    mkdirSync(plain);
    expect((await runCli(['init'], plain)).status).toBe(0);
    expect(existsSync(join(plain, '.github', 'workflows', 'pages.yml'))).toBe(true);
    expect(existsSync(join(plain, 'ladder', 'ladder.yml'))).toBe(true);
  });

  test('a ladder at the root of the repository checks clean too', () => {
    const files = initFiles({ ladderDir: '', organization: 'Root' }).filter((f) => /\.(ya?ml|md)$/.test(f.path) && !f.path.startsWith('.'));
    expect(files.map((f) => f.path)).toEqual(LADDER_FILES);
    expect(checkLadder(files).diagnostics).toEqual([]);
    const action = initFiles({ ladderDir: '', organization: 'Root' }).find((f) => f.path === '.github/workflows/ladder.yml');
    expect(action?.text).toContain('ladder-directory: .\n');
  });

  test.each([
    ['two directories', ['init', 'a', 'b'], /init takes one directory, got 2/],
    ['a directory outside the repository', ['init', '../elsewhere'], /is outside the repository/],
    [
      'a directory the workflows cannot name unquoted',
      ['init', 'my ladder'],
      /choose a directory of letters, digits, dots, dashes and underscores \(not "my ladder"\)/,
    ],
    ['an empty organization', ['init', '--org', ' '], /--org needs a name/],
    ['an unknown option', ['init', '--force'], /--force/],
  ])('2 for %s, and nothing written', async (_, argv, reason) => {
    const run = await runCli(argv, repo);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(reason);
    expect(filesUnder(repo)).toEqual([]);
  });

  test('--help, and the command list names init', async () => {
    expect(await runCli(['init', '--help'], repo)).toMatchObject({ status: 0, stdout: expect.stringContaining('Usage: ladder init [DIR]') });
    expect((await runCli(['--help'], repo)).stdout).toMatch(/^ {2}init \[DIR\] +start a ladder in DIR/m);
    expect(filesUnder(repo)).toEqual([]);
  });
});
