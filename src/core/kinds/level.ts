import { INPUT_RULES } from '../input-rules.js';
import type { MarkdownDocument } from '../markdown-document.js';
import { isMapping, pay, str, strings } from '../values.js';
import { type FileKind, matchInFolder, misplacedInFolder } from './kind.js';

const ROOT = 'levels';

/** levels/<track>/<level id>.md: one level's front matter and its expectations per competency. */
export const levelKind: FileKind<'level'> = {
  id: 'level',
  noun: 'level',
  place: 'levels/<track>/<level id>.md',
  format: 'markdown',
  schema: 'level',
  personal: false,
  scope: 'ladder',
  root: ROOT,
  match: (path) => matchInFolder(ROOT, path),
  misplaced: (path) => misplacedInFolder(ROOT, path),
  build({ file, doc, data, markdown, origin, head }, match, ladder, report) {
    if (typeof data.id !== 'string') return;
    const body = markdown as MarkdownDocument;
    // A shared level lists its tracks; its own is the one whose folder it lives in (else the first).
    const listed = data.tracks === undefined ? undefined : [...new Set(strings(data.tracks))];
    const own = listed ? (listed.includes(match.folder) ? match.folder : (listed[0] ?? '')) : str(data.track);
    const level = {
      id: data.id,
      code: typeof data.code === 'string' && data.code.trim() !== '' ? data.code : data.id,
      track: own,
      tracks: listed ? [own, ...listed.filter((t) => t !== own)] : [own],
      title: str(data.title),
      band: str(data.band),
      summary: str(data.summary),
      pay: pay(data.pay),
      ...(isMapping(data.proficiency) ? { proficiency: steps(data.proficiency) } : {}),
      ...(isMapping(data.differences) ? { differences: texts(data.differences) } : {}),
      intro: body.intro,
      introAt: body.introAt,
      sections: body.sections,
      html: body.html,
      folder: match.folder,
      origin,
      ...(head ? { head } : {}),
    };
    ladder.levels.push(level);
    if (listed && data.track !== undefined) {
      report(
        INPUT_RULES.schema,
        file,
        doc.keySpan('/track'),
        `Level "${level.id}" has both track and tracks; a level shared by several tracks lists them all under tracks. Remove track, or remove tracks if the level belongs to one track only.`,
      );
    }
    if (listed && level.track !== match.folder) {
      report(
        INPUT_RULES.fileLocation,
        file,
        doc.span('/tracks'),
        `Level "${level.id}" is shared by tracks ${level.tracks.map((t) => `"${t}"`).join(', ')} but lives in levels/${match.folder}/; a shared level lives in the folder of one of its tracks: move the file to levels/${level.track}/${level.id}.md, or add "${match.folder}" to its tracks.`,
      );
    } else if (level.track && level.track !== match.folder) {
      report(
        INPUT_RULES.fileLocation,
        file,
        doc.span('/track'),
        `Level "${level.id}" is on track "${level.track}" but lives in levels/${match.folder}/; move the file to levels/${level.track}/${level.id}.md, or correct its track.`,
      );
    } else if (level.id !== match.name) {
      report(
        INPUT_RULES.fileLocation,
        file,
        doc.span('/id'),
        `Level id "${level.id}" differs from its file name "${match.name}.md"; rename the file to ${level.id}.md or change the id, so that links and packets agree.`,
      );
    }
  },
};

/** The steps of `proficiency`; one that is not a whole number (the schema says so) becomes 0, stated but on no scale. */
function steps(value: Record<string, unknown>): Record<string, number> {
  return Object.fromEntries(Object.entries(value).map(([id, step]) => [id, Number.isInteger(step) ? (step as number) : 0]));
}

/** The sentences of `differences`; one that is not text (the schema says so) is left out. */
function texts(value: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].trim() !== ''));
}
