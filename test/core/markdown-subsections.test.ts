import { describe, expect, test } from '@jest/globals';
import { parseMarkdown } from '../../src/core/markdown-document.js';

const fm = '---\nid: X\n---\n';

describe('parseMarkdown subsections (### under ##, for nested competencies)', () => {
  test('each ## section lists its ### sections, with positions; the body still holds them', () => {
    const md = parseMarkdown(`${fm}## Pillar\nown text\n\n### One\n- a\n#### Deeper\n- b\n###  Two ##\n\n## Next\nplain\n`);
    const [pillar, next] = md.sections;
    expect(pillar?.body).toBe('own text\n\n### One\n- a\n#### Deeper\n- b\n###  Two ##');
    expect(pillar?.subsections).toEqual([
      { name: 'One', at: { line: 7, column: 5 }, body: '- a\n#### Deeper\n- b', bodyAt: { line: 8, column: 1 } },
      { name: 'Two', at: { line: 11, column: 6 }, body: '', bodyAt: { line: 12, column: 1 } },
    ]);
    expect(next?.subsections).toBeUndefined();
  });

  test('a ### before the first ## section, or inside fenced code, is no subsection', () => {
    const md = parseMarkdown(`${fm}### Loose\n## A\n\`\`\`\n### In code\n\`\`\`\n`);
    expect(md.intro).toBe('### Loose');
    expect(md.sections[0]?.subsections).toBeUndefined();
  });

  test('a # heading closes the open ## section and its subsection', () => {
    const md = parseMarkdown(`${fm}## A\n### S\nx\n# Title\n### After\n`);
    expect(md.sections.map((s) => [s.name, s.subsections?.map((t) => [t.name, t.body])])).toEqual([['A', [['S', 'x']]]]);
  });
});
