import { optionsOf } from '../core/applicability.js';
import { at } from '../core/model.js';
import type { Rule } from './rule.js';

/** A choose-k group has at least k options: otherwise no level or packet could ever cover it. */
export const competencyGroups: Rule = {
  id: 'competency-groups',
  severity: 'error',
  group: 'ladder',
  description: 'A choose-k group of competencies has at least k options (competencies that name it in `group`).',
  check({ index, report }) {
    for (const group of index.groupById.values()) {
      const options = optionsOf(group, index);
      if (options.length >= group.choose) continue;
      report(
        at(group.origin, 'choose'),
        `Group "${group.id}" asks to choose ${group.choose} but has ${options.length === 0 ? 'no options' : `only ${options.length} option${options.length === 1 ? '' : 's'} (${options.map((o) => o.id).join(', ')})`}; lower choose, or add group: ${group.id} to more competencies.`,
      );
    }
  },
};
