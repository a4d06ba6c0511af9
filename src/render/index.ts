import type { Ladder } from '../core/model.js';
import { FAVICON, SEARCH_SCRIPT } from './assets.js';
import { STYLESHEET } from './css.js';
import type { History } from './history.js';
import { layout, type Page } from './layout.js';
import { changePage } from './pages/change.js';
import { changelogPage } from './pages/changelog.js';
import { homePage } from './pages/home.js';
import { levelPage } from './pages/level.js';
import { matrixPage } from './pages/matrix.js';
import { notFoundPage } from './pages/not-found.js';
import { searchPage } from './pages/search.js';
import { trackPage } from './pages/track.js';
import { searchIndex } from './search-index.js';
import { type PageInfo, Site } from './site.js';
import { sitemapXml } from './sitemap.js';
import { type BaseUrl, fileOf, pagePath, parseBaseUrl } from './urls.js';

export type { History, HistoryEntry, HistoryFile } from './history.js';
export { BaseUrlError, parseBaseUrl } from './urls.js';

export interface RenderOptions {
  /** Where the site is served: "/", "/repo/" or "https://org.github.io/repo/" (default "/"). */
  baseUrl?: string | BaseUrl;
  /** The ladder's git history; undefined or unavailable: the changelog says there is none. */
  history?: History;
  /** Use the fast parser for plain Markdown (default true); false sends everything through remark-parse. */
  fastMarkdown?: boolean;
}

export interface RenderedSite {
  /** Output path (forward slashes, relative to the output directory) → contents (pages as UTF-8 bytes). */
  files: Map<string, string | Buffer>;
  /** The HTML pages, in the order the sitemap lists them (the 404 page excluded). */
  pages: PageInfo[];
  /** Markdown pieces per parser, for the curious (bench, tests). */
  markdown: { fast: number; remark: number };
}

/**
 * Renders the ladder as a static site. Pure: the model in, file contents out; the caller writes
 * them. Reads only the ladder's bands, tracks, competencies, levels, policy and changelog: never
 * packets, even when the model holds some.
 */
export function renderSite(ladder: Ladder, options: RenderOptions = {}): RenderedSite {
  const base = typeof options.baseUrl === 'object' ? options.baseUrl : parseBaseUrl(options.baseUrl);
  const site = new Site(ladder, base, { fastMarkdown: options.fastMarkdown });
  const files = new Map<string, string | Buffer>();
  const pages: PageInfo[] = [];
  const add = (page: Page, listed = true) => {
    // As bytes: a large site is tens of megabytes of HTML, better kept out of the JS heap.
    files.set(fileOf(page.path), layout(site, page).toBuffer());
    if (listed) pages.push({ path: page.path, title: page.title });
  };

  add(homePage(site));
  for (const track of site.tracks) {
    add(trackPage(site, track));
    add(matrixPage(site, track));
  }
  for (const track of site.tracks) for (const level of site.index.levelsOf(track.id)) add(levelPage(site, level));
  for (const step of site.steps.all) add(changePage(site, step));
  add(searchPage(site));
  add(changelogPage(site, options.history));
  add(notFoundPage(site), false);

  files.set(pagePath.searchIndex, searchIndex(site));
  files.set(pagePath.sitemap, sitemapXml(base, pages));
  files.set(pagePath.css, STYLESHEET);
  files.set(pagePath.script, SEARCH_SCRIPT);
  files.set(pagePath.icon, FAVICON);
  // GitHub Pages deployed from a branch would otherwise run Jekyll over the site.
  files.set('.nojekyll', '');
  return { files, pages, markdown: { ...site.markdown.stats } };
}
