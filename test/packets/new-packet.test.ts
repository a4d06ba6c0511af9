import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { load } from 'js-yaml';
import { checkLadder } from '../../src/check.js';
import { newCommand } from '../../src/cli/commands/new-packet.js';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { schemaUrl } from '../../src/core/project-urls.js';
import { readLadderDir } from '../../src/node/read-ladder-dir.js';
import { EM_SECTIONS, IC_SECTIONS } from '../helpers/ladder-files.js';
import { feedbackEntries, runCli, tempLadder } from '../helpers/packet-files.js';

let root: string;
let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ root, dir, cleanup } = tempLadder('ladder-new-'));
});
afterEach(() => cleanup());

const ladderNew = (...args: string[]) => runCli(['new', 'packet', ...args], root);
const read = (path: string) => readFileSync(join(dir, path), 'utf8');

/** The packet's front matter, parsed. */
function frontMatterOf(text: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!match) throw new Error('test: no front matter');
  return load(match[1] as string) as Record<string, unknown>;
}

/** Each `## ` section: its name, the line of its heading, and its body up to the next one. */
function sectionsOf(text: string): Array<{ name: string; line: number; body: string }> {
  const lines = text.split('\n');
  const out: Array<{ name: string; line: number; body: string }> = [];
  lines.forEach((line, i) => {
    if (line.startsWith('## ')) out.push({ name: line.slice(3), line: i + 1, body: '' });
    else if (out.length > 0) (out[out.length - 1] as { body: string }).body += `${line}\n`;
  });
  return out.map((s) => ({ ...s, body: s.body.trim() }));
}

