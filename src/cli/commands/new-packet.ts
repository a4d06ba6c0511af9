import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { checkLadder } from '../../check.js';
import { LadderIndex, type Level, type PacketKind } from '../../core/model.js';
import { moveProblem, resolveMove } from '../../core/moves.js';
import { PACKET_KIND_IDS, PACKET_KINDS, type PacketKindInfo } from '../../core/packet-kinds.js';
import { packetTemplate } from '../../core/packet-template.js';
import { didYouMean } from '../../core/suggest.js';
import { readLadderDir } from '../../node/read-ladder-dir.js';
import { parseCommandArgs } from '../args.js';
import { type CliIo, EXIT_OK, EXIT_PROBLEMS, UsageError } from '../io.js';

export const newHelp = `Usage: ladder new packet --kind KIND --candidate HANDLE --to LEVEL [options]

Writes a new promotion packet: the front matter, and one evidence section per competency of the
target level with that level's expectations as guidance. Refuses a move the ladder does not allow.

Options:
  --kind KIND          promotion, track-switch or graduation
  --candidate HANDLE   the candidate's GitHub handle
  --to LEVEL           the level the packet asks for
  --from LEVEL         the candidate's level now (inferred when only one level fits)
  --cycle CYCLE        the review cycle (default: this half-year, e.g. 2026-h2)
  --manager HANDLE     the candidate's manager
  --dir DIR            the ladder directory (default ./ladder)
  -o, --out FILE       where to write (default DIR/packets/CYCLE/HANDLE-KIND.md)
  -h, --help           show this help
`;

const KINDS = PACKET_KIND_IDS;
const HANDLE = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;

export function newCommand(args: string[], io: CliIo, now: Date = new Date()): number {
  const { values, positionals } = parseCommandArgs(args, {
    kind: { type: 'string' },
    candidate: { type: 'string' },
    to: { type: 'string' },
    from: { type: 'string' },
    cycle: { type: 'string' },
    manager: { type: 'string' },
    dir: { type: 'string', default: 'ladder' },
    out: { type: 'string', short: 'o' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(newHelp);
    return EXIT_OK;
  }
  if (positionals[0] !== 'packet' || positionals.length > 1)
    throw new UsageError(`what to create? Only "ladder new packet" exists.${positionals[0] === undefined ? '' : didYouMean(positionals[0], ['packet'])}`);
  const kind = values.kind as PacketKind | undefined;
  if (!kind || !KINDS.includes(kind))
    throw new UsageError(`--kind must be one of ${KINDS.join(', ')}${kind ? `, not "${kind}".${didYouMean(kind, KINDS)}` : ''}`);
  for (const key of ['candidate', 'manager'] as const) {
    const handle = values[key];
    if (handle !== undefined && !HANDLE.test(handle))
      throw new UsageError(`--${key} "${handle}" is not a GitHub handle (letters, digits and dashes, without @)`);
  }
  if (!values.candidate) throw new UsageError('--candidate is required');
  if (!values.to) throw new UsageError('--to is required');
  const cycle = values.cycle ?? `${now.getUTCFullYear()}-h${now.getUTCMonth() < 6 ? 1 : 2}`;
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(cycle)) throw new UsageError(`--cycle "${cycle}" must be letters, digits, dots, dashes or underscores`);

  const dir = resolve(io.cwd, values.dir);
  const files = readLadderDir(dir, { personal: false });
  const { ladder, diagnostics } = checkLadder(files);
  if (diagnostics.some((d) => d.severity === 'error')) {
    io.stderr(`ladder new: the ladder in ${values.dir} has errors; run ladder check ${values.dir} and fix them first.\n`);
    return EXIT_PROBLEMS;
  }
  const index = new LadderIndex(ladder);
  const to = level(index, values.to, '--to');
  const from = values.from ? level(index, values.from, '--from') : inferFrom(index, kind, to);
  const move = resolveMove(index, from.id, to.id);
  const problem = move && moveProblem[kind](move, index);
  if (!move || problem) {
    io.stderr(`ladder new: cannot write this ${kind} packet. ${problem ?? 'Its levels do not resolve.'}\n`);
    return EXIT_PROBLEMS;
  }
  const out = resolve(io.cwd, values.out ?? `${values.dir}/packets/${cycle}/${values.candidate}-${kind}.md`);
  if (existsSync(out)) {
    io.stderr(`ladder new: ${relative(io.cwd, out)} already exists; remove it or pass --out.\n`);
    return EXIT_PROBLEMS;
  }
  const text = packetTemplate(
    { kind, candidate: values.candidate, from, to, cycle, manager: values.manager, ladderVersion: ladder.version },
    index,
    ladder.policy,
  );
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, text);
  io.stdout(
    `Wrote ${relative(io.cwd, out)}: ${kind} ${from.id} → ${to.id} for ${values.candidate}.\nWrite the summary, the evidence under each section, and the feedback list; then run ladder check.\n`,
  );
  return EXIT_OK;
}

