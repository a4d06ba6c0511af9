import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { repoRoot } from '../helpers/ladder-files.js';

/**
 * The package as npm publishes it, installed where a new organization would: an empty repository.
 * The pack runs in a copy of the package's files (dist/ is built by `npm test` first), so the
 * test never touches this repository's package.json; prepack's manifest step runs as npm runs it.
 */
let work: string;
let tarball: string;
let org: string;
const run = (cmd: string, args: string[], cwd: string) =>
  spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: 120_000, env: { ...process.env, npm_config_update_notifier: 'false', NO_COLOR: '1' } });

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'ladder-pack-'));
  const pkg = join(work, 'package');
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { files: string[] };
  // The manifest's own patterns decide what is packed; negated ones ("!docs/images") need no copy.
  for (const entry of [...manifest.files.filter((f) => !f.startsWith('!')), 'package.json', 'README.md', 'LICENSE', 'scripts/pack-manifest.js']) {
    cpSync(join(repoRoot, entry), join(pkg, entry), { recursive: true });
  }
  expect(run(process.execPath, ['scripts/pack-manifest.js', 'strip'], pkg).status).toBe(0);
  const packed = run('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', work], pkg);
  expect(run(process.execPath, ['scripts/pack-manifest.js', 'restore'], pkg).status).toBe(0);
  expect(packed.status).toBe(0);
  tarball = join(work, packed.stdout.trim().split('\n').pop() as string);
  org = join(work, 'org');
  mkdirSync(org);
  expect(run('git', ['init', '-q'], org).status).toBe(0);
  writeFileSync(join(org, 'package.json'), '{ "name": "org-ladder", "private": true }\n');
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the published package, installed into an empty repository', () => {
  test('installs offline, alone (no runtime dependencies), without a warning', () => {
    const installed = run('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], org);
    expect(installed.status).toBe(0);
    expect(installed.stderr).not.toMatch(/warn/i);
    expect(readdirSync(join(org, 'node_modules')).filter((n) => !n.startsWith('.'))).toEqual(['ladder-as-code']);
  }, 120_000);

  test('leaves the documentation screenshots out', () => {
    const listed = run('tar', ['tzf', tarball], work).stdout.split('\n');
    expect(listed).toContain('package/docs/site.md');
    expect(listed.filter((f) => f.endsWith('.png'))).toEqual([]);
  });

  test('carries its license and the licenses of the code it bundles', () => {
    const dir = join(org, 'node_modules', 'ladder-as-code');
    expect(readFileSync(join(dir, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
    const notices = readFileSync(join(dir, 'dist', 'THIRD-PARTY-NOTICES.txt'), 'utf8');
    for (const bundled of ['js-yaml@', 'ajv@', 'unified@', 'remark-parse@']) expect(notices).toContain(bundled);
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest).toMatchObject({ license: 'MIT', repository: expect.anything(), homepage: expect.any(String), bugs: expect.anything() });
    expect(manifest.dependencies).toBeUndefined();
    expect((manifest.scripts as Record<string, string>).prepare).toBeUndefined();
  });

  test('npx ladder works there: --version, and a check of the example ladder it ships', () => {
    expect(existsSync(join(org, 'node_modules', '.bin', 'ladder'))).toBe(true);
    const version = run('npx', ['--offline', 'ladder', '--version'], org);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+/);
    cpSync(join(org, 'node_modules', 'ladder-as-code', 'ladder'), join(org, 'ladder'), { recursive: true });
    const checked = run('npx', ['--offline', 'ladder', 'check'], org);
    expect(checked.stderr).toBe('');
    expect(checked.stdout).toMatch(/✔ \d+ files checked, no problems/);
    expect(checked.status).toBe(0);
  }, 60_000);

  test('in another empty repository, npx ladder init then npx ladder check passes', () => {
    const fresh = join(work, 'fresh');
    mkdirSync(fresh);
    expect(run('git', ['init', '-q'], fresh).status).toBe(0);
    writeFileSync(join(fresh, 'package.json'), '{ "name": "fresh-ladder", "private": true }\n');
    expect(run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--save-dev', tarball], fresh).status).toBe(0);
    const init = run('npx', ['--offline', 'ladder', 'init'], fresh);
    expect(init.stderr).toBe('');
    expect(init.status).toBe(0);
    expect(init.stdout).toContain('  .github/workflows/pages.yml\n');
    // The editor settings point into the installed package: its schemas are there.
    const settings = JSON.parse(readFileSync(join(fresh, '.vscode', 'settings.json'), 'utf8')) as { 'yaml.schemas': Record<string, string[]> };
    for (const schema of Object.keys(settings['yaml.schemas'])) expect(existsSync(join(fresh, schema))).toBe(true);
    const checked = run('npx', ['--offline', 'ladder', 'check'], fresh);
    expect(checked.stderr).toBe('');
    expect(checked.stdout).toMatch(/✔ \d+ files checked, no problems/);
    expect(checked.status).toBe(0);
    expect(run('npx', ['--offline', 'ladder', 'init'], fresh).status).toBe(1);
  }, 60_000);
});
