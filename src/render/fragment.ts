import type { List } from 'mdast';

/** A paragraph, list item or other block: what the "what changes" pages compare. */
export interface Unit {
  tag: string;
  open: string;
  inner: string;
  close: string;
  /** Whitespace-collapsed text. */
  text: string;
}

export interface Fragment {
  html: string;
  /** Plain text, for the search index. */
  text: string;
  /** The HTML again, cut into units and the markup between them. */
  parts: Array<string | Unit>;
}

/** The fragment of its parts: the HTML is every part in order, the text the units' texts. */
export function fragmentFrom(parts: Array<string | Unit>): Fragment {
  const html = parts.map((p) => (typeof p === 'string' ? p : p.open + p.inner + p.close)).join('');
  const text = parts
    .filter((p): p is Unit => typeof p !== 'string')
    .map((u) => u.text)
    .join(' ');
  return { html, text, parts };
}

/** Whether mdast-util-to-hast writes a list as loose (its items' paragraphs kept): asked once for the whole list. */
export function isLooseList(list: List): boolean {
  return list.spread === true || list.children.some((item) => (item.spread === null || item.spread === undefined ? item.children.length > 1 : item.spread));
}
