import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { checkLadder } from '../../src/check.js';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import type { SourceFile } from '../../src/core/source-file.js';
import { readLadderDir } from '../../src/node/read-ladder-dir.js';
import { runCli } from '../helpers/cli.js';
import { edit, exampleFiles, move, positionOf, textOf, where, withFile, without, writeLadder } from '../helpers/ladder-files.js';

/*
 * A linter's normal input is broken. Each hostile file below must give a diagnostic with file,
 * line and column, without a throw or a hang, while every other file is still checked. To prove
 * the last part, every test plants two independent errors in other files:
 *  - M3's front matter misspells "summary" (a schema error found while loading that file), and
 *  - E2 misspells its "Delivery" section (a level-sections error, found by the model rules, which
 *    need ladder.yml and competencies.yml: it is only expected when those two are intact).
 */

const M3 = 'levels/em/M3.md';
const E2 = 'levels/ic/E2.md';
const E4 = 'levels/ic/E4.md';

function plant(files: readonly SourceFile[]): SourceFile[] {
  return edit(edit(files, M3, 'summary:', 'summry:'), E2, '## Delivery\n', '## Delivry\n');
}

/** The example ladder with the two planted errors. */
const planted = () => plant(exampleFiles());

interface Expected {
  rule: string;
  file: string;
  line: number;
  /** Omitted where only the line is stable (alias bombs stop at whichever alias tips the count). */
  column?: number;
}

/**
 * Checks hostile files (the planted ones included) and asserts: no throw, done within `ms`, the
 * expected diagnostic with its message, every diagnostic placed, and the planted errors found.
 */
function checkHostile(files: readonly SourceFile[], expected: Expected, message: RegExp, options: { modelRules?: boolean; ms?: number } = {}): Diagnostic[] {
  const started = performance.now();
  const { diagnostics } = checkLadder(files);
  // Generous bounds for slow CI machines; a hang or an exponential blow-up is orders of magnitude slower.
  expect(performance.now() - started).toBeLessThan(options.ms ?? 5000);
  const matches = (d: Diagnostic) =>
    d.file === expected.file && d.rule === expected.rule && d.line === expected.line && (expected.column === undefined || d.column === expected.column);
  expect(diagnostics.map(where)).toContainEqual(expect.objectContaining(expected));
  expect(diagnostics.find(matches)?.message).toMatch(message);
  for (const d of diagnostics) {
    expect(Number.isInteger(d.line) && d.line >= 1 && Number.isInteger(d.column) && d.column >= 1).toBe(true);
    expect(d.file.length).toBeGreaterThan(0);
    expect(d.message).not.toMatch(/a bug in ladder-as-code/);
  }
  expect(diagnostics.map(where)).toContainEqual({ rule: 'schema', file: M3, ...positionOf(files, M3, 'summry') });
  if (options.modelRules !== false) {
    expect(diagnostics.map(where)).toContainEqual({ rule: 'level-sections', file: E2, ...positionOf(files, E2, 'Delivry') });
  }
  return diagnostics;
}

describe('the planted errors alone', () => {
  test('are exactly what the example then reports', () => {
    const files = planted();
    expect(checkLadder(files).diagnostics.map(where)).toEqual([
      { rule: 'schema', file: M3, ...positionOf(files, M3, 'id: M3') }, // missing "summary": at the first key
      { rule: 'schema', file: M3, ...positionOf(files, M3, 'summry') },
      { rule: 'level-sections', file: E2, line: 3, column: 5 }, // no "Delivery" section
      { rule: 'level-sections', file: E2, ...positionOf(files, E2, 'Delivry') },
    ]);
  });
});

