import { join, relative, sep } from 'node:path';
import type * as Core from '@actions/core';
import { changedFilesAsync } from '../node/git-diff.js';
import { ladderDirIn } from '../node/ladder-root.js';
import { UnreadableDirectoryError } from '../node/unreadable.js';
import { NOTHING_TO_CHECK } from '../report/nothing.js';
import { ladderChanges } from './changes.js';
import { type RunContext, readContext } from './context.js';
import type { GitHubClient } from './github.js';
import { type Inputs, readInputs } from './inputs.js';
import { appendSummary, info, setFailed, setOutputs, warning } from './workflow.js';

/**
 * The Action's entry point. Never rejects: any failure becomes a failed step with a message, even
 * one of loading @actions/core itself. Until it knows there is something to check, it loads
 * nothing more than this chunk (workflow.ts sends what that takes).
 */
export async function run(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): Promise<void> {
  // Once @actions/core is loaded, everything is logged through it (see workflow.ts).
  const toolkit: Toolkit = {};
  try {
    // git lists the pull request's changes while the inputs are read.
    const context = readContext(env, cwd);
    const pr = context.pullRequest;
    const listed = pr ? changedFilesAsync(context.workspace, pr.baseSha, pr.headSha) : undefined;
    const inputs = readInputs(env, join(env.RUNNER_TEMP || context.workspace, 'ladder-report.json'));
    const ladderDir = ladderDirIn(context.workspace, inputs.ladderDirectory);
    const ladderRel = relative(context.workspace, ladderDir).split(sep).join('/');

    // The GitHub client is loaded only when a run needs the API, once.
    let client: Promise<GitHubClient> | undefined;
    const github = () => {
      client ??= import('./github.js').then(({ createClient }) =>
        createClient(inputs.token, context.apiUrl, inputs.apiTimeout, (m) => (toolkit.core ?? { info }).info(m), env),
      );
      return client;
    };
    const apiFailures: string[] = [];
    const changed = pr ? await ladderChanges(context, pr, ladderDir, listed, github, apiFailures) : undefined;
    if (changed?.length === 0) nothingToCheck(env, ladderRel);
    else await check({ context, inputs, ladderDir, ladderRel, changed, github, apiFailures, toolkit });
  } catch (error) {
    const hint = error instanceof UnreadableDirectoryError ? ' Set the ladder-directory input to the folder that holds ladder.yml.' : '';
    (toolkit.core ?? { setFailed }).setFailed(`ladder-as-code could not complete: ${error instanceof Error ? error.message : String(error)}.${hint}`);
  }
}

function nothingToCheck(env: NodeJS.ProcessEnv, ladderRel: string): void {
  info(`No file under ${ladderRel || '.'} changed in this pull request: nothing to check.`);
  try {
    appendSummary(env, NOTHING_TO_CHECK);
  } catch (error) {
    warning(`Could not write the job summary: ${(error as Error).message}.`);
  }
  setOutputs(env, { errors: '0', warnings: '0', report: '', verdict: 'none', approved: 'true' });
}

interface Toolkit {
  core?: typeof Core;
}

interface Run {
  context: RunContext;
  inputs: Inputs;
  ladderDir: string;
  ladderRel: string;
  /** The changed files; undefined outside pull requests, or when they could not be learned. */
  changed: string[] | undefined;
  github: () => Promise<GitHubClient>;
  apiFailures: string[];
  toolkit: Toolkit;
}

async function check(run: Run): Promise<void> {
  const { context, inputs, changed, github } = run;
  const pr = context.pullRequest;
  // What the report needs beside the files starts first, and runs while they are checked: the
  // base's ladder from git, the reviews and the review threads from the API.
  const { startBaseRead, startReads } = await import('./reads.js');
  const base = startBaseRead(context, run.ladderRel, changed);
  const reads = changed ? await startReads(github, context, inputs, changed) : undefined;

  // The toolkit, the engine, the diff and the reporting are loaded only when there is something to check.
  // The toolkit first: should it fail to load, nothing else is left loading behind the failure.
  const core = await import('@actions/core');
  const [{ evaluate }, { publish }, { headline }] = await Promise.all([import('./evaluate.js'), import('./publish.js'), import('../report/markdown.js')]);
  run.toolkit.core = core;
  const evaluation = await evaluate({ ...run, base, reads });
  await publish(core, context, inputs, evaluation, github, { directory: run.ladderRel, key: inputs.commentKey || context.job });

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
