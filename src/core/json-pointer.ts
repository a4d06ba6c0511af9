/** One segment of a JSON pointer (RFC 6901), escaped. Apart from yaml-document.ts, which loads js-yaml, so the Action's start need not. */
export function escapePointer(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}