describe('YAML that does not parse', () => {
  test('a syntax error', () => {
    const files = edit(planted(), 'ladder.yml', 'quorum: 3', 'quorum: [3');
    // js-yaml notices at the next key, after the comment line.
    checkHostile(files, { rule: 'yaml-syntax', file: 'ladder.yml', ...positionOf(files, 'ladder.yml', 'ladderApprovers') }, /bracket or quote left open/, {
      modelRules: false,
    });
  });

  test('tab indentation', () => {
    const files = edit(planted(), 'competencies.yml', '    name: Delivery', '\tname: Delivery');
    checkHostile(
      files,
      { rule: 'yaml-syntax', file: 'competencies.yml', line: positionOf(files, 'competencies.yml', '\tname').line, column: 1 },
      /Indent with spaces/,
      {
        modelRules: false,
      },
    );
  });

  test('duplicate keys', () => {
    const files = edit(planted(), 'ladder.yml', '  quorum: 3\n', '  quorum: 3\n  quorum: 4\n');
    checkHostile(
      files,
      { rule: 'yaml-syntax', file: 'ladder.yml', ...positionOf(files, 'ladder.yml', 'quorum: 4'), column: 3 },
      /Duplicated mapping key\. Remove or rename one/,
      {
        modelRules: false,
      },
    );
  });

  test('duplicate keys in front matter, positions in the Markdown file', () => {
    const files = edit(planted(), E4, 'band: senior\n', 'band: senior\nband: staff\n');
    checkHostile(files, { rule: 'yaml-syntax', file: E4, ...positionOf(files, E4, 'band: staff') }, /Duplicated mapping key/);
  });

  test('a multi-document YAML file', () => {
    const ladder = textOf(planted(), 'ladder.yml');
    const files = withFile(planted(), 'ladder.yml', `${ladder}---\norganization: Second\n...\n`);
    checkHostile(files, { rule: 'yaml-syntax', file: 'ladder.yml', line: ladder.split('\n').length, column: 1 }, /Only one YAML document is allowed here/, {
      modelRules: false,
    });
  });
});

describe('resource exhaustion', () => {
  /** "Billion laughs": 9 levels of 9 aliases each would expand to 9^9 (387 million) nodes. */
  function aliasBomb(): string {
    const lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
    for (let i = 1; i < 9; i++) {
      const name = String.fromCharCode(97 + i);
      const previous = String.fromCharCode(96 + i);
      lines.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
    }
    return `${lines.join('\n')}\n`;
  }

  test('an alias bomb is refused quickly, pointing at an alias', () => {
    const files = withFile(planted(), 'ladder.yml', aliasBomb());
    const found = checkHostile(files, { rule: 'yaml-syntax', file: 'ladder.yml', line: 6 }, /expands to more than 200,000 nodes/, {
      modelRules: false,
      ms: 2000,
    });
    const bomb = found.find((d) => d.rule === 'yaml-syntax') as Diagnostic;
    expect(aliasBomb().split('\n')[bomb.line - 1]?.[bomb.column - 1]).toBe('*');
  });

  test('an alias bomb in front matter', () => {
    const bomb = aliasBomb().replace(/^/gm, '  ').trimEnd();
    const files = edit(planted(), E4, 'band: senior\n', `band: senior\nlaughs:\n${bomb}\n`);
    const found = checkHostile(files, { rule: 'yaml-syntax', file: E4, line: positionOf(files, E4, '  f: &f').line }, /expands to more than/, {
      ms: 2000,
    });
    expect(found.filter((d) => d.file === E4).map((d) => d.rule)).toEqual(['yaml-syntax']);
  });

  test('flow nesting 10,000 deep', () => {
    const files = withFile(planted(), 'ladder.yml', `organization: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`);
    checkHostile(
      files,
      { rule: 'yaml-syntax', file: 'ladder.yml', line: 1, column: 'organization: '.length + 64 },
      /Ladder files never need more than 64 levels of nesting/,
      { modelRules: false },
    );
  });

  test('block nesting 10,000 deep (sequences)', () => {
    let text = '';
    for (let depth = 0; depth < 10_000; depth++) text += `${' '.repeat(depth)}-\n`;
    const files = withFile(planted(), 'competencies.yml', text);
    checkHostile(files, { rule: 'yaml-syntax', file: 'competencies.yml', line: 65, column: 65 }, /64 levels of nesting/, { modelRules: false });
  });

  test('block nesting 10,000 deep (mappings)', () => {
    let text = '';
    for (let depth = 0; depth < 10_000; depth++) text += `${' '.repeat(depth)}k:\n`;
    const files = withFile(planted(), 'competencies.yml', text);
    checkHostile(files, { rule: 'yaml-syntax', file: 'competencies.yml', line: 64, column: 64 }, /64 levels of nesting/, { modelRules: false });
  });

  test('a large file under the size limit is checked, and fast', () => {
    const bullets = '- Writes design documents that the whole organization reads, and answers every question on them.\n'.repeat(30_000);
    const files = edit(planted(), E4, '## Delivery\n', `## Delivery\n\n${bullets}\n`);
    expect(textOf(files, E4).length).toBeGreaterThan(2.5 * 1024 * 1024);
    const { diagnostics } = checkLadder(files);
    expect(diagnostics.filter((d) => d.file === E4)).toEqual([]);
    checkHostile(files, { rule: 'schema', file: M3, ...positionOf(files, M3, 'summry') }, /Did you mean "summary"/);
  });
});

