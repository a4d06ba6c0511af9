import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isPacketPath } from '../core/changed.js';
import type { SourceFile } from '../core/source-file.js';
import { readFrontMatter, readLadderDir, readOne } from './read-ladder-dir.js';

/**
 * What checking a change needs: the ladder itself, the changed packets, and the other packets of
 * their cycles (a candidate has one packet per cycle). Other cycles are never read, which keeps a
 * pull request's check fast however many packets the repository holds.
 *
 * When only packets changed, nothing is reported about the other files, and packet rules consult
 * only their front matter (a level's track and band, a sibling packet's candidate): those files are
 * cut after their front matter, so that thousands of words of expectations are not parsed for nothing.
 */
export function readForChanged(dir: string, changed: readonly string[]): SourceFile[] {
  const onlyPackets = changed.every(isPacketPath);
  const headOnly = (path: string) => onlyPackets && !changed.includes(path);
  const files = readLadderDir(dir, { packets: false, frontMatterOnly: headOnly });
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
      if (stat.isFile()) files.push(headOnly(path) ? readFrontMatter(full, path, stat.size) : readOne(full, path, stat.size));
    } catch {
      // vanished between listing and reading: nothing to check
    }
  }
  return files;
}
