import type { List, ListItem, PhrasingContent, Root, RootContent } from 'mdast';

/**
 * A fast parser for the plain Markdown most ladder prose is written in: paragraphs and "- " bullet
 * lists of words, with **strong** words and `code`. It returns the same mdast tree remark-parse
 * (with remark-gfm) builds for such text, or `undefined` for anything it is not certain about, and
 * the caller then uses remark-parse. Either way the tree then goes through remark-rehype and
 * rehype-sanitize: this only replaces the parsing step, which is where remark spends ~90% of its time
 * (micromark parses about 1 MB/s). test/site/markdown.test.ts proves the two parsers agree.
 *
 * It is deliberately narrow. Refused outright: any character that starts a construct it does not
 * model (`<` `>` `[` `]` `&` `\` `_` `~` `|` `@`, tabs, control characters), URL-like text that
 * GFM would autolink, lines with leading or trailing spaces, lines that do not start with a letter
 * (or `**`/backtick), single `*`, and unbalanced backticks.
 */

// Every line of a paragraph, and every bullet's text, must start like this: a letter, or strong or
// code right at the start. Anything else (digits, "-", "#", ">", "=", "+", spaces...) could begin
// another block or a setext underline.
const LINE_START = /^(?:\p{L}|\*\*[\p{L}\p{N}]|`[^`\s])/u;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters send the text to remark
const REFUSE = /[<>[\]&\\_~|@\t\r\u0000-\u0009\u000b-\u001f\u007f\u0085\u2028\u2029]|:\/\/|www\.|\bmailto:|\bxmpp:/i;
// Strong with letters, digits and inner spaces only; code without backticks, stars or edge spaces.
const INLINE = /\*\*([\p{L}\p{N}](?:[\p{L}\p{N} ]*[\p{L}\p{N}])?)\*\*|`([^`*\s](?:[^`*]*[^`*\s])?)`/gu;
const BEFORE_STRONG = /^[ ("\n]?$/;
const AFTER_STRONG = /^[ .,;:)!?"\n]?$/;

export function parseSimpleMarkdown(markdown: string): Root | undefined {
  if (REFUSE.test(markdown)) return undefined;
  // Blank lines around the text do not matter; leading spaces on its first line do (indented code).
  // Trimmed by hand: /\n+$/ tries every newline in a run, quadratic on a long run inside the text.
  let from = 0;
  let to = markdown.length;
  while (from < to && markdown.charCodeAt(from) === 10) from++;
  while (to > from && markdown.charCodeAt(to - 1) === 10) to--;
  const text = markdown.slice(from, to);
  const children: RootContent[] = [];
  if (text === '') return { type: 'root', children };
  let previous: List | undefined;
  for (const block of text.split(/\n{2,}/)) {
    const lines = block.split('\n');
    for (const line of lines) if (line === '' || line.endsWith(' ') || line.startsWith(' ')) return undefined;
    if ((lines[0] as string).startsWith('- ')) {
      const items: ListItem[] = [];
      for (const line of lines) {
        const content = line.startsWith('- ') ? line.slice(2) : undefined;
        if (content === undefined || !LINE_START.test(content)) return undefined;
        const phrasing = inline(content);
        if (!phrasing) return undefined;
        items.push({ type: 'listItem', spread: false, checked: null, children: [{ type: 'paragraph', children: phrasing }] });
      }
      if (previous) {
        // Two lists separated by a blank line are one loose list.
        previous.spread = true;
        for (const item of items) previous.children.push(item); // push(...items) overflows on long lists
      } else {
        previous = { type: 'list', ordered: false, start: null, spread: false, children: items };
        children.push(previous);
      }
    } else {
      for (const line of lines) if (!LINE_START.test(line)) return undefined;
      const phrasing = inline(block);
      if (!phrasing) return undefined;
      children.push({ type: 'paragraph', children: phrasing });
      previous = undefined;
    }
  }
  return { type: 'root', children };
}

function inline(text: string): PhrasingContent[] | undefined {
  const out: PhrasingContent[] = [];
  let last = 0;
  let plain = '';
  for (const m of text.matchAll(INLINE)) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[1] !== undefined && !(BEFORE_STRONG.test(text.slice(start - 1, start)) && AFTER_STRONG.test(text.slice(end, end + 1)))) return undefined;
    const literal = text.slice(last, start);
    plain += literal;
    if (literal) out.push({ type: 'text', value: literal });
    if (m[1] !== undefined) out.push({ type: 'strong', children: [{ type: 'text', value: m[1] }] });
    else out.push({ type: 'inlineCode', value: m[2] as string });
    last = end;
  }
  const tail = text.slice(last);
  plain += tail;
  if (tail) out.push({ type: 'text', value: tail });
  // A star or backtick left over is emphasis or code this parser does not model.
  if (plain.includes('*') || plain.includes('`')) return undefined;
  return out;
}
