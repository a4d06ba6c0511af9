import { fileLocation } from '../rules/file-location.js';
import { fileRead } from '../rules/file-read.js';
import { frontMatter } from '../rules/front-matter.js';
import { missingFile } from '../rules/missing-file.js';
import type { Finding } from '../rules/rule.js';
import { schema } from '../rules/schema.js';
import { yamlSyntax } from '../rules/yaml-syntax.js';
import type { Position } from './diagnostic.js';
import { type MarkdownDocument, parseMarkdown } from './markdown-document.js';
import type { Band, ChangelogEntry, Competency, Feedback, Governance, Ladder, Level, Origin, Packet, PacketKind, Pay, Policy, Track } from './model.js';
import { quotedIfId } from './personal.js';
import { checkSchema, type SchemaName } from './schema-check.js';
import { classify, isReadable, type SourceFile } from './source-file.js';
import { YamlDocument } from './yaml-document.js';

/** A Markdown file whose front matter parsed and passed its schema well enough to use. */
export interface LoadedMarkdown {
  file: string;
  markdown: MarkdownDocument;
  data: Record<string, unknown>;
  origin: Origin;
}

export interface Loaded {
  ladder: Ladder;
  findings: Finding[];
}

/**
 * Reads every file of a ladder into one model. Never throws on bad input: each problem becomes a
 * finding on its file, and every other file is still read.
 */
export function loadLadder(files: readonly SourceFile[]): Loaded {
  const findings: Finding[] = [];
  const report = (rule: string, file: string, at: Position, message: string) => findings.push({ rule, file, ...at, message });

  let config: YamlDocument | undefined;
  let competenciesDoc: YamlDocument | undefined;
  const levels: Level[] = [];
  const packets: Packet[] = [];
  const seen = new Set<string>();

  for (const source of files) {
    seen.add(source.path);
    const kind = classify(source.path);
    if (!isReadable(source)) {
      if (kind.kind !== 'other' || source.folder) report(fileRead.id, source.path, { line: 1, column: 1 }, source.problem);
      continue;
    }
    if (kind.kind === 'other') continue;
    const text = source.text.charCodeAt(0) === 0xfeff ? source.text.slice(1) : source.text;
    switch (kind.kind) {
      case 'misplaced':
        report(
          fileLocation.id,
          source.path,
          { line: 1, column: 1 },
          `This file is not where the engine looks for it, so it is not checked; move it to ${kind.expected}.`,
        );
        break;
      case 'config':
        config = loadYaml(source.path, text, 'ladder', report);
        break;
      case 'competencies':
        competenciesDoc = loadYaml(source.path, text, 'competencies', report);
        break;
      case 'level': {
        const loaded = loadMarkdown(source.path, text, 'level', 'level', report);
        const level = loaded && buildLevel(loaded, kind.folder);
        if (!level) break;
        levels.push(level);
        if (level.track !== kind.folder) {
          report(
            fileLocation.id,
            source.path,
            loaded.origin.doc.position('/track'),
            `Level "${level.id}" is on track "${level.track}" but lives in levels/${kind.folder}/; move the file to levels/${level.track}/${level.id}.md, or correct its track.`,
          );
        } else if (level.id !== kind.name) {
          report(
            fileLocation.id,
            source.path,
            loaded.origin.doc.position('/id'),
            `Level id "${level.id}" differs from its file name "${kind.name}.md"; rename the file to ${level.id}.md or change the id, so that links and packets agree.`,
          );
        }
        break;
      }
      case 'packet': {
        const loaded = loadMarkdown(source.path, text, 'packet', 'packet', report);
        const packet = loaded && buildPacket(loaded, kind.cycle);
        if (!packet) break;
        packets.push(packet);
        if (packet.cycle && packet.cycle !== kind.cycle) {
          report(
            fileLocation.id,
            source.path,
            loaded.origin.doc.position('/cycle'),
            quotedIfId(packet.cycle)
              ? `The packet is for cycle${quotedIfId(packet.cycle)} but lives in packets/${kind.cycle}/; move it to packets/${packet.cycle}/, or correct its cycle.`
              : `The packet's cycle is not a cycle name, and the packet lives in packets/${kind.cycle}/; set cycle: ${kind.cycle}.`,
          );
        }
        break;
      }
    }
  }

  for (const [name, hint] of [
    ['ladder.yml', 'Create it with organization, version, bands and tracks (see docs/format.md), or point the command at the directory that holds it.'],
    ['competencies.yml', 'Create it with the list of competencies (see docs/format.md).'],
  ] as const) {
    if (!seen.has(name)) report(missingFile.id, name, { line: 1, column: 1 }, `There is no ${name} in the ladder directory. ${hint}`);
  }

  const ladder = buildLadder(config, competenciesDoc, levels, packets);
  return { ladder, findings };
}

