import { relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { checkLadder } from '../../check.js';
import { countBySeverity } from '../../core/diagnostic.js';
import type { SourceFile } from '../../core/source-file.js';
import { readLadderDir, UnreadableDirectoryError } from '../../node/read-ladder-dir.js';
import { formatJson } from '../format/json.js';
import { formatSarif } from '../format/sarif.js';
import { formatText } from '../format/text.js';
import { type CliIo, EXIT_OK, EXIT_PROBLEMS, UsageError } from '../io.js';
import { VERSION } from '../version.js';

export const checkHelp = `Usage: ladder check [DIR] [--format text|json|sarif]

Checks the ladder in DIR (default: ./ladder): every file against its schema, the ladder's
structure, and the parity of its IC and EM tracks.

Options:
  -f, --format FORMAT   text (default), json, or sarif (SARIF 2.1.0 for code scanning)
  -h, --help            show this help

Exit status: 0 no errors (warnings allowed), 1 errors found, 2 usage error or unreadable DIR.
`;

const FORMATS = ['text', 'json', 'sarif'] as const;

export function check(args: string[], io: CliIo): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string', short: 'f', default: 'text' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    io.stdout(checkHelp);
    return EXIT_OK;
  }
  const format = values.format as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) throw new UsageError(`unknown --format "${values.format}"; use text, json or sarif`);
  if (positionals.length > 1) throw new UsageError(`check takes one directory, got ${positionals.length}`);
  const dir = resolve(io.cwd, positionals[0] ?? 'ladder');

  let files: SourceFile[];
  try {
    files = readLadderDir(dir);
  } catch (error) {
    if (error instanceof UnreadableDirectoryError)
      throw new UsageError(`${error.message}${positionals[0] ? '' : ' (pass the ladder directory: ladder check DIR)'}`);
    throw error;
  }
  const result = checkLadder(files);
  // Show paths as the user can open them: relative to where they ran the command.
  const prefix = relative(io.cwd, dir).split(sep).join('/');
  const diagnostics = result.diagnostics.map((d) => ({ ...d, file: prefix ? `${prefix}/${d.file}` : d.file }));
  const report = { diagnostics, files: result.files, version: VERSION };
  io.stdout(format === 'json' ? formatJson(report) : format === 'sarif' ? formatSarif(report) : formatText(report, io.color));
  return countBySeverity(diagnostics).errors > 0 ? EXIT_PROBLEMS : EXIT_OK;
}
