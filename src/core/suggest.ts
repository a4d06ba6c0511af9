/** Optimal string alignment distance, capped: we only care whether two names are close. */
function distance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, (prev2[j - 2] as number) + 1);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > cap) return cap + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length] as number;
}

/**
 * A name as people compare names: case, emoji, punctuation and spacing aside, so that
 * `## Results` is close to a competency named "🏆 Results" and "Hiring & team design" to
 * "Hiring and team design" only by the "and". Names made only of symbols keep them.
 */
function plain(name: string): string {
  const words = name
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return words === '' ? name.toLowerCase() : words;
}

/** The closest candidate to a misspelled name, or undefined when none is close enough to be a typo. */
export function closest(name: string, candidates: Iterable<string>): string | undefined {
  const wanted = plain(name);
  const cap = Math.max(1, Math.floor(wanted.length / 3));
  let best: string | undefined;
  let bestDistance = cap + 1;
  for (const candidate of candidates) {
    const other = plain(candidate);
    const d = other === wanted ? 0 : distance(wanted, other, cap);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** ` Did you mean "x"?` or an empty string. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const hit = closest(name, candidates);
  return hit === undefined ? '' : ` Did you mean "${hit}"?`;
}

/** Quotes and joins a list for a message, shortening long lists. */
export function listOf(items: readonly string[], max = 8): string {
  const shown = items.slice(0, max).map((i) => `"${i}"`);
  if (items.length > max) shown.push(`and ${items.length - max} more`);
  return shown.join(', ');
}
