import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { load } from 'js-yaml';
import { FakeGitHub } from './github-server.js';
import { type ActionRun, bundleExists, edit, makeRepo, pullRequestEvent, type Repo, repoRoot, runAction } from './harness.js';

const PACKET = 'ladder/packets/2026-h2/jo-rivera-promotion.md';
const COMMITTEE = ['ada-okafor', 'bjorn-lind', 'chen-wei'];
// The marker names the ladder directory and the job (see docs/action.md), then the run.
const MARKER = /^<!-- ladder-as-code:report dir=ladder key=ladder run=(\d+) attempt=1 -->/;

/** The workflow's `with:` inputs, as the README shows them to users. */
function readmeWorkflow(): { on: Record<string, unknown>; with: Record<string, string> } {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const block = /```yaml\n(name: Ladder[\s\S]*?)```/.exec(readme)?.[1];
  if (!block) throw new Error('README has no workflow snippet');
  const workflow = load(block) as { on: Record<string, unknown>; jobs: { ladder: { steps: Array<{ uses: string; with?: Record<string, string> }> } } };
  const step = workflow.jobs.ladder.steps.find((s) => s.uses === 'ladder-as-code/ladder-as-code@v1');
  if (!step) throw new Error('README workflow does not use the action');
  return { on: workflow.on, with: step.with ?? {} };
}

let server: FakeGitHub;
const repos: Repo[] = [];

beforeAll(() => {
  if (!bundleExists()) throw new Error('action/dist/index.js is missing: run npm run build');
});
afterEach(async () => {
  await server?.stop();
  for (const r of repos.splice(0)) r.cleanup();
});

async function setup(change: (w: string) => void, prepareBase?: (w: string) => void): Promise<Repo> {
  server = new FakeGitHub();
  await server.start();
  const repo = makeRepo(change, prepareBase);
  repos.push(repo);
  return repo;
}

const touchPacket = (w: string) => edit(w, PACKET, 'Jo Rivera has been a Senior Engineer', 'Jo Rivera, our colleague, has been a Senior Engineer');
const run = (repo: Repo, extra: { runId?: number; inputs?: Record<string, string>; fork?: boolean; eventName?: string } = {}): Promise<ActionRun> =>
  runAction({
    workspace: repo.workspace,
    apiUrl: server.url,
    event: pullRequestEvent(repo, { fork: extra.fork }),
    inputs: { ...readmeWorkflow().with, ...extra.inputs },
    runId: extra.runId,
    eventName: extra.eventName,
  });
const ours = () => server.comments.filter((c) => MARKER.test(c.body ?? ''));
/** Comment writes (POST is also GraphQL's method). */
const commentPosts = () => server.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/comments'));

