/**
 * Removes what names a person from a comment: e-mail addresses, @handles, and the handles of the
 * ladder's people (its committee, approvers, packets' people and the surveyed managers) with the
 * names they spell ("ada-okafor": "ada-okafor", and the words "Ada" and "Okafor" wherever they
 * stand). Over-redacting a word that happens to be a name part is the price of never leaving a
 * name in. Words are looked up in a set, so the cost stays linear with thousands of handles.
 */
export function redactor(handles: readonly string[]): (text: string) => string {
  const terms = new Set<string>();
  for (const handle of handles) {
    const h = handle.trim().toLowerCase();
    if (h.length < 2) continue;
    terms.add(h);
    for (const p of h.split(/[-_.]+/)) if (p.length >= 3) terms.add(p);
  }
  return (text) =>
    text
      .replace(/[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu, '[e-mail]')
      .replace(/@[A-Za-z0-9][A-Za-z0-9_-]*/g, '[handle]')
      // A word, with the separators a handle may hold: the whole handle, else each word of it.
      .replace(/[\p{L}\p{N}]+(?:[-_.][\p{L}\p{N}]+)*/gu, (token) =>
        terms.has(token.toLowerCase()) ? '[name]' : token.replace(/[\p{L}\p{N}]+/gu, (word) => (terms.has(word.toLowerCase()) ? '[name]' : word)),
      );
}
