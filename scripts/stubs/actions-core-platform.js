// Stands in for @actions/core/lib/platform.js in the Action bundle: the real one loads @actions/exec
// at start-up for getDetails(), which the Action never calls.
import os from 'node:os';

export const platform = os.platform();
export const arch = os.arch();
export const isWindows = platform === 'win32';
export const isMacOS = platform === 'darwin';
export const isLinux = platform === 'linux';
export async function getDetails() {
  throw new Error('core.platform.getDetails is not available in the ladder-as-code Action bundle');
}
