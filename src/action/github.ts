import { getOctokit } from '@actions/github';
import { defaults } from '@actions/github/lib/utils';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { TimeBudgetSpent } from './api.js';

export type GitHubClient = ReturnType<typeof getOctokit>;

/** No single request waits longer than this for its answer. */
export const REQUEST_TIMEOUT_MS = 30_000;

/**
 * An authenticated client that retries server errors and waits out rate limits, primary and
 * secondary, a bounded number of times, and never for longer than the run's API time: all calls
 * together, waits included, get `budgetSeconds` (from the first call), each request at most
 * REQUEST_TIMEOUT_MS of it. A rate limit that resets later than the budget allows is not waited
 * for: the call fails, and the run reports without it. Loaded only when a run needs the API.
 */
export function createClient(token: string, baseUrl: string, budgetSeconds: number, log: (message: string) => void): GitHubClient {
  const deadline = Date.now() + budgetSeconds * 1000;
  const affordable = (seconds: number) => Date.now() + seconds * 1000 < deadline;
  const handle = (what: string) => (retryAfter: number, options: { method?: string; url?: string }, _octokit: unknown, retryCount: number) => {
    const retrying = retryCount < 2 && affordable(retryAfter);
    log(
      `GitHub ${what} rate limit on ${options.method ?? ''} ${options.url ?? ''}; ${retrying ? `retrying after ${retryAfter} s` : `not waiting ${retryAfter} s (the API time limit is ${budgetSeconds} s)`}`,
    );
    return retrying;
  };
  // @actions/github's fetch goes through the runner's proxy settings: keep it, and bound it in time.
  const proxyFetch = (defaults.request?.fetch ?? fetch) as typeof fetch;
  const boundedFetch = (url: string | URL | Request, init: RequestInit = {}) => {
    const left = deadline - Date.now();
    if (left <= 0) return Promise.reject(new TimeBudgetSpent(`the GitHub API time limit of ${budgetSeconds} s is spent`));
    const timeout = AbortSignal.timeout(Math.min(REQUEST_TIMEOUT_MS, left));
    return proxyFetch(url, { ...init, signal: init.signal ? AbortSignal.any([init.signal, timeout]) : timeout });
  };
  return getOctokit(
    token,
    {
      baseUrl,
      request: { ...defaults.request, fetch: boundedFetch },
      retry: { doNotRetry: [400, 401, 403, 404, 410, 422, 451] },
      throttle: { onRateLimit: handle('primary'), onSecondaryRateLimit: handle('secondary') },
    },
    retry,
    throttling,
  );
}
