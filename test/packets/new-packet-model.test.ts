import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { checkLadder } from '../../src/check.js';
import { readLadderDir } from '../../src/node/read-ladder-dir.js';
import { fixturesDir } from '../helpers/ladder-files.js';
import { feedbackEntries, runCli } from '../helpers/packet-files.js';

/** `ladder new packet` on test/fixtures/competencies: only what applies at the target level, options of a group, subs. */
let root: string;
let dir: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'ladder-new-model-'));
  dir = join(root, 'ladder');
  cpSync(join(fixturesDir, 'competencies'), dir, { recursive: true });
  rmSync(join(dir, 'packets'), { recursive: true, force: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

async function write(to: string, candidate: string): Promise<{ path: string; text: string }> {
  const run = await runCli(['new', 'packet', '--kind', 'promotion', '--candidate', candidate, '--to', to, '--cycle', '2027-h1'], root);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const path = `packets/2027-h1/${candidate}-promotion.md`;
  return { path, text: readFileSync(join(dir, path), 'utf8') };
}

const headings = (text: string) => text.split('\n').filter((l) => /^#{2,3} /.test(l));

describe('ladder new packet, on a ladder with from, groups and subs', () => {
  test('below the band of "Strategy" there is no Strategy section; a sub that starts at the target level is there', async () => {
    const { text } = await write('E3', 'ana-lima');
    expect(headings(text)).toEqual(['## Technical craft', '## Engineering', '### Code review', '### Architecture', '## Mobile', '## Web', '## Delivery']);
    expect(text).toContain('<!-- What Senior Engineer (E3) expects for Architecture:\n\n- Designs at E3.');
    expect(text).toContain(
      '<!-- Specialization: give evidence for at least 1 of these 2 options (Mobile, Web); keep the sections the candidate chose and delete the others. -->',
    );
  });

  test('at the band of "Strategy" it is asked for', async () => {
    const { text } = await write('E4', 'ben-ode');
    expect(headings(text)).toContain('## Strategy');
  });

  test('filled in, with one option of the group kept, the packet passes its checks', async () => {
    const { path, text } = await write('E3', 'cy-park');
    const filled = text
      .replace('feedback: []', `feedback:\n${feedbackEntries(3, 'peer')}`)
      .replace(/(<!-- The summary:[\s\S]*?-->)/, '$1\n\nWhy now.')
      .replace(/(<!-- What [\s\S]*?-->)/g, '$1\n\n- What the candidate did.')
      .replace(/## Mobile\n[\s\S]*?(?=## )/, '');
    writeFileSync(join(dir, path), filled);
    expect(checkLadder(readLadderDir(dir)).diagnostics.filter((d) => d.file === path)).toEqual([]);
  });
});
