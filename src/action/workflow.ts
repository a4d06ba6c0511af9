import { accessSync, appendFileSync, constants, existsSync, writeSync } from 'node:fs';

/*
 * The few workflow commands and file commands a run needs before it knows there is something to
 * check (a log line, outputs, the job summary, a failure), as @actions/core does them and with its
 * messages (inputs.ts reads the inputs as it does). A pull request that changes no ladder file ends with these alone: loading
 * @actions/core (crypto, fs/promises, its chunks) would be a sixth of that run. Every run that
 * checks something loads @actions/core and sends the rest with it.
 */

/** os.EOL, without loading node:os for it. */
const EOL = process.platform === 'win32' ? '\r\n' : '\n';

/** A workflow command's message: nothing in it can end the command or start another. */
const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

/** A line of the log, as written (our own text only: a line that begins with `::` would be a command). */
export function info(message: string): void {
  out(`${message}${EOL}`);
}

export function warning(message: string): void {
  out(`::warning::${escapeData(message)}${EOL}`);
}

/** Fails the step with an error annotation. */
export function setFailed(message: string): void {
  process.exitCode = 1;
  // Through the stream, as @actions/core would: not a path to save time on.
  process.stdout.write(`::error::${escapeData(message)}${EOL}`);
}

/**
 * Sets step outputs. With GITHUB_OUTPUT, as `name<<delimiter` blocks: the delimiter is chosen after
 * the values, absent from every name and value, so no value can end its block early (what
 * @actions/core's random delimiter is for, without loading crypto for it).
 */
export function setOutputs(env: NodeJS.ProcessEnv, outputs: Record<string, string>): void {
  const file = env.GITHUB_OUTPUT || '';
  if (!file) {
    for (const [name, value] of Object.entries(outputs)) out(`${EOL}::set-output name=${escapeProperty(name)}::${escapeData(value)}${EOL}`);
    return;
  }
  if (!existsSync(file)) throw new Error(`Missing file at path: ${file}`);
  const text = Object.entries(outputs).flat().join('\n');
  let n = 0;
  while (text.includes(`ghadelimiter_${n}`)) n++;
  const delimiter = `ghadelimiter_${n}`;
  appendFileSync(
    file,
    Object.entries(outputs)
      .map(([name, value]) => `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`)
      .join(''),
    'utf8',
  );
}

const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** Appends to the job summary, with @actions/core's errors when there is none or it cannot be written. */
export function appendSummary(env: NodeJS.ProcessEnv, text: string): void {
  const file = env.GITHUB_STEP_SUMMARY;
  if (!file) throw new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.');
  try {
    accessSync(file, constants.R_OK | constants.W_OK);
  } catch {
    throw new Error(`Unable to access summary file: '${file}'. Check if the file has correct read/write permissions.`);
  }
  appendFileSync(file, text, 'utf8');
}

/**
 * Writes to the log straight to its file descriptor: setting up process.stdout (a stream over the
 * runner's pipe) costs more than the rest of a run with nothing to check. Once @actions/core
 * writes, the run logs through it instead (run.ts), so that lines keep their order.
 */
function out(text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  let written = 0;
  try {
    while (written < bytes.length) written += writeSync(1, bytes, written);
  } catch {
    // A pipe that is full (EAGAIN): the stream waits for it.
    process.stdout.write(bytes.subarray(written));
  }
}
