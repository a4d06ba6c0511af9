import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { load } from 'js-yaml';
import { repoRoot } from './helpers/ladder-files.js';

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  needs?: string | string[];
  if?: string;
  permissions?: Record<string, string>;
  steps?: Step[];
  uses?: string;
  strategy?: { matrix?: Record<string, unknown> };
}
interface Workflow {
  on: unknown;
  permissions?: Record<string, string>;
  concurrency?: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, Job>;
}

const read = (...path: string[]) => readFileSync(join(repoRoot, ...path), 'utf8');
const json = (...path: string[]) => JSON.parse(read(...path));
const pkg = json('package.json');

const workflowDir = join(repoRoot, '.github', 'workflows');
const workflowFiles = readdirSync(workflowDir)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort();
const workflows = new Map(workflowFiles.map((f) => [f, load(read('.github', 'workflows', f)) as Workflow]));
const workflow = (file: string) => workflows.get(file) as Workflow;
const steps = (w: Workflow) => Object.values(w.jobs).flatMap((j) => j.steps ?? []);

/** Every `uses:` of the workflows, and of the YAML snippets in the README and docs/. */
function allUses(): Array<{ where: string; uses: string }> {
  const out: Array<{ where: string; uses: string }> = [];
  for (const [file, w] of workflows) {
    for (const job of Object.values(w.jobs)) {
      if (job.uses) out.push({ where: file, uses: job.uses });
      for (const step of job.steps ?? []) if (step.uses) out.push({ where: file, uses: step.uses });
    }
  }
  const docs = ['README.md', ...readdirSync(join(repoRoot, 'docs')).map((f) => `docs/${f}`)].filter((f) => f.endsWith('.md'));
  for (const file of docs) {
    for (const block of read(file).matchAll(/```ya?ml\n([\s\S]*?)```/g)) {
      for (const m of (block[1] as string).matchAll(/uses: *([^\s#]+)/g)) out.push({ where: file, uses: m[1] as string });
    }
  }
  return out;
}

/** owner/repo[/path]@ref: the form GitHub resolves for an action outside the repository. */
const REMOTE = /^([A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+)(\/[A-Za-z0-9_./-]+)?@([A-Za-z0-9_./-]+)$/;

describe('.github/workflows', () => {
  test('holds the four workflows, each parses with triggers and jobs', () => {
    expect(workflowFiles).toEqual(['ci.yml', 'ladder.yml', 'pages.yml', 'release.yml']);
    for (const [file, w] of workflows) {
      expect([file, typeof w.on]).toEqual([file, 'object']);
      expect([file, Object.keys(w.jobs).length > 0]).toEqual([file, true]);
    }
  });

  test('every uses: is a local action that exists or owner/repo@ref; docs and workflows agree on each action’s version', () => {
    const refs = new Map<string, Set<string>>();
    for (const { where, uses } of allUses()) {
      if (uses.startsWith('./')) {
        expect([where, uses, existsSync(join(repoRoot, uses, 'action.yml'))]).toEqual([where, uses, true]);
        continue;
      }
      // The docs' SHA-pinning example names its placeholder, not a version.
      if (uses.endsWith('@<40-hex')) continue;
      const m = REMOTE.exec(uses);
      expect([where, uses, m !== null]).toEqual([where, uses, true]);
      const action = `${m?.[1]}${m?.[2] ?? ''}`;
      refs.set(action, (refs.get(action) ?? new Set()).add(m?.[3] as string));
    }
    // One version of an action everywhere, so no page lags behind what CI runs.
    for (const [action, versions] of refs) expect([action, [...versions]]).toEqual([action, [[...versions][0]]]);
    expect(refs.get('ladder-as-code/ladder-as-code')).toEqual(new Set(['v1']));
    expect(refs.has('ladder-as-code/ladder-as-code/action')).toBe(false);
  });

  test('this repository checks its pull requests with the root action, as users do', () => {
    expect(steps(workflow('ladder.yml')).map((s) => s.uses)).toContain('./');
  });

  test('Node is a current LTS in every workflow; CI also covers the oldest Node the package supports', () => {
    const versions = [...workflows.values()]
      .flatMap(steps)
      .filter((s) => s.uses?.startsWith('actions/setup-node@'))
      .map((s) => s.with?.['node-version']);
    expect(versions.length).toBeGreaterThan(3);
    for (const v of versions) if (typeof v === 'number') expect([22, 24]).toContain(v);
    const matrix = workflow('ci.yml').jobs.test?.strategy?.matrix?.node as number[];
    const oldest = Number(/>=(\d+)/.exec(pkg.engines.node)?.[1]);
    expect(matrix).toEqual(expect.arrayContaining([oldest, 22, 24]));
  });
});

describe('.github/workflows/release.yml', () => {
  const release = workflow('release.yml');
  const job = (name: string) => release.jobs[name] as Job;
  const runs = (name: string) => (job(name).steps ?? []).map((s) => s.run ?? '').join('\n');

  test('runs on pushes to main, one run at a time, read-only unless a job asks for more', () => {
    expect(release.on).toEqual({ push: { branches: ['main'] } });
    expect(release.permissions).toEqual({ contents: 'read' });
    expect(release.concurrency).toEqual({ group: 'release', 'cancel-in-progress': false });
  });

  test('releases nothing before the tests pass and the committed bundle is what the sources build', () => {
    const verify = runs('verify');
    expect(verify).toContain('npm ci');
    expect(verify).toContain('npm test');
    // git status, not git diff: a new chunk of the bundle is an untracked file, which a diff does not see.
    expect(verify).toMatch(/stale=\$\(git status --porcelain --untracked-files=all -- action\/dist\)\n\s*if \[ -n "\$stale" \]; then .*exit 1; fi/);
    expect(job('release-please').needs).toBe('verify');
  });

  test('release-please has the permissions it needs and reads the config and manifest that exist', () => {
    const rp = job('release-please');
    expect(rp.permissions).toEqual({ contents: 'write', 'pull-requests': 'write' });
    const step = rp.steps?.find((s) => s.uses?.startsWith('googleapis/release-please-action@'));
    expect(step?.with).toMatchObject({ 'config-file': 'release-please-config.json', 'manifest-file': '.release-please-manifest.json' });
    for (const file of ['config-file', 'manifest-file']) expect(existsSync(join(repoRoot, step?.with?.[file] as string))).toBe(true);
  });

  test('rebuilds the bundle on the release pull request, whose version bump the bundle embeds', () => {
    const bundle = job('bundle');
    expect(bundle.needs).toBe('release-please');
    expect(bundle.permissions).toEqual({ contents: 'write' });
    expect(bundle.if).toContain('needs.release-please.outputs.pr');
    expect(runs('bundle')).toContain('npm run build');
    expect(runs('bundle')).toMatch(/git add action\/dist[\s\S]*git push/);
  });

  test('moves the major tag to the release just created, with write access to contents only', () => {
    const tag = job('major-tag');
    expect(tag.needs).toBe('release-please');
    expect(tag.if).toBe("needs.release-please.outputs.release_created == 'true'");
    expect(tag.permissions).toEqual({ contents: 'write' });
    const step = tag.steps?.find((s) => s.run?.includes('git tag -f'));
    // The values reach the script as variables, never spliced into it.
    expect(step?.run).not.toContain('${{');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not a template
    expect(step?.env?.MAJOR).toBe('v${{ needs.release-please.outputs.major }}');
    expect(step?.run).toMatch(/git tag -f .*"\$MAJOR"/);
    expect(step?.run).toContain('git push -f origin "refs/tags/$MAJOR"');
  });
});

describe('release-please configuration', () => {
  const config = json('release-please-config.json');
  const manifest = json('.release-please-manifest.json');
  // The options of release-please's config schema (schemas/config.json) this file may use.
  const known = [
    'release-type',
    'package-name',
    'changelog-path',
    'changelog-sections',
    'include-component-in-tag',
    'include-v-in-tag',
    'bump-minor-pre-major',
    'bump-patch-for-minor-pre-major',
    'draft',
    'prerelease',
    'pull-request-title-pattern',
    'exclude-paths',
  ];

  test('one package at the root, released as node, named and versioned as package.json', () => {
    expect(Object.keys(config.packages)).toEqual(['.']);
    const root = config.packages['.'];
    for (const key of Object.keys(root)) expect(known).toContain(key);
    expect(root['release-type']).toBe('node');
    expect(root['package-name']).toBe(pkg.name);
    // Tags are v1.2.3, so the major tag the workflow moves is v1.
    expect(root['include-v-in-tag']).toBe(true);
    expect(root['include-component-in-tag']).toBe(false);
    expect(existsSync(join(repoRoot, root['changelog-path']))).toBe(true);
    expect(manifest).toEqual({ '.': pkg.version });
    expect(json('package-lock.json').version).toBe(pkg.version);
  });

  test("CHANGELOG.md keeps its history when release-please adds an entry: its first version heading is the manifest's version", () => {
    const changelog = read('CHANGELOG.md');
    // release-please inserts a new entry before the first match of this pattern, and replaces the
    // whole file when nothing matches (its updaters/changelog.ts).
    const at = changelog.search(/\n###? v?[0-9[]/s);
    expect(at).toBeGreaterThan(0);
    const heading = changelog.slice(at + 1).split('\n')[0] as string;
    // An "[Unreleased]" heading would match first and keep its entries below every release.
    expect(heading).not.toMatch(/unreleased/i);
    expect(/^#{2,3} \[?v?(\d+\.\d+\.\d+)/.exec(heading)?.[1]).toBe(manifest['.']);
  });
});
