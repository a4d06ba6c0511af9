import { check, checkHelp } from './commands/check.js';
import { diff, diffHelp } from './commands/diff.js';
import { newCommand, newHelp } from './commands/new-packet.js';
import { render, renderHelp } from './commands/render.js';
import { type CliIo, EXIT_OK, EXIT_USAGE, UsageError } from './io.js';
import { VERSION } from './version.js';

const help = `ladder ${VERSION}: keep a career ladder and its promotion packets honest.

Usage: ladder <command> [options]

Commands:
  check [DIR]       check the ladder and packets in DIR (default ./ladder)
  new packet        write a new promotion packet from the ladder's expectations
  diff BASE [HEAD]  what changed in the ladder between two git refs, and whether it is major
  render [DIR]      render the ladder as a static site for GitHub Pages: --out OUT [--base-url /repo/]

Options:
  -h, --help        show this help
  -v, --version     print the version
`;

type Command = (args: string[], io: CliIo) => number | Promise<number>;

const commands: Record<string, { run: Command; help: string }> = {
  check: { run: check, help: checkHelp },
  new: { run: (args, io) => newCommand(args, io), help: newHelp },
  diff: { run: diff, help: diffHelp },
  render: { run: render, help: renderHelp },
};

/** Runs the CLI; never throws, returns the exit status. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    io.stdout(help);
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (name === '-v' || name === '--version') {
    io.stdout(`${VERSION}\n`);
    return EXIT_OK;
  }
  const command = commands[name];
  if (!command) {
    io.stderr(`ladder: unknown command "${name}". Run ladder --help for the list.\n`);
    return EXIT_USAGE;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`ladder ${name}: ${(error as Error).message}\n${command.help}`);
      return EXIT_USAGE;
    }
    io.stderr(`ladder ${name}: internal error (a bug in ladder-as-code, please report it): ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_USAGE;
  }
}
