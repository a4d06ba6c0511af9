import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { List, Nodes as MdastNodes, Root as MdastRoot } from 'mdast';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype, { defaultHandlers, type Options as ToHastOptions } from 'remark-rehype';
import { unified } from 'unified';
import { MARKDOWN_LIMITS, type MarkdownLimits, withinMarkdownLimits } from '../core/markdown-limits.js';
import { fastFragment } from './fast-html.js';
import { parseSimpleMarkdown } from './fast-markdown.js';
import { type Fragment, fragmentFrom, isLooseList, type Unit } from './fragment.js';
import { escapeHtml } from './html.js';

/**
 * Ladder Markdown to safe HTML. Every piece of Markdown goes through remark-rehype and then
 * rehype-sanitize with its default (GitHub) schema: raw HTML is dropped, `javascript:`/`data:` URLs,
 * event handlers, iframes, forms, SVG and scripts cannot survive. Only after sanitizing does this
 * module adjust the tree, with values it builds itself:
 * - ids (footnotes) get a per-section prefix so that sections can share a page;
 * - headings are renumbered to fit under the page's own headings (or become bold paragraphs);
 * - links to other level files (`../em/M1.md`) point at their pages; other relative links, which
 *   would be broken on the site, become plain text;
 * - images become links (the site makes no requests to other hosts, and ships no images);
 * - task-list checkboxes become text; table alignment becomes a class (no obsolete attributes).
 *
 * Markdown beyond the limits of src/core/markdown-limits.ts (which `ladder check` reports) is not
 * parsed at all: it is shown as escaped text in a <pre>, so that no input, checked or not, makes the
 * parser super-linear or the tree walks overflow the stack. Our own walks are iterative.
 */

export type HeadingMode = number | 'strong';

export interface MarkdownContext {
  /** The ladder file the Markdown comes from (levels/ic/E4.md), to resolve relative links. */
  file: string;
  /** Unique per piece of Markdown: prefixes its ids. */
  scope: string;
  /** The heading level the fragment's highest heading becomes, or 'strong' for no headings (table cells). */
  headings: HeadingMode;
}

/** Decides where a relative link in ladder Markdown points on the site; undefined makes it plain text. */
export type LinkResolver = (href: string, file: string) => string | undefined;

type ListItemHandler = NonNullable<NonNullable<ToHastOptions['handlers']>['listItem']>;

// mdast-util-to-hast asks, for every item, whether its whole list is loose, and walks the list each
// time: quadratic in a list's items (40,000 items took 44 s). Ask once per list, and hand the
// default handler a stand-in list that answers at once; the HTML is the same.
const looseLists = new WeakMap<List, boolean>();
const listItem: ListItemHandler = (state, node, parent) => {
  if (parent?.type !== 'list') return defaultHandlers.listItem(state, node, parent);
  let loose = looseLists.get(parent);
  if (loose === undefined) {
    loose = isLooseList(parent);
    looseLists.set(parent, loose);
  }
  return defaultHandlers.listItem(state, node, { type: 'list', spread: loose, children: [] });
};

const parser = unified().use(remarkParse).use(remarkGfm).freeze();
// clobberPrefix '' here: rehype-sanitize adds its own "user-content-" prefix, and the post-processing
// below replaces it with the section's scope, links and ids together.
const toSafeHast = unified().use(remarkRehype, { clobberPrefix: '', handlers: { listItem } }).use(rehypeSanitize).freeze();

/**
 * The deepest parsed tree passed on to remark-rehype, rehype-sanitize and rehype-stringify, which
 * recurse once per level. Markdown within the limits builds at most about 330 levels (2 per nested
 * list, 32 nestings, and half of a paragraph's 512 emphasis characters); these libraries overflow
 * a default stack at about 1,200. A deeper tree means the limits missed something: show the text.
 */
