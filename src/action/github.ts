import { Octokit } from '@octokit/core';
import { paginateRest } from '@octokit/plugin-paginate-rest';
import { restEndpointMethods } from '@octokit/plugin-rest-endpoint-methods';
import { retry } from '@octokit/plugin-retry';
import { type ThrottlingOptions, throttling } from '@octokit/plugin-throttling';
import { TimeBudgetSpent } from './api.js';

// @actions/github's client, with its plugins and ours, built here rather than by getOctokit: that
// one loads @actions/http-client and undici (half the Action's code) on every run, for the proxy
// support only a runner with a proxy needs (see proxyFetch).
const Client = Octokit.plugin(restEndpointMethods, paginateRest, retry, throttling);

export type GitHubClient = InstanceType<typeof Client>;

/** No single request waits longer than this for its answer. */
export const REQUEST_TIMEOUT_MS = 30_000;

/**
 * Whether the runner asks for a proxy: then requests go through @actions/http-client's fetch,
 * which follows these variables (and no_proxy) as every action does; else through Node's own fetch.
 */
export function proxyConfigured(env: NodeJS.ProcessEnv): boolean {
  return ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'].some((name) => Boolean(env[name]));
}

/**
 * An authenticated client that retries server errors and waits out rate limits, primary and
 * secondary, a bounded number of times, and never for longer than the run's API time: all calls
 * together, waits included, get `budgetSeconds` (from the first call), each request at most
 * REQUEST_TIMEOUT_MS of it. A rate limit that resets later than the budget allows is not waited
 * for: the call fails, and the run reports without it. Loaded only when a run needs the API.
 */
export async function createClient(
  token: string,
  baseUrl: string,
  budgetSeconds: number,
  log: (message: string) => void,
  env: NodeJS.ProcessEnv = process.env,
): Promise<GitHubClient> {
  const deadline = Date.now() + budgetSeconds * 1000;
  const affordable = (seconds: number) => Date.now() + seconds * 1000 < deadline;
  const handle = (what: string) => (retryAfter: number, options: { method?: string; url?: string }, _octokit: unknown, retryCount: number) => {
    const retrying = retryCount < 2 && affordable(retryAfter);
    log(
      `GitHub ${what} rate limit on ${options.method ?? ''} ${options.url ?? ''}; ${retrying ? `retrying after ${retryAfter} s` : `not waiting ${retryAfter} s (the API time limit is ${budgetSeconds} s)`}`,
    );
    return retrying;
  };
  // Through the runner's proxy when it has one (loaded only then), and bounded in time.
  const base: typeof fetch = proxyConfigured(env) ? (await import('./proxy-fetch.js')).proxyFetch : fetch;
  const boundedFetch = (url: string | URL | Request, init: RequestInit = {}) => {
    const left = deadline - Date.now();
    if (left <= 0) return Promise.reject(new TimeBudgetSpent(`the GitHub API time limit of ${budgetSeconds} s is spent`));
    const timeout = AbortSignal.timeout(Math.min(REQUEST_TIMEOUT_MS, left));
    return base(url, { ...init, signal: init.signal ? AbortSignal.any([init.signal, timeout]) : timeout });
  };
  const options = {
    // As @actions/github's getOctokitOptions: the token scheme, and the runner's orchestration id in the user agent.
    auth: `token ${token}`,
    userAgent: userAgentOf(env),
    baseUrl,
    request: { fetch: boundedFetch },
    retry: { doNotRetry: [400, 401, 403, 404, 410, 422, 451] },
    throttle: { onRateLimit: handle('primary'), onSecondaryRateLimit: handle('secondary') },
  };
  const client = new Client(options);
  // plugin-throttling spaces every GraphQL request a second from the last write, as GitHub asks
  // of content-creating requests; the Action's GraphQL requests are queries (the token's identity,
  // review threads), which GitHub counts as reads. They go through a client that keeps the
  // rate-limit handling and drops only that spacing, which cost a packet pull request two seconds.
  client.graphql = new Client({ ...options, throttle: { ...options.throttle, write: unspaced } }).graphql;
  return client;
}

/** A stand-in for plugin-throttling's write limiter (a Bottleneck group) that runs each job at once. */
const unspaced = {
  key: () => ({ schedule: <T>(_options: unknown, job: (...args: unknown[]) => T, ...args: unknown[]) => Promise.resolve().then(() => job(...args)) }),
} as unknown as ThrottlingOptions['write'];

/** The user agent @actions/github gives a run: octokit's own, tagged with the runner's orchestration id when there is one. */
function userAgentOf(env: NodeJS.ProcessEnv): string | undefined {
  const id = env.ACTIONS_ORCHESTRATION_ID?.trim();
  return id ? `actions_orchestration_id/${id.replace(/[^a-z0-9_.-]/gi, '_')}` : undefined;
}
