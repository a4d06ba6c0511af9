import { describe, expect, test } from '@jest/globals';
import { parseMarkdown } from '../../src/core/markdown-document.js';

const names = (text: string) => parseMarkdown(text).sections.map((s) => s.name);

describe('parseMarkdown front matter', () => {
  test('splits front matter from the body, with positions in the whole file', () => {
    const md = parseMarkdown('---\nid: E4\ntrack: ic\n---\n\nIntro text.\n\n## Delivery\n\n- Ships.\n');
    expect(md.problem).toBeUndefined();
    expect(md.frontMatter?.value).toEqual({ id: 'E4', track: 'ic' });
    expect(md.frontMatter?.position('/track')).toEqual({ line: 3, column: 8 });
    expect(md.intro).toBe('Intro text.');
    expect(md.introAt).toEqual({ line: 6, column: 1 });
    expect(md.sections).toEqual([{ name: 'Delivery', at: { line: 8, column: 4 }, body: '- Ships.', bodyAt: { line: 10, column: 1 } }]);
  });

  test('no front matter, front matter that never closes, and front matter that does not parse', () => {
    expect(parseMarkdown('# Title\n## A\n').problem).toEqual({ kind: 'missing', at: { line: 1, column: 1 } });
    expect(parseMarkdown('').problem).toEqual({ kind: 'missing', at: { line: 1, column: 1 } });
    expect(parseMarkdown('---\nid: E4\n## A\n').problem).toEqual({ kind: 'unclosed', at: { line: 1, column: 1 } });
    expect(parseMarkdown('---\nid: E4\nid: E5\n---\n').problem).toEqual({
      kind: 'yaml',
      problem: { line: 3, column: 1, message: expect.stringContaining('Duplicated mapping key') },
    });
  });

  test('closes at end of file without a newline, or with "..."', () => {
    expect(parseMarkdown('---\nid: E4\n---').frontMatter?.value).toEqual({ id: 'E4' });
    expect(parseMarkdown('---\nid: E4\n...\n## A\nx\n').sections).toHaveLength(1);
  });

  test('CRLF', () => {
    const md = parseMarkdown('---\r\nid: E4\r\n---\r\n## A\r\nbody\r\n## B\r\nmore\r\n');
    expect(md.frontMatter?.value).toEqual({ id: 'E4' });
    expect(md.sections).toEqual([
      { name: 'A', at: { line: 4, column: 4 }, body: 'body', bodyAt: { line: 5, column: 1 } },
      { name: 'B', at: { line: 6, column: 4 }, body: 'more', bodyAt: { line: 7, column: 1 } },
    ]);
  });
});

describe('parseMarkdown sections', () => {
  const fm = '---\nid: X\n---\n';

  test('only level-2 headings start sections; deeper ones stay in the body', () => {
    const md = parseMarkdown(`${fm}## A\ntext\n### Sub\nmore\n#### Deeper\n## B\n`);
    expect(md.sections.map((s) => [s.name, s.body])).toEqual([
      ['A', 'text\n### Sub\nmore\n#### Deeper'],
      ['B', ''],
    ]);
  });

  test('a "## " line in a fenced code block is not a section', () => {
    const text = `${fm}## A\n\`\`\`markdown\n## Not a section\n\`\`\`\n## B\n~~~\n## Nor this\n~~~\n`;
    expect(names(text)).toEqual(['A', 'B']);
    expect(parseMarkdown(text).sections[0]?.body).toBe('```markdown\n## Not a section\n```');
  });

  test('a fence closes only with the same character, at least as long', () => {
    expect(names(`${fm}## A\n\`\`\`\`\n\`\`\`\n## in\n~~~\n## in\n\`\`\`\`\n## B\n`)).toEqual(['A', 'B']);
    expect(names(`${fm}## A\n~~~~\n~~~\n## in\n~~~~~\n## B\n`)).toEqual(['A', 'B']);
  });

  test('an unclosed fence runs to the end of the file', () => {
    expect(names(`${fm}## A\n\`\`\`\n## in\n`)).toEqual(['A']);
  });

  test('closing #s are not part of the name; a # inside the name is', () => {
    expect(names(`${fm}## Delivery ##\n## Growing others #####   \n## C#\n## Sharp #tag\n`)).toEqual(['Delivery', 'Growing others', 'C#', 'Sharp #tag']);
  });

  test('the position is that of the heading text', () => {
    const md = parseMarkdown(`${fm}## A\n   ## Indented\n##\tTabbed\n##   Spaced  \n`);
    expect(md.sections.map((s) => [s.name, s.at])).toEqual([
      ['A', { line: 4, column: 4 }],
      ['Indented', { line: 5, column: 7 }],
      ['Tabbed', { line: 6, column: 4 }],
      ['Spaced', { line: 7, column: 6 }],
    ]);
  });

  test('four spaces of indent, or no space after ##, is not a heading', () => {
    expect(names(`${fm}    ## Code\n##NoSpace\n## Real\n`)).toEqual(['Real']);
  });

  test('setext headings are not sections', () => {
    expect(names(`${fm}Title\n=====\nSub\n---\n## Real\n`)).toEqual(['Real']);
  });

  test('an h1 ends the section before it', () => {
    const md = parseMarkdown(`${fm}## A\nbody\n# Title\nafter\n## B\nb\n`);
    expect(md.sections.map((s) => [s.name, s.body])).toEqual([
      ['A', 'body'],
      ['B', 'b'],
    ]);
  });

  test('bodies are trimmed', () => {
    expect(parseMarkdown(`${fm}\n\n## A\n\n\n  text  \n\n\n## B\n`).sections[0]?.body).toBe('text');
  });
});
