import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { surveyRowsLine } from '../../src/core/survey/sniff.js';

/**
 * The sniff's definition, line by line (what it was before it searched the text once): two
 * `manager:` keys, or a header row with a "manager" cell followed by a table's delimiter row and
 * rows, or by comma-separated rows with as many commas. The fast sniff must agree with it.
 */
function byLines(text: string): number | undefined {
  const lines = text.split(/\r\n|\r|\n/);
  const keyLines: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (!/manager/i.test(line)) continue;
    if (/^[ \t]*(?:-[ \t]+)?["']?manager["']?[ \t]*:/i.test(line)) keyLines.push(i);
    if (keyLines.length >= 2) return (keyLines[0] as number) + 1;
    const pipe = line.includes('|');
    if ((!pipe && !line.includes(',')) || i + 2 >= lines.length) continue;
    const cells = line.split(pipe ? '|' : ',').map((c) =>
      c
        .trim()
        .replace(/^["']|["']$/g, '')
        .toLowerCase(),
    );
    if (!cells.includes('manager') || cells.filter((c) => c !== '').length < 2) continue;
    const rows = lines.slice(i + (pipe ? 2 : 1), i + (pipe ? 4 : 3));
    const commas = (l: string) => l.split(',').length;
    const body = pipe ? /^\s*\|?\s*:?-{3,}/.test(lines[i + 1] as string) && rows.every((r) => r.includes('|')) : rows.every((r) => commas(r) === commas(line));
    if (body) return i + 1;
  }
  return undefined;
}

const pieces = [
  'manager',
  'Manager',
  'MANAGER',
  "'manager'",
  '"manager":',
  'manager:',
  ' Manager: x',
  '- manager: y',
  '| manager | team |',
  '|---|---|',
  '| a | b |',
  'a,manager,c',
  'a, the manager, c',
  '1,2,3',
  'x,y',
  '|',
  ',',
  ' ',
  '\t',
  '\u00a0',
  '\v',
  'prose about a manager, with commas',
  '\n',
  '\n\n',
  '\r\n',
  '\r',
];

describe('surveyRowsLine', () => {
  test('agrees with the line-by-line definition on texts made of survey-like pieces', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 16 }), (parts) => {
        const text = parts.join('');
        expect(surveyRowsLine(text)).toBe(byLines(text));
      }),
      { numRuns: 20_000 },
    );
  });

  test.each([
    ['two manager keys', 'manager: a\nx: 1\nmanager: b\n', 1],
    ['a table with a manager column', 'intro\n| manager | score |\n| --- | --- |\n| a | 3 |\n| b | 4 |\n', 2],
    ['comma-separated rows under a header', 'team,manager,score\nx,a,3\ny,b,4\n', 1],
    ['old Mac line endings', 'x\rmanager: a\rmanager: b\r', 2],
    ['a packet naming its manager once', '---\nmanager: a\n---\nThe manager, who helped, agreed.\n', undefined],
    ['prose about managers, with commas', 'A manager, a peer, a lead.\nA manager, a peer, a lead.\nA manager, a peer, a lead.\n', undefined],
  ])('%s', (_, text, line) => {
    expect(surveyRowsLine(text)).toBe(line);
  });
});
