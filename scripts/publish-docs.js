// Adds this project's reference pages to a rendered site, at the stable URLs the tool links to
// (src/core/project-urls.ts): schemas/<name>.schema.json, each schema's $id, and rules/index.html,
// docs/rules.md with one anchor per rule id, where every SARIF rule's helpUri points.
// Run by .github/workflows/pages.yml after `ladder render`: node scripts/publish-docs.js _site
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toString as textOf } from 'mdast-util-to-string';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const REPOSITORY = 'https://github.com/ladder-as-code/ladder-as-code';

/** GitHub's heading anchors, so that links written for docs/rules.md on GitHub work here too. */
const slug = (text) =>
  text
    .toLowerCase()
    .trim()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');

/** docs/rules.md as HTML: heading ids as GitHub makes them (a rule's heading is its id), links to other docs sent to GitHub. */
export function rulesPage(markdown) {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown);
  const used = new Map();
  visit(tree, 'heading', (node) => {
    // A repeated heading gets -1, -2…, as on GitHub: every id stays unique.
    const base = slug(textOf(node));
    const n = used.get(base) ?? 0;
    used.set(base, n + 1);
    node.data = { ...node.data, hProperties: { id: n === 0 ? base : `${base}-${n}` } };
  });
  visit(tree, 'link', (node) => {
    // Relative links name files of the repository (format.md, ../schemas/): the site holds only this page.
    if (!/^(?:[a-z][a-z0-9+.-]*:|#)/i.test(node.url)) node.url = new URL(node.url, `${REPOSITORY}/blob/main/docs/`).href;
  });
  const body = unified().use(rehypeStringify).stringify(unified().use(remarkRehype).runSync(tree));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Rules · ladder-as-code</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1f24}table{border-collapse:collapse}td,th{border:1px solid #d0d7de;padding:.25rem .5rem;text-align:left}code{background:#f3f4f6;padding:0 .2em;border-radius:3px}pre{background:#f3f4f6;padding:.75rem;overflow:auto}h3:target{background:#fff8c5}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

/** Writes schemas/ and rules/ into `out` (an existing site); refuses to replace what is there. Returns the paths written. */
export function publishDocs(out, from = root) {
  const schemas = readdirSync(join(from, 'schemas'))
    .filter((f) => f.endsWith('.schema.json'))
    .sort();
  const targets = [...schemas.map((f) => `schemas/${f}`), 'rules/index.html'];
  const taken = targets.filter((t) => existsSync(join(out, t)));
  if (taken.length > 0) throw new Error(`publish-docs: ${taken.join(', ')} exist in ${out} already; the site and the docs must not share a path`);
  mkdirSync(join(out, 'schemas'), { recursive: true });
  for (const f of schemas) copyFileSync(join(from, 'schemas', f), join(out, 'schemas', f));
  mkdirSync(join(out, 'rules'), { recursive: true });
  writeFileSync(join(out, 'rules', 'index.html'), rulesPage(readFileSync(join(from, 'docs', 'rules.md'), 'utf8')));
  return targets;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = process.argv[2];
  if (!out) {
    process.stderr.write('usage: node scripts/publish-docs.js SITE_DIR\n');
    process.exit(2);
  }
  try {
    const written = publishDocs(out);
    process.stdout.write(`publish-docs: wrote ${written.length} files into ${out}: ${written.join(', ')}\n`);
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