function level(index: LadderIndex, id: string, option: string): Level {
  const found = index.levelById.get(id);
  if (!found) throw new UsageError(`${option} "${id}" is not a level of this ladder.${didYouMean(id, index.levelById.keys())}`);
  return found;
}

/** The one level a candidate can come from, or a usage error asking for --from. */
function inferFrom(index: LadderIndex, kind: PacketKind, to: Level): Level {
  const candidates = sourcesOf(index, kind, to);
  if (candidates.length === 1) return candidates[0] as Level;
  if (candidates.length === 0) throw new UsageError(noSourceMessage(index, kind, to));
  throw new UsageError(`several levels lead to ${to.id} (${candidates.map((l) => l.id).join(', ')}); pass --from`);
}

/** The levels a move of this kind to `to` can start from. */
function sourcesOf(index: LadderIndex, kind: PacketKind, to: Level): Level[] {
  const rank = index.rankOf(to);
  const toTrack = index.trackById.get(to.track);
  const info: PacketKindInfo = PACKET_KINDS[kind];
  if (info.sameTrack) {
    // Along the track, and from the levels ladder.yml declares a promotion onto it from (forks).
    const declared = index.ladder.moves.filter((m) => m.to === to.id).flatMap((m) => index.levelById.get(m.from) ?? []);
    const along = to.tracks.flatMap((t) => index.levelsOf(t).filter((l) => index.rankOf(l) === rank - info.climb));
    return [...new Set([...along, ...(kind === 'promotion' ? declared : [])])];
  }
  return index.ladder.levels.filter((l) => {
    const track = index.trackById.get(l.track);
    if (!track || l.track === to.track || index.rankOf(l) !== rank - info.climb) return false;
    return info.tracks ? track.kind === info.tracks.from : track.kind !== toTrack?.kind;
  });
}

/**
 * Why nothing leads to `to`: asking for --from would be wrong advice when `to` is the first level
 * of its track, which no promotion reaches; say which kinds of packet do reach it, if any.
 */
function noSourceMessage(index: LadderIndex, kind: PacketKind, to: Level): string {
  const first = index.levelsOf(to.track)[0]?.id === to.id;
  if (!(PACKET_KINDS[kind].sameTrack && first)) return `no level leads to ${to.id} by ${kind}; pass --from to say where the candidate is`;
  const track = index.trackById.get(to.track)?.name ?? to.track;
  const others = PACKET_KIND_IDS.filter((k) => k !== kind && sourcesOf(index, k, to).length > 0);
  const advice =
    others.length > 0
      ? `People move onto it by ${others.map((k) => `--kind ${k}`).join(' or ')}.`
      : 'People join the ladder at this level: a packet is for a move from another level.';
  return `${to.id} is the first level of ${track}, so no ${kind} leads to it. ${advice}`;
}
