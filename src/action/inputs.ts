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
export function readInputs(env: NodeJS.ProcessEnv, defaultReportPath: string): Inputs {
  const input = (name: string) => getInput(env, name);
  const failOn = input('fail-on') || 'error';
  if (failOn !== 'error' && failOn !== 'warning' && failOn !== 'never') {
    throw new Error(`input fail-on must be error, warning or never, not "${failOn}"`);
  }
  const apiTimeoutText = input('api-timeout');
  const apiTimeout = apiTimeoutText === '' ? DEFAULT_API_TIMEOUT : Number(apiTimeoutText);
  if (!Number.isFinite(apiTimeout) || apiTimeout <= 0 || apiTimeout > 3600) {
    throw new Error(`input api-timeout must be a number of seconds between 1 and 3600, not "${apiTimeoutText}"`);
  }
  const siteUrl = input('site-url');
  if (siteUrl !== '' && !isWebUrl(siteUrl))
    throw new Error(`input site-url must be the ladder site's http(s) URL, such as https://org.github.io/ladder/, not "${siteUrl}"`);
  const bool = (name: string, fallback: boolean) => (input(name) === '' ? fallback : getBooleanInput(env, name));
  return {
    ladderDirectory: input('ladder-directory') || 'ladder',
    token: input('github-token'),
    comment: bool('comment', true),
    failOn,
    requireApprovals: bool('require-approvals', true),
    reportPath: input('report-path') || defaultReportPath,
    commentKey: input('comment-key'),
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

/** An input as the runner passes it, read as @actions/core reads it (INPUT_<NAME>, spaces as underscores), trimmed; '' when not set. */
function getInput(env: NodeJS.ProcessEnv, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '').trim();
}

/** A boolean input, in the YAML 1.2 core schema's spellings; anything else is an error naming the input. */
function getBooleanInput(env: NodeJS.ProcessEnv, name: string): boolean {
  const value = getInput(env, name);
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw new TypeError(
    `Input does not meet YAML 1.2 "Core Schema" specification: ${name}\nSupport boolean input list: \`true | True | TRUE | false | False | FALSE\``,
  );
}
