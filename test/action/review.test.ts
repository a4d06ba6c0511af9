import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import type { FakeGitHub } from './github-server.js';
import { type ActionRun, edit, pullRequestEvent, type Repo, runAction, useFakeGitHub } from './harness.js';

/*
 * Reviewing a packet on its pull request, end to end: the bundled Action as a process against the
 * local GitHub API server, with review threads served over GraphQL, stale and dismissed reviews.
 */

const PACKET = 'ladder/packets/2026-h2/jo-rivera-promotion.md';
const QUORUM = ['ada-okafor', 'bjorn-lind', 'chen-wei'];
const SITE = 'https://northwind.github.io/ladder/';

const env = useFakeGitHub();
let server: FakeGitHub;

const touchPacket = (w: string) => edit(w, PACKET, 'Jo Rivera has been a Senior Engineer', 'Jo Rivera, our colleague, has been a Senior Engineer');
async function setup(prepareBase?: (w: string) => void, change = touchPacket): Promise<Repo> {
  const repo = await env.repo(change, prepareBase);
  server = env.server();
  return repo;
}

const run = (repo: Repo, runId = 100, inputs: Record<string, string> = {}): Promise<ActionRun> =>
  runAction({ workspace: repo.workspace, apiUrl: server.url, event: pullRequestEvent(repo), inputs: { 'site-url': SITE, ...inputs }, runId });
const comment = () => server.comments.find((c) => c.body?.startsWith('<!-- ladder-as-code:report'))?.body ?? '';
/** The line of a packet's heading, 1-based, in the pull request's version of the file. */
const lineOf = (repo: Repo, heading: string) => readFileSync(join(repo.workspace, PACKET), 'utf8').split('\n').indexOf(heading) + 1;
const policy = (setting: string) => (w: string) =>
  edit(w, 'ladder/ladder.yml', '    graduationStakeholders: 20', `    graduationStakeholders: 20\n    ${setting}`);

