/** What a command may touch of the outside world; tests pass their own. */
export interface CliIo {
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stdout is a terminal that wants colour. */
  color: boolean;
  /** Reads all of standard input (for `--changed -`). */
  stdin?: () => string;
}

/** A mistake in how the command was called: exit status 2, with the message on stderr. */
export class UsageError extends Error {}

export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;
