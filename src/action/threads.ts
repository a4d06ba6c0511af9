import { MAX_PAGES, UntrustedAnswer } from './api.js';
import type { GitHubClient } from './github.js';

/** A review thread as the Action reads it from GraphQL: the file, the line, and whether it is resolved. */
export interface PullRequestThread {
  path: string;
  /** The line on the head commit; for an outdated thread, the line it was written on. */
  line: number | undefined;
  resolved: boolean;
}

const QUERY = `query($owner: String!, $repo: String!, $number: Int!, $after: String) {
  repository(owner: $owner, name: $repo) {
    pullRequest(number: $number) {
      reviewThreads(first: 100, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes { isResolved path line originalLine }
      }
    }
  }
}`;

interface Page {
  repository?: {
    pullRequest?: {
      reviewThreads?: { pageInfo?: { hasNextPage?: unknown; endCursor?: unknown }; nodes?: unknown } | null;
    } | null;
  } | null;
}

const lineOf = (value: unknown) => (typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined);

/**
 * Every review thread of a pull request, through all its pages (GraphQL's `reviewThreads`). Like
 * listAll, it throws rather than return a list it cannot trust: a malformed page, a cursor that
 * repeats, or more than MAX_PAGES pages.
 */
export async function reviewThreads(github: GitHubClient, where: { owner: string; repo: string; number: number }): Promise<PullRequestThread[]> {
  const threads: PullRequestThread[] = [];
  const seen = new Set<string>();
  let after: string | null = null;
  for (let pages = 1; ; pages++) {
    const data: Page = await github.graphql<Page>(QUERY, { ...where, after });
    const connection = data?.repository?.pullRequest?.reviewThreads;
    const nodes = connection?.nodes;
    if (!connection || !Array.isArray(nodes)) throw new UntrustedAnswer("GitHub sent a malformed answer to the pull request's review threads (GraphQL)");
    for (const node of nodes as Array<Record<string, unknown> | null>) {
      if (typeof node !== 'object' || node === null || typeof node.path !== 'string' || typeof node.isResolved !== 'boolean') {
        throw new UntrustedAnswer("GitHub sent a malformed review thread (GraphQL reviewThreads): the list can't be trusted");
      }
      threads.push({ path: node.path, line: lineOf(node.line) ?? lineOf(node.originalLine), resolved: node.isResolved });
    }
    const info = connection.pageInfo;
    if (info?.hasNextPage !== true) return threads;
    const cursor = info.endCursor;
    if (typeof cursor !== 'string' || cursor === '' || seen.has(cursor))
      throw new UntrustedAnswer("GitHub's pages of review threads repeat (or have no cursor): the list may be incomplete");
    if (pages >= MAX_PAGES) throw new UntrustedAnswer(`the review threads have more than ${MAX_PAGES} pages: the list was not read to its end`);
    seen.add(cursor);
    after = cursor;
  }
}
