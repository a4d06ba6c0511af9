import { INPUT_RULES } from '../input-rules.js';
import type { MarkdownDocument } from '../markdown-document.js';
import type { Decision, DecisionOutcome, Feedback } from '../model.js';
import { isPacketKind } from '../packet-kinds.js';
import { quotedIfId } from '../personal.js';
import { isMapping, str, strings } from '../values.js';
import { type FileKind, matchInFolder, misplacedInFolder } from './kind.js';

const ROOT = 'packets';

/** packets/<cycle>/<name>.md: one person's proposed move, with evidence per competency. Personal. */
export const packetKind: FileKind<'packet'> = {
  id: 'packet',
  noun: 'packet',
  place: 'packets/<cycle>/<name>.md',
  format: 'markdown',
  schema: 'packet',
  personal: true,
  scope: 'item',
  root: ROOT,
  match: (path) => matchInFolder(ROOT, path),
  misplaced: (path) => misplacedInFolder(ROOT, path),
  build({ file, doc, data, markdown, origin }, match, ladder, report) {
    const body = markdown as MarkdownDocument;
    const feedback: Feedback[] = [];
    if (Array.isArray(data.feedback)) {
      data.feedback.forEach((item, index) => {
        if (isMapping(item) && typeof item.handle === 'string') {
          feedback.push({ handle: item.handle, relationship: str(item.relationship), supports: item.supports === true, index });
        }
      });
    }
    const packet = {
      kind: isPacketKind(data.kind) ? data.kind : undefined,
      candidate: str(data.candidate),
      from: str(data.from),
      to: str(data.to),
      cycle: str(data.cycle),
      manager: typeof data.manager === 'string' ? data.manager : undefined,
      sponsors: strings(data.sponsors),
      ladderVersion: str(data.ladderVersion),
      feedback,
      decision: isMapping(data.decision)
        ? decisionOf(data.decision)
        : data.decision === undefined
          ? undefined
          : { outcome: undefined, date: undefined, by: [], grow: [] },
      summary: body.intro,
      summaryAt: body.introAt,
      sections: body.sections,
      html: body.html,
      folder: match.folder,
      origin,
    };
    ladder.packets.push(packet);
    if (packet.cycle && packet.cycle !== match.folder) {
      report(
        INPUT_RULES.fileLocation,
        file,
        doc.span('/cycle'),
        // Packet values are quoted only when shaped like ids (personal.ts).
        quotedIfId(packet.cycle)
          ? `The packet is for cycle${quotedIfId(packet.cycle)} but lives in packets/${match.folder}/; move it to packets/${packet.cycle}/, or correct its cycle.`
          : `The packet's cycle is not a cycle name, and the packet lives in packets/${match.folder}/; set cycle: ${match.folder}.`,
      );
    }
  },
};

const OUTCOMES: readonly DecisionOutcome[] = ['promoted', 'not-yet', 'withdrawn'];

function decisionOf(raw: Record<string, unknown>): Decision {
  return {
    outcome: OUTCOMES.find((o) => o === raw.outcome),
    date: typeof raw.date === 'string' ? raw.date : undefined,
    by: strings(raw.by),
    grow: strings(raw.grow),
  };
}
