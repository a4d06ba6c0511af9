import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { type Comment, FakeGitHub, GITHUB_COMMENT_MAX } from './github-server.js';
import { type ActionRun, bundleExists, edit, makeRepo, pullRequestEvent, type Repo, runAction } from './harness.js';

/**
 * The Action against hostile repository content and a hostile or failing API: nothing leaks,
 * nothing hangs, nothing is faked. Each test runs the bundle as a process against the fake API.
 */

const PACKET = 'ladder/packets/2026-h2/jo-rivera-promotion.md';
const COMMITTEE = ['ada-okafor', 'bjorn-lind', 'chen-wei'];
const BOT = 'github-actions[bot]';
/** Our marker, any format: the run it reports, and its key fields when it has them. */
const OURS = /^<!-- ladder-as-code:report (?:dir=(\S+) key=(\S+) )?run=(\d+) attempt=(\d+) -->/;

let server: FakeGitHub;
const repos: Repo[] = [];

beforeAll(() => {
  if (!bundleExists()) throw new Error('action/dist/index.js is missing: run npm run build');
});
afterEach(async () => {
  await server?.stop();
  for (const r of repos.splice(0)) r.cleanup();
});

async function setup(change: (w: string) => void = touchPacket, prepareBase?: (w: string) => void): Promise<Repo> {
  server = new FakeGitHub();
  await server.start();
  const repo = makeRepo(change, prepareBase);
  repos.push(repo);
  for (const login of COMMITTEE) server.approve(login);
  return repo;
}

function touchPacket(w: string): void {
  edit(w, PACKET, 'Jo Rivera has been a Senior Engineer', 'Jo Rivera, our colleague, has been a Senior Engineer');
}

const run = (repo: Repo, extra: { runId?: number; inputs?: Record<string, string>; fork?: boolean; job?: string } = {}): Promise<ActionRun> =>
  runAction({
    workspace: repo.workspace,
    apiUrl: server.url,
    event: pullRequestEvent(repo, { fork: extra.fork }),
    inputs: { 'ladder-directory': 'ladder', ...extra.inputs },
    runId: extra.runId,
    job: extra.job,
  });

/** Comments the Action wrote (authored by the token's identity, with our marker). */
const botReports = () => server.comments.filter((c) => c.user?.login === BOT && OURS.test(c.body ?? ''));
const writesTo = (c: Comment) => server.requests.filter((r) => r.method !== 'GET' && r.path.endsWith(`/comments/${c.id}`));
const warnings = (r: ActionRun) => r.stdout.split('\n').filter((l) => l.startsWith('::warning'));

