import { html } from '../html.js';
import type { Page } from '../layout.js';
import type { Site } from '../site.js';
import { pagePath } from '../urls.js';

/** 404.html: GitHub Pages serves it for any missing path, so all its links are absolute. */
export function notFoundPage(site: Site): Page {
  return {
    path: pagePath.notFound,
    title: 'Page not found',
    description: 'This page does not exist.',
    main: html`<div class="page-head">
<h1>Page not found</h1>
<p class="lead">There is no page at this address. Levels and tracks keep their addresses, but a level that was renamed or removed from the ladder has none.</p>
</div>
<ul class="plain-list">
<li><a href="${site.url('')}">See every track side by side</a></li>
<li><a href="${site.url(pagePath.search)}">Search the ladder, or browse all levels</a></li>
<li><a href="${site.url(pagePath.changelog)}">See what changed recently</a></li>
</ul>`,
  };
}
