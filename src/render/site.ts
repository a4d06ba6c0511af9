import { posix } from 'node:path';
import { appliesAt, fromText } from '../core/applicability.js';
import type { Band, Competency, Family, Ladder, Level, Pay, Track } from '../core/model.js';
import { describe, LadderIndex } from '../core/model.js';
import { type StepAt, stepAt } from '../core/proficiency.js';
import { formatPay, formatPayShort } from './format.js';
import type { Fragment } from './fragment.js';
import { escapeHtml, type Html, html, trusted } from './html.js';
import { type HeadingMode, MarkdownRenderer } from './markdown.js';
import { type Steps, siteTracks, stepsOf } from './steps.js';
import { type BaseUrl, pagePath, slug } from './urls.js';

export interface PageInfo {
  /** Site-relative path: '' for home, 'levels/E4/'. */
  path: string;
  title: string;
}

/**
 * Everything pages share: the ladder and its lookups, URLs under the base, the Markdown renderer
 * with its cache, pay as the policy allows it. Read-only for pages; renderSite builds one per site.
 */
export class Site {
  readonly index: LadderIndex;
  /** Tracks in the order of ladder.yml, grouped by family when it declares families. */
  readonly tracks: Track[];
  readonly steps: Steps;
  readonly markdown: MarkdownRenderer;
  private readonly levelByFile = new Map<string, Level>();
  private readonly codeCount = new Map<string, number>();

  constructor(
    readonly ladder: Ladder,
    readonly base: BaseUrl,
    options: { fastMarkdown?: boolean } = {},
  ) {
    this.index = new LadderIndex(ladder);
    // Tracks of a family sit together, in the families' order; tracks in no family follow.
    this.tracks = siteTracks(this.index);
    this.steps = stepsOf(this.index, this.tracks);
    for (const level of this.index.levelById.values()) {
      this.levelByFile.set(level.origin.file, level);
      this.codeCount.set(level.code, (this.codeCount.get(level.code) ?? 0) + 1);
    }
    this.markdown = new MarkdownRenderer((href, file) => this.resolveLink(href, file), { fastPath: options.fastMarkdown });
  }

  /** The absolute path of a site path, under the base URL. */
  url(path: string): string {
    return this.base.path + path;
  }

  get organization(): string {
    return this.ladder.organization || 'Engineering';
  }

  get publishPay(): boolean {
    return this.ladder.policy.publishPay === true;
  }

  /** A level's pay range when the policy publishes pay: its own, else its band's. */
  payOf(level: Level): Pay | undefined {
    if (!this.publishPay) return undefined;
    return level.pay ?? this.index.bandById.get(level.band)?.pay;
  }

  bandPay(band: Band): Pay | undefined {
    return this.publishPay ? band.pay : undefined;
  }

  /**
   * "$180,000 – $230,000", or "$180k – $230k" when short. Pay per zone shows every zone, in the
   * order ladder.yml declares them: "United States: $180,000 – $230,000 · Germany: €95,000 – €120,000",
   * or, when short, one line per zone: "US $180k – $230k", "DE €95k – €120k".
   */
  payText(pay: Pay | undefined, short = false): Html | undefined {
    if (!pay) return undefined;
    const order = [...this.index.zoneById.keys()];
    const rank = (zone: string | undefined) => (zone === undefined || !order.includes(zone) ? order.length : order.indexOf(zone));
    const ranges = [...pay.ranges].sort((a, b) => rank(a.zone) - rank(b.zone));
    const parts = ranges.map((range) => {
      const currency = this.index.currencyOf(range);
      const [min, max] = short ? formatPayShort(range, currency) : formatPay(range, currency);
      // An entity for the dash keeps pages in one-byte strings when their text allows it (faster to write).
      const text = `${escapeHtml(min)} &ndash; ${escapeHtml(max)}`;
      if (range.zone === undefined) return text;
      const zone = this.index.zoneById.get(range.zone);
      // In tables, one zone a line (a phone keeps pay on one line per zone); in prose, one run.
      return short
        ? `<span class="pay-zone"><abbr title="${escapeHtml(zone?.name ?? range.zone)}">${escapeHtml(range.zone.toUpperCase())}</abbr> ${text}</span>`
        : `${escapeHtml(zone?.name ?? range.zone)}: ${text}`;
    });
    return trusted(parts.join(short ? '' : ' &middot; '));
  }

