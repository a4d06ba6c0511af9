/**
 * A seeded shuffle (xoshiro128**), so that the core stays pure: the command draws the seed from
 * the system's cryptographic random source for every run and keeps it nowhere, so the order of
 * comments says nothing about the export's order (which a form tool keeps by time).
 */
export function shuffled<T>(items: readonly T[], seed: readonly number[]): T[] {
  const s = Uint32Array.from([seed[0] ?? 0, seed[1] ?? 0, seed[2] ?? 0, seed[3] ?? 0]);
  if (s.every((x) => x === 0)) s[0] = 1; // the all-zero state never leaves zero
  const next = (): number => {
    const result = Math.imul(rotl(Math.imul(s[1] as number, 5), 7), 9) >>> 0;
    const t = (s[1] as number) << 9;
    s[2] = (s[2] as number) ^ (s[0] as number);
    s[3] = (s[3] as number) ^ (s[1] as number);
    s[1] = (s[1] as number) ^ (s[2] as number);
    s[0] = (s[0] as number) ^ (s[3] as number);
    s[2] = (s[2] as number) ^ t;
    s[3] = rotl(s[3] as number, 11);
    return result;
  };
  /** A uniform integer below `bound`, without modulo bias. */
  const below = (bound: number): number => {
    const limit = 0x100000000 - (0x100000000 % bound);
    for (;;) {
      const x = next();
      if (x < limit) return x % bound;
    }
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = below(i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