describe('comment ownership', () => {
  test("a human's comment carrying our marker is never edited nor deleted, and its faked newer stamp stops nothing", async () => {
    const repo = await setup();
    const legacy = server.addComment('<!-- ladder-as-code:report run=999999 attempt=9 -->\nI am not a bot.', 'mallory');
    const current = server.addComment('<!-- ladder-as-code:report dir=ladder key=ladder run=999999 attempt=9 -->\nNeither am I.', 'mallory');
    const result = await run(repo, { runId: 200 });
    expect(result.code).toBe(0);
    expect(botReports()).toHaveLength(1);
    expect(botReports()[0]?.body).toContain('✅ approvals complete');
    expect(writesTo(legacy)).toEqual([]);
    expect(writesTo(current)).toEqual([]);
    expect(server.comments.find((c) => c.id === legacy.id)?.body).toContain('I am not a bot.');
    // The identity came from GraphQL's viewer, before any comment was touched.
    expect(server.requests.find((r) => r.path === '/graphql')?.body).toMatchObject({ query: expect.stringContaining('viewer') });
  });

  test('a comment by another bot, or with no author, is not ours either', async () => {
    const repo = await setup();
    const other = server.addComment('<!-- ladder-as-code:report run=1 attempt=1 -->\nx', 'renovate[bot]');
    const ghost = server.addComment('<!-- ladder-as-code:report run=2 attempt=1 -->\ny', null);
    const empty = server.addComment(null, BOT);
    const result = await run(repo, { runId: 200 });
    expect(result.code).toBe(0);
    expect(botReports()).toHaveLength(1);
    for (const c of [other, ghost, empty]) expect(writesTo(c)).toEqual([]);
  });

  test('an old-format comment of ours is upgraded in place', async () => {
    const repo = await setup();
    const old = server.addComment('<!-- ladder-as-code:report run=50 attempt=1 -->\nold report', BOT);
    const result = await run(repo, { runId: 300 });
    expect(result.code).toBe(0);
    expect(server.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/comments'))).toHaveLength(0);
    expect(botReports()).toHaveLength(1);
    expect(botReports()[0]?.id).toBe(old.id);
    expect(OURS.exec(botReports()[0]?.body ?? '')?.slice(1, 4)).toEqual(['ladder', 'ladder', '300']);
  });

  test('two ladders in one repository, and two jobs on one ladder, keep separate comments', async () => {
    const repo = await setup(
      (w) => {
        touchPacket(w);
        edit(w, `second/${PACKET.slice('ladder/'.length)}`, 'Jo Rivera has been', 'Jo Rivera, indeed, has been');
      },
      (w) => cpSync(join(w, 'ladder'), join(w, 'second'), { recursive: true }),
    );
    expect((await run(repo, { runId: 400 })).code).toBe(0);
    expect((await run(repo, { runId: 400, inputs: { 'ladder-directory': 'second' } })).code).toBe(0);
    expect((await run(repo, { runId: 400, job: 'ladder-strict' })).code).toBe(0);
    expect((await run(repo, { runId: 400, inputs: { 'comment-key': 'matrix-a' } })).code).toBe(0);
    const keys = () =>
      botReports().map((c) =>
        OURS.exec(c.body ?? '')
          ?.slice(1, 3)
          .join(' '),
      );
    expect(keys().sort()).toEqual(['ladder ladder', 'ladder ladder-strict', 'ladder matrix-a', 'second ladder']);
    // A later run updates its own comment and no other.
    const before = new Map(botReports().map((c) => [c.id, c.body]));
    expect((await run(repo, { runId: 401, inputs: { 'ladder-directory': 'second' } })).code).toBe(0);
    const changed = botReports().filter((c) => before.get(c.id) !== c.body);
    expect(
      changed.map((c) =>
        OURS.exec(c.body ?? '')
          ?.slice(1, 4)
          .join(' '),
      ),
    ).toEqual(['second ladder 401']);
    expect(botReports()).toHaveLength(4);
  });

  test('when its identity cannot be learned it touches no existing comment, posts anew, and only then removes its own older copy', async () => {
    const repo = await setup();
    const mine = server.addComment('<!-- ladder-as-code:report dir=ladder key=ladder run=10 attempt=1 -->\nold', BOT);
    const human = server.addComment('<!-- ladder-as-code:report dir=ladder key=ladder run=10 attempt=1 -->\nfake', 'mallory');
    server.viewer = null; // GraphQL answers an error
    const first = server.requests.length;
    const result = await run(repo, { runId: 500 });
    expect(result.code).toBe(0);
    const writes = server.requests.slice(first).filter((r) => r.method !== 'GET' && r.path !== '/graphql');
    // The first write is the new comment; the old one of ours is deleted after, never edited.
    expect(writes.map((r) => r.method)).toEqual(['POST', 'DELETE']);
    expect(writes[1]?.path).toMatch(new RegExp(`/comments/${mine.id}$`));
    expect(writesTo(human)).toEqual([]);
    expect(botReports()).toHaveLength(1);
    expect(botReports()[0]?.body).toContain('run=500');
  });

  test('a comment deleted meanwhile (404 on update) is posted anew', async () => {
    const repo = await setup();
    server.addComment('<!-- ladder-as-code:report run=10 attempt=1 -->\nold', BOT);
    server.fail('PATCH', /\/issues\/comments\/\d+$/, 404);
    const result = await run(repo, { runId: 600 });
    expect(result.code).toBe(0);
    expect(warnings(result)).toEqual([]);
    expect(botReports().map((c) => OURS.exec(c.body ?? '')?.[3])).toContain('600');
  });

  test("a fork's read-only token (403 on update and delete) degrades to annotations and summary", async () => {
    const repo = await setup();
    server.addComment('<!-- ladder-as-code:report dir=ladder key=ladder run=10 attempt=1 -->\nold', BOT);
    server.fail('PATCH', /\/comments\/\d+$/, 403, 5, { message: 'Resource not accessible by integration' });
    server.fail('DELETE', /\/comments\/\d+$/, 403, 5, { message: 'Resource not accessible by integration' });
    const result = await run(repo, { fork: true, runId: 700 });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^::warning::Could not comment on the pull request: the token cannot write/m);
    expect(result.summary).toContain('Ladder check: ✅ no problems');
    expect(result.outputs).toMatchObject({ errors: '0', approved: 'true' });
  });
});

