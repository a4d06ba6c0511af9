import type { Position } from './diagnostic.js';

/** Maps offsets in a text to 1-based line and column, in O(log lines) per look-up. */
export class LineIndex {
  // Line starts in a typed array of the right length: one allocation per text, and (but for a few
  // lines) off the garbage-collected heap, which every file of a ladder keeps one on otherwise.
  private readonly starts: Uint32Array;

  constructor(text: string) {
    // One pass over the text into a shared scratch array, then a copy of the right length.
    let scratch = LineIndex.scratch;
    let k = 1;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
      if (k === scratch.length) {
        const bigger = new Uint32Array(scratch.length * 2);
        bigger.set(scratch);
        scratch = bigger;
        LineIndex.scratch = scratch;
      }
      scratch[k++] = i + 1;
    }
    this.starts = scratch.slice(0, k);
  }

  private static scratch = new Uint32Array(4096);

  position(offset: number): Position {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (this.starts[lo] as number) + 1 };
  }

  /** Offset of the first character of a 1-based line. */
  lineStart(line: number): number {
    return this.starts[Math.min(Math.max(line - 1, 0), this.starts.length - 1)] as number;
  }
}