describe('files on disk, through readLadderDir', () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'ladder-bad-input-'));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  /** Writes the planted example to a fresh directory, with `hostile` written over one file. */
  function ladderWith(name: string, path: string, hostile: Uint8Array | string): string {
    const dir = writeLadder(join(work, name), planted());
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), hostile);
    return dir;
  }

  test('a 50 MB file is refused unread, and the rest is checked', async () => {
    const dir = ladderWith('huge', E4, Buffer.alloc(50 * 1024 * 1024, 'a'));
    const files = readLadderDir(dir);
    expect(files.find((f) => f.path === E4)).toEqual({ path: E4, problem: expect.stringMatching(/^The file is 50\.0 MiB, over the 4 MiB limit/) });
    checkHostile(files, { rule: 'file-read', file: E4, line: 1, column: 1 }, /Split it or remove what does not belong in it/);
    const cli = await runCli(['check', dir, '--format', 'json'], work);
    expect(cli.status).toBe(1);
    expect(JSON.parse(cli.stdout).diagnostics).toContainEqual(expect.objectContaining({ rule: 'file-read', file: `huge/${E4}`, line: 1, column: 1 }));
  });

  test('binary junk with NUL bytes', () => {
    const junk = randomBytes(4096);
    junk[100] = 0;
    const dir = ladderWith('binary', 'ladder.yml', junk);
    checkHostile(readLadderDir(dir), { rule: 'file-read', file: 'ladder.yml', line: 1, column: 1 }, /NUL bytes: it looks binary/, { modelRules: false });
  });

  test('invalid UTF-8 without NUL bytes', () => {
    const junk = Buffer.from(Array.from({ length: 4096 }, (_, i) => 0x80 + (i % 0x7f)));
    expect(junk.includes(0)).toBe(false);
    const dir = ladderWith('latin', E4, junk);
    checkHostile(readLadderDir(dir), { rule: 'file-read', file: E4, line: 1, column: 1 }, /not valid UTF-8 text\. Save it as UTF-8\./);
  });

  test('junk that happens to be valid text reaches the parsers and comes out as diagnostics', () => {
    // Seeded, so that a failure can be reproduced.
    let seed = 2;
    const byte = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return 1 + (seed % 255);
    };
    for (let round = 0; round < 20; round++) {
      const junk = Buffer.from(Array.from({ length: 2048 }, byte)).toString('latin1');
      const { diagnostics } = checkLadder(withFile(withFile(planted(), 'ladder.yml', junk), E4, junk));
      for (const d of diagnostics) expect(d.line >= 1 && d.column >= 1).toBe(true);
      expect(diagnostics.some((d) => d.file === E4)).toBe(true);
      expect(diagnostics.some((d) => d.file === 'ladder.yml')).toBe(true);
    }
  });

  test('a directory with no ladder.yml: missing-file, exit status 1; a directory that does not exist: exit status 2', async () => {
    const dir = writeLadder(join(work, 'headless'), without(planted(), 'ladder.yml'));
    const files = readLadderDir(dir);
    const found = checkLadder(files).diagnostics;
    expect(found.map(where)).toContainEqual({ rule: 'missing-file', file: 'ladder.yml', line: 1, column: 1 });
    expect(found.map(where)).toContainEqual({ rule: 'schema', file: M3, ...positionOf(files, M3, 'summry') });
    expect((await runCli(['check', 'headless'], work)).status).toBe(1);
    const missing = await runCli(['check', 'no-such-ladder'], work);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/cannot read .*no-such-ladder: ENOENT/);
  });

  test('an empty directory', async () => {
    mkdirSync(join(work, 'empty'));
    const cli = await runCli(['check', 'empty', '--format', 'json'], work);
    expect(cli.status).toBe(1);
    expect(JSON.parse(cli.stdout).diagnostics.map((d: Diagnostic) => `${d.rule} ${d.file}`)).toEqual([
      'missing-file empty/competencies.yml',
      'missing-file empty/ladder.yml',
    ]);
  });
});