describe('the comment on a packet pull request', () => {
  test('summarizes the move and counts review threads per competency, through every page, quoting no packet text', async () => {
    const repo = await setup();
    for (const login of QUORUM) server.approve(login);
    const craft = lineOf(repo, '## Technical craft');
    const design = lineOf(repo, '## System design');
    server.thread(PACKET, craft + 2);
    server.thread(PACKET, craft + 4, false, true); // outdated: placed by its original line
    server.thread(PACKET, design + 2, true);
    server.thread(PACKET, 2); // the front matter
    server.thread('ladder/packets/2026-h2/other.md', craft + 2); // another file
    server.threadsPerPage = 2;
    const result = await run(repo);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const body = comment();
    expect(body).toContain('### Packets');
    expect(body).toContain('`jo-rivera`: E4 (Senior Engineer, Senior) → E5 (Staff Engineer, Staff); promotion, 1 band up');
    expect(body).toContain(`[what changes](${SITE}changes/E4-E5/)`);
    expect(body).toContain('Technical craft: 2 open threads.');
    expect(body).toContain('**Review threads:** 3 open, 1 resolved (1 open outside the evidence sections)');
    expect(body).toContain('| Technical craft | ✅ present | 111 | 2 |');
    expect(body).toContain('| System design | ✅ present | 127 | 0 |');
    // Three pages of two threads.
    expect(server.requests.filter((r) => r.path === '/graphql' && /reviewThreads/.test(String((r.body as { query?: string }).query)))).toHaveLength(3);
    const secret = 'our colleague';
    for (const text of [body, result.stdout, result.summary]) expect(text).not.toContain(secret);
  });

  test('review threads that cannot be read degrade to a notice; the rest of the comment stands', async () => {
    const repo = await setup();
    for (const login of QUORUM) server.approve(login);
    server.threadsMode = 'repeat';
    server.thread(PACKET, 20);
    const result = await run(repo);
    expect(result.code).toBe(0);
    const body = comment();
    expect(body).toContain("Could not read the pull request's review threads, so they are not counted per competency");
    expect(body).toContain('### Packets');
    expect(body).not.toContain('**Review threads:**');
    expect(result.stdout).toMatch(/^::warning::Could not read the pull request's review threads/m);
  });
});

describe('policy.packets.requireResolvedThreads', () => {
  test("the committee's quorum counts only once every thread is resolved", async () => {
    const repo = await setup(policy('requireResolvedThreads: true'));
    for (const login of QUORUM) server.approve(login);
    server.thread(PACKET, lineOf(repo, '## Delivery') + 2);
    const open = await run(repo, 200);
    expect(open.code).toBe(1);
    expect(comment()).toContain('Missing: 1 open review thread resolved first (policy.packets.requireResolvedThreads).');
    expect(open.stdout).toMatch(/::error::Ladder check: approvals needed: .*jo-rivera-promotion\.md needs 1 open review thread resolved first/);
    (server.threads[0] as { isResolved: boolean }).isResolved = true;
    const resolved = await run(repo, 201);
    expect(resolved.code).toBe(0);
    expect(comment()).toContain('✅ approvals complete');
  });

  test('threads that cannot be read keep the quorum unmet', async () => {
    const repo = await setup(policy('requireResolvedThreads: true'));
    for (const login of QUORUM) server.approve(login);
    server.threadsMode = 'error';
    const result = await run(repo);
    expect(result.code).toBe(1);
    expect(comment()).toContain('Missing: the review threads, which could not be read');
  });
});

describe('reviews', () => {
  test('with approvalsOnHeadOnly, approvals of an earlier commit are stale: listed, never counted', async () => {
    const repo = await setup(policy('approvalsOnHeadOnly: true'));
    server.approve('ada-okafor', 'APPROVED', repo.baseSha);
    server.approve('bjorn-lind', 'APPROVED', repo.baseSha);
    server.approve('chen-wei');
    const stale = await run(repo, 300);
    expect(stale.code).toBe(1);
    const body = comment();
    expect(body).toContain('Counted: `chen-wei`.');
    expect(body).toContain('`ada-okafor` does not count: approved an earlier commit (stale)');
    expect(body).toContain('Missing: 2 more committee approvals.');
    expect(stale.report?.approvals).toMatchObject({ met: false, items: [{ stale: ['ada-okafor', 'bjorn-lind'] }] });
    server.approve('ada-okafor');
    server.approve('bjorn-lind');
    expect((await run(repo, 301)).code).toBe(0);
  });

  test('without the policy, an approval of an earlier commit counts', async () => {
    const repo = await setup();
    for (const login of QUORUM) server.approve(login, 'APPROVED', repo.baseSha);
    expect((await run(repo)).code).toBe(0);
  });

  test("a dismissed review does not count; a committee member's change request blocks until they review again", async () => {
    const repo = await setup();
    for (const login of QUORUM) server.approve(login);
    server.approve('dara-nwosu', 'DISMISSED');
    server.approve('esme-varga', 'CHANGES_REQUESTED');
    const blocked = await run(repo, 400);
    expect(blocked.code).toBe(1);
    const body = comment();
    expect(body).toContain('Counted: `ada-okafor`, `bjorn-lind`, `chen-wei`.');
    expect(body).not.toContain('`dara-nwosu`');
    expect(body).toContain('`esme-varga` requested changes: this waits for their new review.');
    expect(body).toContain('Missing: a new review from esme-varga');
    server.approve('esme-varga', 'COMMENTED'); // a comment is not a new review of the change request
    expect((await run(repo, 401)).code).toBe(1);
    server.approve('esme-varga');
    const approved = await run(repo, 402);
    expect(approved.code).toBe(0);
    expect(comment()).toContain('✅ approvals complete');
  });
});

describe('a ladder change', () => {
  test("re-checks the packets on the changed level: the README's example reports its 3 errors", async () => {
    const repo = await setup(undefined, (w) => edit(w, 'ladder/levels/em/M1.md', 'band: senior', 'band: staff'));
    const result = await run(repo);
    expect(result.code).toBe(1);
    expect(result.outputs.errors).toBe('3');
    expect(result.stdout).toMatch(/^::error title=packet-track-switch,file=ladder\/packets\/2026-h2\/marcus-bell-track-switch\.md/m);
    expect(result.stdout).toMatch(/^::error title=packet-graduation,file=ladder\/packets\/2026-h2\/lena-fischer-graduation\.md/m);
  });
});
