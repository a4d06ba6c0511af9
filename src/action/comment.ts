import type { GitHubClient } from './github.js';

const MARKER = 'ladder-as-code:report';
const MARKER_RE = /<!-- ladder-as-code:report run=(\d+) attempt=(\d+) -->/;

/** The hidden first line that finds our comment again, and orders runs. */
export function marker(runId: number, attempt: number): string {
  return `<!-- ${MARKER} run=${runId} attempt=${attempt} -->`;
}

interface Stamp {
  run: number;
  attempt: number;
}

function stampOf(body: string | undefined | null): Stamp | undefined {
  const m = MARKER_RE.exec(body ?? '');
  return m ? { run: Number(m[1]), attempt: Number(m[2]) } : undefined;
}

const newer = (a: Stamp, b: Stamp) => a.run > b.run || (a.run === b.run && a.attempt > b.attempt);

export type CommentOutcome = 'created' | 'updated' | 'kept-newer';

/**
 * Posts the report as the pull request's one ladder comment: finds it by its marker (through every
 * page of comments), updates it, or creates it; never overwrites a report from a newer run; and,
 * should two runs both have created one, keeps only the newest.
 */
export async function upsertComment(
  octokit: GitHubClient,
  where: { owner: string; repo: string; issue_number: number },
  body: string,
  stamp: Stamp,
): Promise<CommentOutcome> {
  const ours = async () =>
    (await octokit.paginate(octokit.rest.issues.listComments, { ...where, per_page: 100 }))
      .map((c) => ({ id: c.id, stamp: stampOf(c.body) }))
      .filter((c): c is { id: number; stamp: Stamp } => c.stamp !== undefined);
  const full = `${marker(stamp.run, stamp.attempt)}\n${body}`;
  const existing = await ours();
  const latest = existing.reduce<(typeof existing)[number] | undefined>((best, c) => (!best || newer(c.stamp, best.stamp) ? c : best), undefined);
  if (latest && newer(latest.stamp, stamp)) return 'kept-newer';
  if (latest) {
    await octokit.rest.issues.updateComment({ owner: where.owner, repo: where.repo, comment_id: latest.id, body: full });
    await removeExtras(octokit, where, existing, latest.id);
    return 'updated';
  }
  await octokit.rest.issues.createComment({ ...where, body: full });
  // Another run may have created one at the same moment: keep the newest, delete the rest.
  const after = await ours();
  const keep = after.reduce<(typeof after)[number] | undefined>(
    (best, c) => (!best || newer(c.stamp, best.stamp) || (!newer(best.stamp, c.stamp) && c.id < best.id) ? c : best),
    undefined,
  );
  if (keep) await removeExtras(octokit, where, after, keep.id);
  return 'created';
}

async function removeExtras(octokit: GitHubClient, where: { owner: string; repo: string }, comments: Array<{ id: number }>, keepId: number): Promise<void> {
  for (const c of comments) {
    if (c.id !== keepId) await octokit.rest.issues.deleteComment({ owner: where.owner, repo: where.repo, comment_id: c.id });
  }
}
