import { listAll, statusOf, UntrustedAnswer } from './api.js';
import type { GitHubClient } from './github.js';

/**
 * Which of a pull request's comments is this step's report. A comment is ours only when its author
 * is the token's own identity and its first line is our marker for this ladder directory and key
 * (the job's id, or the comment-key input): anyone can type a marker, nobody else can post as the
 * token. Markers from before directories and keys were part of them are adopted when ours.
 */
export interface CommentKey {
  /** The ladder directory, relative to the repository root ('' for the root). */
  directory: string;
  key: string;
}

export interface Stamp {
  run: number;
  attempt: number;
}

const enc = (s: string) => encodeURIComponent(s || '.');

/** The hidden first line that finds our comment again, and orders runs. */
export function marker(key: CommentKey, stamp: Stamp): string {
  return `<!-- ladder-as-code:report dir=${enc(key.directory)} key=${enc(key.key)} run=${stamp.run} attempt=${stamp.attempt} -->`;
}

const CURRENT = /^<!-- ladder-as-code:report dir=(\S+) key=(\S+) run=(\d+) attempt=(\d+) -->/;
/** Before 0.2 a pull request had one report, whatever the directory or job. */
const LEGACY = /^<!-- ladder-as-code:report run=(\d+) attempt=(\d+) -->/;

/** A comment as the REST API returns it: only what we read, none of it trusted. */
interface RestComment {
  id?: unknown;
  body?: unknown;
  user?: { login?: unknown; type?: unknown } | null;
}

interface Candidate {
  id: number;
  stamp: Stamp;
  legacy: boolean;
}

/**
 * Whether a REST comment's author is the token's identity, as GraphQL's `viewer` names it. Both
 * name the Actions bot `github-actions[bot]`; should `viewer` give an app's login without the
 * `[bot]` suffix (GraphQL does so for comment authors), a Bot author with the suffix matches too.
 */
export function isAuthoredBy(user: RestComment['user'], identity: string): boolean {
  const login = typeof user?.login === 'string' ? user.login.toLowerCase() : '';
  const me = identity.toLowerCase();
  if (login === '' || me === '') return false;
  if (login === me) return true;
  return !me.endsWith('[bot]') && user?.type === 'Bot' && login === `${me}[bot]`;
}

function candidate(c: RestComment, key: CommentKey, identity: string): Candidate | undefined {
  if (typeof c.id !== 'number' || typeof c.body !== 'string' || !isAuthoredBy(c.user, identity)) return undefined;
  const m = CURRENT.exec(c.body);
  if (m) {
    if (m[1] !== enc(key.directory) || m[2] !== enc(key.key)) return undefined;
    return { id: c.id, stamp: { run: Number(m[3]), attempt: Number(m[4]) }, legacy: false };
  }
  const old = LEGACY.exec(c.body);
  return old ? { id: c.id, stamp: { run: Number(old[1]), attempt: Number(old[2]) }, legacy: true } : undefined;
}

const newer = (a: Stamp, b: Stamp) => a.run > b.run || (a.run === b.run && a.attempt > b.attempt);
/** The newest; between equal stamps, the oldest comment (lowest id), so that racing runs agree. */
const best = (cs: readonly Candidate[]) =>
  cs.reduce<Candidate | undefined>((b, c) => (!b || newer(c.stamp, b.stamp) || (!newer(b.stamp, c.stamp) && c.id < b.id) ? c : b), undefined);

/** The token's login, from GraphQL (REST's `GET /user` refuses the Actions token). */
export async function viewerLogin(github: GitHubClient): Promise<string> {
  const data = await github.graphql<{ viewer?: { login?: unknown } | null }>('query { viewer { login } }');
  const login = data?.viewer?.login;
  if (typeof login !== 'string' || login === '') throw new UntrustedAnswer('GitHub did not say whose token this is (GraphQL viewer)');
  return login;
}

export type CommentOutcome = 'created' | 'updated' | 'kept-newer';

/** The token's login, or why GraphQL did not say. */
export interface Identity {
  identity: string | undefined;
  error?: string;
}

export async function learnIdentity(github: GitHubClient): Promise<Identity> {
  try {
    return { identity: await viewerLogin(github) };
  } catch (error) {
    return { identity: undefined, error: (error as Error).message };
  }
}

/**
 * Posts the report as this step's one comment on the pull request: finds it (through every page
 * of comments), updates it, or creates it (also when it was deleted meanwhile); never overwrites a
 * report from a newer run; and, should two runs both have created one, keeps only the newest.
 * When the token's identity cannot be learned, no existing comment is touched: it posts a new one,
 * learns its identity from that comment's author, and only then removes its own older copies.
 */
export async function upsertComment(
  github: GitHubClient,
  where: { owner: string; repo: string; issue_number: number },
  body: string,
  key: CommentKey,
  stamp: Stamp,
  log: (message: string) => void,
  /** The token's identity when the run has already asked GraphQL (see evaluate.ts): not asked again. */
  learned?: Identity,
): Promise<CommentOutcome> {
  const ours = async (identity: string) =>
    (await listAll<RestComment>(github, 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments', where))
      .map((c) => candidate(c, key, identity))
      .filter((c): c is Candidate => c !== undefined);
  const full = `${marker(key, stamp)}\n${body}`;
  const { owner, repo } = where;

  const { identity, error } = learned ?? (await learnIdentity(github));
  if (error) log(`Could not learn whose token this is (${error}): posting a new comment, and touching no other until its author is known.`);

  if (identity) {
    const mine = await ours(identity);
    const current = mine.filter((c) => !c.legacy);
    const latest = best(current);
    if (latest && newer(latest.stamp, stamp)) return 'kept-newer';
    // An old-format report of ours is upgraded in place; it is never "newer".
    const target = latest ?? best(mine.filter((c) => c.legacy));
    if (target) {
      try {
        await github.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', { owner, repo, comment_id: target.id, body: full });
        await remove(github, where, current, target.id);
        return 'updated';
      } catch (error) {
        if (statusOf(error) !== 404) throw error;
        log('The comment was deleted meanwhile: posting a new one.');
      }
    }
  }

  const created = await github.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...where, body: full });
  const createdId = (created.data as RestComment | undefined)?.id;
  const author = (created.data as RestComment | undefined)?.user?.login;
  const me = identity ?? (typeof author === 'string' ? author : undefined);
  if (!me) {
    log('GitHub did not say who wrote the new comment: older copies, if any, are left alone.');
    return 'created';
  }
  // Another run may have created one at the same moment: keep the newest, delete the rest.
  const after = (await ours(me)).filter((c) => !c.legacy);
  const keep = best(after);
  if (keep) await remove(github, where, after, keep.id);
  return keep && keep.id !== createdId && after.some((c) => c.id === createdId) ? 'kept-newer' : 'created';
}

async function remove(github: GitHubClient, where: { owner: string; repo: string }, comments: readonly Candidate[], keepId: number): Promise<void> {
  for (const c of comments) {
    if (c.id === keepId) continue;
    try {
      await github.request('DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}', { owner: where.owner, repo: where.repo, comment_id: c.id });
    } catch (error) {
      // Already gone is what we wanted.
      if (statusOf(error) !== 404) throw error;
    }
  }
}
