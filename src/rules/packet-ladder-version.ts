import { at } from '../core/model.js';
import { compareVersions, VERSION_PATTERN } from '../core/semver.js';
import type { Rule } from './rule.js';

/** A packet written against an older ladder version is warned, with what changed since. */
export const packetLadderVersion: Rule = {
  id: 'packet-ladder-version',
  severity: 'warning',
  group: 'packet',
  description: "A packet is written against the ladder's current version; an older one is warned with the changes since.",
  check({ ladder, report }) {
    const current = ladder.version;
    if (!current) return;
    for (const packet of ladder.packets) {
      const written = packet.ladderVersion;
      // Not a version at all: the schema says so, without quoting it.
      if (!written || written === current || !VERSION_PATTERN.test(written)) continue;
      if (compareVersions(written, current) > 0) {
        report(
          at(packet.origin, 'ladderVersion'),
          `The packet names ladder version ${written}, but the ladder is at ${current}; set ladderVersion: ${current}.`,
        );
        continue;
      }
      const since = ladder.changelog.filter((e) => compareVersions(e.version, written) > 0 && compareVersions(e.version, current) <= 0);
      const changes = since.flatMap((e) => e.changes.map((c) => `${e.version}: ${c}`));
      const what =
        changes.length > 0
          ? ` What changed since: ${changes.join(' | ').replace(/\.$/, '')}.`
          : " The ladder's changelog does not say what changed; compare with `ladder diff`.";
      report(
        at(packet.origin, 'ladderVersion'),
        `The packet was written against ladder ${written}; the ladder is now ${current}.${what} Re-read the target level's expectations, then set ladderVersion: ${current}.`,
      );
    }
  },
};
