import type { Band, ChangelogEntry, DeclaredMove, Family, Governance, Ladder, Migration, Origin, Policy, PolicyException, Track, Zone } from '../model.js';
import { DEFAULT_THIN_EVIDENCE_WORDS, FEEDBACK_MINIMUM_KINDS, PACKET_KINDS } from '../packet-kinds.js';
import { isTrackKind, TRACK_KIND_IDS } from '../track-kinds.js';
import { count, entries, isMapping, optStr, pay, str, strings } from '../values.js';
import type { YamlDocument } from '../yaml-document.js';
import type { FileKind } from './kind.js';

const PATH = 'ladder.yml';

/** ladder.yml: the organization, bands, tracks, policy, changelog and governance. */
export const configKind: FileKind<'config'> = {
  id: 'config',
  noun: 'ladder file',
  place: PATH,
  format: 'yaml',
  schema: 'ladder',
  personal: false,
  scope: 'ladder',
  required: {
    path: PATH,
    hint: 'Create it with organization, version, bands and tracks (see docs/format.md), or point the command at the directory that holds it.',
  },
  match: (path) => (path === PATH ? { folder: '', name: 'ladder' } : undefined),
  misplaced: (path) => path === 'ladder.yaml',
  build({ doc, data }, _match, ladder) {
    Object.assign(ladder, settingsOf(data, doc));
  },
};

export type Settings = Pick<
  Ladder,
  'organization' | 'version' | 'bands' | 'zones' | 'tracks' | 'families' | 'moves' | 'policy' | 'changelog' | 'governance' | 'config'
>;

