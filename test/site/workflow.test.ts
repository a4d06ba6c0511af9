import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { load } from 'js-yaml';
import { repoRoot } from '../helpers/ladder-files.js';

interface Step {
  uses?: string;
  run?: string;
  id?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: { push: { branches: string[] } };
  permissions: Record<string, string>;
  concurrency: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, { steps: Step[]; needs?: string; environment?: { name: string } }>;
}

describe('.github/workflows/pages.yml', () => {
  const workflow = load(readFileSync(join(repoRoot, '.github', 'workflows', 'pages.yml'), 'utf8')) as Workflow;
  const steps = Object.values(workflow.jobs).flatMap((j) => j.steps);
  const uses = (name: string) => steps.find((s) => s.uses?.startsWith(`${name}@`));

  test('deploys on push to main, with only the permissions Pages needs, one deployment at a time', () => {
    expect(workflow.on).toEqual({ push: { branches: ['main'] } });
    expect(workflow.permissions).toEqual({ contents: 'read', pages: 'write', 'id-token': 'write' });
    expect(workflow.concurrency).toEqual({ group: 'pages', 'cancel-in-progress': false });
  });

  test('renders the ladder with its full history under the repository path, then uploads and deploys it', () => {
    expect(uses('actions/checkout')?.with).toEqual({ 'fetch-depth': 0 });
    expect(uses('actions/setup-node')?.with?.['node-version']).toBe(24);
    expect(steps.map((s) => s.run).filter(Boolean)).toEqual([
      // Exactly the lock, as .ci/run installs it.
      'npm ci --no-audit --no-fund',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not a template
      'npx ladder render ladder --out _site --base-url ${{ steps.pages.outputs.base_url }}/',
      // Into the same site: the schemas and the rules page at their stable URLs (test/site/publish-docs.test.ts).
      'node scripts/publish-docs.js _site',
    ]);
    // The full URL of the site comes from configure-pages (outputs.base_url, "https://org.github.io/repo"),
    // before the render that uses it: absolute sitemap and robots.txt URLs, right for custom domains too.
    const configure = steps.findIndex((s) => s.uses?.startsWith('actions/configure-pages@'));
    expect(steps[configure]?.id).toBe('pages');
    expect(configure).toBeLessThan(steps.findIndex((s) => s.run?.startsWith('npx ladder render')));
    expect(uses('actions/upload-pages-artifact')?.with).toEqual({ path: '_site' });
    expect(uses('actions/deploy-pages')).toBeDefined();
    const deploy = Object.values(workflow.jobs).find((j) => j.steps.some((s) => s.uses?.startsWith('actions/deploy-pages@')));
    expect(deploy?.environment?.name).toBe('github-pages');
    expect(deploy?.needs).toBe('build');
  });
});
