// Generates a large synthetic organization for the benchmarks: a ladder that passes `ladder check`.
//
//   generateOrg(dir, { tracks: 10, levels: 10, competencies: 25, packets: 0, families: 0 })
//
// Layout (docs/format.md): ladder.yml, competencies.yml, levels/<track>/<id>.md. Every track has one
// level on each band (bands = levels), tracks alternate kind ic / em, and every competency applies
// to every track, so the parity and level rules all hold. Texts are long (several paragraphs and
// bullet lists per section, ~1-2 KB) and come from a seeded generator: the same options always
// write the same bytes, so timings are comparable across runs and machines.
//
// The generator works in two steps: buildModel() decides what the org contains (plain objects),
// then one writer per file kind turns the model into files. Adding a file kind (packets) means a
// model part and a writer, registered in WRITERS; nothing else changes.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

// families: how many families the tracks are grouped into, in order (0: ladder.yml declares none).
export const DEFAULTS = Object.freeze({ tracks: 10, levels: 10, competencies: 25, packets: 0, families: 0, seed: 20261102 });

/**
 * Writes the org into `dir` (emptied first) and returns { dir, files, bytes, model }.
 * `files` are paths relative to `dir`, `bytes` their total size.
 */
export function generateOrg(dir, options = {}) {
  const opts = { ...DEFAULTS, ...options };
  for (const key of ['tracks', 'levels', 'competencies']) {
    if (!Number.isInteger(opts[key]) || opts[key] < 1) throw new Error(`generateOrg: ${key} must be a positive integer (got ${opts[key]})`);
  }
  if (opts.tracks < 2) throw new Error('generateOrg: tracks must be at least 2 (one ic and one em track)');
  if (!Number.isInteger(opts.families) || opts.families < 0 || opts.families > opts.tracks)
    throw new Error(`generateOrg: families must be a whole number no larger than tracks (got ${opts.families})`);
  if (!Number.isInteger(opts.packets) || opts.packets < 0) throw new Error(`generateOrg: packets must be a whole number (got ${opts.packets})`);
  const model = buildModel(opts);
  rmSync(dir, { recursive: true, force: true });
  const out = { dir, files: [], bytes: 0, model };
  const write = (rel, text) => {
    const full = join(dir, rel);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
    out.files.push(rel);
    out.bytes += Buffer.byteLength(text);
  };
  for (const writer of WRITERS) writer(model, write);
  return out;
}

// ---------------------------------------------------------------------------------------------
// The model

/** `count` families of consecutive tracks, as even as can be: f01 "Family 1" holds t01, t02… */
function familiesOf(tracks, count) {
  const size = Math.ceil(tracks.length / Math.max(count, 1));
  return Array.from({ length: count }, (_, i) => ({
    id: `f${String(i + 1).padStart(2, '0')}`,
    name: `Family ${i + 1}`,
    tracks: tracks.slice(i * size, (i + 1) * size).map((t) => t.id),
  })).filter((f) => f.tracks.length > 0);
}

function buildModel(opts) {
  const rng = makeRng(opts.seed);
  const pad = (n) => String(n).padStart(2, '0');
  const bands = Array.from({ length: opts.levels }, (_, i) => ({
    id: `b${pad(i + 1)}`,
    name: `Band ${i + 1}`,
    pay: { currency: 'USD', min: 100000 + i * 30000, max: 130000 + i * 35000 },
  }));
  const tracks = Array.from({ length: opts.tracks }, (_, i) => {
    const kind = i % 2 === 0 ? 'ic' : 'em';
    return { id: `t${pad(i + 1)}`, name: `Track ${i + 1} (${kind === 'ic' ? 'individual contributor' : 'management'})`, kind };
  });
  const competencies = Array.from({ length: opts.competencies }, (_, i) => ({
    id: `c${pad(i + 1)}-${rng.word()}`,
    name: `${capitalize(rng.word())} ${rng.word()} ${i + 1}`,
    description: rng.sentence(10, 20),
    tracks: tracks.map((t) => t.id),
  }));
  const levels = [];
  for (const [t, track] of tracks.entries()) {
    for (const [b, band] of bands.entries()) {
      levels.push({
        id: `T${pad(t + 1)}L${pad(b + 1)}`,
        track: track.id,
        title: `${capitalize(rng.word())} ${rng.word()} ${b + 1}`,
        band: band.id,
        summary: rng.sentence(14, 26),
        intro: rng.paragraph(2, 4),
        sections: competencies.map((c) => ({ name: c.name, body: sectionBody(rng) })),
      });
    }
  }
  const handles = Array.from({ length: 8 }, (_, i) => `${rng.word()}-${rng.word()}-${i + 1}`);
  const packets = buildPackets(opts.packets, tracks, bands, levels, competencies, rng);
  return {
    packets,
    organization: 'Synthetic Benchmark Org',
    version: '1.0.0',
    bands,
    tracks,
    families: familiesOf(tracks, opts.families),
    competencies,
    levels,
    governance: { committee: handles.slice(0, 5), quorum: 3, ladderApprovers: { ic: handles.slice(0, 3), em: handles.slice(3, 6) } },
  };
}

