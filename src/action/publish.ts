import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type * as Core from '@actions/core';
import { countBySeverity, type Diagnostic } from '../core/diagnostic.js';
import { stripControl } from '../core/text.js';
import type { Annotation } from '../report/annotations.js';
import { ACTION_FORMATS } from '../report/formats.js';
import { summaryNotice } from '../report/markdown.js';
import type { RunReport } from '../report/model.js';
import { describeFailure, statusOf } from './api.js';
import { type CommentKey, type Identity, upsertComment } from './comment.js';
import type { RunContext } from './context.js';
import type { Evaluation } from './evaluate.js';
import type { GitHubClient } from './github.js';
import type { Inputs } from './inputs.js';

/** Workflow commands and Markdown have no colours. */
const NO_COLOR = { color: false };

/**
 * Tells people what the run found, in an order that survives any failure: annotations and the log,
 * the job summary, the JSON report and the outputs first (they need no API), the comment last.
 * Nothing here throws: a step that cannot be done becomes a warning (and, for the API, a notice
 * appended to the summary), and the rest is still done.
 */
export async function publish(
  core: typeof Core,
  context: RunContext,
  inputs: Inputs,
  { report, apiFailures, identity }: Evaluation,
  github: () => Promise<GitHubClient>,
  key: CommentKey,
): Promise<void> {
  annotate(core, ACTION_FORMATS.annotations.render(report, NO_COLOR));
  log(core, report.diagnostics);
  for (const failure of apiFailures) core.warning(failure);
  let summaryWritten = false;
  try {
    await core.summary.addRaw(ACTION_FORMATS.summary.render(report, NO_COLOR)).write();
    summaryWritten = true;
  } catch (error) {
    core.summary.emptyBuffer();
    core.warning(`Could not write the job summary: ${(error as Error).message}. The annotations and the JSON report still have the results.`);
  }
  const { errors, warnings } = countBySeverity(report.diagnostics);
  let reportPath = inputs.reportPath;
  try {
    mkdirSync(dirname(reportPath), { recursive: true });
    writeFileSync(reportPath, ACTION_FORMATS.json.render(report, NO_COLOR));
  } catch (error) {
    core.warning(`Could not write the JSON report to ${reportPath}: ${(error as Error).message}.`);
    reportPath = '';
  }
  const pr = context.pullRequest;
  setOutputs(core, {
    errors,
    warnings,
    report: reportPath,
    verdict: report.diff?.verdict ?? 'none',
    approved: String(report.approvals?.met ?? !(pr && inputs.requireApprovals)),
  });
  if (!pr || !inputs.comment) return;
  const problem = await comment(core, context, key, pr.number, report, github, identity);
  if (problem) {
    core.warning(problem);
    if (summaryWritten) await appendNotice(core, problem);
  }
}

function setOutputs(core: typeof Core, outputs: Record<string, string | number>): void {
  for (const [name, value] of Object.entries(outputs)) {
    try {
      core.setOutput(name, value);
    } catch (error) {
      core.warning(`Could not set the output ${name}: ${(error as Error).message}.`);
    }
  }
}

/** A notice after the report in the summary, within the room the report left for it. */
async function appendNotice(core: typeof Core, text: string): Promise<void> {
  try {
    await core.summary.addRaw(summaryNotice(text)).write();
  } catch {
    core.summary.emptyBuffer(); // the warning annotation already says it
  }
}

function annotate(core: typeof Core, plan: readonly Annotation[]): void {
  // core.error/warning/notice escape the message and properties: file text cannot become a command.
  for (const { level, message, title, file, line, col, endLine, endColumn } of plan) {
    const properties = { title, file, startLine: line, startColumn: col, endLine, endColumn };
    // A property sent empty would still add a space to the command: send only those the annotation has.
    core[level](message, Object.fromEntries(Object.entries(properties).filter(([, v]) => v !== undefined)));
  }
}

/**
 * One log line from text we did not write: line breaks (any Unicode one) and control characters
 * become spaces, and the runner's legacy command prefix `##[`, which it looks for anywhere in a
 * line, gets a space.
 */
export function oneLine(text: string): string {
  return stripControl(text).replace(/##\[/g, '## [');
}

/**
 * Logs name files and rules; messages quote ladder text, so they are fenced off from command
 * parsing by `::stop-commands::` with a random token, chosen after the text exists: no file can
 * contain the line that resumes commands. Each entry is one line (see oneLine).
 */
function log(core: typeof Core, diagnostics: Diagnostic[]): void {
  if (diagnostics.length === 0) return;
  const token = randomUUID();
  core.info(`::stop-commands::${token}`);
  for (const d of diagnostics) core.info(oneLine(`${d.file}:${d.line}:${d.column}  ${d.severity}  ${d.rule}  ${d.message}`));
  core.info(`::${token}::`);
}

/** Posts or updates the comment; returns what went wrong, in words, or undefined. */
async function comment(
  core: typeof Core,
  context: RunContext,
  key: CommentKey,
  issue: number,
  report: RunReport,
  github: () => Promise<GitHubClient>,
  identity: Identity | undefined,
): Promise<string | undefined> {
  try {
    const outcome = await upsertComment(
      await github(),
      { owner: context.owner, repo: context.repo, issue_number: issue },
      ACTION_FORMATS.comment.render(report, NO_COLOR),
      key,
      { run: context.runId, attempt: context.runAttempt },
      (m) => core.info(oneLine(m)),
      identity,
    );
    core.info(outcome === 'kept-newer' ? 'A newer run has already reported on this pull request; its comment is kept.' : `Pull request comment ${outcome}.`);
    return undefined;
  } catch (error) {
    // A fork's token is read-only: the annotations and the summary still carry everything.
    const why =
      statusOf(error) === 403 && !/rate limit/i.test((error as Error).message)
        ? 'the token cannot write to this pull request (a pull request from a fork has a read-only token)'
        : describeFailure(error);
    return `Could not comment on the pull request: ${why}. The results are in the annotations and this job's summary.`;
  }
}
