import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isPacketPath } from '../core/changed.js';
import { type PacketIdentity, packetIdentity } from '../core/packet-identity.js';
import type { SourceFile } from '../core/source-file.js';
import { readFrontMatter, readLadderDir, readOne } from './read-ladder-dir.js';

export interface ChangedInput {
  files: SourceFile[];
  /** The other packets of the changed packets' cycles, known only by who they are for. */
  otherPackets: PacketIdentity[];
}

/**
 * What checking a change needs: the ladder itself, the changed packets, and who the other packets
 * of their cycles are for (a candidate has one packet per cycle). Other cycles are never read, which
 * keeps a pull request's check fast however many packets the repository holds.
 *
 * When only packets changed, nothing is reported about the other files, and the packet rules
 * consult only their front matter (a level's track and band): those files are cut after their
 * front matter, so that thousands of words of expectations are not parsed for nothing. The other
 * packets of a cycle are not loaded at all when their identity reads plainly (packet-identity.ts).
 */
export function readForChanged(dir: string, changed: readonly string[]): ChangedInput {
  const onlyPackets = changed.every(isPacketPath);
  const headOnly = (path: string) => onlyPackets && !changed.includes(path);
  const files = readLadderDir(dir, { packets: false, frontMatterOnly: headOnly });
  const otherPackets: PacketIdentity[] = [];
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
    if (changed.includes(path)) {
      const file = readIfFile(full, path);
      if (file) files.push(file);
      continue;
    }
    // No stat first: readFrontMatter stops at the end of the front matter.
    const head = readFrontMatter(full, path);
    const identity = 'text' in head ? packetIdentity(path, head.text) : undefined;
    if (identity) otherPackets.push(identity);
    else if (!('problem' in head && /ENOENT|EISDIR/.test(head.problem))) files.push(head); // unusual formatting: load it, so that nothing is missed
  }
  return { files, otherPackets };
}

function readIfFile(full: string, path: string) {
  try {
    const stat = statSync(full);
    return stat.isFile() ? readOne(full, path, stat.size) : undefined;
  } catch {
    return undefined; // vanished between listing and reading: nothing to check
  }
}
