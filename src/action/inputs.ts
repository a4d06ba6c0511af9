import type * as Core from '@actions/core';

export type FailOn = 'error' | 'warning' | 'never';

export interface Inputs {
  ladderDirectory: string;
  token: string;
  comment: boolean;
  failOn: FailOn;
  requireApprovals: boolean;
  reportPath: string;
}

/** Reads and validates the action's inputs; throws an Error whose message names the input. */
export function readInputs(core: typeof Core, defaultReportPath: string): Inputs {
  const failOn = core.getInput('fail-on') || 'error';
  if (failOn !== 'error' && failOn !== 'warning' && failOn !== 'never') {
    throw new Error(`input fail-on must be error, warning or never, not "${failOn}"`);
  }
  const bool = (name: string, fallback: boolean) => (core.getInput(name) === '' ? fallback : core.getBooleanInput(name));
  return {
    ladderDirectory: core.getInput('ladder-directory') || 'ladder',
    token: core.getInput('github-token'),
    comment: bool('comment', true),
    failOn,
    requireApprovals: bool('require-approvals', true),
    reportPath: core.getInput('report-path') || defaultReportPath,
  };
}
