import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, relative, sep } from 'node:path';
import { checkLadder } from '../../src/check.js';
import type { Ladder } from '../../src/core/model.js';
import type { SourceFile } from '../../src/core/source-file.js';
import { type RenderOptions, renderSite } from '../../src/render/index.js';
import { edit, repoRoot } from '../helpers/ladder-files.js';

/** Where the browser tests keep their screenshots (gitignored; CI can upload it). */
export const artifactsDir = join(repoRoot, 'test-artifacts', 'site');

/** The model of a ladder given as files; fails the test when the ladder has errors. */
export function ladderOf(files: readonly SourceFile[], allowErrors = false): Ladder {
  const result = checkLadder(files);
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0 && !allowErrors)
    throw new Error(`test ladder has errors:\n${errors.map((d) => `${d.file}:${d.line} ${d.rule} ${d.message}`).join('\n')}`);
  return result.ladder;
}

/** Renders a model into `dir` as the CLI would write it; returns the output paths. */
export function renderTo(dir: string, ladder: Ladder, options: RenderOptions = {}): string[] {
  const site = renderSite(ladder, options);
  for (const [path, contents] of site.files) {
    const target = join(dir, ...path.split('/'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, contents);
  }
  return [...site.files.keys()];
}

/** Every file under `dir`, relative, with forward slashes. */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const name of readdirSync(join(dir, rel))) {
      const path = rel ? `${rel}/${name}` : name;
      if (statSync(join(dir, path)).isDirectory()) walk(path);
      else out.push(path);
    }
  };
  walk('');
  return out.sort();
}

export function htmlFilesUnder(dir: string): string[] {
  return filesUnder(dir).filter((f) => f.endsWith('.html'));
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
};

export interface SiteServer {
  /** http://127.0.0.1:PORT/base/ */
  url: string;
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves a rendered site on 127.0.0.1 (random port) the way GitHub Pages does: under `base`,
 * directories answer with their index.html, and anything missing gets 404.html with status 404.
 */
export async function serveSite(dir: string, base: string): Promise<SiteServer> {
  const server: Server = createServer((req, res) => {
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      path = '';
    }
    let file: string | undefined;
    if (path.startsWith(base)) {
      let rel = path.slice(base.length);
      if (rel === '' || rel.endsWith('/')) rel += 'index.html';
      const full = join(dir, ...rel.split('/'));
      if (!relative(dir, full).startsWith('..') && existsSync(full) && statSync(full).isFile()) file = full;
      else if (existsSync(`${full}${sep}index.html`) && !rel.endsWith('.html')) {
        // GitHub Pages redirects /levels/E4 to /levels/E4/.
        res.writeHead(301, { location: `${path}/` });
        res.end();
        return;
      }
    }
    if (file) {
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(readFileSync(file));
    } else {
      res.writeHead(404, { 'content-type': TYPES['.html'] });
      res.end(readFileSync(join(dir, '404.html')));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}${base}`,
    origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Debian's chromium, installed by scripts/ensure-chromium.sh when missing (CI on a fresh machine). */
export const CHROMIUM = '/usr/bin/chromium';

export function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  execFileSync('bash', [join(repoRoot, 'scripts', 'ensure-chromium.sh')], { stdio: 'inherit', timeout: 600_000 });
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is still missing after scripts/ensure-chromium.sh`);
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Every href and src value of a page (entities decoded), with the tag it sits on. */
export function linksOf(html: string): Array<{ tag: string; attr: string; value: string }> {
  const out: Array<{ tag: string; attr: string; value: string }> = [];
  for (const m of html.matchAll(/<([a-z][a-z0-9]*)\b([^>]*)>/gi)) {
    for (const a of (m[2] ?? '').matchAll(/\s(href|src|action|data-index)="([^"]*)"/gi)) {
      out.push({ tag: (m[1] ?? '').toLowerCase(), attr: (a[1] ?? '').toLowerCase(), value: decodeEntities(a[2] ?? '') });
    }
  }
  return out;
}

/** The ids a page defines. */
export function idsOf(html: string): Set<string> {
  return new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((m) => decodeEntities(m[1] ?? '')));
}

