import { isAscii } from 'node:buffer';
import { decode } from './file-policy.js';

/**
 * One reusable buffer that whole files are read into, decoded a batch at a time.
 *
 * A check keeps every file's text for its whole run (sections are slices of it). Decoded one by
 * one, each text is a young heap object that the collector copies, and copies again when it
 * promotes it: at 5,800 files and 69 MB that copying was most of the check's collection time.
 * A batch decoded at once is one string larger than V8's limit for a regular object, which lives
 * in the large-object space and is never copied; a file's text is a slice of it. Only pure-ASCII
 * files without NUL bytes go into a batch (there Latin-1 and UTF-8 agree and nothing can fail to
 * decode); any other file is decoded on its own by decode(), with its checks, as before.
 */
export class TextArena {
  private readonly buffer: Buffer;
  private used = 0;
  private batch: Array<{ file: { path: string; text: string }; start: number; end: number }> = [];

  constructor(bytes = ARENA_BYTES) {
    this.buffer = Buffer.allocUnsafe(bytes);
  }

  /** Room for a file of `bytes` bytes, or undefined when it is larger than the arena. */
  take(bytes: number): Buffer | undefined {
    if (bytes > this.buffer.length) return undefined;
    if (this.buffer.length - this.used < bytes) this.flush();
    return this.buffer.subarray(this.used, this.used + bytes);
  }

  /** Room for a file whose size is not known: what is left, after a flush when that is under MIN_REST. */
  rest(): Buffer {
    if (this.buffer.length - this.used < MIN_REST) this.flush();
    return this.buffer.subarray(this.used);
  }

  /**
   * The file at `path` from the first `length` bytes of the last take() or rest(). A batched file's text is
   * filled in by the next flush(), which the reader calls before anyone reads it.
   */
  commit(path: string, length: number) {
    const bytes = this.buffer.subarray(this.used, this.used + length);
    if (!isAscii(bytes) || bytes.includes(0)) return decode(path, bytes);
    const file = { path, text: '' };
    this.batch.push({ file, start: this.used, end: this.used + length });
    this.used += length;
    return file;
  }

  /** Decodes the files read since the last flush. */
  flush(): void {
    if (this.batch.length > 0) {
      const whole = this.buffer.toString('latin1', 0, this.used);
      for (const { file, start, end } of this.batch) file.text = whole.slice(start, end);
    }
    this.batch = [];
    this.used = 0;
  }
}

// Over V8's largest regular object (128 KiB) and under Node's threshold for external strings
// (about 1 MB, which would copy the batch once more, outside the heap).
const ARENA_BYTES = 768 * 1024;
// Most ladder files are a few KiB to a few tens of KiB; a larger one outgrows its room and is read into its own buffer.
const MIN_REST = 96 * 1024;
