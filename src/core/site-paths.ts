/**
 * Where the site's pages live, as paths derived from ids only: the renderer writes them, and the
 * Action's comment links to them (a packet's "what changes" page), so both read this one table.
 */

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
