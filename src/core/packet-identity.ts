/**
 * Who a packet is for, without loading it: the identity `--changed` needs of the other packets of
 * a cycle (a candidate has one packet per cycle). Parsing hundreds of front matters with a full
 * YAML parser costs more than the rest of a pull request's check, so this reads only plain
 * top-level `key: value` lines, and gives up (the caller then loads the file) on anything else.
 */
export interface PacketIdentity {
  file: string;
  cycle: string;
  candidate: string;
  /** The levels it moves between, when written plainly. */
  from?: string;
  to?: string;
  /** Whether it carries a decision record (a top-level `decision:` key): a decided packet is a record, not a pending move. */
  decided?: boolean;
}

const KEYS = ['candidate', 'cycle', 'from', 'to'] as const;

const SIMPLE = /^([A-Za-z]+):[ \t]*(?:"([A-Za-z0-9._-]*)"|'([A-Za-z0-9._-]*)'|([A-Za-z0-9._-]*))[ \t]*(?:#.*)?$/;

export function packetIdentity(file: string, text: string): PacketIdentity | undefined {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trimEnd() !== '---') return undefined;
  const found: Record<string, string> = {};
  let decided = false;
  for (const line of lines.slice(1)) {
    if (/^(?:---|\.\.\.)[ \t]*$/.test(line)) {
      return found.candidate && found.cycle
        ? { file, cycle: found.cycle, candidate: found.candidate, from: found.from, to: found.to, decided: decided || undefined }
        : undefined;
    }
    if (/^decision[ \t]*:/.test(line)) decided = true;
    const m = SIMPLE.exec(line);
    const key = m?.[1];
    if (!KEYS.includes(key as (typeof KEYS)[number])) {
      // Another key may be written in any YAML form, but must not hide a second one of ours.
      if (/^(?:["']?(?:candidate|cycle|from|to|decision)["']?)[ \t]*:|^[{[?&*!|>]/.test(line) && !/^decision[ \t]*:/.test(line)) return undefined;
      continue;
    }
    if (key === undefined) continue;
    if (key in found) return undefined; // a duplicate key: let the full parser report it
    found[key] = m?.[2] ?? m?.[3] ?? m?.[4] ?? '';
  }
  return undefined;
}