describe('the README workflow', () => {
  test('is this repository’s workflow, with the published action reference for the root action', () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const snippet = /```yaml\n(name: Ladder[\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const workflow = readFileSync(join(repoRoot, '.github/workflows/ladder.yml'), 'utf8');
    expect(snippet.replace('uses: ladder-as-code/ladder-as-code@v1', 'uses: ./')).toBe(workflow);
    expect(Object.keys(readmeWorkflow().on).sort()).toEqual(['pull_request', 'pull_request_review']);
  });
});

describe('a packet pull request', () => {
  test('the first run creates one comment, the next updates it, an older run never overwrites it', async () => {
    const repo = await setup(touchPacket);
    for (const login of COMMITTEE) server.approve(login);
    const first = await run(repo, { runId: 200 });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(ours()).toHaveLength(1);
    expect(ours()[0]?.body).toContain('Ladder check: ✅ no problems · ✅ approvals complete');
    expect(first.outputs).toMatchObject({ errors: '0', warnings: '0', approved: 'true' });
    expect(first.summary).toContain('### Approvals');

    const second = await run(repo, { runId: 201 });
    expect(second.code).toBe(0);
    expect(ours()).toHaveLength(1);
    expect(MARKER.exec(ours()[0]?.body ?? '')?.[1]).toBe('201');
    expect(commentPosts()).toHaveLength(1);
    expect(server.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);

    const older = await run(repo, { runId: 150 });
    expect(older.code).toBe(0);
    expect(older.stdout).toContain('A newer run has already reported');
    expect(MARKER.exec(ours()[0]?.body ?? '')?.[1]).toBe('201');
    expect(server.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);
    // Every call carried the token.
    expect(server.requests.every((r) => r.authorization === 'token test-token')).toBe(true);
  });

  test('finds its comment on a later page instead of posting a second one', async () => {
    const repo = await setup(touchPacket);
    for (const login of COMMITTEE) server.approve(login);
    for (let i = 0; i < 150; i++) server.addComment(`Unrelated comment ${i}`);
    server.addComment('<!-- ladder-as-code:report run=50 attempt=1 -->\nold report', 'github-actions[bot]');
    const result = await run(repo, { runId: 300 });
    expect(result.code).toBe(0);
    expect(server.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/comments')).length).toBeGreaterThanOrEqual(2);
    expect(ours()).toHaveLength(1);
    expect(ours()[0]?.body).toContain('run=300');
    expect(commentPosts()).toHaveLength(0);
  });

  test('server errors are retried', async () => {
    const repo = await setup(touchPacket);
    for (const login of COMMITTEE) server.approve(login);
    server.fail('GET', /\/issues\/7\/comments$/, 500, 1);
    server.fail('GET', /\/pulls\/7\/reviews$/, 502, 1);
    const result = await run(repo);
    expect(result.code).toBe(0);
    expect(server.requests.filter((r) => r.path.endsWith('/reviews'))).toHaveLength(2);
    expect(server.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/comments')).length).toBeGreaterThanOrEqual(2);
    expect(ours()).toHaveLength(1);
  });

  test("a fork's read-only token (403) degrades to annotations and summary without failing", async () => {
    const repo = await setup(touchPacket);
    for (const login of COMMITTEE) server.approve(login);
    server.fail('POST', /\/comments$/, 403, 5, { message: 'Resource not accessible by integration' });
    const result = await run(repo, { fork: true });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^::warning::Could not comment on the pull request: the token cannot write/m);
    expect(result.summary).toContain('Ladder check: ✅ no problems');
    expect(commentPosts()).toHaveLength(1); // a 403 is not retried
    expect(ours()).toHaveLength(0);
  });

  test('the quorum excludes the candidate and people outside the committee', async () => {
    const repo = await setup(touchPacket);
    server.approve('jo-rivera'); // the candidate
    server.approve('sam-okoye'); // the manager, not on the committee
    server.approve('ada-okafor');
    server.approve('bjorn-lind', 'COMMENTED');
    const result = await run(repo);
    expect(result.code).toBe(1);
    const body = ours()[0]?.body ?? '';
    expect(body).toContain('⏳ approvals needed');
    expect(body).toContain('Counted: `ada-okafor`');
    expect(body).toContain('Missing: 2 more committee approvals');
    expect(body).toContain('`jo-rivera` does not count: the candidate');
    expect(body).toContain('`sam-okoye` does not count: not on the promotion committee');
    expect(result.outputs.approved).toBe('false');
    expect(result.stdout).toMatch(
      /^::error::Ladder check: approvals needed: ladder\/packets\/2026-h2\/jo-rivera-promotion.md needs 2 more committee approvals/m,
    );
  });

  test("the candidate's manager alone is never enough, even on the committee with a quorum of one", async () => {
    const repo = await setup(touchPacket, (w) => {
      edit(w, 'ladder/ladder.yml', 'quorum: 3', 'quorum: 1');
      edit(w, 'ladder/ladder.yml', 'committee: [ada-okafor,', 'committee: [sam-okoye, ada-okafor,');
    });
    server.approve('sam-okoye');
    const alone = await run(repo, { runId: 400 });
    expect(alone.code).toBe(1);
    expect(ours()[0]?.body).toContain("the candidate's manager's approval alone is never enough");
    server.approve('chen-wei');
    const withCommittee = await run(repo, { runId: 401 });
    expect(withCommittee.code).toBe(0);
    expect(ours()[0]?.body).toContain('✅ approvals complete');
  });

  test('a later change request withdraws an approval', async () => {
    const repo = await setup(touchPacket);
    for (const login of COMMITTEE) server.approve(login);
    server.approve('chen-wei', 'CHANGES_REQUESTED');
    const result = await run(repo, { eventName: 'pull_request_review' });
    expect(result.code).toBe(1);
    expect(ours()[0]?.body).toContain('Missing: 1 more committee approval.');
  });

  test('governance comes from the base branch: a pull request cannot add its own approvers', async () => {
    const repo = await setup((w) => {
      touchPacket(w);
      edit(w, 'ladder/ladder.yml', 'quorum: 3', 'quorum: 1');
      edit(w, 'ladder/ladder.yml', 'committee: [ada-okafor,', 'committee: [mallory, ada-okafor,');
      edit(w, 'ladder/ladder.yml', 'ic: [ada-okafor,', 'ic: [mallory, ada-okafor,');
      edit(w, 'ladder/ladder.yml', 'em: [bjorn-lind,', 'em: [mallory2, bjorn-lind,');
    });
    server.approve('mallory');
    server.approve('mallory2');
    const result = await run(repo);
    expect(result.code).toBe(1);
    const body = ours()[0]?.body ?? '';
    expect(body).toContain('`mallory` does not count: not on the promotion committee');
    expect(body).toContain('needs 3 approvals from the promotion committee');
    expect(body).toMatch(/⏳ \*\*the ladder\*\*/);
  });
});

describe('annotations and logs', () => {
  test('errors become escaped ::error annotations with file, line and column; the rest are counted', async () => {
    const repo = await setup((w) => {
      const path = join(w, PACKET);
      const text = readFileSync(path, 'utf8');
      const bogus = Array.from({ length: 12 }, (_, i) => `## Bogus ${i}\n\nText with 100% of a\r\n::warning::fake\n`).join('\n');
      writeFileSync(path, `${text.replace('to: E5', 'to: E7')}\n${bogus}`);
    });
    for (const login of COMMITTEE) server.approve(login);
    const result = await run(repo);
    expect(result.code).toBe(1);
    const errors = result.stdout.split('\n').filter((l) => l.startsWith('::error '));
    expect(errors).toHaveLength(10);
    expect(errors[0]).toMatch(
      /^::error title=packet-promotion,file=ladder\/packets\/2026-h2\/jo-rivera-promotion\.md,line=5,endLine=5,col=5,endColumn=7::A promotion climbs one band at a time/,
    );
    expect(result.stdout).toMatch(/^::notice::3 more errors and 0 more warnings are not annotated/m);
    expect(result.outputs.errors).toBe('13');
    // The log lines quoting file text are fenced by stop-commands.
    const stop = /^::stop-commands::([0-9a-f-]{36})$/m.exec(result.stdout)?.[1];
    expect(stop).toBeDefined();
    expect(result.stdout).toContain(`\n::${stop}::`);
  });

  test('a hostile file cannot inject a workflow command', async () => {
    const repo = await setup((w) => {
      const path = join(w, PACKET);
      const text = readFileSync(path, 'utf8');
      const hostile = '## ::set-output name=approved::true\n\nx\n\n## Evil%0A::error::injected\n\ny\n\n## ::add-mask::secret\n\nz\n';
      writeFileSync(path, `${text}\n${hostile}`);
      // Messages no longer quote packet text; file names still reach annotations and logs.
      writeFileSync(join(w, 'ladder/packets/2026-h2/Evil%0A::error::injected.md'), `${text}\n${hostile}`);
    });
    for (const login of COMMITTEE) server.approve(login);
    const result = await run(repo);
    expect(result.code).toBe(1);
    const lines = result.stdout.split('\n');
    // Only our own commands start a line; file text only ever follows them, escaped.
    const token = /^::stop-commands::(.+)$/m.exec(result.stdout)?.[1];
    const commands = lines.filter((l) => l.startsWith('::')).map((l) => (l === `::${token}::` ? 'resume' : /^::([a-z-]+)[ :]/.exec(l)?.[1]));
    expect(new Set(commands)).toEqual(new Set(['error', 'stop-commands', 'resume']));
    expect(lines.some((l) => /^::(set-output|add-mask|error::injected)/.test(l))).toBe(false);
    expect(result.stdout).toContain('file=ladder/packets/2026-h2/Evil%250A%3A%3Aerror%3A%3Ainjected.md'); // core.error escaped the percent sign and colons
    expect(result.outputs.approved).toBe('true');
    const body = ours()[0]?.body ?? '';
    expect(body).not.toMatch(/<script|@[a-z]/i);
  });
});