describe('empty and half-written files', () => {
  test('an empty ladder.yml', () => {
    const files = withFile(planted(), 'ladder.yml', '');
    checkHostile(
      files,
      { rule: 'schema', file: 'ladder.yml', line: 1, column: 1 },
      /ladder\.yml must be a mapping of keys to values \(nothing \(an empty value\) found\)/,
      {
        modelRules: false,
      },
    );
  });

  test('a ladder.yml of comments only', () => {
    const files = withFile(planted(), 'ladder.yml', '# nothing yet\n');
    checkHostile(files, { rule: 'schema', file: 'ladder.yml', line: 1, column: 1 }, /must be a mapping/, { modelRules: false });
  });

  test('an empty level file', () => {
    const files = withFile(planted(), E4, '');
    checkHostile(files, { rule: 'front-matter', file: E4, line: 1, column: 1 }, /This file has none/);
  });

  test('an empty competencies.yml', () => {
    const files = withFile(planted(), 'competencies.yml', '');
    checkHostile(files, { rule: 'schema', file: 'competencies.yml', line: 1, column: 1 }, /competencies\.yml must be a mapping/, { modelRules: false });
  });

  test('front matter that never closes', () => {
    const files = edit(planted(), E4, /\n---\n/, '\n');
    checkHostile(files, { rule: 'front-matter', file: E4, line: 1, column: 1 }, /never closes; add a line "---" after its last key/);
  });

  test('a scalar where a mapping is expected', () => {
    const files = withFile(planted(), 'ladder.yml', 'hello\n');
    checkHostile(files, { rule: 'schema', file: 'ladder.yml', line: 1, column: 1 }, /ladder\.yml must be a mapping of keys to values \("hello" found\)/, {
      modelRules: false,
    });
  });

  test('front matter that is a list', () => {
    const files = withFile(planted(), E4, '---\n- id: E4\n---\n\n## Delivery\n\n- x\n');
    checkHostile(files, { rule: 'schema', file: E4, line: 2, column: 1 }, /The front matter must be a mapping/);
  });

  test('values of the wrong type everywhere do not crash the rules', () => {
    const files = withFile(planted(), 'ladder.yml', 'organization: 5\nversion: [1]\nbands: 7\ntracks: { ic: 1 }\npolicy: { rules: [] }\ngovernance: null\n');
    const found = checkHostile(files, { rule: 'schema', file: 'ladder.yml', line: 3, column: 8 }, /bands must be a list, not number 7/, { modelRules: false });
    expect(found.filter((d) => d.file === 'ladder.yml').length).toBeGreaterThanOrEqual(5);
  });

  test('list items of the wrong type', () => {
    const files = edit(planted(), 'ladder.yml', 'bands:\n', 'bands:\n  - null\n  - 3\n  - [entry]\n');
    checkHostile(files, { rule: 'schema', file: 'ladder.yml', ...positionOf(files, 'ladder.yml', 'null') }, /bands\[0\] must be a mapping, not nothing/);
  });
});

