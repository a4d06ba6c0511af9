import type { Nodes, Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parseMarkdown } from '../../src/core/markdown-document.js';

/** The check's section scanner against remark-parse with remark-gfm (what the site renders with). */

const parser = unified().use(remarkParse).use(remarkGfm).freeze();
const parse = (markdown: string) => parser.runSync(parser.parse(markdown)) as Root;

/** The body as remark reads it: front matter lines blanked, so that lines keep their numbers. */
function bodyOf(text: string): string {
  const m = /^---\n(?:[\s\S]*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(text);
  return m ? '\n'.repeat(m[0].split('\n').length - 1) + text.slice(m[0].length) : text;
}

/** A heading's text as written: from its first child to its last, each line trimmed. */
function writtenText(source: string, node: RootContent): string {
  if (!('children' in node) || node.children.length === 0) return '';
  const first = node.children[0]?.position?.start.offset ?? 0;
  const last = node.children[node.children.length - 1]?.position?.end.offset ?? 0;
  return source
    .slice(first, last)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join(' ');
}

const TAG = /<\/?([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])/g;
const CONTAINERS = new Set(['root', 'blockquote', 'listItem']);

/** Every raw HTML tag remark finds (html nodes), as "name@line"; comments and the like are not tags. */
function remarkTags(tree: Root): string[] {
  const out: string[] = [];
  const visit = (node: Nodes, parent: string) => {
    if (node.type === 'html') {
      const line = node.position?.start.line ?? 0;
      if (!CONTAINERS.has(parent)) {
        const m = /^<\/?([A-Za-z][A-Za-z0-9-]*)/.exec(node.value);
        if (m) out.push(`${(m[1] as string).toLowerCase()}@${line}`);
        return;
      }
      // An HTML block: its tags outside comments.
      const visible = node.value.replace(/<!--[\s\S]*?(?:-->|$)/g, (c) => c.replace(/[^\n]/g, ' '));
      for (const m of visible.matchAll(TAG)) out.push(`${(m[1] as string).toLowerCase()}@${line + (visible.slice(0, m.index).match(/\n/g) ?? []).length}`);
      return;
    }
    if ('children' in node) for (const c of node.children) visit(c, node.type);
  };
  visit(tree, 'root');
  return out.sort();
}

/**
 * A tree to compare, without what differs by design: positions, and the whitespace that ends an
 * unclosed code or HTML block at the end of a piece. Nor HTML nodes, compared above by tag and
 * line: micromark puts a tag line that interrupts a lazy paragraph line inside the list item or
 * quote when more lines follow, and after it at the end of the text, so a body that ends there
 * places it differently on its own.
 */
const strip = (nodes: RootContent[]) =>
  JSON.stringify(nodes, (key, value) => {
    if (key === 'position') return undefined;
    if (key === 'value' && typeof value === 'string') return value.trimEnd();
    if (key === 'children' && Array.isArray(value)) return value.filter((c: Nodes) => c.type !== 'html');
    return value;
  });

/** What remark makes of the document: its sections, intro, and tags. */
function remarkView(text: string) {
  const source = bodyOf(text);
  const tree = parse(source);
  const sections: Array<{ name: string; line: number; nodes: RootContent[] }> = [];
  let intro: RootContent[] = [];
  let chunk: RootContent[] = [];
  let current: (typeof sections)[number] | undefined;
  const finish = () => {
    if (current) current.nodes = chunk;
    else intro = chunk;
    chunk = [];
  };
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth <= 2) {
      finish();
      current = node.depth === 2 ? { name: writtenText(source, node), line: node.position?.start.line ?? 0, nodes: [] } : undefined;
      if (current) sections.push(current);
    } else chunk.push(node);
  }
  finish();
  return { sections, intro, tags: remarkTags(tree) };
}

/** Where the scanner and remark differ on one document, or undefined. */
export function disagreement(text: string): string | undefined {
  const doc = parseMarkdown(text);
  // A document that starts with a thematic break has front matter that never closes: no body.
  if (doc.problem?.kind === 'unclosed') return undefined;
  const want = remarkView(text);
  const got = doc.sections.map((s) => `${s.name}@${s.at.line}`);
  const expected = want.sections.map((s) => `${s.name}@${s.line}`);
  if (JSON.stringify(got) !== JSON.stringify(expected)) return `sections: scanner ${JSON.stringify(got)}, remark ${JSON.stringify(expected)}`;
  const tags = doc.html
    .filter((h) => h.what.startsWith('<'))
    .map((h) => `${h.what.slice(1, -1)}@${h.at.line}`)
    .sort();
  if (JSON.stringify(tags) !== JSON.stringify(want.tags)) return `raw HTML: scanner ${JSON.stringify(tags)}, remark ${JSON.stringify(want.tags)}`;
  // The site renders each body on its own: it must parse as that part of the whole document does.
  for (const [i, s] of doc.sections.entries()) {
    const alone = strip(parse(s.body).children.filter((c) => c.type !== 'html'));
    if (alone !== strip((want.sections[i]?.nodes ?? []).filter((c) => c.type !== 'html')))
      return `body of section ${i} ("${s.name}") parses differently on its own: ${alone}`;
  }
  if (strip(parse(doc.intro).children.filter((c) => c.type !== 'html')) !== strip(want.intro.filter((c) => c.type !== 'html')))
    return 'the intro parses differently on its own';
  return undefined;
}
