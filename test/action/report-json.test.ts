import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { runCli } from '../helpers/cli.js';
import { FakeGitHub } from './github-server.js';
import { bundleExists, edit, makeRepo, pullRequestEvent, type Repo, runAction } from './harness.js';

/**
 * The Action's JSON report and `ladder check --format json` come from one function: for the same
 * ladder they are the same bytes, and a pull request adds only the ladder diff (as `ladder diff
 * --format json` prints it) and the approvals.
 */
let server: FakeGitHub;
const cleanups: Array<() => void> = [];

beforeAll(() => {
  if (!bundleExists()) throw new Error('action/dist/index.js is missing: run npm run build');
});
afterEach(async () => {
  await server?.stop();
  for (const c of cleanups.splice(0)) c();
});

async function setup(change: (w: string) => void): Promise<{ repo: Repo; reportPath: string }> {
  server = new FakeGitHub();
  await server.start();
  const repo = makeRepo(change);
  const dir = mkdtempSync(join(tmpdir(), 'ladder-report-'));
  cleanups.push(repo.cleanup, () => rmSync(dir, { recursive: true, force: true }));
  return { repo, reportPath: join(dir, 'report.json') };
}

const PACKET = 'ladder/packets/2026-h2/jo-rivera-promotion.md';
/** A promotion that skips bands (an error in a packet) and a retitled level (a change to the ladder). */
const breakPacket = (w: string) => {
  edit(w, PACKET, 'to: E5', 'to: E7');
  edit(w, 'ladder/levels/ic/E5.md', 'title: Staff Engineer', 'title: Staff Software Engineer');
};

describe("the Action's JSON report", () => {
  test('outside pull requests it is exactly what `ladder check --format json` prints for the same ladder', async () => {
    const { repo, reportPath } = await setup(breakPacket);
    const push = { ref: 'refs/heads/main', repository: { full_name: 'northwind/ladder' } };
    const run = await runAction({
      workspace: repo.workspace,
      apiUrl: server.url,
      event: push,
      eventName: 'push',
      inputs: { 'report-path': reportPath, 'fail-on': 'never' },
    });
    expect(run.code).toBe(0);
    const cli = await runCli(['check', 'ladder', '--format', 'json'], repo.workspace);
    expect(cli.status).toBe(1);
    const written = readFileSync(reportPath, 'utf8');
    expect(written).toBe(cli.stdout);
    const report = JSON.parse(written);
    expect(report.summary.errors).toBeGreaterThan(0);
    expect(report.diagnostics.map((d: { file: string }) => d.file)).toContain(PACKET);
    expect(Object.keys(report)).toEqual(['formatVersion', 'version', 'summary', 'diagnostics']);
  });

  test('on a pull request it adds the ladder diff, as `ladder diff --format json` prints it, and the approvals', async () => {
    const { repo, reportPath } = await setup((w) => {
      breakPacket(w);
      edit(w, 'ladder/ladder.yml', 'version: 1.1.0', 'version: 1.2.0');
    });
    server.approve('ada-okafor');
    const run = await runAction({
      workspace: repo.workspace,
      apiUrl: server.url,
      event: pullRequestEvent(repo),
      inputs: { 'report-path': reportPath, 'fail-on': 'never', comment: 'false' },
    });
    const report = JSON.parse(readFileSync(reportPath, 'utf8'));
    expect(Object.keys(report)).toEqual(['formatVersion', 'version', 'summary', 'diagnostics', 'diff', 'approvals']);

    // The check part: the CLI's, for the files the pull request changed.
    const changed = ['ladder/ladder.yml', 'ladder/levels/ic/E5.md', PACKET];
    const cli = await runCli(['check', 'ladder', '--format', 'json', '--changed', ...changed], repo.workspace);
    const { diff, approvals, ...check } = report;
    expect(check).toEqual(JSON.parse(cli.stdout));
    expect(check.summary.errors).toBeGreaterThan(0);

    // The diff part: the CLI's diff between the same commits.
    const cliDiff = await runCli(['diff', repo.baseSha, repo.headSha, '--format', 'json'], repo.workspace);
    expect(cliDiff.status).toBe(0);
    expect(diff).toEqual(JSON.parse(cliDiff.stdout));
    expect(diff.verdict).toBe('minor');
    expect(run.outputs.verdict).toBe('minor');

    // The approvals: the packet needs the committee, the ladder change an IC and an EM approver.
    expect(approvals).toEqual({
      met: false,
      items: [
        {
          subject: PACKET,
          needs: '3 approvals from the promotion committee, not counting the candidate',
          counted: ['ada-okafor'],
          ignored: [],
          met: false,
          missing: '2 more committee approvals',
        },
        {
          subject: 'the ladder',
          needs: 'an approval from an IC approver and one from an EM approver (governance.ladderApprovers)',
          counted: ['ada-okafor'],
          ignored: [],
          met: false,
          missing: 'an approval from an EM approver',
        },
      ],
    });
    expect(run.outputs.approved).toBe('false');
  });
});