type Report = (rule: string, file: string, at: Position, message: string) => void;

function loadYaml(file: string, text: string, schemaName: SchemaName, report: Report): YamlDocument | undefined {
  const doc = YamlDocument.parse(text);
  if (!(doc instanceof YamlDocument)) {
    report(yamlSyntax.id, file, doc, doc.message);
    return undefined;
  }
  for (const p of checkSchema(schemaName, doc, { label: file })) report(schema.id, file, p, p.message);
  return isMapping(doc.value) ? doc : undefined;
}

/** Parses a Markdown file with front matter and validates the front matter against a schema. */
export function loadMarkdown(file: string, text: string, schemaName: SchemaName, what: string, report: Report): LoadedMarkdown | undefined {
  const personal = schemaName === 'packet';
  const markdown = parseMarkdown(text, { personal });
  const problem = markdown.problem;
  if (problem?.kind === 'missing') {
    report(
      frontMatter.id,
      file,
      problem.at,
      `A ${what} file starts with front matter: a line "---", its keys (see docs/format.md), and a closing "---". This file has none.`,
    );
    return undefined;
  }
  if (problem?.kind === 'unclosed') {
    report(frontMatter.id, file, problem.at, `The front matter opened on line 1 never closes; add a line "---" after its last key.`);
    return undefined;
  }
  if (problem?.kind === 'yaml') {
    report(yamlSyntax.id, file, problem.problem, problem.problem.message);
    return undefined;
  }
  const doc = markdown.frontMatter as YamlDocument;
  for (const p of checkSchema(schemaName, doc, { label: 'The front matter', personal })) report(schema.id, file, p, p.message);
  if (!isMapping(doc.value)) return undefined;
  return { file, markdown, data: doc.value, origin: { file, doc, pointer: '' } };
}

function buildLevel(loaded: LoadedMarkdown, folder: string): Level | undefined {
  const { data, markdown, origin } = loaded;
  if (typeof data.id !== 'string') return undefined;
  return {
    id: data.id,
    track: str(data.track),
    title: str(data.title),
    band: str(data.band),
    summary: str(data.summary),
    pay: pay(data.pay),
    intro: markdown.intro,
    introAt: markdown.introAt,
    sections: markdown.sections,
    html: markdown.html,
    folder,
    origin,
  };
}

const PACKET_KINDS: readonly string[] = ['promotion', 'track-switch', 'graduation'] satisfies PacketKind[];

function buildPacket(loaded: LoadedMarkdown, folder: string): Packet {
  const { data, markdown, origin } = loaded;
  const feedback: Feedback[] = [];
  if (Array.isArray(data.feedback)) {
    data.feedback.forEach((item, index) => {
      if (isMapping(item) && typeof item.handle === 'string') {
        feedback.push({ handle: item.handle, relationship: str(item.relationship), supports: item.supports === true, index });
      }
    });
  }
  return {
    kind: PACKET_KINDS.includes(str(data.kind)) ? (data.kind as PacketKind) : undefined,
    candidate: str(data.candidate),
    from: str(data.from),
    to: str(data.to),
    cycle: str(data.cycle),
    manager: typeof data.manager === 'string' ? data.manager : undefined,
    sponsors: strings(data.sponsors),
    ladderVersion: str(data.ladderVersion),
    feedback,
    summary: markdown.intro,
    summaryAt: markdown.introAt,
    sections: markdown.sections,
    html: markdown.html,
    folder,
    origin,
  };
}

