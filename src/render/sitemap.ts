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

/**
 * robots.txt. Crawlers read it only at a host's root, so it matters when the site is served there
 * (a user or organization site, a custom domain); under /repo/ it is harmless. It names the
 * sitemap when its absolute URL is known (the protocol wants one). With `policy.site.noindex` it
 * disallows everything (every page also carries a robots noindex meta, which is what counts for
 * pages that crawlers reach anyway).
 */
export function robotsTxt(base: BaseUrl, noindex: boolean): string {
  const lines = ['User-agent: *', noindex ? 'Disallow: /' : 'Allow: /'];
  if (base.origin !== undefined && !noindex) lines.push('', `Sitemap: ${base.origin}${base.path}sitemap.xml`);
  return `${lines.join('\n')}\n`;
}
