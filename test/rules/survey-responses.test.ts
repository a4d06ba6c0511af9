import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { checkLadder } from '../../src/check.js';
import { readForChanged } from '../../src/node/read-changed.js';
import { readLadderDir } from '../../src/node/read-ladder-dir.js';
import { diagnosticsOf, diagnosticsOfRule, exampleDir, exampleFiles, where } from '../helpers/ladder-files.js';

const rule = 'survey-responses';
const SURVEY = 'round: 2026-h2\nquestions:\n  - id: listens\n    text: My manager listens to me.\n    kind: rating\n    scale: { min: 1, max: 5 }\n';
const ANSWERS = 'Timestamp,manager,listens\n2026-10-01 SECRET-TS,sam-okoye,1\n2026-10-02,sam-okoye,5\n';

describe(rule, () => {
  test('the example, and a survey definition, are not survey data', () => {
    expect(diagnosticsOf([...exampleFiles(), { path: 'surveys/2026-h2.yml', text: SURVEY }])).toEqual([]);
  });

  test.each(['answers.csv', 'surveys/2026-h2.csv', 'packets/2026-h2/export.TSV', 'levels/ic/data.csv'])(
    '%s is reported by its name, unread, readable or not',
    (path) => {
      for (const file of [
        { path, text: ANSWERS },
        { path, problem: 'too large' },
      ]) {
        const found = diagnosticsOfRule([...exampleFiles(), file], rule);
        expect(found.map(where)).toEqual([{ rule, file: path, line: 1, column: 1 }]);
        expect(found[0]?.message).toContain('must never enter git');
        expect(found[0]?.message).not.toContain('SECRET');
      }
    },
  );

  test.each([
    ['YAML rows', 'responses:\n  - manager: sam-okoye\n    listens: 1\n  - manager: sam-okoye\n    listens: 5\n', 2],
    ['a Markdown table', '# Answers\n\n| manager | listens | change |\n| --- | --- | --- |\n| sam | 1 | x |\n| sam | 5 | y |\n', 3],
    ['comma-separated lines in Markdown', 'Notes\n\n```\nmanager,listens\nsam,1\nsam,5\n```\n', 4],
  ])('%s under the ladder directory are reported, and never parsed nor quoted', (_what, text, line) => {
    for (const path of ['notes/answers.md', 'surveys/2026-h2.yml', 'answers.yml']) {
      const found = diagnosticsOf([...exampleFiles(), { path, text: text.replace('listens: 1', 'listens: SECRET') }]);
      expect(found.map(where)).toEqual([{ rule, file: path, line, column: 1 }]);
      expect(found[0]?.message).not.toContain('SECRET');
    }
  });

  test('a packet names its manager once: not survey data', () => {
    const files = readLadderDir(exampleDir);
    expect(files.filter((f) => f.path.startsWith('packets/') && 'text' in f && /^manager:/m.test(f.text)).length).toBeGreaterThan(0);
    expect(diagnosticsOfRule(files, rule)).toEqual([]);
  });

  test('the readers list CSV files: the full check, and a pull request that adds one anywhere, packets/ included', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ladder-csv-'));
    try {
      cpSync(exampleDir, dir, { recursive: true });
      writeFileSync(join(dir, 'answers.csv'), ANSWERS);
      mkdirSync(join(dir, 'packets', '2026-h2'), { recursive: true });
      writeFileSync(join(dir, 'packets', '2026-h2', 'export.csv'), ANSWERS);
      const full = checkLadder(readLadderDir(dir)).diagnostics.filter((d) => d.rule === rule);
      expect(full.map((d) => d.file)).toEqual(['answers.csv', 'packets/2026-h2/export.csv']);
      const changed = readForChanged(dir, ['packets/2026-h2/export.csv', 'answers.csv']);
      const paths = changed.files.map((f) => f.path);
      expect(paths.filter((p) => p.endsWith('.csv')).sort()).toEqual(['answers.csv', 'packets/2026-h2/export.csv']);
      expect(new Set(paths).size).toBe(paths.length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
