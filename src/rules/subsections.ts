import { type Applies, matchSections } from '../core/applicability.js';
import type { Section } from '../core/markdown-document.js';
import type { Competency, Located } from '../core/model.js';

/** What a rule says about the `### ` sections under a pillar; the walk over them is shared. */
export interface SubsectionMessages {
  unknown(sub: Section): string;
  repeat(sub: Section, competency: Competency, firstLine: number): string;
  notYet(sub: Section, competency: Competency): string;
  empty(sub: Section, competency: Competency): string;
  missing(subs: Competency[]): string;
}

/**
 * One non-empty `### ` section per sub of a pillar that applies, none unknown, repeated or not yet
 * applicable: for level files (`level-sections`) and sub-level evidence (`packet-evidence`) alike.
 */
export function checkSubsections(
  file: string,
  section: Section,
  subs: Map<Competency, Applies>,
  isEmpty: (body: string) => boolean,
  say: SubsectionMessages,
  report: (where: Located, message: string) => void,
): void {
  const { matches, seen } = matchSections(section.subsections ?? [], [...subs.keys()]);
  for (const [sub, match] of matches) {
    const where = { file, at: sub.at };
    if (match.kind === 'unknown') report(where, say.unknown(sub));
    else if (match.kind === 'repeat') report(where, say.repeat(sub, match.competency, match.firstLine));
    else if (subs.get(match.competency) === 'no') report(where, say.notYet(sub, match.competency));
    else if (isEmpty(sub.body)) report(where, say.empty(sub, match.competency));
  }
  const missing = [...subs].filter(([s, a]) => a === 'yes' && !seen.has(s)).map(([s]) => s);
  if (missing.length > 0) report({ file, at: section.at }, say.missing(missing));
}