/** What the author does next: a summary, evidence under each section, and the feedback the template asks for. */
function fillIn(text: string): string {
  const needed = Number(/^# At least (\d+) distinct people/m.exec(text)?.[1]);
  return text
    .replace('feedback: []', `feedback:\n${feedbackEntries(needed, 'peer')}`)
    .replace(/(<!-- The summary:[\s\S]*?-->)/, '$1\n\nWhy this move, and why now: a paragraph a committee can read.')
    .replace(/(## .+\n\n<!-- What [\s\S]*?-->)/g, '$1\n\n- What the candidate did, with a link and the outcome.');
}

/** `ladder check` on the temp ladder, as the library sees it. */
function diagnosticsIn(path: string): Diagnostic[] {
  return checkLadder(readLadderDir(dir)).diagnostics.filter((d) => d.file === path);
}

const expectations = (levelId: string) => {
  const level = checkLadder(readLadderDir(dir)).ladder.levels.find((l) => l.id === levelId);
  if (!level) throw new Error(`test: no level ${levelId}`);
  return new Map(level.sections.map((s) => [s.name, s.body]));
};

describe('ladder new packet', () => {
  const kinds = [
    { kind: 'promotion', candidate: 'ana-lima', args: ['--to', 'E5'], from: 'E4', to: 'E5', title: 'Staff Engineer', sections: IC_SECTIONS, needed: 5 },
    { kind: 'track-switch', candidate: 'ben-ode', args: ['--to', 'M1'], from: 'E4', to: 'M1', title: 'Engineering Manager', sections: EM_SECTIONS, needed: 3 },
    { kind: 'track-switch', candidate: 'cy-park', args: ['--to', 'E4'], from: 'M1', to: 'E4', title: 'Senior Engineer', sections: IC_SECTIONS, needed: 3 },
    { kind: 'graduation', candidate: 'dee-obi', args: ['--to', 'M1'], from: 'E4', to: 'M1', title: 'Engineering Manager', sections: EM_SECTIONS, needed: 20 },
  ] as const;

  describe.each(kinds)('$kind $from → $to (from inferred)', ({ kind, candidate, args, from, to, title, sections, needed }) => {
    const path = `packets/2027-h1/${candidate}-${kind}.md`;

    test('writes packets/<cycle>/<handle>-<kind>.md and says what to do next', async () => {
      const run = await ladderNew('--kind', kind, '--candidate', candidate, ...args, '--cycle', '2027-h1', '--manager', 'sam-okoye');
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`Wrote ladder/${path}: ${kind} ${from} → ${to} for ${candidate}.`);
      expect(run.stdout).toContain('then run ladder check');
      expect(existsSync(join(dir, path))).toBe(true);
    });

    test('with the right front matter', async () => {
      await ladderNew('--kind', kind, '--candidate', candidate, ...args, '--cycle', '2027-h1', '--manager', 'sam-okoye');
      const text = read(path);
      expect(frontMatterOf(text)).toEqual({
        kind,
        candidate,
        from,
        to,
        cycle: '2027-h1',
        manager: 'sam-okoye',
        sponsors: [],
        ladderVersion: '1.1.0',
        feedback: [],
      });
      expect(text).toContain(`# At least ${needed} distinct people, never the candidate.`);
    });

    test('names its schema by the published URL, which resolves in any repository (a relative path into this one would not)', async () => {
      await ladderNew('--kind', kind, '--candidate', candidate, ...args, '--cycle', '2027-h1');
      expect(read(path).split('\n')[1]).toBe(`# yaml-language-server: $schema=${schemaUrl('packet')}`);
    });

    test('one section per competency of the target level, its expectations inside an HTML comment', async () => {
      await ladderNew('--kind', kind, '--candidate', candidate, ...args, '--cycle', '2027-h1');
      const text = read(path);
      const found = sectionsOf(text);
      expect(found.map((s) => s.name)).toEqual(sections);
      const expected = expectations(to);
      for (const section of found) {
        const comment = new RegExp(
          `^<!-- What ${title} \\(${to}\\) expects:\\n\\n([\\s\\S]*)\\n\\nWrite the evidence: what the candidate did, with links and outcomes\\. -->$`,
        ).exec(section.body);
        expect(comment).not.toBeNull();
        expect(expected.get(section.name)).toBeTruthy();
        expect(comment?.[1]).toBe(expected.get(section.name));
      }
      expect(text).toMatch(/\n<!-- The summary: this packet asks for [^\n]*-->\n/);
      if (kind === 'track-switch') expect(text).toContain('Moving into management is not a promotion, and going back to the IC track is not a demotion');
    });

    test('fails the check as written: no summary, no evidence, no feedback', async () => {
      await ladderNew('--kind', kind, '--candidate', candidate, ...args, '--cycle', '2027-h1');
      const text = read(path);
      const check = await runCli(['check'], root);
      expect(check.code).toBe(1);
      const found = diagnosticsIn(path);
      const headings = sectionsOf(text).map((s) => ({ rule: 'packet-evidence', file: path, line: s.line, column: 4 }));
      const feedbackRule = kind === 'graduation' ? 'packet-graduation' : 'packet-feedback';
      const feedbackLine = text.split('\n').indexOf('feedback: []') + 1;
      expect(found.map((d) => ({ rule: d.rule, file: d.file, line: d.line, column: d.column }))).toEqual(
        [
          // The summary, where it belongs: its guidance comment, after the front matter (this used to point at candidate:).
          { rule: 'packet-evidence', file: path, line: text.split('\n').findIndex((l) => l.startsWith('<!-- The summary')) + 1, column: 1 },
          ...headings,
          { rule: feedbackRule, file: path, line: feedbackLine, column: 11 },
        ].sort((a, b) => a.line - b.line || a.column - b.column),
      );
      expect(found.every((d) => d.severity === 'error')).toBe(true);
      expect(found.find((d) => d.rule === feedbackRule)?.message).toContain(`at least ${needed} distinct`);
    });

    test('passes ladder check once the summary, the evidence and the feedback are written', async () => {
      await ladderNew('--kind', kind, '--candidate', candidate, ...args, '--cycle', '2027-h1', '--manager', 'sam-okoye');
      writeFileSync(join(dir, path), fillIn(read(path)));
      expect(diagnosticsIn(path)).toEqual([]);
      const check = await runCli(['check'], root);
      expect(check.stdout).toContain('no problems');
      expect(check.code).toBe(0);
    });
  });

  test('--from may be given explicitly, and --out chooses the file', async () => {
    const run = await ladderNew('--kind', 'promotion', '--candidate', 'eve-ng', '--from', 'M2', '--to', 'M3', '--cycle', '2027-h1', '--out', 'eve.md');
    expect(run.code).toBe(0);
    expect(frontMatterOf(readFileSync(join(root, 'eve.md'), 'utf8'))).toMatchObject({ from: 'M2', to: 'M3' });
  });

  describe('refuses an impossible move with the reason, writing nothing', () => {
    test.each([
      [
        'a track switch that changes band',
        ['--kind', 'track-switch', '--from', 'E4', '--to', 'M2'],
        'Moving into management is never a promotion: switch to M1 (Engineering Manager), and ask for a promotion separately.',
      ],
      [
        'a switch back to IC that changes band',
        ['--kind', 'track-switch', '--from', 'M1', '--to', 'E3'],
        'Going back to the IC track is never a demotion: switch to E4',
      ],
      [
        'a promotion that skips a band',
        ['--kind', 'promotion', '--from', 'E3', '--to', 'E5'],
        'climbs 2 bands, from "Career" to "Staff". Ask for E4 (Senior Engineer), the next level.',
      ],
      ['a promotion that changes track', ['--kind', 'promotion', '--from', 'E4', '--to', 'M2'], 'use kind: track-switch'],
      ['a graduation from EM', ['--kind', 'graduation', '--from', 'M1', '--to', 'E4'], 'goes from an IC level to a management level'],
      ['a graduation that changes band', ['--kind', 'graduation', '--from', 'E4', '--to', 'M2'], 'graduate to M1 (Engineering Manager) instead'],
    ])('%s', async (_, args, reason) => {
      const kind = args[1] as string;
      const run = await ladderNew(...args, '--candidate', 'zed', '--cycle', '2027-h1');
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(`ladder new: cannot write this ${kind} packet.`);
      expect(run.stderr).toContain(reason);
      expect(existsSync(join(dir, 'packets/2027-h1'))).toBe(false);
    });
  });

  describe('usage errors exit 2', () => {
    test('an unknown --to, with a did-you-mean', async () => {
      const run = await ladderNew('--kind', 'promotion', '--candidate', 'zed', '--to', 'E55', '--cycle', '2027-h1');
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('--to "E55" is not a level of this ladder. Did you mean "E5"?');
    });

    test('an unknown --from, with a did-you-mean', async () => {
      const run = await ladderNew('--kind', 'promotion', '--candidate', 'zed', '--from', 'e4', '--to', 'E5', '--cycle', '2027-h1');
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('--from "e4" is not a level of this ladder. Did you mean "E4"?');
    });

    test.each([
      [['--kind', 'promotoin'], '--kind must be one of promotion, track-switch, graduation, not "promotoin". Did you mean "promotion"?'],
      [['--kind', 'demotion'], 'not "demotion"'],
      [[], '--kind must be one of promotion, track-switch, graduation'],
    ])('a bad --kind %j', async (kindArgs, message) => {
      const run = await ladderNew(...kindArgs, '--candidate', 'zed', '--to', 'E5', '--cycle', '2027-h1');
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(message);
      expect(run.stderr).toContain('Usage: ladder new packet');
    });

    // This test used to expect "pass --from" for E1, advice that cannot work: nothing is below E1.
    test('a promotion to the first level of a track says no promotion leads there, and what does', async () => {
      const e1 = await ladderNew('--kind', 'promotion', '--candidate', 'zed', '--to', 'E1', '--cycle', '2027-h1');
      expect(e1.code).toBe(2);
      expect(e1.stderr).toContain(
        'E1 is the first level of Individual Contributor, so no promotion leads to it. People join the ladder at this level: a packet is for a move from another level.',
      );
      expect(e1.stderr.split('\n')[0]).not.toContain('--from');
      const m1 = await ladderNew('--kind', 'promotion', '--candidate', 'zed', '--to', 'M1', '--cycle', '2027-h1');
      expect(m1.stderr).toContain(
        'M1 is the first level of Engineering Management, so no promotion leads to it. People move onto it by --kind track-switch or --kind graduation.',
      );
    });

    test('no level leads to the target by this kind elsewhere: asks for --from', async () => {
      const run = await ladderNew('--kind', 'track-switch', '--candidate', 'zed', '--to', 'E8', '--cycle', '2027-h1');
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('no level leads to E8 by track-switch; pass --from');
    });

    test.each([
      [['--candidate', '@zed'], '--candidate "@zed" is not a GitHub handle'],
      [['--candidate', 'zed', '--manager', 'a b'], '--manager "a b" is not a GitHub handle'],
      [['--candidate', 'zed', '--cycle', '../../etc'], '--cycle "../../etc" must be letters, digits'],
    ])('bad values %j', async (args, message) => {
      const run = await ladderNew('--kind', 'promotion', '--to', 'E5', ...args);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(message);
    });

    test('"ladder new" needs "packet"', async () => {
      const run = await runCli(['new', 'level', '--kind', 'promotion'], root);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('Only "ladder new packet" exists');
    });
  });

  test('an existing file is not overwritten (exit 1)', async () => {
    const path = 'packets/2026-h2/jo-rivera-promotion.md';
    const before = read(path);
    const run = await ladderNew('--kind', 'promotion', '--candidate', 'jo-rivera', '--to', 'E5', '--cycle', '2026-h2');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`ladder new: ladder/${path} already exists; remove it or pass --out.`);
    expect(read(path)).toBe(before);
  });

  test('a ladder with errors is refused (exit 1) before anything is written', async () => {
    writeFileSync(join(dir, 'levels/ic/E5.md'), read('levels/ic/E5.md').replace('band: staff', 'band: stafff'));
    const run = await ladderNew('--kind', 'promotion', '--candidate', 'zed', '--to', 'E4', '--cycle', '2027-h1');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('has errors; run ladder check ladder and fix them first');
    expect(existsSync(join(dir, 'packets/2027-h1'))).toBe(false);
  });

  test.each([
    ['2026-03-10', '2026-h1'],
    ['2026-06-30T23:59:59Z', '2026-h1'],
    ['2026-07-01T00:00:00Z', '2026-h2'],
    ['2026-12-31T23:59:59Z', '2026-h2'],
    ['2027-01-01T00:00:00Z', '2027-h1'],
  ])('the default cycle on %s is %s', (date, cycle) => {
    let stdout = '';
    const io = { cwd: root, color: false, stdout: (t: string) => (stdout += t), stderr: () => {} };
    expect(newCommand(['packet', '--kind', 'promotion', '--candidate', 'zed', '--to', 'E5'], io, new Date(date))).toBe(0);
    expect(stdout).toContain(`Wrote ladder/packets/${cycle}/zed-promotion.md`);
    expect(frontMatterOf(read(`packets/${cycle}/zed-promotion.md`)).cycle).toBe(cycle);
  });

  test('expectation text holding "-->" cannot break out of its guidance comment', async () => {
    const level = 'levels/ic/E5.md';
    const hostile = 'Ships canary --> 10% ---> 100%, then writes <!-- nothing --> <b>x</b> up.';
    writeFileSync(
      join(dir, level),
      read(level).replace('title: Staff Engineer', 'title: Staff --> Engineer').replace('## Technical craft\n\n', `## Technical craft\n\n- ${hostile}\n`),
    );
    expect(checkLadder(readLadderDir(dir)).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);

    const run = await ladderNew('--kind', 'promotion', '--candidate', 'zed', '--to', 'E5', '--cycle', '2027-h1');
    expect(run.code).toBe(0);
    const path = 'packets/2027-h1/zed-promotion.md';
    const text = read(path);
    const craft = sectionsOf(text)[0]?.body ?? '';
    // one comment, closed only at its very end
    expect(craft.startsWith('<!-- What Staff - > Engineer (E5) expects:')).toBe(true);
    expect(craft.indexOf('-->')).toBe(craft.length - 3);
    expect(craft).toContain('canary - > 10% - > 100%, then writes < !-- nothing - > ');
    // nothing leaked out as evidence or raw HTML: the section still has no evidence, no raw-html warning
    const found = diagnosticsIn(path);
    expect(found.filter((d) => d.rule === 'raw-html')).toEqual([]);
    expect(found.filter((d) => d.rule === 'packet-evidence').map((d) => d.message)).toContainEqual(
      expect.stringContaining('Section "Technical craft" has no evidence yet'),
    );
    // and the whole text after the front matter holds no stray closing marker
    expect(text.split('\n---\n')[1]?.match(/-->/g)?.length).toBe(text.split('\n---\n')[1]?.match(/<!--/g)?.length);
  });
});