  /**
   * The families as the site shows them: those ladder.yml declares (each with its known tracks),
   * then one unnamed group of the tracks in none. Empty when the ladder declares no families.
   */
  get families(): Array<{ family: Family | undefined; tracks: Track[] }> {
    if (this.ladder.families.length === 0) return [];
    const groups = this.ladder.families.map((family) => ({ family, tracks: this.tracks.filter((t) => this.index.familyOf(t.id) === family) }));
    const rest = this.tracks.filter((t) => !this.index.familyOf(t.id));
    return [...groups.filter((g) => g.tracks.length > 0), ...(rest.length > 0 ? [{ family: undefined, tracks: rest }] : [])];
  }

  /** "Senior band" for a level's band, or "Band 5" as it is when the band's name already says band. */
  bandLabel(level: Level): string {
    return bandWords(this.bandOf(level)?.name ?? level.band, '');
  }

  /** "the Senior band" in running text, or "Band 5". */
  theBand(level: Level): string {
    return bandWords(this.bandOf(level)?.name ?? level.band, 'the ');
  }

  bandOf(level: Level): Band | undefined {
    return this.index.bandById.get(level.band);
  }

  trackOf(level: Level): Track | undefined {
    return this.index.trackById.get(level.track);
  }

  /** Levels of other tracks on the same band, in track order. */
  equivalents(level: Level): Level[] {
    return this.tracks.filter((t) => t.id !== level.track).flatMap((t) => this.index.levelsOf(t.id).filter((l) => l.band === level.band));
  }

  /** How running text names a level: its code ("E4"), or code and title when several levels share the code ("IC3 Site Reliability Engineer"). */
  short(level: Level): string {
    return (this.codeCount.get(level.code) ?? 0) > 1 ? this.label(level) : level.code;
  }

  /** "E4 Senior Engineer": the level's code (its id unless it declares one) and title. */
  label(level: Level): string {
    return `${level.code} ${level.title}`;
  }

  /** Whether a competency is measured at a level: on its track, and at or above its `from`. */
  applies(level: Level, competency: Competency): boolean {
    return appliesAt(competency, level, this.index) !== 'no';
  }

  /** "Applies from the Staff band": why a competency of the track has no expectations at a lower level. */
  appliesFrom(competency: Competency): string | undefined {
    if (competency.from === undefined) return undefined;
    const band = this.index.bandById.get(competency.from) ?? this.index.bandById.get(this.index.levelById.get(competency.from)?.band ?? '');
    return band ? `Applies from ${bandWords(band.name, 'the ')} up` : `Applies from ${fromText(competency.from, this.index)} up`;
  }

  /** The description a track shows: its own when the competency is described per track. */
  descriptionOf(competency: Competency, trackId: string | undefined): string | undefined {
    return describe(competency, trackId);
  }

  /** A level's proficiency step on a scaled competency. */
  stepOf(level: Level, competency: Competency): StepAt | undefined {
    return stepAt(level, competency, this.index);
  }

  sectionOf(level: Level, competency: Competency): string | undefined {
    return level.sections.find((s) => s.name === competency.name)?.body;
  }

  /** A level's expectations for one competency, as safe HTML; undefined when the level has no such section. */
  expectations(level: Level, competency: Competency, headings: HeadingMode): Fragment | undefined {
    const body = this.sectionOf(level, competency);
    if (body === undefined) return undefined;
    return this.markdown.render(body, { file: level.origin.file, scope: `md-${slug(level.id)}-${competency.id}`, headings });
  }

  intro(level: Level, headings: HeadingMode): Fragment | undefined {
    if (!level.intro.trim()) return undefined;
    return this.markdown.render(level.intro, { file: level.origin.file, scope: `md-${slug(level.id)}-intro`, headings });
  }

  /**
   * Where a relative link in a level file points: another level file (with an optional #competency)
   * becomes that level's page; "#competency" alone, that competency on this level's page.
   */
  private resolveLink(href: string, file: string): string | undefined {
    const hash = href.indexOf('#');
    const path = hash === -1 ? href : href.slice(0, hash);
    const fragment = hash === -1 ? '' : href.slice(hash + 1);
    const target = path === '' ? this.levelByFile.get(file) : this.levelByFile.get(posix.normalize(posix.join(posix.dirname(file), safeDecode(path))));
    if (!target) return undefined;
    const competency = this.index.competencyById.get(safeDecode(fragment));
    const anchor = competency?.tracks.includes(target.track) ? `#${competency.id}` : '';
    return this.url(pagePath.level(target.id)) + anchor;
  }
}

/**
 * A muted aside: "(Engineering Management)", or "— Track 2 (management)" when the text has
 * parentheses of its own, which nested ones would make hard to read.
 */
export function aside(text: string): Html {
  return html` <span class="muted">${/[()]/.test(text) ? `\u2014 ${text}` : `(${text})`}</span>`;
}

function bandWords(name: string, article: string): string {
  return /\bband\b/i.test(name) ? name : `${article}${name} band`;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
