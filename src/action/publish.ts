import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type * as Core from '@actions/core';
import { countBySeverity, type Diagnostic } from '../core/diagnostic.js';
import { escapeMarkdown } from '../core/markdown-escape.js';
import { stripControl } from '../core/text.js';
import { planAnnotations } from '../report/annotations.js';
import { COMMENT_LIMIT, clip, SUMMARY_LIMIT, SUMMARY_NOTE_BYTES, utf8Bytes } from '../report/budget.js';
import { type RunReport, reportMarkdown } from '../report/markdown.js';
import { describeFailure, statusOf } from './api.js';
import { type CommentKey, upsertComment } from './comment.js';
import type { RunContext } from './context.js';
import type { Evaluation } from './evaluate.js';
import type { GitHubClient } from './github.js';
import type { Inputs } from './inputs.js';

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
  { report, diff, apiFailures }: Evaluation,
  github: () => Promise<GitHubClient>,
  key: CommentKey,
): Promise<void> {
  annotate(core, report.diagnostics);
  log(core, report.diagnostics);
  for (const failure of apiFailures) core.warning(failure);
  let summaryWritten = false;
  try {
    await core.summary.addRaw(reportMarkdown(report, SUMMARY_LIMIT)).write();
    summaryWritten = true;
  } catch (error) {
    core.summary.emptyBuffer();
    core.warning(`Could not write the job summary: ${(error as Error).message}. The annotations and the JSON report still have the results.`);
  }
  const { errors, warnings } = countBySeverity(report.diagnostics);
  let reportPath = inputs.reportPath;
  try {
    mkdirSync(dirname(reportPath), { recursive: true });
    writeFileSync(
      reportPath,
      `${JSON.stringify({ version: report.version, summary: { files: report.filesChecked, errors, warnings }, diagnostics: report.diagnostics, diff, approvals: report.quorum }, null, 2)}\n`,
    );
  } catch (error) {
    core.warning(`Could not write the JSON report to ${reportPath}: ${(error as Error).message}.`);
    reportPath = '';
  }
  const pr = context.pullRequest;
  setOutputs(core, {
    errors,
    warnings,
    report: reportPath,
    verdict: diff?.verdict ?? 'none',
    approved: String(report.quorum?.met ?? !(pr && inputs.requireApprovals)),
  });
  if (!pr || !inputs.comment) return;
  const problem = await comment(core, context, key, pr.number, report, github);
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
    await core.summary.addRaw(`\n> [!WARNING]\n> ${clip(escapeMarkdown(text), SUMMARY_NOTE_BYTES - 20, utf8Bytes)}\n`).write();
  } catch {
    core.summary.emptyBuffer(); // the warning annotation already says it
  }
}

function annotate(core: typeof Core, diagnostics: Diagnostic[]): void {
  const plan = planAnnotations(diagnostics);
  // core.error/warning escape the message and properties: file text cannot become a command.
  for (const d of plan.errors) core.error(d.message, { title: d.rule, file: d.file, startLine: d.line, startColumn: d.column });
  for (const d of plan.warnings) core.warning(d.message, { title: d.rule, file: d.file, startLine: d.line, startColumn: d.column });
  if (plan.hiddenErrors + plan.hiddenWarnings > 0) {
    core.notice(
      `${plan.hiddenErrors} more errors and ${plan.hiddenWarnings} more warnings are not annotated (GitHub shows 10 of each); the job summary lists them all.`,
    );
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
): Promise<string | undefined> {
  try {
    const outcome = await upsertComment(
      await github(),
      { owner: context.owner, repo: context.repo, issue_number: issue },
      reportMarkdown(report, COMMENT_LIMIT),
      key,
      { run: context.runId, attempt: context.runAttempt },
      (m) => core.info(oneLine(m)),
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