export function decodeEntities(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(Number.parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * Internal links of a rendered site that do not resolve: every href/src/action that points into the
 * site (an absolute path under `base`, or a fragment) must name a rendered file, and a #fragment an
 * id on that page. Returns "page: link (why)" lines; [] when all resolve.
 */
export function brokenLinks(dir: string, base: string): string[] {
  const files = new Set(filesUnder(dir));
  const ids = new Map<string, Set<string>>();
  const idsIn = (file: string) => {
    let set = ids.get(file);
    if (!set) {
      set = idsOf(readFileSync(join(dir, file), 'utf8'));
      ids.set(file, set);
    }
    return set;
  };
  const broken: string[] = [];
  for (const page of htmlFilesUnder(dir)) {
    const html = readFileSync(join(dir, page), 'utf8');
    for (const { attr, value } of linksOf(html)) {
      if (/^(?:https?|mailto|irc|ircs|xmpp):/i.test(value)) continue; // leaves the site: not ours to resolve
      const [path = '', fragment] = value.split('#');
      let target: string;
      if (path === '') target = page;
      else if (!path.startsWith(base)) {
        broken.push(`${page}: ${attr}="${value}" (not under the base URL ${base})`);
        continue;
      } else {
        const rel = path.slice(base.length).split('?')[0] ?? '';
        target = rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel;
      }
      if (!files.has(target)) broken.push(`${page}: ${attr}="${value}" (no file ${target})`);
      else if (fragment && target.endsWith('.html') && !idsIn(target).has(decodeURIComponent(fragment)))
        broken.push(`${page}: ${attr}="${value}" (no id "${fragment}" in ${target})`);
    }
  }
  return broken;
}

/** Text that must come out exactly as written, never as markup. */
export const HOSTILE_ORG = `Northwind <Eng> & "Co" Ω 🚀`;
export const HOSTILE_TITLE = `Senior "Engineer" <b>&amp; Ünïcödé ✓ 'quoted'`;
export const HOSTILE_TRACK = 'Individual "Contributor" <IC>';
export const HOSTILE_BAND = 'Senior <Band> & "S"';
export const HOSTILE_SUMMARY = '<script>alert("summary")</script> Owns & leads the team\'s "systems"';
export const HOSTILE_DESCRIPTION = '<img src=x onerror=alert(1)> Shaping systems';

/** Expectations an attacker (or a careless copy-paste) could put in a level file. */
export const HOSTILE_MARKDOWN = [
  '<script>alert("expectation")</script>',
  '- Ships <img src="x" onerror="alert(1)"> safely, [really](javascript:alert(1)), [data](data:text/html;base64,PHNjcmlwdD4=) and [VB](vbscript:msgbox(1)).',
  '<iframe src="https://evil.example/"></iframe>',
  '<form action="https://evil.example/"><input name="q"><button>Go</button></form>',
  '<svg onload="alert(1)"><script>alert(2)</script></svg>',
  '<div onclick="alert(1)" style="position:fixed">Click</div>',
  '![pixel](https://evil.example/pixel.gif) and ![inline](data:image/png;base64,iVBORw0KGgo=)',
  '<a href="javascript:alert(1)">link</a> <style>body{display:none}</style>',
  'Links to [M1](../em/M1.md#delivery), [nowhere](nowhere.md) and [the web](https://example.com/ladder).',
].join('\n\n');

/** The example ladder with hostile names, titles and expectations; still free of errors (raw HTML is only a warning). */
export function hostileFiles(base: readonly SourceFile[]): SourceFile[] {
  let files = edit(base, 'ladder.yml', 'organization: Northwind Engineering', `organization: ${JSON.stringify(HOSTILE_ORG)}`);
  files = edit(files, 'ladder.yml', '    name: Individual Contributor', `    name: ${JSON.stringify(HOSTILE_TRACK)}`);
  files = edit(files, 'ladder.yml', /^ {4}name: Senior$/m, `    name: ${JSON.stringify(HOSTILE_BAND)}`);
  files = edit(files, 'competencies.yml', /description: Shaping systems[^\n]*/, `description: ${JSON.stringify(HOSTILE_DESCRIPTION)}`);
  files = edit(files, 'levels/ic/E4.md', 'title: Senior Engineer', `title: ${JSON.stringify(HOSTILE_TITLE)}`);
  files = edit(files, 'levels/ic/E4.md', /^summary: .*$/m, `summary: ${JSON.stringify(HOSTILE_SUMMARY)}`);
  files = edit(files, 'levels/ic/E4.md', '## Delivery\n\n', `## Delivery\n\n${HOSTILE_MARKDOWN}\n\n`);
  return files;
}
