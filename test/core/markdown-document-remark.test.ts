import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { parseMarkdown } from '../../src/core/markdown-document.js';
import { disagreement } from '../helpers/markdown-remark.js';

/**
 * The check's section scanner (src/core/markdown-document.ts, which never loads remark) against
 * remark-parse with remark-gfm, the parser the site renders with, on generated documents: they must
 * agree on the sections (level-2 headings at the top level, with their text and line), on what each
 * section holds (the site renders every section body on its own), and on where raw HTML is.
 */

// Building blocks. Words are plain, so that a heading's text as written is its text as rendered.
const word = fc.constantFrom('Delivery', 'Craft', 'team', 'owns', 'x', 'Growing others', 'C#', 'E4', '1:1s');
const inlineHtml = fc.constantFrom(
  '<b>bold</b>',
  '<span class="note">x</span>',
  '<a href="https://example.com">a</a>',
  '<img src=x onerror=alert(1)>',
  '<br/>',
  "<x-custom data-a='1'>",
  '</div>',
  '<div\nclass="two-lines">',
  '<!-- a comment <b> -->',
  '<!-- unclosed <i>',
  '<?php x ?>',
  '<!DOCTYPE html>',
  '<https://example.com>',
  '<jo@example.com>',
  '\\<b>',
  '<div',
  'a < b',
  '3 <4',
  '`<code>`',
  '`` a`<b>`b ``',
  '`unclosed <u>',
  '[x](<dest>)',
  '[x](javascript:alert(1))',
  '**<em>x</em>**',
);
const inline = fc.array(fc.oneof({ arbitrary: word, weight: 4 }, { arbitrary: inlineHtml, weight: 1 }), { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));
const indent = fc.constantFrom('', '', '', ' ', '  ', '   ');
const trailing = fc.constantFrom('', '', ' ', '  ');

/** A block is its lines. */
type Lines = string[];

const atx = fc
  .tuple(
    indent,
    fc.integer({ min: 1, max: 4 }),
    fc.oneof({ arbitrary: word, weight: 3 }, { arbitrary: inline, weight: 1 }),
    fc.constantFrom('', '', ' ##', ' #####', '#', ' \\#'),
    trailing,
  )
  .map(([i, level, text, close, t]): Lines => [`${i}${'#'.repeat(level)} ${text}${close}${t}`]);
const paragraph = fc.array(fc.tuple(indent, inline), { minLength: 1, maxLength: 3 }).map((ls): Lines => ls.map(([i, l]) => i + l));
const setext = fc
  .tuple(paragraph, indent, fc.constantFrom('===', '---', '=', '-', '------'), trailing)
  .map(([p, i, underline, t]): Lines => [...p, `${i}${underline}${t}`]);
const codeLine = fc.constantFrom('## Not a section', '<div>', 'plain', '# h1', '    indented', '---', '</script>', '-->', '~~~~', '```');
const fenced = fc
  .tuple(
    indent,
    fc.constantFrom('```', '~~~', '````', '~~~~~'),
    fc.constantFrom('', 'md', 'html', ' `x`'),
    fc.array(codeLine, { maxLength: 3 }),
    fc.constantFrom('same', 'same', 'longer', 'other', 'shorter', 'none', 'indented', 'text after'),
  )
  .map(([i, fence, info, body, close]): Lines => {
    const other = fence[0] === '`' ? '~~~' : '```';
    const closing = {
      same: fence,
      longer: `${fence}${fence[0]}`,
      other,
      shorter: fence.slice(1),
      none: undefined,
      indented: `    ${fence}`,
      'text after': `${fence} x`,
    }[close];
    return [`${i}${fence}${info}`, ...body, ...(closing === undefined ? [] : [closing])];
  });
const indentedCode = fc
  .tuple(fc.constantFrom('    ', '\t', '     '), fc.array(codeLine, { minLength: 1, maxLength: 3 }))
  .map(([i, body]): Lines => body.map((l) => i + l));
