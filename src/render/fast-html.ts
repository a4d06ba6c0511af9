import type { ListItem, Paragraph, PhrasingContent, Root } from 'mdast';
import { type Fragment, fragmentFrom, isLooseList, type Unit } from './fragment.js';

/**
 * The fragment of a tree that parseSimpleMarkdown (fast-markdown.ts) read, written directly: the
 * very HTML, text and parts that remark-rehype, rehype-sanitize and rehype-stringify make of it
 * (markdown.ts), without building, sanitizing and stringifying a second tree. Such a tree holds
 * only paragraphs, "- " lists, text, strong and code, and its text holds no `<`, `>` or `&` (the
 * parser refuses them); text is escaped all the same, as rehype-stringify escapes it, so that this
 * writes safe HTML whatever it is given. test/site/markdown.test.ts holds the two ways to the
 * same fragments on every piece of the example ladder and thousands of generated documents.
 */
export function fastFragment(tree: Root): Fragment | undefined {
  const parts: Array<string | Unit> = [];
  for (const [i, node] of tree.children.entries()) {
    // remark-rehype puts a line end between blocks.
    if (i > 0) parts.push('\n');
    if (node.type === 'paragraph') {
      const inner = phrasingHtml(node.children);
      if (inner === undefined) return undefined;
      parts.push(unit('p', inner, phrasingText(node.children)));
    } else if (node.type === 'list' && !node.ordered) {
      const loose = isLooseList(node);
      parts.push('<ul>');
      for (const item of node.children) {
        const paragraph = onlyParagraph(item);
        if (!paragraph) return undefined;
        parts.push('\n');
        const inner = phrasingHtml(paragraph.children);
        if (inner === undefined) return undefined;
        // A loose list keeps its items' paragraphs, on lines of their own; a tight one unwraps them.
        parts.push(unit('li', loose ? `\n<p>${inner}</p>\n` : inner, phrasingText(paragraph.children)));
      }
      parts.push('\n', '</ul>');
    } else return undefined;
  }
  return fragmentFrom(parts);
}

function unit(tag: string, inner: string, text: string): Unit {
  return { tag, open: `<${tag}>`, inner, close: `</${tag}>`, text: text.replace(/\s+/g, ' ').trim() };
}

function onlyParagraph(item: ListItem): Paragraph | undefined {
  const [first] = item.children;
  return item.children.length === 1 && first?.type === 'paragraph' && (item.checked === null || item.checked === undefined) ? first : undefined;
}

/** The HTML of phrasing content, or undefined for a node the fast parser never makes (the tree path then takes the piece). */
function phrasingHtml(nodes: readonly PhrasingContent[]): string | undefined {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') out += escapeText(trimLines(node.value));
    else if (node.type === 'inlineCode') out += `<code>${escapeText(codeText(node.value))}</code>`;
    else if (node.type === 'strong') {
      const inner = phrasingHtml(node.children);
      if (inner === undefined) return undefined;
      out += `<strong>${inner}</strong>`;
    } else return undefined;
  }
  return out;
}

function phrasingText(nodes: readonly PhrasingContent[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') out += trimLines(node.value);
    else if (node.type === 'strong') out += phrasingText(node.children);
    else if (node.type === 'inlineCode') out += codeText(node.value);
  }
  return out;
}

/** mdast-util-to-hast trims spaces and tabs around the line ends of text. */
function trimLines(value: string): string {
  return value.includes('\n') || value.includes('\r') ? value.replace(/[ \t]*(\r?\n|\r)[ \t]*/g, '$1') : value;
}

/** mdast-util-to-hast writes a code span's line ends as spaces. */
function codeText(value: string): string {
  return value.replace(/\r?\n|\r/g, ' ');
}

/** As rehype-stringify escapes text: `&` and `<`, as hexadecimal references. */
function escapeText(value: string): string {
  return value.replace(/[&<]/g, (c) => (c === '&' ? '&#x26;' : '&#x3C;'));
}
