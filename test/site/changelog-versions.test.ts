import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { checkLadder } from '../../src/check.js';
import { readLadderVersions, versionOf } from '../../src/node/ladder-versions.js';
import { runCli } from '../helpers/cli.js';
import { edit, exampleFiles, writeLadder } from '../helpers/ladder-files.js';
import { filesUnder } from './helpers.js';

function git(cwd: string, ...args: string[]): string {
  const config = ['-c', 'user.name=Ladder Test', '-c', 'user.email=ladder@example.com', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main'];
  return execFileSync('git', [...config, ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

const SECRET = 'secret-candidate-4711';
let repo: string;
let ladder: string;

// A ladder with three versions in git: 1.1.0, then a commit that changes nothing of the version,
// then 1.2.0 (an expectation of E4 grows, a level retitled, a packet added in the same commit),
// then 1.3.0 (the version alone changes).
beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'ladder-versions-'));
  ladder = join(repo, 'org', 'ladder');
  writeLadder(ladder, exampleFiles());
  git(repo, 'init', '-q');
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'First ladder');
  writeLadder(ladder, edit(exampleFiles(), 'levels/ic/E2.md', /^summary: (.*)$/m, 'summary: $1 Reworded.'));
  git(repo, 'commit', '-q', '-am', 'Reword E2, same version');
  let v2 = edit(exampleFiles(), 'ladder.yml', /^version: 1\.1\.0$/m, 'version: 1.2.0');
  v2 = edit(v2, 'levels/ic/E4.md', 'Keeps several concurrent projects in the team on track', 'Keeps several concurrent projects across two teams on track');
  v2 = edit(v2, 'levels/ic/E3.md', /^title: .*$/m, 'title: Engineer Three');
  writeLadder(ladder, v2);
  mkdirSync(join(ladder, 'packets', '2026-h2'), { recursive: true });
  writeFileSync(join(ladder, 'packets', '2026-h2', 'p.md'), `---\nkind: promotion\ncandidate: ${SECRET}\n---\n`);
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', `Version 1.2.0 and promote ${SECRET}`);
  const v3 = edit(v2, 'ladder.yml', /^version: 1\.2\.0$/m, "version: '1.3.0' # quoted, with a comment");
  writeLadder(ladder, v3);
  git(repo, 'commit', '-q', '-am', 'Version 1.3.0');
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

const load = (files: Parameters<typeof checkLadder>[0]) => checkLadder(files).ladder;

describe('readLadderVersions', () => {
  test('finds where ladder.yml changed its version, and diffs each with the one before', () => {
    const history = readLadderVersions(ladder, load);
    if (!history.available) throw new Error(history.reason);
    expect(history.versions.map((v) => [v.version, v.previous])).toEqual([
      ['1.3.0', '1.2.0'],
      ['1.2.0', '1.1.0'],
      ['1.1.0', undefined],
    ]);
    expect(history.truncated).toBe(false);
    const v12 = history.versions[1]?.diff;
    expect(v12?.expectations.map((e) => [e.level, e.competency, e.change])).toEqual([['E4', 'delivery', 'changed']]);
    expect(v12?.levels.retitled).toEqual([{ id: 'E3', from: 'Engineer III', to: 'Engineer Three' }]);
    expect(v12?.packets).toEqual([]);
    expect(history.versions[0]?.diff?.verdict).toBe('none');
  });

  test('keeps at most `limit` versions and says so', () => {
    const history = readLadderVersions(ladder, load, { limit: 1 });
    if (!history.available) throw new Error(history.reason);
    expect(history.versions.map((v) => [v.version, v.previous])).toEqual([['1.3.0', '1.2.0']]);
    expect(history.truncated).toBe(true);
  });

  test('outside a git repository the history is unavailable, with a reason', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ladder-nogit-'));
    try {
      const history = readLadderVersions(dir, load);
      expect(history.available).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('reads the version line as YAML writes it', () => {
    expect(versionOf('organization: X\nversion: 1.2.0\n')).toBe('1.2.0');
    expect(versionOf("version: '2.0.0' # major\n")).toBe('2.0.0');
    expect(versionOf('  version: 1.0.0\n')).toBeUndefined();
    expect(versionOf(undefined)).toBeUndefined();
  });
});

test('the changelog page shows, per version, what changed for people, and nothing of a packet', async () => {
  const out = join(repo, 'site');
  const run = await runCli(['render', 'org/ladder', '--out', out], repo);
  expect(run.status).toBe(0);
  const page = readFileSync(join(out, 'changelog', 'index.html'), 'utf8');
  const item = (version: string) =>
    /<li id="version-[^"]*">[\s\S]*?<\/li>\n(?=<li id=|<\/ol>)/g.exec(page.slice(page.indexOf(`<li id="version-${version.replace(/\./g, '-')}">`)))?.[0] ?? '';
  const v12 = item('1.2.0');
  expect(v12).toContain('What changed since 1.1.0');
  expect(v12).toContain('<li><a href="/levels/E4/">E4 Senior Engineer</a>: expectations changed in Delivery.</li>');
  expect(v12).toContain('<li><a href="/levels/E3/">E3 Engineer Three</a> was retitled from &ldquo;Engineer III&rdquo;.</li>');
  // Version 1.1.0's release notes, and the note that it is the first version in the history.
  expect(item('1.1.0')).toContain('rubric-based interviews');
  expect(item('1.1.0')).toContain('The first version in the history.');
  // Newest first.
  expect(page.indexOf('id="version-1-3-0"')).toBeLessThan(page.indexOf('id="version-1-2-0"'));
  // The version commit touched a packet: its message is withheld, and no file names the candidate.
  for (const file of filesUnder(out)) expect(readFileSync(join(out, file), 'utf8')).not.toContain(SECRET);
});
