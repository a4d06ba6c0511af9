import { VERSION } from '../version.js';
import { TimeBudgetSpent, UntrustedAnswer } from './api.js';
import { fetchTransport, nodeTransport, type Transport, TransportError } from './http.js';

/*
 * The Action's GitHub client: the few REST routes and GraphQL queries it makes, with GitHub's rules
 * for retries, rate limits and writes kept here, bounded by the run's API time. Its own rather than
 * octokit's: octokit's throttling and retry plugins (Bottleneck) cost 15–25 ms a call, and a packet
 * pull request makes six.
 */

export interface GitHubResponse<T = unknown> {
  status: number;
  url: string;
  headers: Record<string, string>;
  /** The parsed JSON; the text itself when it is not JSON (a malformed or cut-off body), '' for 204. */
  data: T;
}

export interface GitHubClient {
  /**
   * A REST call: `route` is "METHOD /path/{name}" with each `{name}` taken from `parameters`; the
   * rest of them are the query (GET, DELETE) or the JSON body. `{ method, url }` calls a full URL (a next page).
   */
  request<T = unknown>(route: string | { method: string; url: string }, parameters?: Record<string, unknown>): Promise<GitHubResponse<T>>;
  /** A GraphQL query's `data`; throws a GraphqlError when GitHub answers with errors. */
  graphql<T = unknown>(query: string, variables?: Record<string, unknown>): Promise<T>;
}

/** GitHub answered with an error status (the message is GitHub's, as octokit words it). */
export class HttpError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly response: { url: string; headers: Record<string, string>; data: unknown },
  ) {
    super(message);
  }
}

/** GitHub answered a GraphQL query with errors. */
export class GraphqlError extends Error {
  constructor(
    readonly errors: ReadonlyArray<{ type?: unknown; message?: unknown }>,
    readonly response: { url: string; headers: Record<string, string>; data: unknown },
  ) {
    super(`Request failed due to following response errors:\n${errors.map((e) => ` - ${String(e.message)}`).join('\n')}`);
  }
}

/** No single request waits longer than this for its answer. */
export const REQUEST_TIMEOUT_MS = 30_000;
/** Failed requests (server errors, dropped connections) are retried this often, after 1, 4 and 9 s. */
export const RETRIES = 3;
/** A rate limit is waited out at most this often per call. */
export const RATE_LIMIT_WAITS = 2;
/** GitHub asks for a second between content-creating requests. */
export const WRITE_SPACING_MS = 1000;
/** Statuses a retry cannot change (as @octokit/plugin-retry's defaults). */
const DO_NOT_RETRY = new Set([400, 401, 403, 404, 410, 422, 451]);
/** Without a retry-after header, GitHub's secondary rate limit is waited out for a minute (as plugin-throttling). */
const SECONDARY_FALLBACK_SECONDS = 60;

/**
 * Whether the runner asks for a proxy: then requests go through @actions/http-client's fetch,
 * which follows these variables (and no_proxy) as every action does; else over node:http(s).
 */
export function proxyConfigured(env: NodeJS.ProcessEnv): boolean {
  return ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'].some((name) => Boolean(env[name]));
}

/**
 * An authenticated client that retries server errors and dropped connections (RETRIES times, after
 * 1, 4 and 9 s), waits out rate limits, primary and secondary (RATE_LIMIT_WAITS times), and spaces
 * writes a second apart, never for longer than the run's API time: all calls together, waits
 * included, get `budgetSeconds` from now, each request at most REQUEST_TIMEOUT_MS of it. A wait
 * that would end past that time is not taken: the call fails with what it last got. Loaded only
 * when a run needs the API; `transport` is for tests.
 */
