import { escapeHtml } from './html.js';
import type { PageInfo } from './site.js';
import type { BaseUrl } from './urls.js';

/**
 * sitemap.xml. The sitemap protocol wants absolute URLs: give --base-url in full
 * (https://org.github.io/repo/) to get them; with a path only, the URLs are site-absolute paths.
 */
export function sitemapXml(base: BaseUrl, pages: readonly PageInfo[]): string {
  const prefix = (base.origin ?? '') + base.path;
  const urls = pages.map((p) => `  <url><loc>${escapeHtml(prefix + p.path)}</loc></url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}
