import type { Rule } from './rule.js';

/**
 * A calibration packet (`ladder calibrate`) gathers every packet of a cycle in one file, for the
 * committee's meeting: it does not belong in the repository, where it would outlive the meeting,
 * nor on the site. Known by the marker the command writes on its first line.
 */
export const calibrationOutput: Rule = {
  id: 'calibration-output',
  severity: 'error',
  group: 'ladder',
  description: 'No calibration packet (written by `ladder calibrate`) is kept in the ladder directory, unless policy.packets.allowCalibrationFiles allows it.',
  check({ ladder, report }) {
    if (ladder.policy.packets.allowCalibrationFiles) return;
    for (const file of ladder.calibrationFiles) {
      report(
        { file, at: { line: 1, column: 1 } },
        "This file is a calibration packet written by `ladder calibrate`: it gathers many people's packets and is for the committee's meeting, not for the repository. Delete it (keep it outside the repository), or set policy.packets.allowCalibrationFiles: true in ladder.yml.",
      );
    }
  },
};
