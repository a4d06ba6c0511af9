import { join } from 'node:path';
import { expect, test } from '@jest/globals';
import { HtmlValidate } from 'html-validate';
import { readLadderDir } from '../../src/node/read-ladder-dir.js';
import { renderSite } from '../../src/render/index.js';
import { edit, fixturesDir } from '../helpers/ladder-files.js';
import { ladderOf } from './helpers.js';

// The pages that show forks, codes, families and pay zones pass html-validate's recommended rules, as the example's do.
const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });

test('the pages of the model fixtures pass html-validate (recommended rules)', async () => {
  const files = edit(
    readLadderDir(join(fixturesDir, 'model', 'fork')),
    'ladder.yml',
    'moves:',
    'families:\n  - { id: management, name: Management, tracks: [em] }\n  - { id: engineering-ic, name: Engineering IC, tracks: [sre, swe] }\nmoves:',
  );
  const problems: string[] = [];
  for (const [path, contents] of renderSite(ladderOf(files), { baseUrl: '/' }).files) {
    if (!path.endsWith('.html')) continue;
    const report = await validator.validateString(String(contents), path);
    for (const result of report.results) for (const m of result.messages) problems.push(`${path}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
  }
  expect(problems).toEqual([]);
});
