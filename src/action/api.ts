import type { GitHubClient } from './github.js';

/*
 * Reading GitHub's answers without trusting them. Kept apart from github.ts so that a run which
 * needs no API never loads the client.
 */

/** More pages than this (10,000 items at 100 a page) is not a pull request we can trust a list of. */
export const MAX_PAGES = 100;

/** Thrown when the run's API time is spent: never retried. */
export class TimeBudgetSpent extends Error {}

/** The HTTP status GitHub answered a failed call with (github.ts's HttpError), if it did. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown })?.status;
  return typeof status === 'number' ? status : undefined;
}

/** An answer from GitHub that the Action cannot trust: malformed, or a list that does not end. */
export class UntrustedAnswer extends Error {}

/** One line for a notice about a failed call: the status and GitHub's message, or what went wrong. */
export function describeFailure(error: unknown): string {
  const status = statusOf(error);
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof UntrustedAnswer || error instanceof TimeBudgetSpent) return message;
  if (status === 403 && /rate limit/i.test(message)) return `GitHub's rate limit is exhausted (${message})`;
  return status !== undefined && status !== 500 ? `GitHub answered ${status} (${message})` : `the request failed (${message})`;
}

/**
 * Every item of a list endpoint (`GET /repos/{owner}/…`), through all its pages. It stops when a
 * `next` link repeats a page already read or after MAX_PAGES, and it checks that each page is a
 * list of objects (the client gives a malformed or cut-off body as its text): in all those cases it throws, since a
 * partial or malformed list of reviews or comments would make the Action report what is not so.
 */
export async function listAll<T extends object>(github: GitHubClient, route: string, parameters: Record<string, unknown>): Promise<T[]> {
  const items: T[] = [];
  const seen = new Set<string>();
  let response = await github.request(route, { ...parameters, per_page: 100 });
  for (let pages = 1; ; pages++) {
    seen.add(normalize(response.url));
    const data: unknown = response.data;
    if (!Array.isArray(data) || data.some((x) => typeof x !== 'object' || x === null)) {
      throw new UntrustedAnswer(`GitHub sent a malformed answer to ${path(response.url)} (not a list)`);
    }
    items.push(...(data as T[]));
    const link = /<([^<>]+)>;\s*rel="next"/.exec(String(response.headers.link ?? ''))?.[1];
    if (!link) return items;
    const next = new URL(link, response.url).toString();
    // The token goes with every request: never follow a link to another host.
    if (new URL(next).origin !== new URL(response.url).origin) throw new UntrustedAnswer(`GitHub's next page of ${path(response.url)} is on another host`);
    if (seen.has(normalize(next)))
      throw new UntrustedAnswer(`GitHub's pages of ${path(response.url)} repeat (a "next" link points back): the list may be incomplete`);
    if (pages >= MAX_PAGES) throw new UntrustedAnswer(`${path(response.url)} has more than ${MAX_PAGES} pages: the list was not read to its end`);
    response = await github.request({ method: 'GET', url: next });
  }
}

/** A page's URL with the first page's implicit `page=1` made explicit, so that repeats are recognized. */
function normalize(url: string): string {
  const u = new URL(url);
  if (!u.searchParams.has('page')) u.searchParams.set('page', '1');
  u.searchParams.sort();
  return u.toString();
}

const path = (url: string) => {
  try {
    return new URL(url).pathname;
  } catch {
    return 'a list';
  }
};
