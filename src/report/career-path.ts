import type { CareerPath } from '../core/career-path.js';
import { stripControl } from '../core/text.js';
import { levelText, moveKindText } from './packets.js';

const OUTCOME = { promoted: 'moved', 'not-yet': 'not yet', withdrawn: 'withdrawn' } as const;

/**
 * `ladder history`'s text: one line per decided packet, oldest first. A lateral move reads as
 * lateral in both directions: a return to IC is never shown as a step down. Pure.
 */
export function careerPathText(path: CareerPath, organization: string): string {
  const name = stripControl(path.handle);
  if (path.steps.length === 0) return `${name} has no decided packet in this ladder: nothing to show yet (a packet's decision records each step).\n`;
  const lines = [
    `${name}'s path through the ${stripControl(organization || 'engineering')} ladder, from ${path.steps.length} decided packet${path.steps.length === 1 ? '' : 's'}:`,
    '',
  ];
  for (const step of path.steps) {
    const s = step.summary;
    const move = `${levelText(s.from, s.fromId)} → ${levelText(s.to, s.toId)}: ${moveKindText(s)}`;
    const grow = step.outcome === 'not-yet' && step.grow.length > 0 ? `; to grow in: ${step.grow.join(', ')}` : '';
    lines.push(`  ${(step.date ?? 'no date').padEnd(10)}  ${(s.cycle ?? '').padEnd(8)}  ${OUTCOME[step.outcome].padEnd(9)}  ${stripControl(move + grow)}`);
  }
  lines.push('', path.now ? `Now: ${stripControl(levelText(path.now, path.now.id))}, on the ${stripControl(path.now.track)} track.` : 'No move decided yet.');
  return `${lines.join('\n')}\n`;
}
