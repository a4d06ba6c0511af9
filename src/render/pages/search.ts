import { html } from '../html.js';
import type { Page } from '../layout.js';
import type { Site } from '../site.js';
import { pagePath } from '../urls.js';

/**
 * Search. The script (assets/search.js) searches search/index.json in the browser; without
 * JavaScript the page is still the list of every level, which is what a search would lead to.
 */
export function searchPage(site: Site): Page {
  const main = html`<div class="page-head">
<h1>Search the ladder</h1>
<p class="lead">Find a level, an expectation in any level of any track, a competency, or a change in the release notes.</p>
</div>
<form class="search-form" role="search" aria-label="Ladder" action="${site.url(pagePath.search)}" method="get" data-index="${site.url(pagePath.searchIndex)}">
<label for="ladder-q">Words to look for</label>
<div class="search-row">
<input id="ladder-q" type="search" name="q" autocomplete="off" aria-describedby="ladder-search-help">
<button type="submit">Search</button>
</div>
<p id="ladder-search-help" class="muted">For example: incident, mentoring, roadmap. Every word must appear, in any form (mentor, mentoring); a typo in a long word is forgiven.</p>
</form>
<p class="note" id="ladder-search-nojs">Search runs in your browser and needs JavaScript. Every level is listed below.</p>
<section id="ladder-results" class="results" aria-labelledby="ladder-results-title" hidden>
<h2 id="ladder-results-title">Results</h2>
<p id="ladder-results-status" class="results-status" role="status"></p>
<ol id="ladder-results-list" class="result-list"></ol>
<button type="button" id="ladder-results-more" class="results-more" hidden>Show all results</button>
</section>
<section aria-labelledby="ladder-all-title">
<h2 id="ladder-all-title">All levels</h2>
${site.tracks.map(
  (t) => html`<h3>${t.name}</h3>
<ul class="level-list">
${site.index
  .levelsOf(t.id)
  .map(
    (l) =>
      html`<li><a href="${site.url(pagePath.level(l.id))}"><span class="level-code">${l.code}</span> <span class="level-title">${l.title}</span></a> <span class="muted">${l.summary}</span></li>\n`,
  )}
</ul>
`,
)}
</section>`;
  return {
    path: pagePath.search,
    title: 'Search',
    description: `Search the levels and expectations of the ${site.organization} career ladder.`,
    main,
    section: 'search',
    scripts: [pagePath.script],
    headerSearch: false,
  };
}