export const MAX_TREE_DEPTH = 400;
const stringifier = unified().use(rehypeStringify).freeze();
// rehype-stringify's compiler itself: stringify() would wrap every call in a new VFile, and a site
// stringifies tens of thousands of small pieces.
const compile = stringifier.compiler as ((tree: Root) => string) | undefined;

interface Parsed {
  file: string;
  markdown: string;
  /** The sanitized tree, before adjust(); kept (and cloned per heading mode) only when it has headings. */
  hast: Root | undefined;
  headings: boolean;
  fragments: Map<string, Fragment>;
}

export class MarkdownRenderer {
  private readonly cache = new Map<string, Parsed>();
  /**
   * How many pieces took the fast parser, how many remark-parse, and how many were beyond the
   * limits and shown as text (for the bench and tests).
   */
  readonly stats = { fast: 0, remark: 0, plain: 0 };

  constructor(
    private readonly resolveLink: LinkResolver,
    private readonly options: { fastPath?: boolean | undefined; limits?: MarkdownLimits; maxDepth?: number } = {},
  ) {}

  /** Safe HTML for a piece of Markdown; parsed and sanitized once, whatever the pages that show it. */
  render(markdown: string, context: MarkdownContext): Fragment {
    // Keyed by scope (one per piece of Markdown), checked against the text in case a caller reuses one.
    let parsed = this.cache.get(context.scope);
    if (!parsed || parsed.markdown !== markdown || parsed.file !== context.file) {
      // Plain prose (most of a ladder) is written straight from the fast parser's tree (fast-html.ts).
      const within = withinMarkdownLimits(markdown, this.options.limits ?? MARKDOWN_LIMITS);
      const fast = within && this.options.fastPath !== false ? parseSimpleMarkdown(markdown) : undefined;
      const direct = fast && fastFragment(fast);
      if (direct) this.stats.fast++;
      const hast = direct ? undefined : this.sanitized(markdown, within, fast);
      parsed = direct
        ? { file: context.file, markdown, hast: undefined, headings: false, fragments: new Map([['', direct]]) }
        : hast
          ? { file: context.file, markdown, hast, headings: hasHeadings(hast), fragments: new Map() }
          : { file: context.file, markdown, hast: undefined, headings: false, fragments: new Map([['', plainFragment(markdown)]]) };
      this.cache.set(context.scope, parsed);
    }
    // Without headings every mode gives the same HTML: adjust the tree once, in place.
    const mode = parsed.headings ? String(context.headings) : '';
    let fragment = parsed.fragments.get(mode);
    if (!fragment && parsed.hast) {
      const tree = parsed.headings ? structuredClone(parsed.hast) : parsed.hast;
      adjust(tree, context, this.resolveLink);
      fragment = fragmentOf(tree);
      parsed.fragments.set(mode, fragment);
      // Sites hold thousands of these: keep the HTML, not the tree, unless another mode needs it.
      if (!parsed.headings) parsed.hast = undefined;
    }
    return fragment as Fragment;
  }

  /**
   * The sanitized tree, or undefined for Markdown beyond the limits (`within` false), which is
   * shown as text. `fast`: the fast parser's tree, when it took the piece.
   */
  private sanitized(markdown: string, within: boolean, fast: MdastRoot | undefined): Root | undefined {
    if (within) {
      const mdast: MdastRoot = fast ?? (parser.runSync(parser.parse(markdown)) as MdastRoot);
      if (depthOf(mdast) <= (this.options.maxDepth ?? MAX_TREE_DEPTH)) {
        if (fast) this.stats.fast++;
        else this.stats.remark++;
        return toSafeHast.runSync(mdast) as Root;
      }
    }
    this.stats.plain++;
    return undefined;
  }
}

/**
 * The Markdown as it is written, in a <pre>, every character that could be markup escaped (">"
 * too, which rehype-stringify leaves raw in text): nothing in it is interpreted.
 */