describe('encodings and line ends', () => {
  /** ladder.yml with an unknown key on line 3, column 1 (after the two comment lines of the example). */
  const colourOnLine3 = () => {
    const text = textOf(planted(), 'ladder.yml').split('\n');
    text.splice(2, 0, 'colour: blue');
    return text.join('\n');
  };

  test('the unknown key is on line 3, column 1 without a BOM', () => {
    const files = withFile(planted(), 'ladder.yml', colourOnLine3());
    checkHostile(files, { rule: 'schema', file: 'ladder.yml', line: 3, column: 1 }, /Unknown key "colour"/);
  });

  test('a UTF-8 BOM: still parses, and line 3 column 1 stays 3:1', () => {
    const files = withFile(planted(), 'ladder.yml', `\ufeff${colourOnLine3()}`);
    const found = checkHostile(files, { rule: 'schema', file: 'ladder.yml', line: 3, column: 1 }, /Unknown key "colour"/);
    expect(found.filter((d) => d.file === 'ladder.yml')).toHaveLength(1);
  });

  test('a BOM before front matter', () => {
    const files = withFile(planted(), E4, `\ufeff${textOf(planted(), E4).replace('## Delivery', '## Delivary')}`);
    const found = checkHostile(files, { rule: 'level-sections', file: E4, ...positionOf(files, E4, 'Delivary') }, /Did you mean "Delivery"\?/);
    expect(found.filter((d) => d.file === E4).map((d) => d.rule)).toEqual(['level-sections', 'level-sections']);
  });

  test('CRLF line ends: positions are those of the LF file', () => {
    const lf = withFile(planted(), 'ladder.yml', colourOnLine3());
    const crlfText = colourOnLine3().replace(/\n/g, '\r\n');
    const files = withFile(planted(), 'ladder.yml', crlfText);
    checkHostile(files, { rule: 'schema', file: 'ladder.yml', line: 3, column: 1 }, /Unknown key "colour"/);
    expect(checkLadder(files).diagnostics).toEqual(checkLadder(lf).diagnostics);
  });

  test('CRLF in a level file: front matter, sections and positions', () => {
    const lf = edit(planted(), E4, '## System design', '## Sytem design');
    const files = withFile(lf, E4, textOf(lf, E4).replace(/\n/g, '\r\n'));
    checkHostile(files, { rule: 'level-sections', file: E4, ...positionOf(lf, E4, 'Sytem design') }, /Did you mean "System design"\?/);
    expect(checkLadder(files).diagnostics).toEqual(checkLadder(lf).diagnostics);
  });

  test('CRLF and a BOM in every file of the example: still no problems', () => {
    const files = exampleFiles().map((f) => ('text' in f ? { path: f.path, text: `\ufeff${f.text.replace(/\n/g, '\r\n')}` } : f));
    expect(checkLadder(files).diagnostics).toEqual([]);
  });
});

describe('files in the wrong place', () => {
  test('a level in the folder of another track', () => {
    const files = move(planted(), E4, 'levels/em/E4.md');
    checkHostile(files, { rule: 'file-location', file: 'levels/em/E4.md', line: 4, column: 8 }, /move the file to levels\/ic\/E4\.md, or correct its track/);
  });

  test('a level at the wrong depth', () => {
    const files = move(planted(), E4, 'levels/E4.md');
    checkHostile(files, { rule: 'file-location', file: 'levels/E4.md', line: 1, column: 1 }, /move it to levels\/<track>\/<level id>\.md/);
  });
});
