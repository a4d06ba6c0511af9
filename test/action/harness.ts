import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll } from '@jest/globals';
import { load } from 'js-yaml';
import { FakeGitHub } from './github-server.js';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface ActionMetadata {
  name: string;
  description: string;
  author?: string;
  branding?: { icon?: string; color?: string };
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
}

/** The Action's metadata where GitHub and the Marketplace read it: action.yml at the repository root. */
export const actionYml = load(readFileSync(join(repoRoot, 'action.yml'), 'utf8')) as ActionMetadata;
/** What `uses:` runs: action.yml's runs.main, so these tests run exactly that file. */
export const bundle = join(repoRoot, actionYml.runs.main);

/**
 * The inputs the runner passes for those a workflow leaves out: each input's default from
 * action.yml, its one expression evaluated as this fake runner's context has it.
 */
function defaultInputs(): Record<string, string> {
  const expressions: Record<string, string> = { '${{ github.token }}': 'test-token' };
  const out: Record<string, string> = {};
  for (const [name, input] of Object.entries(actionYml.inputs)) {
    const value = String(input.default ?? '');
    if (value.includes('${{') && !(value in expressions)) throw new Error(`test harness: no value for the default of input ${name}: ${value}`);
    out[name] = expressions[value] ?? value;
  }
  return out;
}

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' }).trim();

export interface Repo {
  workspace: string;
  baseSha: string;
  headSha: string;
  cleanup(): void;
}

/**
 * A throw-away git repository holding a copy of the example ladder: the base commit, then the
 * pull request's commit made by `change` (which edits files under the workspace).
 */
export function makeRepo(change: (workspace: string) => void, prepareBase?: (workspace: string) => void): Repo {
  const workspace = mkdtempSync(join(tmpdir(), 'ladder-action-'));
  cpSync(join(repoRoot, 'ladder'), join(workspace, 'ladder'), { recursive: true });
  writeFileSync(join(workspace, 'README.md'), 'An organization repository.\n');
  prepareBase?.(workspace);
  git(workspace, 'init', '-q', '-b', 'main');
  git(workspace, 'add', '-A');
  git(workspace, 'commit', '-q', '-m', 'base');
  const baseSha = git(workspace, 'rev-parse', 'HEAD');
  change(workspace);
  git(workspace, 'add', '-A');
  git(workspace, 'commit', '-q', '--allow-empty', '-m', 'pull request');
  const headSha = git(workspace, 'rev-parse', 'HEAD');
  return { workspace, baseSha, headSha, cleanup: () => rmSync(workspace, { recursive: true, force: true }) };
}

export function edit(workspace: string, path: string, from: string, to: string): void {
  const full = join(workspace, path);
  const text = readFileSync(full, 'utf8');
  if (!text.includes(from)) throw new Error(`test setup: ${JSON.stringify(from)} not in ${path}`);
  writeFileSync(full, text.replace(from, to));
}

export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  summary: string;
  outputs: Record<string, string>;
  /** The JSON report the run wrote (report-path), if any. */
  report: { summary?: { errors: number; warnings: number }; diff?: { verdict: string }; approvals?: { met: boolean } } | undefined;
}

/** A pull_request event payload as GitHub sends it (the fields the Action reads, and some it does not). */
export function pullRequestEvent(repo: Repo, options: { number?: number; author?: string; fork?: boolean } = {}): object {
  const number = options.number ?? 7;
  return {
    action: 'synchronize',
    number,
    pull_request: {
      number,
      state: 'open',
      title: 'A change',
      user: { login: options.author ?? 'jo-rivera' },
      base: { ref: 'main', sha: repo.baseSha, repo: { full_name: 'northwind/ladder' } },
      head: { ref: 'change', sha: repo.headSha, repo: { full_name: options.fork ? 'someone/ladder' : 'northwind/ladder' } },
    },
    repository: { full_name: 'northwind/ladder', name: 'ladder', owner: { login: 'northwind' } },
  };
}

/**
 * Runs the bundled Action as GitHub's runner would: a node process with the Actions environment,
 * inputs as INPUT_* variables, and the API pointed at the test's server.
 */
export function runAction(options: {
  workspace: string;
  apiUrl: string;
  event: object;
  eventName?: string;
  inputs?: Record<string, string>;
  runId?: number;
  /** The workflow job's id (GITHUB_JOB); the README's workflow calls it `ladder`. */
  job?: string;
  /** More of the runner's environment (a proxy). */
  env?: Record<string, string>;
}): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), 'ladder-runner-'));
  const eventPath = join(dir, 'event.json');
  const summaryPath = join(dir, 'summary.md');
  const outputPath = join(dir, 'output.txt');
  writeFileSync(eventPath, JSON.stringify(options.event));
  writeFileSync(summaryPath, '');
  writeFileSync(outputPath, '');
  const inputs: Record<string, string> = { ...defaultInputs(), 'report-path': join(dir, 'report.json'), ...options.inputs };
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: options.eventName ?? 'pull_request',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_OUTPUT: outputPath,
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_REPOSITORY: 'northwind/ladder',
    GITHUB_API_URL: options.apiUrl,
    GITHUB_SERVER_URL: 'https://github.example',
    GITHUB_RUN_ID: String(options.runId ?? 100),
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: options.job ?? 'ladder',
    RUNNER_TEMP: dir,
    ...options.env,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle], { cwd: options.workspace, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const outputs = parseOutputs(readFileSync(outputPath, 'utf8'));
      const report = outputs.report && existsSync(outputs.report) ? JSON.parse(readFileSync(outputs.report, 'utf8')) : undefined;
      const run = { code, stdout, stderr, summary: readFileSync(summaryPath, 'utf8'), outputs, report };
      rmSync(dir, { recursive: true, force: true });
      resolve(run);
    });
  });
}

/** GITHUB_OUTPUT's `name<<delimiter … delimiter` blocks. */
function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /^([^<\n]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const m of text.matchAll(re)) out[m[1] as string] = m[3] as string;
  return out;
}

export function bundleExists(): boolean {
  return existsSync(bundle);
}

/**
 * Per test: a started FakeGitHub and throw-away repositories (makeRepo), stopped and removed after
 * it; the bundle must have been built. Call at the top level of a test file.
 */
export function useFakeGitHub(): { server: () => FakeGitHub; repo: (change: (w: string) => void, prepareBase?: (w: string) => void) => Promise<Repo> } {
  let server: FakeGitHub | undefined;
  const repos: Repo[] = [];
  beforeAll(() => {
    if (!bundleExists()) throw new Error('action/dist/index.js is missing: run npm run build');
  });
  afterEach(async () => {
    await server?.stop();
    server = undefined;
    for (const r of repos.splice(0)) r.cleanup();
  });
  return {
    server: () => {
      if (!server) throw new Error('test setup: no repository made yet');
      return server;
    },
    repo: async (change, prepareBase) => {
      server = new FakeGitHub();
      await server.start();
      const repo = makeRepo(change, prepareBase);
      repos.push(repo);
      server.headSha = repo.headSha;
      return repo;
    },
  };
}
