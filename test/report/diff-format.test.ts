import { describe, expect, test } from '@jest/globals';
import { diffLadders, type LadderDiff } from '../../src/core/diff.js';
import { escapeMarkdown } from '../../src/core/markdown-escape.js';
import { diffToJson, diffToMarkdown, diffToText, segmentsToMarkdown } from '../../src/report/diff-format.js';
import { diffAfter, edit, ladderFiles, ladderOf, without } from '../diff/helpers.js';

const E4 = 'levels/ic/E4.md';
const hostile = 'toward simplicity and consistency. Writes <script>alert(1)</script> & pings @someone, see [x](javascript:alert(1)) | col';

/** A major diff with a hostile expectation and a hostile title. */
function hostileDiff(): LadderDiff {
  return diffAfter((f) =>
    edit(
      edit(f, E4, 'toward simplicity and consistency.', hostile),
      'levels/em/M1.md',
      'title: Engineering Manager',
      'title: "Manager <img src=x onerror=alert(1)> @team | x"',
    ),
  );
}

/** A diff with a word change in every section of every level. */
function bigDiff(): LadderDiff {
  const files = ladderFiles().map((f) =>
    f.path.startsWith('levels/') ? { ...f, text: f.text.replace(/^(## .+\n\n- )/gm, '$1Always, and with written evidence, ') } : f,
  );
  return diffLadders(ladderOf(ladderFiles()), ladderOf(files));
}

describe('diffToMarkdown', () => {
  test('file text is escaped: no raw HTML, no live @mention, no table break', () => {
    const md = diffToMarkdown(hostileDiff());
    expect(md).not.toContain('<script>');
    expect(md).not.toContain('<img');
    expect(md).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(md).toContain('&amp;');
    expect(md).not.toMatch(/@someone|@team/);
    expect(md).toContain('@\u200bsomeone');
    expect(md).toContain('@\u200bteam');
    expect(md).toContain('\\[x\\](javascript');
    // Only the tags the renderer writes itself.
    const tags = new Set([...md.matchAll(/<\/?([a-z]+)/g)].map((m) => m[1]));
    for (const tag of tags) expect(['details', 'summary', 'strong', 'ins', 'del', 'br', 'em']).toContain(tag);
    // Every row of a table has its header's column count: a "|" from a file is escaped.
    const tables: string[][] = [];
    let previous = '';
    for (const line of md.split('\n')) {
      if (line.startsWith('|')) {
        if (!previous.startsWith('|')) tables.push([]);
        tables[tables.length - 1]?.push(line);
      }
      previous = line;
    }
    expect(tables.length).toBeGreaterThanOrEqual(2);
    for (const rows of tables) expect(new Set(rows.map((row) => row.replace(/\\\|/g, '').split('|').length)).size).toBe(1);
  });

  test('the verdict, the reasons, the tables and the word diff', () => {
    const md = diffToMarkdown(
      diffAfter((f) => edit(without(f, 'levels/em/M4.md'), E4, 'toward simplicity and consistency.', 'toward simplicity, security and consistency.')),
    );
    expect(md).toMatch(/^### Ladder diff: 🔴 major\n/);
    expect(md).toContain('The version should be **2.0.0**.');
    expect(md).toContain('- Level M4 (Senior Director of Engineering) was removed.');
    expect(md).toContain('| removed | M4 | Senior Director of Engineering (track em, band principal) |');
    expect(md).toContain('| principal | E7 = M4 | — |');
    expect(md).toContain('<del>simplicity</del> <ins>simplicity, security</ins> and consistency.');
    expect(md).toContain('| packets/2026\\-h2/marcus\\-bell\\-track\\-switch.md'.replace(/\\-/g, '-'));
  });

  test('short word diffs are inline, long ones in <details>', () => {
    const short = diffToMarkdown(diffAfter((f) => edit(f, E4, 'toward simplicity and', 'toward clarity and')));
    expect(short).not.toContain('<details>');
    // The changed line in full, the unchanged lines around it elided.
    expect(short).toContain(
      '- **E4 · System design**: changed, +1 / −1 words: …<br>\n\\- Reviews every significant design in the team and steers it toward <del>simplicity</del> <ins>clarity</ins> and consistency.<br>\n…\n',
    );
    const long = diffToMarkdown(diffAfter((f) => edit(f, E4, '## Delivery\n', `## Delivery\n\n- ${'Ships every week with care. '.repeat(20)}\n`)));
    expect(long).toContain('<details><summary><strong>E4 · Delivery</strong>: changed, +101 / −0 words</summary>\n\n');
    expect(long.split('<details>').length).toBe(long.split('</details>').length);
  });

  test('competencies and other changes get their own sections', () => {
    const diff = diffAfter((f) =>
      edit(
        edit(f, 'competencies.yml', 'name: Growing others', 'name: Developing others'),
        'ladder.yml',
        'min: 180000, max: 230000',
        'min: 185000, max: 235000',
      ),
    );
    const md = diffToMarkdown(diff);
    expect(md).toContain(
      '#### Competencies\n\n| change | competency | details |\n| --- | --- | --- |\n| renamed | growing-others | Growing others → Developing others |\n',
    );
    expect(md).toContain('#### Other changes\n\n- Band "Senior": pay changed');
    const text = diffToText(diff);
    expect(text).toContain('Competencies\n  ~ growing-others renamed "Growing others" → "Developing others"');
    expect(text).toContain('Other changes\n  - Band "Senior": pay changed from USD 180000–230000 to USD 185000–235000.');
  });

  test('no change says so', () => {
    const md = diffToMarkdown(diffLadders(ladderOf(ladderFiles()), ladderOf(ladderFiles())));
    expect(md).toContain('**Verdict: none**');
    expect(md).toContain('No change to the ladder.');
  });

  test('maxChars is never exceeded; long diffs shrink, then are cut with a notice', () => {
    const diff = bigDiff();
    const full = diffToMarkdown(diff);
    expect(full.length).toBeGreaterThan(10_000);
    for (const maxChars of [300, 1000, 5000, 10_000]) {
      const md = diffToMarkdown(diff, { maxChars });
      expect(md.length).toBeLessThanOrEqual(maxChars);
      expect(md).toContain('**Verdict: major**');
      if (maxChars >= 1000) expect(md).toMatch(/Cut to fit the comment: \d+ more changes? not shown/);
      expect(md.split('<details>').length).toBe(md.split('</details>').length);
    }
    expect(diffToMarkdown(diff, { maxChars: full.length })).toBe(full);
    expect(diffToMarkdown(diff, { maxChars: 50 }).length).toBeLessThanOrEqual(50);
  });

  test('segmentsToMarkdown keeps line breaks and spacing, and makes list markers literal', () => {
    expect(
      segmentsToMarkdown([
        { kind: 'removed', text: 'x ' },
        { kind: 'same', text: 'a' },
        { kind: 'added', text: '\n- b' },
        { kind: 'same', text: '\n1. c' },
      ]),
    ).toBe('<del>x</del> a<br>\n<ins>\\- b</ins><br>\n1\\. c');
    expect(escapeMarkdown('a_b *c* `d` #1 $x$ ~e~ @f')).toBe('a\\_b \\*c\\* \\`d\\` \\#1 \\$x\\$ \\~e\\~ @\u200bf');
  });
});

describe('diffToText', () => {
  test('readable in a terminal, verdict on the last line, markers around changed words', () => {
    const text = diffToText(diffAfter((f) => edit(f, E4, 'toward simplicity and consistency.', 'toward simplicity, security and consistency.')));
    const lines = text.trimEnd().split('\n');
    expect(lines[lines.length - 1]).toBe('Verdict: major (asks something new of engineers: raise the major version)');
    expect(text).toContain('Why major:\n  - Level E4 (Senior Engineer) asks for more in "System design".');
    expect(text).toContain('E4 · System design  changed, +2 -1 words');
    expect(text).toContain('[-simplicity-] {+simplicity, security+} and consistency.');
    expect(text).toContain('Version: 1.1.0 → 1.1.0; suggested 2.0.0');
    expect(text).not.toContain('\u001b');
  });

  test('colour on request; control characters from files never reach the terminal', () => {
    const diff = diffAfter((f) => edit(f, E4, 'title: Senior Engineer', 'title: "Senior \\e[31mEngineer\\a"'));
    expect(diff.levels.retitled[0]?.to).toContain('\u001b');
    const plain = diffToText(diff);
    expect(plain).not.toContain('\u001b');
    expect(plain).not.toContain('\u0007');
    const colored = diffToText(diff, { color: true });
    expect(colored).toContain('\u001b[33m');
    expect(colored).not.toContain('\u001b[31mEngineer');
    expect(diffToText(diffLadders(ladderOf(ladderFiles()), ladderOf(ladderFiles())))).toBe(
      'No change to the ladder.\n\nVersion: 1.1.0 → 1.1.0\nVerdict: none (no change to the ladder)\n',
    );
  });
});

describe('diffToJson', () => {
  test('is the diff itself', () => {
    const diff = hostileDiff();
    expect(JSON.parse(diffToJson(diff))).toEqual(JSON.parse(JSON.stringify(diff)));
    expect(diffToJson(diff).endsWith('}\n')).toBe(true);
  });
});
