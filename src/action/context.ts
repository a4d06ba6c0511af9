import { readFileSync } from 'node:fs';

/** What the run is about, from the Actions environment. Read here, once, so that the rest is pure. */
export interface RunContext {
  eventName: string;
  owner: string;
  repo: string;
  workspace: string;
  apiUrl: string;
  serverUrl: string;
  runId: number;
  runAttempt: number;
  /** The workflow job's id (GITHUB_JOB): part of the comment's marker. */
  job: string;
  pullRequest: { number: number; baseSha: string; headSha: string; author: string; fromFork: boolean } | undefined;
}

interface PullRequestPayload {
  number?: number;
  base?: { sha?: string; repo?: { full_name?: string } };
  head?: { sha?: string; repo?: { full_name?: string } | null };
  user?: { login?: string };
}

export function readContext(env: NodeJS.ProcessEnv, cwd: string): RunContext {
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
  let payload: { pull_request?: PullRequestPayload } = {};
  if (env.GITHUB_EVENT_PATH) {
    try {
      payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8'));
    } catch {
      payload = {};
    }
  }
  const pr = payload.pull_request;
  const pullRequest =
    pr && typeof pr.number === 'number' && pr.base?.sha && pr.head?.sha
      ? {
          number: pr.number,
          baseSha: pr.base.sha,
          headSha: pr.head.sha,
          author: pr.user?.login ?? '',
          fromFork: Boolean(pr.head.repo?.full_name && pr.base.repo?.full_name && pr.head.repo.full_name !== pr.base.repo.full_name),
        }
      : undefined;
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    owner,
    repo,
    workspace: env.GITHUB_WORKSPACE || cwd,
    apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
    serverUrl: env.GITHUB_SERVER_URL || 'https://github.com',
    runId: Number(env.GITHUB_RUN_ID) || 0,
    runAttempt: Number(env.GITHUB_RUN_ATTEMPT) || 1,
    job: env.GITHUB_JOB ?? '',
    pullRequest,
  };
}
