/**
 * HTML building with escaping by default: every value interpolated into `html` is escaped unless
 * it is already an `Html` (markup this renderer produced, or sanitized Markdown). Templates never
 * concatenate untrusted strings by hand.
 */
export class Html {
  private flat: string | undefined;
  /** Markup, kept as a tree of pieces until it is read once: pages nest deeply and are large. */
  constructor(private readonly parts: ReadonlyArray<string | Html>) {}
  get value(): string {
    if (this.flat === undefined) {
      const out: string[] = [];
      this.collect(out);
      this.flat = out.join('');
    }
    return this.flat;
  }
  private collect(out: string[]): void {
    if (this.flat !== undefined) out.push(this.flat);
    else
      for (const p of this.parts) {
        if (typeof p === 'string') out.push(p);
        else p.collect(out);
      }
  }
  toString(): string {
    return this.value;
  }
}

export type Part = Html | string | number | boolean | undefined | null | readonly Part[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
// C0 controls other than tab, line feed and carriage return are not allowed in HTML text.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

// Any character escapeHtml changes: most text has none, and one search is cheaper than two replaces.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the controls escapeHtml removes
const CHANGED = /[&<>"'\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Escapes text for use in element content and in double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  if (!CHANGED.test(text)) return text;
  return text.replace(CONTROL, '').replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** Marks a string (or pieces of one) as trusted markup. Only for this renderer's own constants and sanitized output. */
export function trusted(markup: string | readonly string[]): Html {
  return new Html(typeof markup === 'string' ? [markup] : markup);
}

function write(part: Part, out: Array<string | Html>): void {
  if (part === undefined || part === null || part === false || part === true) return;
  if (part instanceof Html) out.push(part);
  else if (Array.isArray(part)) for (const p of part) write(p, out);
  else out.push(escapeHtml(String(part)));
}

/** Tagged template: `html\`<p>${text}</p>\``. Arrays are joined; false, null and undefined render nothing. */
export function html(strings: TemplateStringsArray, ...values: readonly Part[]): Html {
  const out: Array<string | Html> = [];
  for (let i = 0; i < strings.length; i++) {
    out.push(strings[i] as string);
    if (i < values.length) write(values[i] as Part, out);
  }
  return new Html(out);
}

/** Joins parts (escaping strings) with an optional separator. */
export function join(parts: readonly Part[], separator = ''): Html {
  const out: Array<string | Html> = [];
  parts.forEach((p, i) => {
    if (i > 0 && separator) out.push(separator);
    write(p, out);
  });
  return new Html(out);
}

/** Text for an attribute value or content, as a plain string (escaped). */
export function attr(value: string): Html {
  return new Html([escapeHtml(value)]);
}
