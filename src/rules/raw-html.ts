import type { HtmlTag } from '../core/markdown-document.js';
import type { Rule } from './rule.js';

/** Ladder and packet Markdown is plain Markdown: raw HTML and script links are stripped when rendered, so flag them where they are written. */
export const rawHtml: Rule = {
  id: 'raw-html',
  severity: 'warning',
  group: 'input',
  description: 'Level and packet Markdown holds no raw HTML or javascript:/data: links (they are stripped when rendered).',
  check({ ladder, report }) {
    const flag = (file: string, tags: HtmlTag[]) => {
      for (const tag of tags) {
        report(
          { file, at: tag.at },
          `Raw HTML (${tag.what}) is not allowed in ladder Markdown; it is removed when rendered and never runs. Write it as Markdown instead (code in backticks).`,
        );
      }
    };
    for (const level of ladder.levels) flag(level.origin.file, level.html);
    for (const packet of ladder.packets) flag(packet.origin.file, packet.html);
  },
};
