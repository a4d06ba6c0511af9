import type { Waivers } from '../core/waivers.js';

/**
 * What the check left out, one sentence each, for every output that says "no problems": rules
 * turned off, and each exception with where it applies, how much it waived and its reason (ladder
 * text, not personal). Empty when the policy waives nothing.
 */
export function waiverLines(waivers: Waivers): string[] {
  const lines: string[] = [];
  if (waivers.off.length > 0) lines.push(`Rules turned off in policy.rules: ${waivers.off.join(', ')}.`);
  for (const e of waivers.exceptions) {
    const place = e.level !== undefined ? `level ${e.level}` : e.band !== undefined ? `band ${e.band}` : 'no place';
    const count = e.waived === 1 ? '1 finding' : `${e.waived} findings`;
    lines.push(`Rule ${e.rule} waived at ${place} (${count}; ${e.file}:${e.line}): ${e.reason}`);
  }
  return lines;
}
