import { type Dirent, lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isItemPath, isRechecked, type Recheck, recheckOf } from '../core/changed.js';
import { isSurveyDataPath } from '../core/kinds/index.js';
import { packetKind } from '../core/kinds/packet.js';
import { type PacketIdentity, packetIdentity } from '../core/packet-identity.js';
import type { SourceFile } from '../core/source-file.js';
import { isLadderFileName, isSkippedName, problems, specialKind } from './file-policy.js';
import { LadderTree, readLadderDir, readOne, readRegular } from './read-ladder-dir.js';

/** Packets are the one kind of item today; the identity of a cycle's other packets is theirs alone. */
const ROOT = packetKind.root as string;

export interface ChangedInput {
  files: SourceFile[];
  /** The other packets of the changed packets' cycles, known only by who they are for. */
  otherPackets: PacketIdentity[];
  /** The packets a change of the ladder re-checks (core/changed.ts): read and reported as if they had changed. */
  rechecked?: string[];
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
 *
 * Every entry is read under the same policy as the full check (file-policy.ts): links are followed
 * only to a ladder file inside the ladder, special files are never opened, and no folder that is a
 * link is listed or read through.
 */
export function readForChanged(dir: string, given: readonly string[]): ChangedInput {
  const onlyPackets = given.every(isItemPath);
  const headOnly = (path: string) => onlyPackets && !given.includes(path);
  const files = readLadderDir(dir, { personal: false, frontMatterOnly: headOnly });
  const tree = new LadderTree(dir, true);
  const folders = new FolderKinds(dir);
  const otherPackets: PacketIdentity[] = [];
  // A change of the ladder re-checks the pending packets it can break, as if they had changed too.
  const recheck = recheckOf(given);
  const rechecked = recheck ? packetsRechecked(dir, tree, folders, recheck).filter((p) => !given.includes(p)) : [];
  const changed = [...given, ...rechecked];

  /** What to read, by path: the changed packets, and the other packets of their cycles. */
  const reads = new Map<string, () => SourceFile | undefined>();
  const listed = new Set(files.map((f) => f.path));
  for (const path of changed) {
    const names = path.split('/');
    // Survey data is reported wherever it is added, packets/ included (which the listing skips).
    const surveyData = isSurveyDataPath(path) && !listed.has(path);
    if (!(isItemPath(path) || surveyData) || names.some(isSkippedName)) continue;
    reads.set(path, () => readChanged(tree, folders, path));
  }
  const cycles = new Set(
    changed
      .filter(isItemPath)
      .map((p) => p.split('/')[1])
      .filter((c): c is string => Boolean(c) && !isSkippedName(c as string)),
  );
  for (const cycle of cycles) {
    const folder = `${ROOT}/${cycle}`;
    if (folders.kind(ROOT) !== 'folder' || folders.kind(folder) !== 'folder') continue; // deleted, or a link: never listed through
    let entries: Dirent[] = [];
    try {
      entries = readdirSync(join(dir, folder), { withFileTypes: true });
    } catch {
      // unreadable: the changed packets in it say so when they are opened
    }
    for (const entry of entries) {
      const path = `${folder}/${entry.name}`;
      if (!entry.name.endsWith('.md') || isSkippedName(entry.name) || reads.has(path)) continue;
      reads.set(path, () => {
        if (entry.isFile()) return readRegular(join(dir, path), path, true);
        if (entry.isSymbolicLink()) return tree.link(path, true);
        if (entry.isDirectory()) return undefined;
        return { path, problem: problems.special(specialKind(entry)) };
      });
    }
  }

  for (const path of [...reads.keys()].sort()) {
    const file = (reads.get(path) as () => SourceFile | undefined)();
    if (!file) continue;
    if (changed.includes(path)) {
      files.push(file);
      continue;
    }
    // Only the front matter was read: who the packet is for is all the cycle needs to know.
    const identity = 'text' in file ? packetIdentity(path, file.text) : undefined;
    if (identity) otherPackets.push(identity);
    else files.push(file); // unusual formatting, or unreadable: load it, so that nothing is missed
  }
  return { files, otherPackets, rechecked };
}

/**
 * The packets of every cycle that a change of the ladder re-checks (core/changed.ts), known from
 * their front matter alone; one whose front matter does not read plainly is re-checked, so that
 * nothing is missed.
 */
function packetsRechecked(dir: string, tree: LadderTree, folders: FolderKinds, recheck: Recheck): string[] {
  if (folders.kind(ROOT) !== 'folder') return [];
  const out: string[] = [];
  for (const cycle of listed(join(dir, ROOT))) {
    const folder = `${ROOT}/${cycle.name}`;
    if (!cycle.isDirectory() || isSkippedName(cycle.name) || folders.kind(folder) !== 'folder') continue;
    for (const entry of listed(join(dir, folder))) {
      const path = `${folder}/${entry.name}`;
      if (!entry.name.endsWith('.md') || isSkippedName(entry.name) || !(entry.isFile() || entry.isSymbolicLink())) continue;
      const file = entry.isFile() ? readRegular(join(dir, path), path, true) : tree.link(path, true);
      const identity = file && 'text' in file ? packetIdentity(path, file.text) : undefined;
      if (!identity || isRechecked(recheck, identity)) out.push(path);
    }
  }
  return out.sort();
}

function listed(folder: string): Dirent[] {
  try {
    return readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return []; // unreadable: the full check reports it
  }
}

/** A changed packet: its problem when it cannot be read (a link to a device is said, not skipped); nothing when it was deleted. */
function readChanged(tree: LadderTree, folders: FolderKinds, path: string): SourceFile | undefined {
  const names = path.split('/');
  for (let i = 1; i < names.length; i++) {
    const kind = folders.kind(names.slice(0, i).join('/'));
    if (kind === 'link') return { path, problem: problems.inLinkedFolder() };
    if (kind === 'absent') return undefined;
  }
  let stat: ReturnType<typeof lstatSync>;
  try {
    stat = lstatSync(join(tree.dir, path));
  } catch {
    return undefined; // deleted by the change: nothing to check
  }
  if (stat.isSymbolicLink()) return tree.link(path, false);
  if (stat.isDirectory() || !isLadderFileName(path)) return undefined;
  if (stat.isFile()) return readOne(join(tree.dir, path), path, stat.size);
  return { path, problem: problems.special(specialKind(stat)) };
}

/** Whether each folder on the way to a packet is a folder, a link (never followed) or absent; one lstat per folder. */
class FolderKinds {
  private readonly known = new Map<string, 'folder' | 'link' | 'absent'>();
  constructor(private readonly dir: string) {}

  kind(folder: string): 'folder' | 'link' | 'absent' {
    let kind = this.known.get(folder);
    if (kind === undefined) {
      try {
        const stat = lstatSync(join(this.dir, folder));
        kind = stat.isSymbolicLink() ? 'link' : stat.isDirectory() ? 'folder' : 'absent';
      } catch {
        kind = 'absent';
      }
      this.known.set(folder, kind);
    }
    return kind;
  }
}
