import type { Position } from '../core/diagnostic.js';
import { type LimitProblem, scanMarkdownLimits } from '../core/markdown-limits.js';
import type { Rule } from './rule.js';

/**
 * Level and packet Markdown stays within what the site renderer parses in linear time and without
 * overflowing the stack (src/core/markdown-limits.ts says why each limit is what it is). The
 * renderer shows a piece beyond them as plain text; this rule says so first, where it happens.
 *
 * Packets are checked too, though the site never renders them: the pull-request comment and any
 * later tool that reads them get the same guarantee, and a packet is prose like a level.
 */
export const markdownLimits: Rule = {
  id: 'markdown-limits',
  severity: 'error',
  group: 'input',
  description: 'Level and packet Markdown stays within what the renderer can take: nesting, line length, paragraph size and tables.',
  check({ ladder, report }) {
    const scan = (file: string, text: string, start: Position, where: string) => {
      if (text === '') return;
      for (const problem of scanMarkdownLimits(text)) {
        // Positions are within the piece; its first line starts at `start`'s column.
        const line = start.line + problem.line - 1;
        const column = problem.line === 1 ? start.column + problem.column - 1 : problem.column;
        report({ file, at: { line, column } }, messageOf(problem, where));
      }
    };
    for (const level of ladder.levels) {
      scan(level.origin.file, level.intro, level.introAt, 'the introduction');
      for (const s of level.sections) scan(level.origin.file, s.body, s.bodyAt, `section "${s.name}"`);
    }
    for (const packet of ladder.packets) {
      scan(packet.origin.file, packet.summary, packet.summaryAt, 'the summary');
      for (const s of packet.sections) scan(packet.origin.file, s.body, s.bodyAt, `section "${s.name}"`);
    }
  },
};

const count = (n: number) => n.toLocaleString('en-US');

function messageOf(p: LimitProblem, where: string): string {
  const { value, max } = p;
  const plain = 'the site would show it as plain text';
  switch (p.limit) {
    case 'nesting':
      return `This line nests ${count(value)} levels deep (each ">", list marker and footnote label counts one, and so do every two columns of indentation before the text); at most ${count(max)} can be rendered and ${plain}. Use fewer levels of lists or block quotes, or less indentation.`;
    case 'lineLength':
      return `This line is ${count(value)} characters long; lines may be at most ${count(max)}. Break it into shorter lines: a single line break inside a paragraph does not show on the site.`;
    case 'paragraphLines':
      return `This paragraph (or list item, table or code block) runs on for ${count(value)} lines without a blank line; at most ${count(max)} can be rendered and ${plain}. Split it with blank lines.`;
    case 'emphasis':
      return `This paragraph (or list item) has ${count(value)} "*", "_" and "~" characters; at most ${count(max)} in one paragraph can be rendered and ${plain}. Split it with blank lines, or escape the characters meant literally (\\*, \\_, \\~).`;
    case 'brackets':
      return `This paragraph (or list item) has ${count(value)} "[" and "]" characters; at most ${count(max)} in one paragraph can be rendered and ${plain}. Split it with blank lines, or escape the brackets meant literally (\\[, \\]).`;
    case 'codeScan':
      return `This backtick opens a code span that never closes, and the paragraph has too many such backticks to be rendered (${plain}). Close each code span with a run of as many backticks, or escape stray backticks as \\\`.`;
    case 'tableColumns':
      return `This table has ${count(value)} columns; at most ${count(max)} can be rendered and ${plain}. Split it into narrower tables, or use a list.`;
    case 'tableCells':
      return `The tables in ${where} have ${count(value)} cells (every row counts at the width of its table's header); at most ${count(max)} in one section can be rendered and ${plain}. Make the tables smaller, or split them across sections.`;
  }
}