/** One section of expectations: paragraphs and bullet lists, about 1-2 KB of Markdown. */
function sectionBody(rng) {
  const blocks = [rng.paragraph(2, 4)];
  const count = 1 + rng.int(3);
  for (let i = 0; i < count; i++) {
    if (rng.int(2) === 0) blocks.push(rng.paragraph(2, 4));
    else blocks.push(Array.from({ length: 3 + rng.int(3) }, () => `- ${rng.sentence(8, 20)}`).join('\n'));
  }
  return blocks.join('\n\n');
}

/**
 * Promotion packets spread over cycles of 500, each a valid one-band promotion with evidence for
 * every competency (shorter than expectations: ~300-600 B a section) and enough feedback.
 */
function buildPackets(count, tracks, bands, levels, competencies, rng) {
  const packets = [];
  const levelOf = new Map(levels.map((l) => [`${l.track}/${l.band}`, l]));
  for (let i = 0; i < count; i++) {
    const track = tracks[i % tracks.length];
    const b = rng.int(bands.length - 1);
    const from = levelOf.get(`${track.id}/${bands[b].id}`);
    const to = levelOf.get(`${track.id}/${bands[b + 1].id}`);
    const cycle = `cycle-${String(Math.floor(i / 500) + 1).padStart(2, '0')}`;
    const candidate = `person-${i + 1}`;
    packets.push({
      file: `packets/${cycle}/${candidate}-promotion.md`,
      front: { kind: 'promotion', candidate, from: from.id, to: to.id, cycle, manager: `manager-${(i % 97) + 1}`, ladderVersion: '1.0.0' },
      feedback: Array.from({ length: 4 }, (_, k) => ({ handle: `peer-${(i * 7 + k * 13) % 997}-${k}`, relationship: k === 0 ? 'manager' : 'peer' })),
      summary: rng.paragraph(2, 3),
      sections: competencies.map((c) => ({ name: c.name, body: rng.paragraph(1, 3) })),
    });
  }
  return packets;
}

// ---------------------------------------------------------------------------------------------
// The writers, one per file kind

const WRITERS = [writeLadderYml, writeCompetenciesYml, writeLevels, writePackets];

function writePackets(m, write) {
  for (const p of m.packets) {
    const front = [
      '---',
      ...Object.entries(p.front).map(([k, v]) => `${k}: ${v}`),
      'feedback:',
      ...p.feedback.map((f) => `  - { handle: ${f.handle}, relationship: ${f.relationship}, supports: true }`),
      '---',
    ];
    const body = p.sections.map((s) => `## ${s.name}\n\n${s.body}\n`);
    write(p.file, `${front.join('\n')}\n\n${p.summary}\n\n${body.join('\n')}`);
  }
}

