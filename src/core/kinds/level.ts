import { INPUT_RULES } from '../input-rules.js';
import type { MarkdownDocument } from '../markdown-document.js';
import { pay, str } from '../values.js';
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
  build({ file, doc, data, markdown, origin }, match, ladder, report) {
    if (typeof data.id !== 'string') return;
    const body = markdown as MarkdownDocument;
    const level = {
      id: data.id,
      track: str(data.track),
      title: str(data.title),
      band: str(data.band),
      summary: str(data.summary),
      pay: pay(data.pay),
      intro: body.intro,
      introAt: body.introAt,
      sections: body.sections,
      html: body.html,
      folder: match.folder,
      origin,
    };
    ladder.levels.push(level);
    if (level.track !== match.folder) {
      report(
        INPUT_RULES.fileLocation,
        file,
        doc.position('/track'),
        `Level "${level.id}" is on track "${level.track}" but lives in levels/${match.folder}/; move the file to levels/${level.track}/${level.id}.md, or correct its track.`,
      );
    } else if (level.id !== match.name) {
      report(
        INPUT_RULES.fileLocation,
        file,
        doc.position('/id'),
        `Level id "${level.id}" differs from its file name "${match.name}.md"; rename the file to ${level.id}.md or change the id, so that links and packets agree.`,
      );
    }
  },
};
