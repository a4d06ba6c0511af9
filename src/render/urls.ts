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

export { pagePath, slug } from '../core/site-paths.js';

/** The file a page path is written to: directories get index.html. */
export function fileOf(path: string): string {
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
}