function writeLadderYml(m, write) {
  const lines = [
    '# Synthetic org for bench/; generated by bench/generate.js, do not edit.',
    `organization: ${q(m.organization)}`,
    `version: ${q(m.version)}`,
    'bands:',
    ...m.bands.flatMap((b) => [`  - id: ${b.id}`, `    name: ${q(b.name)}`, `    pay: { currency: ${b.pay.currency}, min: ${b.pay.min}, max: ${b.pay.max} }`]),
    'tracks:',
    ...m.tracks.flatMap((t) => [`  - id: ${t.id}`, `    name: ${q(t.name)}`, `    kind: ${t.kind}`]),
    ...(m.families.length > 0
      ? ['families:', ...m.families.flatMap((f) => [`  - id: ${f.id}`, `    name: ${q(f.name)}`, `    tracks: [${f.tracks.join(', ')}]`])]
      : []),
    'policy:',
    '  publishPay: true',
    '  rules: {}',
    'governance:',
    `  committee: [${m.governance.committee.join(', ')}]`,
    `  quorum: ${m.governance.quorum}`,
    '  ladderApprovers:',
    `    ic: [${m.governance.ladderApprovers.ic.join(', ')}]`,
    `    em: [${m.governance.ladderApprovers.em.join(', ')}]`,
  ];
  write('ladder.yml', `${lines.join('\n')}\n`);
}

function writeCompetenciesYml(m, write) {
  const lines = [
    'competencies:',
    ...m.competencies.flatMap((c) => [
      `  - id: ${c.id}`,
      `    name: ${q(c.name)}`,
      `    description: ${q(c.description)}`,
      `    tracks: [${c.tracks.join(', ')}]`,
    ]),
  ];
  write('competencies.yml', `${lines.join('\n')}\n`);
}

function writeLevels(m, write) {
  for (const level of m.levels) {
    const front = ['---', `id: ${level.id}`, `track: ${level.track}`, `title: ${q(level.title)}`, `band: ${level.band}`, `summary: ${q(level.summary)}`, '---'];
    const body = level.sections.map((s) => `## ${s.name}\n\n${s.body}\n`);
    write(`levels/${level.track}/${level.id}.md`, `${front.join('\n')}\n\n${level.intro}\n\n${body.join('\n')}`);
  }
}

/** A YAML double-quoted scalar (JSON strings are valid YAML). */
const q = (s) => JSON.stringify(s);
const capitalize = (s) => s[0].toUpperCase() + s.slice(1);

// ---------------------------------------------------------------------------------------------
// Deterministic text

const WORDS = (
  'team system design review delivery incident service platform customer roadmap quality ownership ' +
  'mentor feedback decision tradeoff reliability latency budget migration interface contract ' +
  'dependency release rollout experiment metric outcome scope ambiguity priority stakeholder ' +
  'planning estimate risk mitigation observability alert runbook postmortem learning hiring ' +
  'interview onboarding coaching career growth sponsor influence alignment strategy vision ' +
  'standard practice guideline documentation proposal consensus conflict escalation partner ' +
  'product engineer manager director organization boundary capacity throughput backlog ' +
  'debt refactor architecture module library api schema storage cache queue pipeline deploy ' +
  'security privacy compliance accessibility performance cost efficiency resilience recovery ' +
  'clarity context writing presentation meeting narrative evidence judgment initiative craft ' +
  'pairing testing coverage automation tooling build compiler runtime network protocol data ' +
  'analysis insight hypothesis iteration milestone commitment deadline sustainable pace health ' +
  'trust inclusion fairness calibration promotion expectation impact leverage autonomy support ' +
  'consistently proactively independently thoughtfully clearly reliably openly deliberately ' +
  'owns leads drives shapes improves explains measures reduces prevents unblocks delegates ' +
  'the a an of for with across within beyond through under before after while when where'
).split(/\s+/);

/** mulberry32: a tiny seeded generator; good enough for filler text, identical everywhere. */
function makeRng(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  const word = () => WORDS[int(WORDS.length)];
  const sentence = (min, max) => {
    const n = min + int(max - min + 1);
    const words = Array.from({ length: n }, word);
    // Some inline Markdown, as real expectations have.
    if (n > 10 && int(4) === 0) words[int(n)] = `**${word()}**`;
    if (n > 10 && int(5) === 0) words[int(n)] = `\`${word()}\``;
    return `${capitalize(words.join(' '))}.`;
  };
  const paragraph = (min, max) => Array.from({ length: min + int(max - min + 1) }, () => sentence(8, 24)).join(' ');
  return { next, int, word, sentence, paragraph };
}
