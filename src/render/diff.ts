import { type AlignKind, alignBullets, contentStemsOnce, STOP_WORDS as STOP, stem } from '../core/align.js';
import type { Fragment, Unit } from './fragment.js';
import { escapeHtml } from './html.js';

export { stem };

/**
 * What is new in one level's expectations compared with another's, for one competency. Levels are
 * rarely written as edits of each other (each level's text is its own), so this works on words,
 * not on lines: in every paragraph or list item, the words the other level's expectations for the
 * same competency never use are wrapped in <ins> ("several teams", "organization", "budget"). An
 * item that the other level has word for word is tagged Unchanged instead; when the other level
 * has no expectations for the competency at all, every item is tagged New.
 *
 * It works on the sanitized HTML string, wrapping runs of text between tags, so it costs one
 * regular-expression pass per item and adds no markup other than <ins> and the tags.
 */

export interface Comparison {
  /** The HTML, in pieces (see Html): pages join them once, when they are written. */
  html: string[];
  /** Items, items the other side has word for word, and items with highlighted words. */
  counts: { items: number; same: number; highlighted: number };
}

const TOKEN = /<(?:[^>"']|"[^"]*"|'[^']*')*>|&[#A-Za-z0-9]+;|[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

interface Known {
  stems: Set<string>;
  texts: Set<string>;
}
const known = new WeakMap<Fragment, Known>();

function knownOf(fragment: Fragment): Known {
  let k = known.get(fragment);
  if (!k) {
    const stems = new Set<string>();
    const texts = new Set<string>();
    for (const part of fragment.parts) {
      if (typeof part === 'string') continue;
      texts.add(part.text);
      for (const m of part.text.matchAll(WORD)) stems.add(stem(m[0]));
    }
    k = { stems, texts };
    known.set(fragment, k);
  }
  return k;
}

/** `to`'s HTML with what `from` never says emphasized. */
export function compareFragments(from: Fragment, to: Fragment): Comparison {
  const other = knownOf(from);
  const counts = { items: 0, same: 0, highlighted: 0 };
  const out: string[] = [];
  for (const part of to.parts) {
    if (typeof part === 'string') {
      out.push(part);
      continue;
    }
    counts.items++;
    if (other.texts.has(part.text)) {
      counts.same++;
      out.push(tagged(part, 'same', 'Unchanged', part.inner));
      continue;
    }
    const inner = highlight(part, other.stems);
    if (inner !== part.inner) counts.highlighted++;
    out.push(part.open + inner + part.close);
  }
  return { html: out, counts };
}

/** Every item tagged New (or `label`): the other level has no expectations for this competency. */
export function allNew(to: Fragment, label = 'New', change: 'new' | 'only' = 'new'): Comparison {
  let items = 0;
  const html = to.parts.map((part) => {
    if (typeof part === 'string') return part;
    items++;
    return tagged(part, change, label, part.inner);
  });
  return { html, counts: { items, same: 0, highlighted: 0 } };
}

/** A promotion's expectations for one competency, bullet by bullet against the level below (core/align.ts). */
export interface Grouped {
  /** The target level's expectations, grouped: new, then grown (with the counterpart's words), then the same, folded. */
  html: string[];
  counts: { new: number; grew: number; same: number };
}

export interface GroupLabels {
  /** "New at E5". */
  new: string;
  /** "Grown from E4". */
  grew: string;
  /** "At E4:", before the counterpart's text under a grown expectation. */
  was: string;
}

/**
 * `to`'s expectations grouped by how they relate to `from`'s: each is paired with the closest
 * expectation of `from` (alignBullets). New ones have none; grown ones have one, and only the words
 * that one never uses are emphasized, with its text shown under it; those that stay the same are
 * folded into a <details>. Headings inside the sections are structure, not expectations: left out.
 */
export function grouped(from: Fragment, to: Fragment, labels: GroupLabels): Grouped {
  const expectation = (p: string | Unit): p is Unit => typeof p !== 'string' && !/^h[1-6]$/.test(p.tag);
  const before = from.parts.filter(expectation);
  const after = to.parts.filter(expectation);
  const alignment = alignBullets(
    before.map((u) => u.text),
    after.map((u) => u.text),
  );
  const lists: Record<AlignKind, string[]> = { new: [], grew: [], same: [] };
  alignment.to.forEach((aligned, j) => {
    const unit = after[j] as Unit;
    const counterpart = aligned.from === undefined ? undefined : before[aligned.from];
    const inner = counterpart ? highlight(unit, contentStemsOnce(counterpart.text)) : unit.inner;
    if (aligned.kind === 'new') lists.new.push(item(unit, 'new', 'New', inner));
    else if (aligned.kind === 'grew')
      lists.grew.push(
        item(
          unit,
          'changed',
          'Grown',
          inner,
          `<p class="was"><span class="was-label">${escapeHtml(labels.was)}</span> ${escapeHtml((counterpart as Unit).text)}</p>`,
        ),
      );
    else lists.same.push(item(unit, 'same', '', inner));
  });
  const out: string[] = [];
  const group = (kind: 'new' | 'grew', title: string) => {
    if (lists[kind].length === 0) return;
    out.push(
      `<h4 class="change-group">${escapeHtml(title)} <span class="count">(${lists[kind].length})</span></h4>\n<ul class="change-list">\n`,
      ...lists[kind],
      '</ul>\n',
    );
  };
  group('new', labels.new);
  group('grew', labels.grew);
  if (lists.same.length > 0) {
    const n = lists.same.length;
    out.push(
      `<details class="same-list"><summary>${n === 1 ? '1 expectation stays' : `${n} expectations stay`} the same</summary>\n<ul class="change-list">\n`,
      ...lists.same,
      '</ul>\n</details>\n',
    );
  }
  return { html: out, counts: alignment.counts };
}

/** One expectation as a list item of a group: a list item keeps its own tag, any other block is wrapped in one. */
function item(unit: Unit, change: 'new' | 'changed' | 'same', label: string, inner: string, after = ''): string {
  const li: Unit = unit.tag === 'li' ? unit : { ...unit, tag: 'li', open: '<li>', inner: unit.open + inner + unit.close, close: '</li>' };
  const body = unit.tag === 'li' ? inner : li.inner;
  const tag = label ? `<span class="change-tag">${label}</span> ` : '';
  const open = `<li data-change="${change}"${li.open.slice(3)}`;
  const content = tag && /^\n?<p>/.test(body) ? body.replace(/<p>/, `<p>${tag}`) : tag + body;
  return `${open}${content}${after}</li>\n`;
}

function tagged(unit: Unit, change: 'new' | 'same' | 'only', label: string, inner: string): string {
  // unit.open is "<tag" + sanitized attributes + ">": the data attribute goes right after the name.
  const open = `<${unit.tag} data-change="${change}"${unit.open.slice(unit.tag.length + 1)}`;
  const tag = `<span class="change-tag">${label}</span> `;
  // In a loose list item the text sits in a <p>: put the tag inside it so that it stays on the line.
  const body = /^\n?<p>/.test(inner) ? inner.replace(/<p>/, `<p>${tag}`) : tag + inner;
  return open + body + unit.close;
}

/** A unit's words, found once and reused by every page that compares it. */
interface Tokens {
  /** Start and end offsets in the unit's inner HTML; end -1 marks a tag, which ends a run. */
  starts: number[];
  ends: number[];
  /** The word's stem, or '' for stop words and entities (which may sit inside a run). */
  stems: string[];
}
const tokenCache = new WeakMap<Unit, Tokens>();

function tokensOf(unit: Unit): Tokens {
  let t = tokenCache.get(unit);
  if (!t) {
    t = { starts: [], ends: [], stems: [] };
    for (const m of unit.inner.matchAll(TOKEN)) {
      const token = m[0];
      const first = token.charCodeAt(0);
      const isTag = first === 60; /* < */
      const s = isTag || first === 38 /* & */ ? '' : stem(token);
      t.starts.push(m.index);
      t.ends.push(isTag ? -1 : m.index + token.length);
      t.stems.push(STOP.has(s) ? '' : s);
    }
    tokenCache.set(unit, t);
  }
  return t;
}

/**
 * `unit`'s inner HTML with runs of words whose stem is not in `stems` wrapped in <ins>. Runs stay
 * within one text node (a tag ends them); stop words and entities between two new words join their
 * run; words under three letters are never new on their own.
 */
export function highlight(unit: Unit, stems: ReadonlySet<string>): string {
  const { starts, ends, stems: words } = tokensOf(unit);
  const html = unit.inner;
  let out = '';
  let at = 0;
  let start = -1;
  let end = -1;
  for (let i = 0; i <= starts.length; i++) {
    const last = i === starts.length;
    if (!last && ends[i] !== -1) {
      const s = words[i] as string;
      if (s === '') continue; // stop word or entity: may sit inside a run
      if (s.length >= 3 && !stems.has(s)) {
        if (start === -1) start = starts[i] as number;
        end = ends[i] as number;
        continue;
      }
    }
    // A tag, a known word or the end: close the run, if any.
    if (start !== -1) {
      out += `${html.slice(at, start)}<ins>${html.slice(start, end)}</ins>`;
      at = end;
      start = -1;
    }
  }
  return at === 0 ? html : out + html.slice(at);
}
