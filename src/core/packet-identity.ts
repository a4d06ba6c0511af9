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
}

const SIMPLE = /^([A-Za-z]+):[ \t]*(?:"([A-Za-z0-9._-]*)"|'([A-Za-z0-9._-]*)'|([A-Za-z0-9._-]*))[ \t]*(?:#.*)?$/;

export function packetIdentity(file: string, text: string): PacketIdentity | undefined {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trimEnd() !== '---') return undefined;
  const found: Record<string, string> = {};
  for (const line of lines.slice(1)) {
    if (/^(?:---|\.\.\.)[ \t]*$/.test(line)) {
      return found.candidate && found.cycle ? { file, cycle: found.cycle, candidate: found.candidate } : undefined;
    }
    const m = SIMPLE.exec(line);
    const key = m?.[1];
    if (key !== 'candidate' && key !== 'cycle') {
      // Another key may be written in any YAML form, but must not hide a second candidate or cycle.
      if (/^(?:["']?(?:candidate|cycle)["']?)\s*:|^[{[?&*!|>]/.test(line)) return undefined;
      continue;
    }
    if (key in found) return undefined; // a duplicate key: let the full parser report it
    found[key] = m?.[2] ?? m?.[3] ?? m?.[4] ?? '';
  }
  return undefined;
}