export async function createClient(
  token: string,
  baseUrl: string,
  budgetSeconds: number,
  log: (message: string) => void,
  env: NodeJS.ProcessEnv = process.env,
  transport?: Transport,
): Promise<GitHubClient> {
  // Through the runner's proxy when it has one (loaded only then).
  const send = transport ?? (proxyConfigured(env) ? fetchTransport((await import('./proxy-fetch.js')).proxyFetch) : await nodeTransport(baseUrl));
  const deadline = Date.now() + budgetSeconds * 1000;
  const affordable = (ms: number) => Date.now() + ms < deadline;
  const spent = () => new TimeBudgetSpent(`the GitHub API time limit of ${budgetSeconds} s is spent`);
  const headers = {
    accept: 'application/vnd.github+json',
    authorization: `token ${token}`,
    'user-agent': userAgentOf(env),
  };
  let nextWrite = 0;

  /** One try: the answer, or an HttpError / GraphqlError / TransportError / TimeBudgetSpent. */
  async function attempt(method: string, url: string, body: string | undefined, graphql: boolean): Promise<GitHubResponse> {
    const left = deadline - Date.now();
    if (left <= 0) throw spent();
    const wait = Math.min(REQUEST_TIMEOUT_MS, left);
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), wait);
    let answer: Awaited<ReturnType<Transport>>;
    try {
      answer = await send({
        method,
        url,
        headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json; charset=utf-8' },
        body,
        signal: timeout.signal,
      });
    } catch (error) {
      if (timeout.signal.aborted) throw new TransportError(`no answer within ${Math.ceil(wait / 1000)} s`);
      if (error instanceof TransportError || error instanceof UntrustedAnswer) throw error;
      // A refused, reset or cut-off connection, in the system's words.
      throw new TransportError(String((error as Error)?.message ?? error));
    } finally {
      clearTimeout(timer);
    }
    const response = { status: answer.status, url: answer.url, headers: answer.headers, data: parse(answer.status, answer.headers, answer.body) };
    if (response.status >= 300) throw new HttpError(errorMessage(response.data), response.status, response);
    const errors = graphql ? (response.data as { errors?: unknown })?.errors : undefined;
    // GraphQL says these with a 200: a rate limit, and a failure worth retrying (as octokit's plugins read them).
    if (Array.isArray(errors) && errors.some((e) => e?.type === 'RATE_LIMITED' || /Something went wrong while executing your query/.test(String(e?.message))))
      throw new GraphqlError(errors, response);
    return response;
  }

  async function call(method: string, url: string, body: string | undefined, graphql = false): Promise<GitHubResponse> {
    const where = `${method} ${pathOf(url)}`;
    let failures = 0;
    let limits = 0;
    for (;;) {
      if (method !== 'GET' && method !== 'HEAD' && !graphql) {
        // Writes take turns, a second apart from the one before.
        const turn = Math.max(Date.now(), nextWrite);
        nextWrite = turn + WRITE_SPACING_MS;
        if (!affordable(turn - Date.now())) throw spent();
        await sleep(turn - Date.now());
      }
      try {
        return await attempt(method, url, body, graphql);
      } catch (error) {
        const limit = rateLimit(error, graphql);
        if (limit) {
          const retrying = limits < RATE_LIMIT_WAITS && affordable(limit.seconds * 1000);
          log(
            `GitHub ${limit.kind} rate limit on ${where}; ${retrying ? `retrying after ${limit.seconds} s` : `not waiting ${limit.seconds} s (the API time limit is ${budgetSeconds} s)`}`,
          );
          if (!retrying) throw error;
          limits++;
          await sleep(limit.seconds * 1000);
          continue;
        }
        const pause = (failures + 1) ** 2 * 1000;
        if (!retryable(error) || failures >= RETRIES || !affordable(pause)) throw error;
        failures++;
        await sleep(pause);
      }
    }
  }

  return {
    async request<T>(route: string | { method: string; url: string }, parameters: Record<string, unknown> = {}) {
      const { method, url, body } =
        typeof route === 'string' ? endpoint(baseUrl, route, parameters) : { method: route.method, url: route.url, body: undefined };
      return (await call(method, url, body)) as GitHubResponse<T>;
    },
    async graphql<T>(query: string, variables: Record<string, unknown> = {}) {
      const response = await call('POST', `${baseUrl.replace(/\/$/, '')}/graphql`, JSON.stringify({ query, variables }), true);
      const data = response.data as { data?: unknown; errors?: unknown } | string;
      if (typeof data !== 'object' || data === null) throw new UntrustedAnswer('GitHub sent a malformed answer to a GraphQL query');
      if (Array.isArray(data.errors) && data.errors.length > 0) throw new GraphqlError(data.errors, response);
      return data.data as T;
    },
  };
}

