/**
 * Removes what names a person from a comment: e-mail addresses, @handles, and the handles of the
 * ladder's people (its committee, approvers, packets' people and the surveyed managers) with the
 * names they spell ("ada-okafor": "ada-okafor", "Ada Okafor", "Ada", "Okafor"). Over-redacting a
 * word that happens to be a name part is the price of never leaving a name in.
 */
export function redactor(handles: readonly string[]): (text: string) => string {
  const terms = new Set<string>();
  for (const handle of handles) {
    const h = handle.trim().toLowerCase();
    if (h.length < 2) continue;
    terms.add(h);
    const parts = h.split(/[-_.]+/).filter((p) => p.length > 0);
    if (parts.length > 1) terms.add(parts.join(' '));
    for (const p of parts) if (p.length >= 3) terms.add(p);
  }
  const words = [...terms].sort((a, b) => b.length - a.length).map(escapeRegExp);
  // Between non-letters, so that "Ada" goes and "Adams" stays; separators inside a name may vary.
  const names = words.length
    ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.map((w) => w.replace(/\\ /g, '[\\s._-]+')).join('|')})(?![\\p{L}\\p{N}])`, 'giu')
    : undefined;
  return (text) => {
    let out = text.replace(/[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu, '[e-mail]').replace(/@[A-Za-z0-9][A-Za-z0-9_-]*/g, '[handle]');
    if (names) out = out.replace(names, '[name]');
    return out;
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\ ');
}
