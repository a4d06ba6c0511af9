import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';

export type GitHubClient = ReturnType<typeof getOctokit>;

/**
 * An authenticated client that retries server errors and waits out rate limits, primary and
 * secondary, a bounded number of times. Loaded only when a run has something to report.
 */
export function createClient(token: string, baseUrl: string, log: (message: string) => void): GitHubClient {
  const handle = (what: string) => (retryAfter: number, options: { method?: string; url?: string }, _octokit: unknown, retryCount: number) => {
    log(`GitHub ${what} rate limit on ${options.method ?? ''} ${options.url ?? ''}; retrying after ${retryAfter} s`);
    return retryCount < 2;
  };
  return getOctokit(
    token,
    {
      baseUrl,
      retry: { doNotRetry: [400, 401, 403, 404, 410, 422, 451] },
      throttle: { onRateLimit: handle('primary'), onSecondaryRateLimit: handle('secondary') },
    },
    retry,
    throttling,
  );
}

/** The HTTP status of an Octokit error, if it has one. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown })?.status;
  return typeof status === 'number' ? status : undefined;
}
