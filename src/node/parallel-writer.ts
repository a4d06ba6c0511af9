import { close, mkdir, open, writeFile } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Writes files on libuv's threads while the caller makes the next ones: a site is thousands of
 * folders and files, and creating them waits on the file system (most of all right after the last
 * site was deleted), time the renderer can spend on the next pages instead. At most `limit` files
 * are in flight, so memory stays that of a few pages; each folder is created once, before its
 * files. The caller awaits write() (it returns when there is room for another file) and finish().
 *
 * Files are opened with the caller's `flags` (the render's refuse to follow a link); the first
 * failure is thrown by the next write() or by finish(), after the files in flight have settled.
 */
export class ParallelWriter {
  private active = 0;
  private failure: unknown;
  private wake: (() => void) | undefined;
  private sinceYield = 0;
  private readonly folders = new Map<string, Promise<void>>();

  constructor(
    private readonly flags: number,
    private readonly limit = 16,
  ) {}

  async write(target: string, contents: string): Promise<void> {
    if (this.failure !== undefined) throw this.failure;
    this.active++;
    this.job(target, contents).then(
      () => this.settled(),
      (error: unknown) => {
        this.failure ??= error;
        this.settled();
      },
    );
    if (this.active >= this.limit) await new Promise<void>((resolve) => (this.wake = resolve));
    else if (++this.sinceYield >= YIELD_EVERY) {
      // Each file takes a few steps (folder, open, write, close), each started from the event loop.
      this.sinceYield = 0;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    if (this.failure !== undefined) throw this.failure;
  }

  /** Waits for every file in flight; throws the first failure. */
  async finish(): Promise<void> {
    while (this.active > 0) await new Promise<void>((resolve) => (this.wake = resolve));
    if (this.failure !== undefined) throw this.failure;
  }

  private settled(): void {
    this.active--;
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  private async job(target: string, contents: string): Promise<void> {
    await this.folder(dirname(target));
    const fd = await new Promise<number>((resolve, reject) => open(target, this.flags, 0o666, (error, fd) => (error ? reject(error) : resolve(fd))));
    try {
      await new Promise<void>((resolve, reject) => writeFile(fd, contents, (error) => (error ? reject(error) : resolve())));
    } finally {
      await new Promise<void>((resolve) => close(fd, () => resolve()));
    }
  }

  private folder(path: string): Promise<void> {
    let made = this.folders.get(path);
    if (!made) {
      made = new Promise<void>((resolve, reject) => mkdir(path, { recursive: true }, (error) => (error ? reject(error) : resolve())));
      this.folders.set(path, made);
    }
    return made;
  }
}

/** Files started between two turns of the event loop, when fewer than the limit are in flight. */
const YIELD_EVERY = 4;
