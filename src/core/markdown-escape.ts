/**
 * Makes text from ladder files inert in GitHub Markdown (comments, job summaries, diffs): HTML is
 * escaped (so `<script>` shows as text), Markdown punctuation and table pipes are backslash-escaped,
 * @mentions get a zero-width space after the "@" so nobody is pinged, and line breaks become
 * spaces (for table cells and list items).
 */
export function escapeMarkdown(text: string): string {
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters have no place in a comment
      .replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ')
      .replace(/[\\`*_[\]|~#!$<>&@]/g, (c) => {
        switch (c) {
          case '<':
            return '&lt;';
          case '>':
            return '&gt;';
          case '&':
            return '&amp;';
          case '@':
            return '@\u200b';
          default:
            return `\\${c}`;
        }
      })
  );
}
