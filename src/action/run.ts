import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type * as Core from '@actions/core';
import { checkLadder } from '../check.js';
import { VERSION } from '../cli/version.js';
import { isPacketPath, selectChanged } from '../core/changed.js';
import { countBySeverity, type Diagnostic } from '../core/diagnostic.js';
import { diffLadders, type LadderDiff } from '../core/diff.js';
import { diffToMarkdown } from '../core/diff-format.js';
import type { Ladder } from '../core/model.js';
import { classify } from '../core/source-file.js';
import { changedFiles, readLadderAtRef } from '../node/git.js';
import { readForChanged } from '../node/read-changed.js';
import { readLadderDir } from '../node/read-ladder-dir.js';
import { planAnnotations } from './annotations.js';
import { type RunContext, readContext } from './context.js';
import type { GitHubClient } from './github.js';
import { type Inputs, readInputs } from './inputs.js';
import { evaluateQuorum, latestApprovals, type Quorum } from './quorum.js';
import { headline, type RunReport, reportMarkdown } from './report.js';

/** GitHub's limits (TOOLCHAIN.md): 65,536 characters per comment, 1 MiB per job summary. */
const COMMENT_LIMIT = 60_000;
const SUMMARY_LIMIT = 900_000;

/** The Action's entry point. Never throws: any failure becomes a failed step with a message. */
export async function run(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): Promise<void> {
  const core = await import('@actions/core');
  try {
    await check(core, env, cwd);
  } catch (error) {
    core.setFailed(`ladder-as-code could not complete: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function check(core: typeof Core, env: NodeJS.ProcessEnv, cwd: string): Promise<void> {
  const context = readContext(env, cwd);
  const inputs = readInputs(core, join(env.RUNNER_TEMP || context.workspace, 'ladder-report.json'));
  const ladderDir = resolve(context.workspace, inputs.ladderDirectory);
  const ladderRel = relative(context.workspace, ladderDir).split(sep).join('/');
  const toRepoPath = (p: string) => (ladderRel ? `${ladderRel}/${p}` : p);
  const pr = context.pullRequest;
  const notices: string[] = [];

  let client: GitHubClient | undefined;
  const github = async () => {
    if (!client) {
      const { createClient } = await import('./github.js');
      client = createClient(inputs.token, context.apiUrl, (m) => core.info(m));
    }
    return client;
  };

  // 1. What changed: from git when both commits are here (no API call), else from the API.
  let changed: string[] | undefined;
  if (pr) {
    let repoPaths = changedFiles(context.workspace, pr.baseSha, pr.headSha);
    if (!repoPaths) {
      const octokit = await github();
      const files = await octokit.paginate(octokit.rest.pulls.listFiles, { owner: context.owner, repo: context.repo, pull_number: pr.number, per_page: 100 });
      repoPaths = files.flatMap((f) => [f.filename, ...(f.previous_filename ? [f.previous_filename] : [])]);
    }
    changed = [...new Set(repoPaths)]
      .map((p) => relative(ladderDir, resolve(context.workspace, p)).split(sep).join('/'))
      .filter((p) => !p.startsWith('..') && classify(p).kind !== 'other');
    if (changed.length === 0) {
      core.info(`No file under ${ladderRel || '.'} changed in this pull request: nothing to check.`);
      await core.summary.addRaw(`## Ladder check\n\nNo ladder or packet file changed in this pull request: nothing to check.\n`).write();
      setOutputs(core, { errors: 0, warnings: 0, report: '', verdict: 'none', approved: 'true' });
      return;
    }
  }

  // 2. The check: the changed files and what they need, or the whole ladder outside pull requests.
  const files = changed ? readForChanged(ladderDir, changed) : readLadderDir(ladderDir);
  const result = checkLadder(files);
  const local = changed ? selectChanged(result.diagnostics, changed) : result.diagnostics;
  const diagnostics: Diagnostic[] = local.map((d) => ({ ...d, file: toRepoPath(d.file) }));
  const ladderChanged = changed?.some((p) => !isPacketPath(p)) ?? false;

  // 3. The base ladder: governance is read from it (a pull request cannot approve itself by editing
  // the committee), and ladder changes are diffed against it.
  let base: Ladder | undefined;
  if (pr) {
    try {
      base = checkLadder(readLadderAtRef(context.workspace, pr.baseSha, ladderRel)).ladder;
    } catch {
      notices.push(
        'The base commit of this pull request is not in the checkout, so the ladder diff and the approvals could not be evaluated. Check out with fetch-depth: 0.',
      );
    }
  }
  let diff: LadderDiff | undefined;
  if (ladderChanged && base) diff = diffLadders(base, checkLadder(readLadderDir(ladderDir)).ladder);

  // 4. Approvals, from the pull request's reviews and the base branch's governance.
  let quorum: Quorum | undefined;
  if (pr && inputs.requireApprovals && base) {
    const governance = base.config ? base.governance : result.ladder.governance;
    if (!base.config) notices.push('The base branch has no ladder.yml yet: approvals follow the governance this pull request proposes.');
    const octokit = await github();
    const reviews = await octokit.paginate(octokit.rest.pulls.listReviews, { owner: context.owner, repo: context.repo, pull_number: pr.number, per_page: 100 });
    const changedSet = new Set(changed);
    quorum = evaluateQuorum({
      governance,
      packets: result.ladder.packets.filter((p) => changedSet.has(p.origin.file)),
      packetFile: (p) => toRepoPath(p.origin.file),
      ladderChanged,
      approvals: latestApprovals(reviews),
    });
  }

  const report: RunReport = {
    version: VERSION,
    diagnostics,
    filesChecked: result.files,
    scope: pr ? 'pull request' : 'repository',
    diff: diff && { verdict: diff.verdict, markdown: diffToMarkdown(diff) },
    quorum,
    notices,
    runUrl: context.runId ? `${context.serverUrl}/${context.owner}/${context.repo}/actions/runs/${context.runId}` : undefined,
  };

  // 5. Tell people: annotations, log, summary, JSON report, outputs, and the pull request comment.
  annotate(core, diagnostics);
  log(core, diagnostics);
  await core.summary.addRaw(reportMarkdown(report, SUMMARY_LIMIT)).write();
  writeReport(inputs, report, diff);
  const { errors, warnings } = countBySeverity(diagnostics);
  setOutputs(core, {
    errors,
    warnings,
    report: inputs.reportPath,
    verdict: diff?.verdict ?? 'none',
    approved: String(quorum?.met ?? !(pr && inputs.requireApprovals)),
  });
  if (pr && inputs.comment) await comment(core, context, pr.number, report, await github());

  // 6. The verdict of the step.
  const failures: string[] = [];
  if ((inputs.failOn === 'error' && errors > 0) || (inputs.failOn === 'warning' && errors + warnings > 0))
    failures.push(headline({ ...report, quorum: undefined }));
  if (pr && inputs.requireApprovals) {
    if (!quorum) failures.push('approvals could not be evaluated');
    else if (!quorum.met)
      failures.push(
        `approvals needed: ${quorum.items
          .filter((i) => !i.met)
          .map((i) => `${i.subject} needs ${i.missing}`)
          .join('; ')}`,
      );
  }
  if (failures.length > 0) core.setFailed(`Ladder check: ${failures.join('; ')}`);
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

function writeReport(inputs: Inputs, report: RunReport, diff: LadderDiff | undefined): void {
  const { errors, warnings } = countBySeverity(report.diagnostics);
  mkdirSync(dirname(inputs.reportPath), { recursive: true });
  writeFileSync(
    inputs.reportPath,
    `${JSON.stringify({ version: report.version, summary: { files: report.filesChecked, errors, warnings }, diagnostics: report.diagnostics, diff, approvals: report.quorum }, null, 2)}\n`,
  );
}

function setOutputs(core: typeof Core, outputs: Record<string, string | number>): void {
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value);
}

async function comment(core: typeof Core, context: RunContext, issue: number, report: RunReport, octokit: GitHubClient): Promise<void> {
  const { upsertComment } = await import('./comment.js');
  const { statusOf } = await import('./github.js');
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
