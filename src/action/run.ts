import { join, relative, sep } from 'node:path';
import type * as Core from '@actions/core';
import { changedFilesAsync } from '../node/git.js';
import { ladderDirIn } from '../node/ladder-root.js';
import { UnreadableDirectoryError } from '../node/read-ladder-dir.js';
import { NOTHING_TO_CHECK } from '../report/nothing.js';
import { ladderChanges } from './changes.js';
import { type RunContext, readContext } from './context.js';
import type { GitHubClient } from './github.js';
import { readInputs } from './inputs.js';

/**
 * The Action's entry point. Never rejects: any failure becomes a failed step with a message, even
 * one of loading @actions/core itself (then written as the workflow command it would have sent).
 */
export async function run(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): Promise<void> {
  let core: typeof Core | undefined;
  try {
    // git lists the pull request's changes while @actions/core loads: the two waits overlap.
    const context = readContext(env, cwd);
    const pr = context.pullRequest;
    const listed = pr ? changedFilesAsync(context.workspace, pr.baseSha, pr.headSha) : undefined;
    core = await import('@actions/core');
    await check(core, env, context, listed);
  } catch (error) {
    const hint = error instanceof UnreadableDirectoryError ? ' Set the ladder-directory input to the folder that holds ladder.yml.' : '';
    const message = `ladder-as-code could not complete: ${error instanceof Error ? error.message : String(error)}.${hint}`;
    try {
      if (!core) throw error;
      core.setFailed(message);
    } catch {
      process.exitCode = 1;
      // The runner's error command, escaped as @actions/core escapes it.
      process.stdout.write(`::error::${message.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}\n`);
    }
  }
}

async function check(core: typeof Core, env: NodeJS.ProcessEnv, context: RunContext, listed: Promise<string[] | undefined> | undefined): Promise<void> {
  const inputs = readInputs(core, join(env.RUNNER_TEMP || context.workspace, 'ladder-report.json'));
  const ladderDir = ladderDirIn(context.workspace, inputs.ladderDirectory);
  const ladderRel = relative(context.workspace, ladderDir).split(sep).join('/');
  const pr = context.pullRequest;

  // The GitHub client is loaded only when a run needs the API.
  let client: GitHubClient | undefined;
  const github = async () => {
    if (!client) {
      const { createClient } = await import('./github.js');
      client = await createClient(inputs.token, context.apiUrl, inputs.apiTimeout, (m) => core.info(m), env);
    }
    return client;
  };

  const apiFailures: string[] = [];
  const changed = pr ? await ladderChanges(context, pr, ladderDir, listed, github, apiFailures) : undefined;
  if (changed?.length === 0) {
    core.info(`No file under ${ladderRel || '.'} changed in this pull request: nothing to check.`);
    try {
      await core.summary.addRaw(NOTHING_TO_CHECK).write();
    } catch (error) {
      core.warning(`Could not write the job summary: ${(error as Error).message}.`);
    }
    for (const [name, value] of Object.entries({ errors: 0, warnings: 0, report: '', verdict: 'none', approved: 'true' })) core.setOutput(name, value);
    return;
  }

  // The engine, the diff and the reporting are loaded only when there is something to check.
  const { evaluate } = await import('./evaluate.js');
  const { publish } = await import('./publish.js');
  const { headline } = await import('../report/markdown.js');
  const evaluation = await evaluate({ context, inputs, ladderDir, ladderRel, changed, github, apiFailures });
  await publish(core, context, inputs, evaluation, github, { directory: ladderRel, key: inputs.commentKey || context.job });

  const { report } = evaluation;
  const errors = report.diagnostics.filter((d) => d.severity === 'error').length;
  const failures: string[] = [];
  if ((inputs.failOn === 'error' && errors > 0) || (inputs.failOn === 'warning' && report.diagnostics.length > 0))
    failures.push(headline({ ...report, approvals: undefined }));
  if (pr && inputs.requireApprovals) {
    if (!report.approvals) failures.push('approvals could not be evaluated');
    else if (!report.approvals.met)
      failures.push(
        `approvals needed: ${report.approvals.items
          .filter((i) => !i.met)
          .map((i) => `${i.subject} needs ${i.missing}`)
          .join('; ')}`,
      );
  }
  if (failures.length > 0) core.setFailed(`Ladder check: ${failures.join('; ')}`);
}