function plainFragment(markdown: string): Fragment {
  const inner = escapeHtml(markdown);
  const text = markdown.replace(/\s+/g, ' ').trim();
  return { html: `<pre>${inner}</pre>`, text, parts: [{ tag: 'pre', open: '<pre>', inner, close: '</pre>', text }] };
}

/** The depth of a tree (the root is 1), without recursion. */
function depthOf(tree: MdastRoot): number {
  let max = 0;
  const nodes: MdastNodes[] = [tree];
  const depths: number[] = [1];
  while (nodes.length > 0) {
    const node = nodes.pop() as MdastNodes;
    const depth = depths.pop() as number;
    if (depth > max) max = depth;
    if ('children' in node) {
      for (const child of node.children) {
        nodes.push(child);
        depths.push(depth + 1);
      }
    }
  }
  return max;
}

function hasHeadings(tree: Root): boolean {
  const stack: Array<Root | Element> = [tree];
  while (stack.length > 0) {
    const node = stack.pop() as Root | Element;
    for (const c of node.children) {
      if (c.type !== 'element') continue;
      if (HEADING.test(c.tagName)) return true;
      stack.push(c);
    }
  }
  return false;
}

function stringify(node: Root | RootContent): string {
  const root: Root = node.type === 'root' ? node : { type: 'root', children: [node] };
  return compile ? compile(root) : stringifier.stringify(root);
}

const HEADING = /^h[1-6]$/;
const CLOBBERED = /^(?:user-content-)+/;

function adjust(tree: Root, context: MarkdownContext, resolve: LinkResolver): void {
  const ids = new Set<string>();
  const depths = new Set<number>();
  visitElements(tree, (el) => {
    const id = el.properties.id;
    if (typeof id === 'string') ids.add(id.replace(CLOBBERED, ''));
    if (HEADING.test(el.tagName)) depths.add(Number(el.tagName[1]));
  });
  const scoped = (id: string) => `${context.scope}-${id.replace(CLOBBERED, '')}`;
  const rank = [...depths].sort((a, b) => a - b);
  tree.children = rewrite(tree.children, (el) => {
    const p = el.properties;
    if (typeof p.id === 'string') p.id = scoped(p.id);
    for (const key of ['ariaDescribedBy', 'ariaLabelledBy'] as const) {
      const value = p[key];
      if (Array.isArray(value)) p[key] = value.map((v) => scoped(String(v)));
      else if (typeof value === 'string') p[key] = [scoped(value)];
    }
    delete p.name;
    if (HEADING.test(el.tagName)) {
      const depth = Number(el.tagName[1]);
      if (context.headings === 'strong')
        return [{ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'element', tagName: 'strong', properties: {}, children: el.children }] }];
      el.tagName = `h${Math.min(6, context.headings + rank.indexOf(depth))}`;
      delete p.className; // "sr-only" on a footnote label: show it, like the rest
      return [el];
    }
    switch (el.tagName) {
      case 'a': {
        const href = typeof p.href === 'string' ? p.href : undefined;
        if (href === undefined) return el.children;
        if (href.startsWith('#') && ids.has(safeDecode(href.slice(1)))) {
          p.href = `#${scoped(safeDecode(href.slice(1)))}`;
          return [el];
        }
        if (/^[a-z][a-z0-9+.-]*:/i.test(href)) return [el]; // the sanitizer allowed its protocol
        const target = resolve(href, context.file);
        if (target === undefined) return el.children;
        p.href = target;
        return [el];
      }
      case 'img': {
        const src = typeof p.src === 'string' ? p.src : '';
        const alt = typeof p.alt === 'string' && p.alt.trim() ? p.alt : '';
        if (/^https?:/i.test(src)) {
          return [{ type: 'element', tagName: 'a', properties: { href: src }, children: [{ type: 'text', value: alt ? `Image: ${alt}` : 'Image' }] }];
        }
        return alt ? [{ type: 'text', value: alt }] : [];
      }
      case 'input':
        return [{ type: 'text', value: p.checked ? '☑' : '☐' }];
      case 'td':
      case 'th':
        if (typeof p.align === 'string') {
          p.className = [`align-${p.align.toLowerCase()}`];
          delete p.align;
        }
        return [el];
      default:
        return [el];
    }
  });
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Calls `fn` on every element under `tree`, in no particular order. */
function visitElements(tree: Root, fn: (el: Element) => void): void {
  const stack: Array<Root | Element> = [tree];
  while (stack.length > 0) {
    const node = stack.pop() as Root | Element;
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      fn(child);
      stack.push(child);
    }
  }
}

