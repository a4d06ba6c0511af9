import type * as Core from '@actions/core';

export type FailOn = 'error' | 'warning' | 'never';

export interface Inputs {
  ladderDirectory: string;
  token: string;
  comment: boolean;
  failOn: FailOn;
  requireApprovals: boolean;
  reportPath: string;
  /** Tells this step's comment apart from others on the same ladder directory ('' = the job's id). */
  commentKey: string;
  /** Seconds all GitHub API calls of the run may take together, retries and waits included. */
  apiTimeout: number;
  /** The published ladder site's URL ('' when not given): the comment links each packet's move to its "what changes" page. */
  siteUrl: string;
}

/** A couple of minutes: enough for retries and a short rate-limit wait, never an hour-long reset. */
export const DEFAULT_API_TIMEOUT = 120;

/** Reads and validates the action's inputs; throws an Error whose message names the input. */
export function readInputs(core: typeof Core, defaultReportPath: string): Inputs {
  const failOn = core.getInput('fail-on') || 'error';
  if (failOn !== 'error' && failOn !== 'warning' && failOn !== 'never') {
    throw new Error(`input fail-on must be error, warning or never, not "${failOn}"`);
  }
  const apiTimeoutText = core.getInput('api-timeout').trim();
  const apiTimeout = apiTimeoutText === '' ? DEFAULT_API_TIMEOUT : Number(apiTimeoutText);
  if (!Number.isFinite(apiTimeout) || apiTimeout <= 0 || apiTimeout > 3600) {
    throw new Error(`input api-timeout must be a number of seconds between 1 and 3600, not "${apiTimeoutText}"`);
  }
  const siteUrl = core.getInput('site-url').trim();
  if (siteUrl !== '' && !isWebUrl(siteUrl))
    throw new Error(`input site-url must be the ladder site's http(s) URL, such as https://org.github.io/ladder/, not "${siteUrl}"`);
  const bool = (name: string, fallback: boolean) => (core.getInput(name) === '' ? fallback : core.getBooleanInput(name));
  return {
    ladderDirectory: core.getInput('ladder-directory') || 'ladder',
    token: core.getInput('github-token'),
    comment: bool('comment', true),
    failOn,
    requireApprovals: bool('require-approvals', true),
    reportPath: core.getInput('report-path') || defaultReportPath,
    commentKey: core.getInput('comment-key').trim(),
    apiTimeout,
    siteUrl,
  };
}

function isWebUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password && !url.search && !url.hash;
  } catch {
    return false;
  }
}
