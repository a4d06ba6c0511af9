/**
 * Where every page lives. URLs are stable: they derive from ids only (levels/E4/, tracks/ic/,
 * changes/E4-E5/), and every link is an absolute path under the base URL, so pages work at any
 * depth (the 404 page included) and on GitHub Pages project sites (/repo/).
 */

export interface BaseUrl {
  /** Path prefix of every link, starting and ending with `/`. */
  path: string;
  /** `https://host` when the base URL was given in full; the sitemap then lists absolute URLs. */
  origin: string | undefined;
}

export class BaseUrlError extends Error {}

/** Accepts `/`, `/repo/`, `repo`, `/a/b` or `https://org.github.io/repo/`. */
export function parseBaseUrl(input: string | undefined): BaseUrl {
  const value = (input ?? '/').trim();
  if (value === '' || value === '/') return { path: '/', origin: undefined };
  if (/^[a-z][a-z0-9+.-]*:/i.test(value)) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new BaseUrlError(`--base-url "${input}" is not a valid URL`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
      throw new BaseUrlError(`--base-url must be a path like /repo/ or an http(s) URL, not ${url.protocol}`);
    if (url.search || url.hash || url.username || url.password) throw new BaseUrlError('--base-url must not have a query, fragment or credentials');
    return { path: normalizePath(url.pathname, input), origin: url.origin };
  }
  return { path: normalizePath(value, input), origin: undefined };
}

function normalizePath(path: string, input: string | undefined): string {
  if (/[?#\s"'<>\\]/.test(path)) throw new BaseUrlError(`--base-url "${input}" must be a plain path such as /repo/ (no spaces, quotes, ? or #)`);
  const segments = path.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '.' || s === '..')) throw new BaseUrlError(`--base-url "${input}" must not contain . or .. segments`);
  return segments.length === 0 ? '/' : `/${segments.map((s) => encodeURI(decodeSafe(s))).join('/')}/`;
}

function decodeSafe(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

const SAFE = /^[A-Za-z0-9_-]+$/;

/**
 * A URL segment for an id. Ids are checked against `^[A-Za-z0-9][A-Za-z0-9_-]*$` before a site is
 * rendered, so this is the id itself; anything else (a model that skipped the check) gets a
 * readable, collision-free slug rather than a broken path.
 */
export function slug(id: string): string {
  if (SAFE.test(id)) return id;
  let hash = 0;
  for (const ch of id) hash = (Math.imul(hash, 31) + (ch.codePointAt(0) ?? 0)) >>> 0;
  const readable = id
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${readable || 'id'}-${hash.toString(36)}`;
}

/** Site-relative page paths (no leading slash; '' is the home page; directories end with /). */
export const pagePath = {
  home: '',
  level: (id: string) => `levels/${slug(id)}/`,
  checklist: (id: string) => `levels/${slug(id)}/checklist/`,
  track: (id: string) => `tracks/${slug(id)}/`,
  matrix: (trackId: string) => `matrix/${slug(trackId)}/`,
  change: (key: string) => `changes/${key}/`,
  search: 'search/',
  changelog: 'changelog/',
  moves: 'moves/',
  notFound: '404.html',
  sitemap: 'sitemap.xml',
  robots: 'robots.txt',
  export: 'ladder.json',
  searchIndex: 'search/index.json',
  searchTerms: 'search/terms/',
  searchText: 'search/text/',
  css: 'assets/site.css',
  script: 'assets/search.js',
  columns: 'assets/columns.js',
  checklistScript: 'assets/checklist.js',
  icon: 'assets/favicon.svg',
} as const;

/** The file a page path is written to: directories get index.html. */
export function fileOf(path: string): string {
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
}
