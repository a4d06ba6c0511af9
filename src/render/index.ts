import type { History, VersionHistory } from '../core/history.js';
import type { Ladder, Level } from '../core/model.js';
import { CHECKLIST_SCRIPT, COLUMNS_SCRIPT, FAVICON, SEARCH_SCRIPT } from './assets.js';
import { STYLESHEET } from './css.js';
import { ladderExport } from './export.js';
import { layout, type Page } from './layout.js';
import { changePage } from './pages/change.js';
import { changelogPage } from './pages/changelog.js';
import { checklistPage } from './pages/checklist.js';
import { homePage } from './pages/home.js';
import { levelPage } from './pages/level.js';
import { matrixPage } from './pages/matrix.js';
import { movesPage } from './pages/moves.js';
import { notFoundPage } from './pages/not-found.js';
import { searchPage } from './pages/search.js';
import { trackPage } from './pages/track.js';
import { searchFiles } from './search-index.js';
import { type PageInfo, Site } from './site.js';
import { robotsTxt, sitemapXml } from './sitemap.js';
import { type BaseUrl, fileOf, pagePath, parseBaseUrl } from './urls.js';

export type { History, HistoryEntry, HistoryFile, LadderVersion, VersionHistory } from '../core/history.js';
export { BaseUrlError, parseBaseUrl } from './urls.js';

export interface RenderOptions {
  /** Where the site is served: "/", "/repo/" or "https://org.github.io/repo/" (default "/"). */
  baseUrl?: string | BaseUrl;
  /** The ladder's git history; undefined or unavailable: the changelog says there is none. */
  history?: History;
  /** The ladder's versions with what each changed (src/node/ladder-versions.ts); the changelog shows them with the release notes. */
  versions?: VersionHistory;
  /** Use the fast parser for plain Markdown (default true); false sends everything through remark-parse. */
  fastMarkdown?: boolean;
  /**
   * An incremental render: each page's inputs are digested into a key (the ladder's files without
   * the level bodies, plus the bodies of the levels the page shows), and a page for which `reuse`
   * says the previous render made that file from that key is not built: renderFiles yields it with
   * no contents. The changelog, search index, sitemap and other files are always built.
   */
  incremental?: Incremental;
}

/**
 * See RenderOptions.incremental. The search index reuses a level's entries that the previous render
 * stored (renderFiles returns them as `searchCache`) under the key of the level's inputs: `cached`
 * gives what was stored, and a text file of the index whose entries all come as they were is
 * reused like a page (`reuse`, with no contents).
 */
export interface Incremental {
  digest(text: string): string;
  reuse(file: string, key: string): boolean;
  /** What the previous render's `searchCache` held under `key` (untrusted: anything that is not a level's entries is ignored). */
  cached?(key: string): string | undefined;
}

/** A file of the site: its path, its contents (undefined: reused, see RenderOptions.incremental) and, for a page, the key of its inputs. */
export type RenderedFile = [path: string, contents: string | undefined, key?: string];

export interface RenderedSite {
  /** Output path (forward slashes, relative to the output directory) → contents. */
  files: Map<string, string>;
  /** The HTML pages, in the order the sitemap lists them (the 404 page excluded). */
  pages: PageInfo[];
  /** Markdown pieces per parser, and those beyond the limits shown as text, for the curious (bench, tests). */
  markdown: { fast: number; remark: number; plain: number };
  /**
   * With `incremental`: the search entries of each level that was indexed anew, [key, JSON], for
   * the next render's `cached` (a level reused from the cache is not in it: it was stored already).
   */
  searchCache?: Array<[key: string, json: string]>;
}

/**
 * Renders the ladder as a static site. Pure: the model in, file contents out; the caller writes
 * them. Reads only the ladder's bands, tracks, competencies, levels, policy and changelog: never
 * packets, even when the model holds some.
 */
export function renderSite(ladder: Ladder, options: RenderOptions = {}): RenderedSite {
  const files = new Map<string, string>();
  const output = renderFiles(ladder, options);
  for (let next = output.next(); ; next = output.next()) {
    if (next.done) return { files, ...next.value };
    files.set(next.value[0], next.value[1] as string); // without `incremental` every file has its contents
  }
}

/**
 * The same site, one file at a time (path, contents), so that a caller can write each file as
 * soon as it is made: a large site is tens of megabytes of HTML, better not held all at once.
 * Returns the page list and Markdown statistics when done.
 */