const htmlBlock = fc.constantFrom<Lines>(
  ['<div>', '## Inside HTML', '</div>'],
  ['<div class="x">', '', '## After the blank line'],
  ['<script>', '## y', '<b>', '</script> after'],
  ['<!--', '## z', '<i>', '-->'],
  ['<!-- one --> <b>x</b> <!-- <i>', 'still'],
  ['<x-custom>', '## not here'],
  ['</span>'],
  ['<span>x</span> text'],
  ['<?', '## pi', '?>'],
  ['<![CDATA[', '<b>', ']]>'],
  ['<DIV>', '<p>'],
  ['<table><tr><td>', 'cell', '</td></tr></table>'],
);
const thematic = fc.constantFrom<Lines>(['***'], ['---'], ['- - -'], ['___'], [' * * *'], ['-- -']);
const table = fc.constantFrom<Lines>(['a | b', '--- | ---', 'c | <b>d</b>', '---'], ['| a |', '| - |', '===', '    x'], ['x', 'a|b', '-|-']);
const leaf = fc.oneof(
  { arbitrary: atx, weight: 4 },
  { arbitrary: paragraph, weight: 4 },
  { arbitrary: setext, weight: 3 },
  { arbitrary: fenced, weight: 2 },
  { arbitrary: indentedCode, weight: 1 },
  { arbitrary: htmlBlock, weight: 2 },
  { arbitrary: thematic, weight: 1 },
  { arbitrary: table, weight: 1 },
);

/** Containers: a block quote or a list item around blocks, its later lines marked, indented, or lazy. */
const { block } = fc.letrec((tie) => ({
  block: fc.oneof({ depthSize: 'small', withCrossShrink: true }, { arbitrary: leaf, weight: 5 }, { arbitrary: tie('container'), weight: 2 }),
  container: fc
    .tuple(
      fc.constantFrom('> ', '>', '- ', '* ', '1. ', '2) ', '-   ', '-\t'),
      fc.array(tie('block') as fc.Arbitrary<Lines>, { minLength: 1, maxLength: 2 }),
      fc.constantFrom('marked', 'marked', 'lazy', 'short'),
    )
    .map(([marker, blocks, rest]): Lines => {
      const inner = blocks.flatMap((b, i) => (i === 0 ? b : ['', ...b]));
      const quote = marker.startsWith('>');
      const width = marker === '-\t' ? 2 : marker.length;
      const later = quote ? '> ' : rest === 'short' ? ' ' : ' '.repeat(width);
      return inner.map((l, i) => {
        if (i === 0) return marker + l;
        if (rest === 'lazy' || l === '') return quote && l === '' && rest !== 'lazy' ? '>' : l;
        return later + l;
      });
    }),
}));

const document = fc
  .tuple(
    fc.constantFrom('---\nid: E4\n---\n', '---\nid: E4\n---\n', ''),
    fc.array(fc.tuple(block as fc.Arbitrary<Lines>, fc.constantFrom('\n', '\n\n', '\n\n', '\n\n\n')), { minLength: 1, maxLength: 8 }),
    fc.constantFrom('', '\n'),
  )
  .map(([frontMatter, blocks, end]) => frontMatter + blocks.map(([b, sep], i) => (i === 0 ? '' : sep) + b.join('\n')).join('') + end);

describe('the section scanner agrees with remark', () => {
  test('on generated documents: sections, their bodies, and raw HTML (fast-check)', () => {
    const seen = { sections: 0, setext: 0, tags: 0, documents: 0 };
    fc.assert(
      fc.property(document, (text) => {
        const why = disagreement(text);
        if (why) throw new Error(`${why}\n  in ${JSON.stringify(text)}`);
        const doc = parseMarkdown(text);
        seen.documents++;
        if (doc.sections.length > 0) seen.sections++;
        if (doc.sections.some((s) => !text.split('\n')[s.at.line - 1]?.trimStart().startsWith('#'))) seen.setext++;
        if (doc.html.length > 0) seen.tags++;
      }),
      { numRuns: 500, seed: 20260509 },
    );
    // The documents exercise what is compared: sections (setext ones too) and raw HTML, but not in every one.
    expect(seen.sections / seen.documents).toBeGreaterThan(0.3);
    expect(seen.setext / seen.documents).toBeGreaterThan(0.1);
    expect(seen.tags / seen.documents).toBeGreaterThan(0.2);
    expect(seen.tags).toBeLessThan(seen.documents);
  });
});