/** What a retry may fix: no answer, or a status that is not the request's own fault. */
function retryable(error: unknown): boolean {
  if (error instanceof HttpError) return error.status >= 400 && !DO_NOT_RETRY.has(error.status);
  // attempt() throws a GraphqlError only for the retryable ones (and rate limits, handled before).
  return error instanceof GraphqlError || (error instanceof TransportError && error.transient);
}

/** The rate limit an error is, and how long GitHub asks to wait (as plugin-throttling reads it), or undefined. */
function rateLimit(error: unknown, graphql: boolean): { kind: 'primary' | 'secondary'; seconds: number } | undefined {
  if (!(error instanceof HttpError || error instanceof GraphqlError)) return undefined;
  const status = error instanceof HttpError ? error.status : 200;
  if (!(status === 403 || status === 429 || (graphql && status !== 401))) return undefined;
  const { headers, data } = error.response;
  if (/\bsecondary rate\b/i.test(error.message)) return { kind: 'secondary', seconds: Number(headers['retry-after']) || SECONDARY_FALLBACK_SECONDS };
  const errors = (data as { errors?: unknown })?.errors;
  if (headers['x-ratelimit-remaining'] === '0' || (Array.isArray(errors) && errors.some((e) => e?.type === 'RATE_LIMITED'))) {
    const reset = Number(headers['x-ratelimit-reset']) * 1000 || 0;
    // One second more, to retry after the reset rather than at it.
    return { kind: 'primary', seconds: Math.max(Math.ceil((reset - Date.now()) / 1000) + 1, 0) };
  }
  return undefined;
}

/** A REST route with its parameters: "{name}"s from them, the rest as the query (GET, DELETE) or the JSON body. */
export function endpoint(baseUrl: string, route: string, parameters: Record<string, unknown>): { method: string; url: string; body: string | undefined } {
  const [method = 'GET', template = '/'] = route.split(' ');
  const rest = { ...parameters };
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = rest[name];
    delete rest[name];
    return encodeURIComponent(String(value));
  });
  const url = new URL(baseUrl.replace(/\/$/, '') + path);
  let body: string | undefined;
  if (method === 'GET' || method === 'DELETE' || method === 'HEAD') {
    for (const [name, value] of Object.entries(rest)) if (value !== undefined) url.searchParams.set(name, String(value));
  } else body = JSON.stringify(rest);
  return { method, url: url.toString(), body };
}

/** The answer's JSON, or its text when it is not JSON; '' for 204 and 205. */
function parse(status: number, headers: Record<string, string>, text: string): unknown {
  if (status === 204 || status === 205) return '';
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(headers['content-type'] ?? '')) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** GitHub's error message, worded as octokit words it (callers and tests read it). */
function errorMessage(data: unknown): string {
  if (typeof data === 'string') return data;
  if (typeof data === 'object' && data !== null && 'message' in data) {
    const d = data as { message: unknown; errors?: unknown; documentation_url?: unknown };
    const suffix = 'documentation_url' in d ? ` - ${String(d.documentation_url)}` : '';
    return Array.isArray(d.errors) ? `${String(d.message)}: ${d.errors.map((v) => JSON.stringify(v)).join(', ')}${suffix}` : `${String(d.message)}${suffix}`;
  }
  return `Unknown error: ${JSON.stringify(data)}`;
}

const pathOf = (url: string) => new URL(url).pathname;

const sleep = (ms: number) => (ms > 0 ? new Promise<void>((ok) => setTimeout(ok, ms)) : Promise.resolve());

/** Our name, tagged as @actions/github tags a run's calls: with the runner's orchestration id when there is one. */
function userAgentOf(env: NodeJS.ProcessEnv): string {
  const id = env.ACTIONS_ORCHESTRATION_ID?.trim();
  const own = `ladder-as-code/${VERSION}`;
  return id ? `actions_orchestration_id/${id.replace(/[^a-z0-9_.-]/gi, '_')} ${own}` : own;
}
