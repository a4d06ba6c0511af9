import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isPacketPath } from '../core/changed.js';
import type { SourceFile } from '../core/source-file.js';
import { readLadderDir, readOne } from './read-ladder-dir.js';

/**
 * What checking a change needs: the ladder itself, the changed packets, and the other packets of
 * their cycles (a candidate has one packet per cycle). Other cycles are never read, which keeps a
 * pull request's check fast however many packets the repository holds.
 */
export function readForChanged(dir: string, changed: readonly string[]): SourceFile[] {
  const files = readLadderDir(dir, { packets: false });
  const cycles = new Set(
    changed
      .filter(isPacketPath)
      .map((p) => p.split('/')[1])
      .filter((c): c is string => Boolean(c)),
  );
  const packets = new Set<string>(changed.filter((p) => isPacketPath(p) && existsSync(join(dir, p))));
  for (const cycle of cycles) {
    const folder = join(dir, 'packets', cycle);
    let names: string[] = [];
    try {
      names = statSync(folder).isDirectory() ? readdirSync(folder) : [];
    } catch {
      // a deleted cycle folder: nothing to read
    }
    for (const name of names) if (name.endsWith('.md')) packets.add(`packets/${cycle}/${name}`);
  }
  for (const path of [...packets].sort()) {
    const full = join(dir, path);
    try {
      const stat = statSync(full);
      if (stat.isFile()) files.push(readOne(full, path, stat.size));
    } catch {
      // vanished between listing and reading: nothing to check
    }
  }
  return files;
}
