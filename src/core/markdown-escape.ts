import { stripControl } from './text.js';

const ZWSP = '\u200b';

/**
 * Makes text from ladder files inert in GitHub Markdown (comments, job summaries, diffs): HTML is
 * escaped (so `<script>` shows as text), Markdown punctuation and table pipes are backslash-escaped,
 * @mentions get a zero-width space after the "@" so nobody is pinged (which also breaks e-mail
 * autolinks), bare URLs get one after "scheme:" and www. addresses one before the dot (GitHub
 * autolinks `https://…`, `ftp://…` and `www.…` even without angle brackets), and line breaks
 * become spaces (for table cells and list items).
 */
export function escapeMarkdown(text: string): string {
  return stripControl(text)
    .replace(/[\\`*_[\]|~#!$<>&@]/g, (c) => {
      switch (c) {
        case '<':
          return '&lt;';
        case '>':
          return '&gt;';
        case '&':
          return '&amp;';
        case '@':
          return `@${ZWSP}`;
        default:
          return `\\${c}`;
      }
    })
    .replace(/:(?=\/\/)/g, `:${ZWSP}`)
    .replace(/(www)(?=\.)/gi, `$1${ZWSP}`);
}

/**
 * A code span that shows `text` literally. Inside backticks a backslash is a backslash, so text is
 * not escaped: the fence is a run of backticks longer than any run in the text, and a space pads
 * both sides when the text starts or ends with a backtick or a space (CommonMark strips one space
 * from each side). Line breaks become spaces, as they would anyway. In a table cell (`table`),
 * pipes are written `\|`: GFM splits cells before it reads code spans, and drops that backslash.
 */
export function codeSpan(text: string, options: { table?: boolean } = {}): string {
  let content = stripControl(text);
  if (options.table) content = content.replace(/\|/g, '\\|');
  const longest = Math.max(0, ...[...content.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = /^[` ]|[` ]$/.test(content) && /[^ ]/.test(content) ? ' ' : '';
  return `${fence}${pad}${content}${pad}${fence}`;
}