interface RewriteFrame {
  /** The element whose children these are (undefined for the top list). */
  element: Element | undefined;
  children: Array<RootContent | ElementContent>;
  next: number;
  out: Array<RootContent | ElementContent>;
}

/**
 * Rebuilds children depth-first, without recursion: an element's children are rebuilt before `fn`
 * sees it, and `fn` returns what replaces it (itself, its children, or others).
 */
function rewrite<T extends RootContent | ElementContent>(children: T[], fn: (el: Element) => ElementContent[]): T[] {
  const top: RewriteFrame = { element: undefined, children, next: 0, out: [] };
  const stack: RewriteFrame[] = [top];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as RewriteFrame;
    if (frame.next < frame.children.length) {
      const child = frame.children[frame.next++] as RootContent | ElementContent;
      if (child.type === 'element') stack.push({ element: child, children: child.children, next: 0, out: [] });
      else frame.out.push(child);
      continue;
    }
    stack.pop();
    if (!frame.element) continue;
    frame.element.children = frame.out as ElementContent[];
    const parent = stack[stack.length - 1] as RewriteFrame;
    // One push per node: spreading a long list of children into push() overflows the stack.
    for (const replacement of fn(frame.element)) parent.out.push(replacement);
  }
  return top.out as T[];
}

function fragmentOf(tree: Root): Fragment {
  const parts: Array<string | Unit> = [];
  for (const node of tree.children) {
    if (node.type === 'element' && (node.tagName === 'ul' || node.tagName === 'ol')) {
      const { open, close } = tags(node);
      parts.push(open);
      for (const item of node.children) parts.push(item.type === 'element' && item.tagName === 'li' ? unitOf(item) : stringify(item));
      parts.push(close);
    } else if (node.type === 'element' && node.tagName !== 'hr') {
      parts.push(unitOf(node));
    } else {
      parts.push(stringify(node));
    }
  }
  return fragmentFrom(parts);
}

function tags(el: Element): { open: string; close: string } {
  const close = `</${el.tagName}>`;
  const empty = stringify({ ...el, children: [] });
  return { open: empty.slice(0, empty.length - close.length), close };
}

function unitOf(el: Element): Unit {
  const { open, close } = tags(el);
  const whole = stringify(el);
  const text = textOf(el).replace(/\s+/g, ' ').trim();
  return { tag: el.tagName, open, inner: whole.slice(open.length, whole.length - close.length), close, text };
}

const BLOCK = /^(?:p|li|h[1-6]|td|th|tr|div|pre|blockquote|section|dt|dd)$/;

/** The text of a node, with a space around each block and for each line break; without recursion. */
export function textOf(node: Element | ElementContent): string {
  let out = '';
  // A node to enter, or the string to add when leaving a block.
  const stack: Array<ElementContent | string> = [node];
  while (stack.length > 0) {
    const item = stack.pop() as ElementContent | string;
    if (typeof item === 'string') out += item;
    else if (item.type === 'text') out += item.value;
    else if (item.type === 'element') {
      if (item.tagName === 'br') {
        out += ' ';
        continue;
      }
      const block = BLOCK.test(item.tagName);
      if (block) {
        out += ' ';
        stack.push(' ');
      }
      for (let i = item.children.length - 1; i >= 0; i--) stack.push(item.children[i] as ElementContent);
    }
  }
  return out;
}
