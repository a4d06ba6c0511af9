import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkLadder } from '../../check.js';
import { careerPathOf } from '../../core/career-path.js';
import { readLadderDir } from '../../node/read-ladder-dir.js';
import { careerPathText } from '../../report/career-path.js';
import { type CliIo, EXIT_OK, UsageError } from '../io.js';

export const historyHelp = `Usage: ladder history HANDLE [--dir DIR]

Prints one person's path through the ladder, from the packets the committee decided (their
decision: promoted, not yet, withdrawn), oldest first: promotions, switches between tracks, an
apprentice manager's graduation. A switch is lateral in both directions: a return to IC is shown
as the lateral move it is, never as a demotion.

Options:
  --dir DIR        the ladder directory (default: ./ladder)
  -h, --help       show this help

Exit status: 0 printed (also when there is nothing to show), 2 usage error or unreadable DIR.
`;

const HANDLE = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;

export function history(args: string[], io: CliIo): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { dir: { type: 'string', default: 'ladder' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    io.stdout(historyHelp);
    return EXIT_OK;
  }
  const [handle, ...extra] = positionals;
  if (!handle) throw new UsageError("history needs the person's GitHub handle, such as jo-rivera");
  if (extra.length > 0) throw new UsageError(`history takes one handle, got ${positionals.length}`);
  if (!HANDLE.test(handle)) throw new UsageError('the handle is a GitHub handle: letters, digits and hyphens');
  const { ladder } = checkLadder(readLadderDir(resolve(io.cwd, values.dir ?? 'ladder')));
  io.stdout(careerPathText(careerPathOf(ladder, handle), ladder.organization));
  return EXIT_OK;
}
