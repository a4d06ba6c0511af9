import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * The one way this project runs git (git.ts reads ladders at refs, git-history.ts the changelog).
 * Reads only: git never prompts, never pages, takes no optional locks, answers in the C locale,
 * and the settings below override any user's or repository's configuration that would change its
 * output. Every run is bounded in output and in time, and every failure is one GitError.
 */

/** The most output one command may write, unless its caller knows it needs more. */
export const GIT_MAX_BUFFER = 64 * 1024 * 1024;

/**
 * How long one command may run. Our reads take milliseconds; `git log` on a directory of a huge
 * repository can take seconds. Past this git is stuck (a network filesystem, a lock), not slow.
 */
export const GIT_TIMEOUT_MS = 120_000;

/** `-c` settings that beat the user's configuration: they change what git writes for us to parse. */
const SETTINGS = [
  'core.quotePath=false', // paths as UTF-8, not "\303\251" in quotes
  'log.showSignature=false', // no gpg output inside log records
  'log.showRoot=true', // the first commit lists its files too
  'i18n.logOutputEncoding=UTF-8', // messages as UTF-8, whatever a repository declares
];

const ENV = {
  GIT_TERMINAL_PROMPT: '0', // never ask for credentials
  GIT_PAGER: 'cat',
  GIT_OPTIONAL_LOCKS: '0', // reading never takes the index lock another git process may need
  LC_ALL: 'C', // messages in English, so they can be recognized
};

/** Failures with a known cause, which a reader can act on. */
export type GitFailure = 'not-installed' | 'not-a-repository' | 'no-commits' | 'dubious-ownership' | 'timed-out' | 'too-much-output';

/** The known causes in a few words (git-history.ts shows them on the changelog). */
const REASONS: Partial<Record<GitFailure, string>> = {
  'not-installed': 'git is not installed',
  'not-a-repository': 'not a git repository',
  'no-commits': 'the repository has no commits yet',
  'dubious-ownership': 'git refused the repository: it belongs to another user (see git config safe.directory)',
};

/** A git command failed; the message is git's first line of complaint. */
export class GitError extends Error {
  /** The failure in a few words: a known cause, or git's complaint without its "fatal:". */
  readonly reason: string;

  constructor(
    message: string,
    /** git's exit status, when it ran to the end. */
    readonly status?: number,
    readonly failure?: GitFailure,
  ) {
    super(message);
    this.reason = (failure && REASONS[failure]) || message.replace(/^(?:fatal|error):\s*/, '');
  }
}

export interface GitOptions {
  /** Written to git's standard input. */
  input?: string | Buffer;
  /** Bytes of output allowed; default GIT_MAX_BUFFER. */
  maxBuffer?: number;
  /** Milliseconds allowed; default GIT_TIMEOUT_MS. */
  timeout?: number;
}

/** The output of `git <args>` run in `cwd`, as bytes. Throws a GitError when git fails. */
export function git(cwd: string, args: readonly string[], options: GitOptions = {}): Buffer {
  const { input, maxBuffer = GIT_MAX_BUFFER, timeout = GIT_TIMEOUT_MS } = options;
  try {
    return execFileSync('git', ['--no-pager', ...SETTINGS.flatMap((s) => ['-c', s]), ...args], {
      cwd,
      input,
      maxBuffer,
      timeout,
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      env: { ...process.env, ...ENV },
    });
  } catch (error) {
    throw gitError(error, cwd, args, maxBuffer, timeout);
  }
}

/**
 * As git(), without blocking: for a command whose wait other work can overlap (the Action lists a
 * pull request's changes while it loads, and reads the base while it checks). Rejects with a GitError.
 */
export function gitAsync(cwd: string, args: readonly string[], options: GitOptions = {}): Promise<Buffer> {
  const { input, maxBuffer = GIT_MAX_BUFFER, timeout = GIT_TIMEOUT_MS } = options;
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      ['--no-pager', ...SETTINGS.flatMap((s) => ['-c', s]), ...args],
      { cwd, maxBuffer, timeout, encoding: 'buffer', env: { ...process.env, ...ENV } },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        // execFile's error, in execFileSync's terms, which gitError reads.
        const code = typeof error.code === 'number' ? undefined : error.code;
        const as = {
          message: error.message,
          status: typeof error.code === 'number' ? error.code : null,
          code: error.killed && code === undefined ? 'ETIMEDOUT' : code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER' ? 'ENOBUFS' : code,
          stderr,
        };
        reject(gitError(as, cwd, args, maxBuffer, timeout));
      },
    );
    // A git that exits before reading all of its input closes the pipe: its exit status tells what happened.
    child.stdin?.on('error', () => {});
    child.stdin?.end(input);
  });
}

/** The output of `git <args>` as UTF-8 text (see git). */
export function gitText(cwd: string, args: readonly string[], options: GitOptions = {}): string {
  return git(cwd, args, options).toString('utf8');
}

function gitError(error: unknown, cwd: string, args: readonly string[], maxBuffer: number, timeout: number): GitError {
  const e = error as NodeJS.ErrnoException & { stderr?: Buffer; status?: number | null };
  const command = subcommand(args);
  if (e.code === 'ENOENT') {
    // The same error when the directory to run in is missing: say which.
    if (!existsSync(cwd)) return new GitError(`${cwd} does not exist.`);
    return new GitError('git is not installed (or not on PATH).', undefined, 'not-installed');
  }
  if (e.code === 'ETIMEDOUT') return new GitError(`${command} was stopped after ${timeout / 1000} s without an answer.`, undefined, 'timed-out');
  if (e.code === 'ENOBUFS') return new GitError(`${command} wrote more than ${size(maxBuffer)}; it was stopped.`, undefined, 'too-much-output');
  const stderr = e.stderr?.toString('utf8') ?? '';
  const message =
    stderr
      .split('\n')
      .find((line) => line.trim() !== '')
      ?.trim() || e.message;
  return new GitError(message, e.status ?? undefined, failureOf(stderr));
}

const size = (bytes: number) =>
  bytes < 1024 ? `${bytes} bytes` : bytes < 1024 * 1024 ? `${Math.round(bytes / 1024)} KiB` : `${Math.round(bytes / 1024 / 1024)} MiB`;

/** The git command among the arguments (`log` in `-c x=y log …`), to name it in a message. */
function subcommand(args: readonly string[]): string {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '-c' || arg === '-C') i++;
    else if (!arg.startsWith('-')) return `git ${arg}`;
  }
  return 'git';
}

function failureOf(stderr: string): GitFailure | undefined {
  if (/not a git repository/i.test(stderr)) return 'not-a-repository';
  if (/does not have any commits yet|bad default revision 'HEAD'/i.test(stderr)) return 'no-commits';
  if (/dubious ownership/i.test(stderr)) return 'dubious-ownership';
  return undefined;
}