describe('GitHub limits', () => {
  test('100 packets with 8 reviewers each still get a comment under 65,536 characters', async () => {
    const repo = await setup((w) => {
      const text = readFileSync(join(w, PACKET), 'utf8');
      for (let i = 0; i < 100; i++) {
        const name = `candidate-with-a-rather-long-handle-number-${i}`;
        writeFileSync(join(w, `ladder/packets/2026-h2/${name}-promotion.md`), text.replace('candidate: jo-rivera', `candidate: ${name}`));
      }
    });
    // Five reviewers who are not on the committee, with handles as long as GitHub allows (39).
    for (let i = 0; i < 5; i++) server.approve(`reviewer-outside-the-committee-number-${i}`);
    const result = await run(repo, { runId: 800 });
    const body = botReports()[0]?.body ?? '';
    expect(body.length).toBeGreaterThan(0);
    expect(body.length).toBeLessThanOrEqual(GITHUB_COMMENT_MAX);
    expect(body).toMatch(/more lines of approvals not shown here: this report has a size limit\. The job summary and the JSON report list them all\./);
    expect(warnings(result)).toEqual([]);
    expect(result.summary).toContain('candidate-with-a-rather-long-handle-number-99-promotion.md');
  });

  test('a job summary of non-Latin text and emoji stays under 1 MiB in bytes, and says what it left out', async () => {
    // Messages do not quote packets, but every row names its file: names of 3- and 4-byte characters.
    const repo = await setup((w) => {
      const text = readFileSync(join(w, PACKET), 'utf8');
      const sections = Array.from({ length: 800 }, (_, i) => `## Section ${i}\n\nx\n`).join('\n');
      for (let i = 0; i < 4; i++) writeFileSync(join(w, `ladder/packets/2026-h2/${'昇格の証拠🙂'.repeat(12)}${i}.md`), `${text}\n${sections}`);
    });
    const result = await run(repo, { runId: 900 });
    expect(result.code).toBe(1);
    expect(Buffer.byteLength(result.summary, 'utf8')).toBeLessThanOrEqual(1024 * 1024);
    expect(result.summary).toMatch(
      /\d+ more problems not shown here: this report has a size limit\. The JSON report \(the step's `report` output\) lists them all\./,
    );
    expect(result.report?.summary?.errors).toBeGreaterThanOrEqual(3200);
  });
});

describe('a failing API never costs the report', () => {
  /** The report reached the summary, the outputs are set, and the failure is a warning and a notice. */
  function degraded(result: ActionRun, failure: RegExp): void {
    expect(result.stderr).toBe('');
    expect(result.summary).toContain('## Ladder check:');
    expect(result.outputs).toMatchObject({ errors: '0', warnings: '0', verdict: 'none' });
    expect(result.outputs.report).toBeTruthy();
    expect(result.report?.summary).toMatchObject({ errors: 0 });
    expect(warnings(result).some((l) => failure.test(l))).toBe(true);
    expect(result.summary).toMatch(failure);
  }

  test('malformed JSON for the reviews: the approvals are not evaluated, everything else is reported', async () => {
    const repo = await setup();
    server.fault('GET', /\/pulls\/7\/reviews$/, 'malformed');
    const result = await run(repo);
    degraded(result, /Could not read the pull request's reviews, so the approvals were not evaluated: GitHub sent a malformed answer/);
    expect(result.code).toBe(1); // approvals are required, and unknown: never passed as met
    expect(result.outputs.approved).toBe('false');
    expect(result.stdout).toMatch(/^::error::Ladder check: approvals could not be evaluated/m);
    expect(botReports()[0]?.body).toContain('the approvals were not evaluated');
  });

  test('reviews and comments without a user are skipped, not fatal', async () => {
    const repo = await setup();
    server.reviews.push({ id: 1, user: null, state: 'CHANGES_REQUESTED', submitted_at: '2026-11-02T00:00:00Z' });
    server.reviews.push({ id: 2, user: {}, state: 'APPROVED', submitted_at: '2026-11-02T00:00:00Z' });
    server.reviews.push({ id: 3, user: { login: 42 }, state: 'APPROVED', submitted_at: '2026-11-02T00:00:00Z' });
    server.addComment('<!-- ladder-as-code:report run=1 attempt=1 -->\nx', null);
    const result = await run(repo);
    expect(result.code).toBe(0);
    expect(warnings(result)).toEqual([]);
    expect(botReports()[0]?.body).toContain('Counted: `ada-okafor`, `bjorn-lind`, `chen-wei`.');
  });

  test('a connection closed without an answer is retried, then given up within api-timeout', async () => {
    const repo = await setup();
    server.fault('GET', /\/issues\/7\/comments$/, 'close', 1000);
    const result = await run(repo, { inputs: { 'api-timeout': '3' } });
    degraded(result, /Could not comment on the pull request: /);
    expect(result.code).toBe(0);
    expect(server.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/comments')).length).toBeGreaterThan(1);
    expect(server.comments).toEqual([]);
  });

  test('a request that never answers is abandoned, and the run still reports', async () => {
    const repo = await setup();
    server.fault('GET', /\/pulls\/7\/reviews$/, 'hang', 1000);
    const result = await run(repo, { inputs: { 'api-timeout': '2' } });
    degraded(result, /Could not read the pull request's reviews, so the approvals were not evaluated: /);
    expect(result.code).toBe(1);
    // The time was spent: the comment is not attempted past the limit either, and says so.
    expect(result.stdout).toMatch(/^::warning::Could not comment on the pull request: the GitHub API time limit of 2 s is spent/m);
  });

  test('a rate limit that resets in an hour is not waited for', async () => {
    const repo = await setup();
    const reset = String(Math.floor(Date.now() / 1000) + 3600);
    server.fail(
      'GET',
      /\/pulls\/7\/reviews$/,
      403,
      5,
      { message: 'API rate limit exceeded for installation.' },
      { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset },
    );
    const result = await run(repo);
    degraded(result, /approvals were not evaluated: GitHub's rate limit is exhausted/);
    expect(result.stdout).toMatch(/not waiting 36\d\d s \(the API time limit is 120 s\)/);
  });

  test('a secondary rate limit on a GraphQL query is waited out and retried, as on any other call', async () => {
    const repo = await setup();
    server.fail('POST', /^\/graphql$/, 403, 1, { message: 'You have exceeded a secondary rate limit.' }, { 'retry-after': '1' });
    const result = await run(repo);
    expect(result.stdout).toMatch(/GitHub secondary rate limit on POST \/graphql; retrying after 1 s/);
    expect(warnings(result)).toEqual([]);
    expect(server.requests.filter((r) => r.method === 'POST' && r.path === '/graphql').length).toBeGreaterThan(2);
    expect(botReports()).toHaveLength(1);
  });

  test('pages that repeat, or never end, are not followed forever, and are not taken as the whole list', async () => {
    const repo = await setup();
    server.paging.push({ path: /\/reviews$/, mode: 'repeat' }, { path: /\/issues\/7\/comments$/, mode: 'endless' });
    const result = await run(repo);
    degraded(result, /the approvals were not evaluated: GitHub's pages of \/repos\/northwind\/ladder\/pulls\/7\/reviews repeat/);
    expect(result.stdout).toMatch(
      /^::warning::Could not comment on the pull request: \/repos\/northwind\/ladder\/issues\/7\/comments has more than 100 pages/m,
    );
    expect(server.requests.filter((r) => r.path.endsWith('/comments')).length).toBe(100);
    expect(server.comments).toEqual([]);
  });

  test('without the base commit and without the file list, the whole ladder is checked and approvals are not faked', async () => {
    const repo = await setup();
    server.fault('GET', /\/pulls\/7\/files$/, 'malformed');
    const event = pullRequestEvent({ ...repo, baseSha: 'f'.repeat(40) });
    const result = await runAction({ workspace: repo.workspace, apiUrl: server.url, event, inputs: { 'ladder-directory': 'ladder' } });
    degraded(result, /Could not list the pull request's files \(the checkout lacks the base commit, and GitHub sent a malformed answer/);
    expect(result.summary).toContain('the whole ladder was checked');
    expect(result.code).toBe(1);
    expect(result.outputs.approved).toBe('false');
  });

  test('an unwritable report path is a warning, not the end of the run', async () => {
    const repo = await setup();
    const result = await run(repo, { inputs: { 'report-path': '/proc/ladder-report.json' } });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^::warning::Could not write the JSON report to \/proc\/ladder-report.json/m);
    expect(result.outputs.report).toBe('');
    expect(botReports()).toHaveLength(1);
  });
});

describe('the ladder directory itself', () => {
  test('replaced by a link out of the repository: refused unread, nothing of the target reported', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'ladder-outside-'));
    writeFileSync(join(outside, 'ladder.yml'), 'TOKEN=zq-secret-value\n');
    writeFileSync(join(outside, 'competencies.yml'), 'zq-secret-value\n');
    try {
      const repo = await setup((w) => {
        rmSync(join(w, 'ladder'), { recursive: true, force: true });
        symlinkSync(outside, join(w, 'ladder'));
      });
      const result = await run(repo);
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('is a symbolic link that leads out of the repository; it was not read');
      for (const text of [result.stdout, result.stderr, result.summary, ...server.comments.map((c) => c.body ?? '')]) expect(text).not.toContain('zq-secret');
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});

describe('workflow commands from file content', () => {
  /**
   * The commands GitHub's runner would act on, read from the log as it reads it: lines split at
   * CR, LF or CRLF; `::name props::data` or `##[name props]data` (the legacy form, found anywhere
   * in a line); nothing between `::stop-commands::TOKEN` and `::TOKEN::`.
   */
  function commands(stdout: string): string[] {
    const out: string[] = [];
    let stopped: string | undefined;
    for (const line of stdout.split(/\r\n|\r|\n/)) {
      if (stopped !== undefined) {
        if (line === `::${stopped}::`) stopped = undefined;
        continue;
      }
      const v2 = /^::([A-Za-z-]+)(?: [^:]*)?::(.*)$/.exec(line);
      const legacy = /##\[([A-Za-z-]+)(?: [^\]]*)?\](.*)$/.exec(line);
      const command = v2 ?? legacy;
      if (!command) continue;
      out.push(`${command[1]}: ${command[2]}`);
      if (command[1] === 'stop-commands') stopped = command[2];
    }
    return out;
  }

  test('neither headings nor their line breaks can inject, mask, or resume commands', async () => {
    const hostile = ['::error::injected', '::add-mask::secret-one', '::stop-commands::forged', '::forged::', '##[add-mask]secret-two'];
    // A file name can hold what a heading cannot: line breaks of every kind.
    const name = 'ladder/packets/2026-h2/x\r::error::after CR\n::add-mask::after LF\u0085::error::after NEL\u2028::error::after LS.md';
    const repo = await setup((w) => {
      const path = join(w, PACKET);
      writeFileSync(path, `${readFileSync(path, 'utf8')}\n${hostile.map((h, i) => `## Evidence ${i} ${h}\n\ntext\n`).join('\n')}`);
      writeFileSync(join(w, name), '---\nkind: promotion\n---\n\n## ::error::in the body\n');
    });
    const result = await run(repo);
    expect(result.code).toBe(1);
    const seen = commands(result.stdout);
    // Our own: the error annotations (escaped by @actions/core), the notice counting the rest, the fence.
    expect(seen.filter((c) => !/^(error|notice|stop-commands): /.test(c))).toEqual([]);
    expect(seen.filter((c) => c.startsWith('stop-commands: '))).toHaveLength(1);
    expect(seen.some((c) => /secret|forged|injected|after/.test(c.split(': ')[0] ?? ''))).toBe(false);
    for (const c of seen.filter((c) => c.startsWith('error: '))) expect(c).not.toMatch(/^error: (injected|after)/);
    // The log still names every problem, inside the fence, one line each.
    expect(result.stdout.match(/^ladder\/packets\/2026-h2\/jo-rivera-promotion\.md:\d+:\d+ {2}error/gm)?.length).toBeGreaterThanOrEqual(hostile.length);
    expect(result.stdout).toMatch(
      /^ladder\/packets\/2026-h2\/x ::error::after CR ::add-mask::after LF ::error::after NEL ::error::after LS\.md:\d+:\d+ {2}error/m,
    );
  });
});
