import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type * as Core from '@actions/core';
import { countBySeverity, type Diagnostic } from '../core/diagnostic.js';
import { planAnnotations } from './annotations.js';
import { COMMENT_LIMIT, SUMMARY_LIMIT } from './budget.js';
import { upsertComment } from './comment.js';
import type { RunContext } from './context.js';
import type { Evaluation } from './evaluate.js';
import { type GitHubClient, statusOf } from './github.js';
import type { Inputs } from './inputs.js';
import { type RunReport, reportMarkdown } from './report.js';

/** Tells people what the run found: annotations, log, job summary, JSON report, outputs, comment. */
export async function publish(
  core: typeof Core,
  context: RunContext,
  inputs: Inputs,
  { report, diff }: Evaluation,
  github: () => Promise<GitHubClient>,
): Promise<void> {
  annotate(core, report.diagnostics);
  log(core, report.diagnostics);
  await core.summary.addRaw(reportMarkdown(report, SUMMARY_LIMIT)).write();
  const { errors, warnings } = countBySeverity(report.diagnostics);
  mkdirSync(dirname(inputs.reportPath), { recursive: true });
  writeFileSync(
    inputs.reportPath,
    `${JSON.stringify({ version: report.version, summary: { files: report.filesChecked, errors, warnings }, diagnostics: report.diagnostics, diff, approvals: report.quorum }, null, 2)}\n`,
  );
  const pr = context.pullRequest;
  setOutputs(core, {
    errors,
    warnings,
    report: inputs.reportPath,
    verdict: diff?.verdict ?? 'none',
    approved: String(report.quorum?.met ?? !(pr && inputs.requireApprovals)),
  });
  if (pr && inputs.comment) await comment(core, context, pr.number, report, await github());
}

function setOutputs(core: typeof Core, outputs: Record<string, string | number>): void {
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value);
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

/** Logs name files and rules; messages quote ladder text, so they are fenced off from command parsing. */
function log(core: typeof Core, diagnostics: Diagnostic[]): void {
  if (diagnostics.length === 0) return;
  const token = randomUUID();
  core.info(`::stop-commands::${token}`);
  for (const d of diagnostics) core.info(`${d.file}:${d.line}:${d.column}  ${d.severity}  ${d.rule}  ${d.message.replace(/[\r\n]+/g, ' ')}`);
  core.info(`::${token}::`);
}

async function comment(core: typeof Core, context: RunContext, issue: number, report: RunReport, octokit: GitHubClient): Promise<void> {
  try {
    const outcome = await upsertComment(octokit, { owner: context.owner, repo: context.repo, issue_number: issue }, reportMarkdown(report, COMMENT_LIMIT), {
      run: context.runId,
      attempt: context.runAttempt,
    });
    core.info(outcome === 'kept-newer' ? 'A newer run has already reported on this pull request; its comment is kept.' : `Pull request comment ${outcome}.`);
  } catch (error) {
    const status = statusOf(error);
    // A fork's token is read-only: the annotations and the summary still carry everything.
    const why =
      status === 403
        ? 'the token cannot write to this pull request (a pull request from a fork has a read-only token)'
        : `GitHub answered ${status ?? (error as Error).message}`;
    core.warning(`Could not comment on the pull request: ${why}. The results are in the annotations and this job's summary.`);
  }
}