export function* renderFiles(ladder: Ladder, options: RenderOptions = {}): Generator<RenderedFile, Omit<RenderedSite, 'files'>> {
  const base = typeof options.baseUrl === 'object' ? options.baseUrl : parseBaseUrl(options.baseUrl);
  const site = new Site(ladder, base, { fastMarkdown: options.fastMarkdown });
  const pages: PageInfo[] = [];
  const page = (p: Page, listed = true): [string, string] => {
    if (listed) pages.push({ path: p.path, title: p.title });
    return [fileOf(p.path), layout(site, p).value];
  };
  const incremental = options.incremental;
  const keys = incremental && inputKeys(ladder, base, options);
  const keyOf = (levels: readonly Level[]) =>
    (incremental as Incremental).digest((keys as InputKeys).global + levels.map((l) => (keys as InputKeys).body(l)).join(''));
  /** A page made from the ladder without level bodies and the bodies of `levels`: reused when its key says so. */
  const cached = (path: string, levels: readonly Level[], build: () => Page): RenderedFile => {
    if (!keys || !incremental) return page(build());
    const key = keyOf(levels);
    if (incremental.reuse(fileOf(path), key)) {
      pages.push({ path, title: '' });
      return [fileOf(path), undefined, key];
    }
    return [...page(build()), key];
  };

  yield cached(pagePath.home, [], () => homePage(site));
  for (const track of site.tracks) {
    yield cached(pagePath.track(track.id), [], () => trackPage(site, track));
    yield cached(pagePath.matrix(track.id), site.index.levelsOf(track.id), () => matrixPage(site, track));
  }
  for (const track of site.tracks)
    for (const level of site.index.levelsOf(track.id)) {
      yield cached(pagePath.level(level.id), [level], () => levelPage(site, level));
      yield cached(pagePath.checklist(level.id), [level], () => checklistPage(site, level));
    }
  for (const step of site.steps.all) yield cached(pagePath.change(step.key), [step.from, step.to], () => changePage(site, step));
  yield cached(pagePath.moves, [], () => movesPage(site));
  yield page(searchPage(site));
  yield page(changelogPage(site, options.history, options.versions));
  yield page(notFoundPage(site), false);

  // A level's search entries are kept under the key of its page's inputs (the level alone).
  const search = searchFiles(site, incremental && { ...incremental, keyOf: (level) => keyOf([level]), cached: incremental.cached ?? (() => undefined) });
  yield* search.files;
  yield [pagePath.sitemap, sitemapXml(base, pages)];
  yield [pagePath.export, ladderExport(ladder)];
  yield [pagePath.robots, robotsTxt(base, ladder.policy.site.noindex)];
  yield [pagePath.css, STYLESHEET];
  yield [pagePath.script, SEARCH_SCRIPT];
  yield [pagePath.columns, COLUMNS_SCRIPT];
  yield [pagePath.checklistScript, CHECKLIST_SCRIPT];
  yield [pagePath.icon, FAVICON];
  // GitHub Pages deployed from a branch would otherwise run Jekyll over the site.
  yield ['.nojekyll', ''];
  return { pages, markdown: { ...site.markdown.stats }, ...(incremental ? { searchCache: search.store } : {}) };
}

/** The text of the parts of a site's inputs that pages depend on, digested once each. */
interface InputKeys {
  /** The ladder without level bodies or packets, and the options that shape every page. */
  global: string;
  /** The digest of a level's body (introduction, sections, HTML tags). */
  body(level: Level): string;
}

/** Level fields that only the pages showing the level's text depend on. */
const BODY = new Set(['intro', 'introAt', 'sections', 'html']);
/** Neither shown nor shaping the site (packets are never read), or a parser's document (its text is in the fields). */
const UNUSED = new Set(['packets', 'otherPackets', 'surveys', 'calibrationFiles', 'doc']);

function inputKeys(ladder: Ladder, base: BaseUrl, options: RenderOptions): InputKeys {
  const digest = (options.incremental as Incremental).digest;
  const levels = new Set<unknown>(ladder.levels);
  // A replacer sees the object that holds the key as `this`: a level's body fields are left out.
  const global = JSON.stringify({ ladder, base, fast: options.fastMarkdown ?? true }, function (this: unknown, key, value) {
    return UNUSED.has(key) || (BODY.has(key) && levels.has(this)) ? undefined : value;
  });
  const bodies = new Map<Level, string>();
  return {
    global: digest(global),
    body(level) {
      let d = bodies.get(level);
      if (d === undefined) {
        d = digest(JSON.stringify([level.intro, level.introAt, level.sections, level.html]));
        bodies.set(level, d);
      }
      return d;
    },
  };
}