function buildLadder(config: YamlDocument | undefined, competenciesDoc: YamlDocument | undefined, levels: Level[], packets: Packet[]): Ladder {
  const root = (config?.value ?? {}) as Record<string, unknown>;
  const origin = (pointer: string): Origin => ({ file: 'ladder.yml', doc: config as YamlDocument, pointer });

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
  const tracks: Track[] = [];
  for (const [i, item] of entries(root.tracks)) {
    if (typeof item.id !== 'string' || (item.kind !== 'ic' && item.kind !== 'em')) continue;
    tracks.push({ id: item.id, name: str(item.name) || item.id, kind: item.kind, description: optStr(item.description), origin: origin(`/tracks/${i}`) });
  }
  const competencies: Competency[] = [];
  const compRoot = (competenciesDoc?.value ?? {}) as Record<string, unknown>;
  for (const [i, item] of entries(compRoot.competencies)) {
    if (typeof item.id !== 'string' || typeof item.name !== 'string') continue;
    competencies.push({
      id: item.id,
      name: item.name,
      description: optStr(item.description),
      tracks: Array.isArray(item.tracks) ? item.tracks.filter((t): t is string => typeof t === 'string') : [],
      origin: { file: 'competencies.yml', doc: competenciesDoc as YamlDocument, pointer: `/competencies/${i}` },
    });
  }
  const policyRaw = isMapping(root.policy) ? root.policy : {};
  const packetPolicy = isMapping(policyRaw.packets) ? policyRaw.packets : {};
  const minimum = isMapping(packetPolicy.minimumFeedback) ? packetPolicy.minimumFeedback : {};
  const policy: Policy = {
    publishPay: policyRaw.publishPay === true,
    rules: isMapping(policyRaw.rules)
      ? (Object.fromEntries(Object.entries(policyRaw.rules).filter(([, v]) => v === 'error' || v === 'warning' || v === 'off')) as Policy['rules'])
      : {},
    // Defaults are documented in schemas/ladder.schema.json and docs/packets.md.
    packets: {
      minimumFeedback: { promotion: count(minimum.promotion, 3), 'track-switch': count(minimum['track-switch'], 2) },
      graduationStakeholders: count(packetPolicy.graduationStakeholders, 12),
    },
  };
  const changelog: ChangelogEntry[] = entries(root.changelog)
    .filter(([, e]) => typeof e.version === 'string')
    .map(([, e]) => ({ version: e.version as string, date: optStr(e.date), changes: strings(e.changes) }));
  const gov = isMapping(root.governance) ? root.governance : {};
  const approvers = isMapping(gov.ladderApprovers) ? gov.ladderApprovers : {};
  const governance: Governance = {
    committee: strings(gov.committee),
    quorum: typeof gov.quorum === 'number' && gov.quorum >= 1 ? gov.quorum : 2,
    ladderApprovers: { ic: strings(approvers.ic), em: strings(approvers.em) },
  };
  return {
    organization: str(root.organization),
    version: str(root.version),
    bands,
    tracks,
    competencies,
    levels,
    packets,
    otherPackets: [],
    policy,
    changelog,
    governance,
    config: config ? origin('') : undefined,
    competenciesLoaded: competenciesDoc !== undefined,
  };
}

export function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function entries(value: unknown): Array<[number, Record<string, unknown>]> {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item, i): Array<[number, Record<string, unknown>]> => (isMapping(item) ? [[i, item]] : []));
}

export function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function optStr(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function count(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : fallback;
}

function pay(value: unknown): Pay | undefined {
  if (!isMapping(value)) return undefined;
  const { currency, min, max } = value;
  if (typeof currency !== 'string' || typeof min !== 'number' || typeof max !== 'number') return undefined;
  return { currency, min, max };
}