/** What ladder.yml says, with the documented defaults for what it leaves out (or when it is missing). */
export function settingsOf(root: Record<string, unknown>, doc: YamlDocument | undefined): Settings {
  const origin = (pointer: string): Origin => ({ file: PATH, doc: doc as YamlDocument, pointer });
  const bands: Band[] = [];
  for (const [i, item] of entries(root.bands)) {
    if (typeof item.id !== 'string') continue;
    bands.push({
      id: item.id,
      name: str(item.name) || item.id,
      description: optStr(item.description),
      rank: bands.length,
      pay: pay(item.pay),
      origin: origin(`/bands/${i}`),
    });
  }
  const zones: Zone[] = entries(root.zones)
    .filter(([, z]) => typeof z.id === 'string')
    .map(([i, z]) => ({ id: z.id as string, name: str(z.name) || (z.id as string), currency: str(z.currency), origin: origin(`/zones/${i}`) }));
  const tracks: Track[] = [];
  for (const [i, item] of entries(root.tracks)) {
    if (typeof item.id !== 'string' || !isTrackKind(item.kind)) continue;
    tracks.push({ id: item.id, name: str(item.name) || item.id, kind: item.kind, description: optStr(item.description), origin: origin(`/tracks/${i}`) });
  }
  const families: Family[] = entries(root.families)
    .filter(([, f]) => typeof f.id === 'string')
    .map(([i, f]) => ({
      id: f.id as string,
      name: str(f.name) || (f.id as string),
      description: optStr(f.description),
      tracks: strings(f.tracks),
      origin: origin(`/families/${i}`),
    }));
  const moves: DeclaredMove[] = entries(root.moves).map(([i, m]) => ({
    from: str(m.from),
    to: str(m.to),
    description: optStr(m.description),
    origin: origin(`/moves/${i}`),
  }));
  const policyRaw = isMapping(root.policy) ? root.policy : {};
  const packetPolicy = isMapping(policyRaw.packets) ? policyRaw.packets : {};
  const minimum = isMapping(packetPolicy.minimumFeedback) ? packetPolicy.minimumFeedback : {};
  const exceptions: PolicyException[] = entries(policyRaw.exceptions).map(([i, e]) => ({
    rule: str(e.rule),
    level: optStr(e.level),
    band: optStr(e.band),
    reason: str(e.reason).trim(),
    origin: origin(`/policy/exceptions/${i}`),
  }));
  const policy: Policy = {
    exceptions,
    parity: {
      reach: isMapping(policyRaw.parity) && (policyRaw.parity.reach === 'family' || policyRaw.parity.reach === 'track') ? policyRaw.parity.reach : 'ladder',
    },
    publishPay: policyRaw.publishPay === true,
    site: { noindex: isMapping(policyRaw.site) && policyRaw.site.noindex === true },
    rules: isMapping(policyRaw.rules)
      ? (Object.fromEntries(Object.entries(policyRaw.rules).filter(([, v]) => v === 'error' || v === 'warning' || v === 'off')) as Policy['rules'])
      : {},
    // Defaults are documented in schemas/ladder.schema.json and docs/packets.md.
    packets: {
      minimumFeedback: Object.fromEntries(
        FEEDBACK_MINIMUM_KINDS.map((k) => [k, count(minimum[k], PACKET_KINDS[k].feedback.default)]),
      ) as Policy['packets']['minimumFeedback'],
      graduationStakeholders: count(packetPolicy.graduationStakeholders, PACKET_KINDS.graduation.feedback.default),
      thinEvidenceWords: count(packetPolicy.thinEvidenceWords, DEFAULT_THIN_EVIDENCE_WORDS),
      requireResolvedThreads: packetPolicy.requireResolvedThreads === true,
      approvalsOnHeadOnly: packetPolicy.approvalsOnHeadOnly === true,
      allowCalibrationFiles: packetPolicy.allowCalibrationFiles === true,
    },
  };
  const changelog: ChangelogEntry[] = entries(root.changelog)
    .filter(([, e]) => typeof e.version === 'string')
    .map(([i, e]) => ({
      version: e.version as string,
      date: optStr(e.date),
      changes: strings(e.changes),
      migrations: migrationsOf(e.migrations, e.version as string, (j) => origin(`/changelog/${i}/migrations/${j}`)),
    }));
  const gov = isMapping(root.governance) ? root.governance : {};
  const approvers = isMapping(gov.ladderApprovers) ? gov.ladderApprovers : {};
  const governance: Governance = {
    committee: strings(gov.committee),
    quorum: typeof gov.quorum === 'number' && gov.quorum >= 1 ? gov.quorum : 2,
    ladderApprovers: Object.fromEntries(TRACK_KIND_IDS.map((k) => [k, strings(approvers[k])])) as Governance['ladderApprovers'],
  };
  return {
    organization: str(root.organization),
    version: str(root.version),
    bands,
    zones,
    tracks,
    families,
    moves,
    policy,
    changelog,
    governance,
    config: doc ? origin('') : undefined,
  };
}

/** The migrations of one changelog entry; shapes the schema refuses are left out (the schema rule says why). */
function migrationsOf(value: unknown, version: string, origin: (index: number) => Origin): Migration[] {
  const out: Migration[] = [];
  const ids = (v: unknown) => (typeof v === 'string' ? [v] : strings(v));
  for (const [i, m] of entries(value)) {
    const shape =
      typeof m.rename === 'string' && typeof m.to === 'string'
        ? { kind: 'rename' as const, from: [m.rename], to: [m.to] }
        : typeof m.split === 'string' && Array.isArray(m.into)
          ? { kind: 'split' as const, from: [m.split], to: ids(m.into) }
          : Array.isArray(m.merge) && typeof m.into === 'string'
            ? { kind: 'merge' as const, from: ids(m.merge), to: [m.into] }
            : undefined;
    // As the schema says: a split has two targets or more, a merge two sources or more.
    if (
      shape &&
      shape.from.length > 0 &&
      shape.to.length > 0 &&
      (shape.kind !== 'split' || shape.to.length > 1) &&
      (shape.kind !== 'merge' || shape.from.length > 1)
    )
      out.push({ ...shape, version, origin: origin(i) });
  }
  return out;
}
