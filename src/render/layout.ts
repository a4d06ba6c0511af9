import { escapeHtml, type Html, html, type Part } from './html.js';
import type { Site } from './site.js';
import { pagePath } from './urls.js';

export interface Crumb {
  label: string;
  /** Site path; the last crumb (the current page) has none. */
  path?: string;
}

export interface Page {
  /** Site-relative path of the page ('' = home). */
  path: string;
  /** The page's own title, without the site name. */
  title: string;
  description: string;
  /** Trail shown above the title; omitted on top-level pages. */
  crumbs?: Crumb[];
  main: Html;
  /** Which top-level section the page belongs to, for aria-current in the header. */
  section?: 'home' | 'search' | 'changelog' | `track:${string}`;
  /** Site paths of scripts (deferred). */
  scripts?: string[];
  /** Pages that have their own search form leave the header's out (one search landmark per page). */
  headerSearch?: boolean;
}

// No inline script or style anywhere, and no request leaves the site: a CSP that says so makes any
// markup the sanitizer might ever miss inert, too.
const CSP = "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'";

/** At most this many tracks are listed in the header; more are reached from the home page. */
const NAV_TRACKS = 4;

/**
 * Search engines show about 70 characters of a title (html-validate's long-title counts them as
 * written, entities included): drop "career ladder", then the organization, then cut, if need be.
 */
const TITLE_MAX = 70;

function titleOf(site: Site, page: Page): Html {
  const org = site.organization;
  if (page.path === '') return html`${org} career ladder`;
  const fits = (t: string) => [...escapeHtml(t)].length <= TITLE_MAX;
  const options = [`${page.title} | ${org} career ladder`, `${page.title} | ${org}`, page.title];
  let title = options.find(fits);
  if (title === undefined) {
    const chars = [...page.title];
    while (chars.length > 0 && !fits(`${chars.join('')}...`)) chars.pop();
    title = `${chars.join('').trimEnd()}...`;
  }
  return html`${title}`;
}

export function layout(site: Site, page: Page): Html {
  const title = titleOf(site, page);
  const navItem = (label: string, path: string, key: Page['section']): Html =>
    html`<li><a href="${site.url(path)}"${page.section === key ? html` aria-current="page"` : ''}>${label}</a></li>`;
  // Many tracks: their families when the ladder groups them (each a section of the home page), else one link.
  const families = site.families.filter((g) => g.family !== undefined);
  const tracks =
    site.tracks.length <= NAV_TRACKS
      ? site.tracks.map((t) => navItem(t.name, pagePath.track(t.id), `track:${t.id}`))
      : families.length > 0 && families.length <= NAV_TRACKS
        ? families.map((g) => html`<li><a href="${site.url('')}#family-${g.family?.id ?? ''}">${g.family?.name ?? ''}</a></li>`)
        : [html`<li><a href="${site.url('')}#tracks">Tracks</a></li>`];
  const search =
    page.headerSearch === false
      ? ''
      : html`<form class="header-search" role="search" aria-label="Site" action="${site.url(pagePath.search)}" method="get">
<label for="ladder-header-q" class="visually-hidden">Search the ladder</label>
<input id="ladder-header-q" type="search" name="q" placeholder="Search the ladder" autocomplete="off">
<button type="submit">Search</button>
</form>`;
  const crumbs = page.crumbs?.length
    ? html`<nav class="crumbs" aria-label="Breadcrumb"><ol>${page.crumbs.map((c) =>
        c.path === undefined ? html`<li><span aria-current="page">${c.label}</span></li>` : html`<li><a href="${site.url(c.path)}">${c.label}</a></li>`,
      )}</ol></nav>`
    : '';
  const scripts: Part = (page.scripts ?? []).map((s) => html`<script src="${site.url(s)}" defer></script>`);
  return html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="color-scheme" content="light dark">
<title>${title}</title>
<meta name="description" content="${page.description}">
${site.ladder.policy.site.noindex ? html`<meta name="robots" content="noindex">\n` : ''}<link rel="stylesheet" href="${site.url(pagePath.css)}">
<link rel="icon" href="${site.url(pagePath.icon)}" type="image/svg+xml">
${scripts}
</head>
<body>
<a class="skip-link" href="#ladder-main">Skip to content</a>
<header class="site-header">
<div class="wrap header-inner">
<a class="brand" href="${site.url('')}"><span class="brand-mark" aria-hidden="true"></span><span class="brand-org">${site.organization}</span> <span class="brand-sub">Career ladder</span></a>
<nav class="site-nav" aria-label="Main">
<ul>
${navItem('Overview', '', 'home')}
${tracks}
${navItem('Changelog', pagePath.changelog, 'changelog')}
${page.headerSearch === false ? navItem('Search', pagePath.search, 'search') : ''}
</ul>
</nav>
${search}
</div>
</header>
<main id="ladder-main" class="wrap" tabindex="-1">
${crumbs}
${page.main}
</main>
<footer class="site-footer">
<div class="wrap">
<p>${site.organization} career ladder, version ${site.ladder.version}. Levels on the same band are equally senior, whatever their track.</p>
<p><a href="${site.url('')}">Overview</a> &middot; <a href="${site.url(pagePath.search)}">All levels and search</a> &middot; <a href="${site.url(pagePath.moves)}">How moves work</a> &middot; <a href="${site.url(pagePath.changelog)}">Changelog</a></p>
<div class="print-url">This page: ${(site.base.origin ?? '') + site.url(page.path)}</div>
</div>
</footer>
</body>
</html>
`;
}