describe('scope', () => {
  test('a pull request that touches no ladder file is not checked and makes no API call', async () => {
    const repo = await setup((w) => edit(w, 'README.md', 'An organization', 'Our organization'));
    const result = await run(repo);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('nothing to check');
    expect(server.requests).toHaveLength(0);
    expect(result.outputs).toMatchObject({ errors: '0', verdict: 'none' });
  });

  test('a ladder change shows the semantic diff and needs an IC and an EM approver', async () => {
    const repo = await setup((w) => {
      edit(w, 'ladder/levels/ic/E5.md', 'title: Staff Engineer', 'title: Staff Software Engineer');
      edit(w, 'ladder/ladder.yml', 'version: 1.1.0', 'version: 1.2.0');
    });
    server.approve('ada-okafor');
    const icOnly = await run(repo, { runId: 500 });
    expect(icOnly.code).toBe(1);
    const body = ours()[0]?.body ?? '';
    expect(body).toContain('### Ladder changes');
    expect(body).toContain('Staff Software Engineer');
    expect(body).toContain('Missing: an approval from an EM approver');
    expect(icOnly.outputs.verdict).toBe('minor');
    server.approve('bjorn-lind');
    const both = await run(repo, { runId: 501 });
    expect(both.code).toBe(0);
    expect(both.report?.diff?.verdict).toBe('minor');
    expect(both.report?.approvals?.met).toBe(true);
    expect(both.report?.summary).toEqual({ files: expect.any(Number), errors: 0, warnings: 0 });
  });

  test('a comment too long for GitHub is cut with a notice', async () => {
    const repo = await setup((w) => {
      const path = join(w, PACKET);
      const bogus = Array.from({ length: 3000 }, (_, i) => `## Unknown section number ${i} with a long and distinctive name\n\nx\n`).join('\n');
      writeFileSync(path, `${readFileSync(path, 'utf8')}\n${bogus}`);
    });
    for (const login of COMMITTEE) server.approve(login);
    const result = await run(repo);
    expect(result.code).toBe(1);
    const body = ours()[0]?.body ?? '';
    expect(body.length).toBeLessThan(65_536);
    expect(body).toMatch(/more problems not shown here/);
    expect(result.summary.length).toBeGreaterThan(body.length);
  });
});

afterAll(async () => {
  await server?.stop();
});

describe('outside pull requests', () => {
  test('a push checks the whole ladder; a missing ladder directory names the input to fix', async () => {
    const repo = await setup(touchPacket);
    const push = { ref: 'refs/heads/main', repository: { full_name: 'northwind/ladder' } };
    const whole = await runAction({ workspace: repo.workspace, apiUrl: server.url, event: push, eventName: 'push', inputs: readmeWorkflow().with });
    expect(whole.code).toBe(0);
    expect(whole.summary).toContain('(repository)');
    expect(server.requests).toHaveLength(0);
    const wrong = await runAction({ workspace: repo.workspace, apiUrl: server.url, event: push, eventName: 'push', inputs: { 'ladder-directory': 'career' } });
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toMatch(/^::error::ladder-as-code could not complete: cannot read .*career: ENOENT\. Set the ladder-directory input/m);
  });
});
