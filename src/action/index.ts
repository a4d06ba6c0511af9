import { changedFilesAsync } from '../node/git-diff.js';
import { readContext } from './context.js';
import { setFailed } from './workflow.js';

// git lists the pull request's changes first, and runs while the rest of the Action loads.
const context = readContext(process.env, process.cwd());
const pr = context.pullRequest;
const listed = pr ? changedFilesAsync(context.workspace, pr.baseSha, pr.headSha) : undefined;
try {
  const { run } = await import('./run.js');
  await run(process.env, process.cwd(), { context, listed });
} catch (error) {
  // run() never rejects: only loading it can fail.
  setFailed(`ladder-as-code could not complete: ${error instanceof Error ? error.message : String(error)}.`);
}
