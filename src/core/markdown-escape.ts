/**
 * Text from ladder files shown in GitHub Markdown (comments, job summaries): it must not become
 * HTML, break a table, or notify anyone.
 */
export function escapeMarkdownText(text: string): string {
  return neutralizeMentions(text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
}

/** For a table cell: also no pipes and no line breaks. */
export function escapeTableCell(text: string): string {
  return escapeMarkdownText(text).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** `@name` and `@org/team` would notify people; a zero-width space after the @ keeps them readable but inert. */
export function neutralizeMentions(text: string): string {
  return text.replace(/@(?=[A-Za-z0-9])/g, '@\u200b');
}
