import { didYouMean } from '../core/suggest.js';
import { UnreadableDirectoryError } from '../node/read-ladder-dir.js';
import { VERSION } from '../version.js';
import { type CliIo, EXIT_OK, EXIT_USAGE, UsageError } from './io.js';

const help = `ladder ${VERSION}: keep a career ladder and its promotion packets honest.

Usage: ladder <command> [options]

Commands:
  init [DIR]        start a ladder in DIR (default ./ladder), with its workflows and editor settings
  check [DIR]       check the ladder and packets in DIR (default ./ladder)
  check FILE...     check the ladder these files are in, and report on these files only
  new packet        write a new promotion packet from the ladder's expectations
  diff BASE [HEAD]  what changed in the ladder between two git refs, and whether it is major
  render [DIR]      render the ladder as a static site for GitHub Pages: --out OUT [--base-url /repo/]
  survey report     the anonymous manager survey's reports: --survey FILE --responses CSV --out DIR
  calibrate CYCLE   write the committee's calibration packet of a cycle (Markdown and HTML, local files)
  history HANDLE    one person's path through the ladder, from the decided packets
  help COMMAND      show a command's options (the same as ladder COMMAND --help)

Every command takes the ladder directory as --dir DIR (default ./ladder); init, check and
render also take it as their first argument.

Options:
  -h, --help        show this help
  -v, -V, --version print the version
`;

type Command = (args: string[], io: CliIo) => number | Promise<number>;

/** Each command is loaded when it runs: `ladder check` never parses the diff or the renderer. */
const commands: Record<string, () => Promise<{ run: Command; help: string }>> = {
  init: async () => {
    const m = await import('./commands/init.js');
    return { run: m.init, help: m.initHelp };
  },
  check: async () => {
    const m = await import('./commands/check.js');
    return { run: m.check, help: m.checkHelp };
  },
  new: async () => {
    const m = await import('./commands/new-packet.js');
    return { run: (args, io) => m.newCommand(args, io), help: m.newHelp };
  },
  diff: async () => {
    const m = await import('./commands/diff.js');
    return { run: m.diff, help: m.diffHelp };
  },
  render: async () => {
    const m = await import('./commands/render.js');
    return { run: m.render, help: m.renderHelp };
  },
  survey: async () => {
    const m = await import('./commands/survey.js');
    return { run: m.survey, help: m.surveyHelp };
  },
  calibrate: async () => {
    const m = await import('./commands/calibrate.js');
    return { run: m.calibrate, help: m.calibrateHelp };
  },
  history: async () => {
    const m = await import('./commands/history.js');
    return { run: m.history, help: m.historyHelp };
  },
};

/** Runs the CLI; never throws, returns the exit status. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  // `ladder help check` is `ladder check --help`, as with git and npm.
  if (name === 'help' && rest.length > 0) return main([...rest.slice(0, 1), '--help'], io);
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    io.stdout(help);
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (name === '-v' || name === '-V' || name === '--version') {
    io.stdout(`${VERSION}\n`);
    return EXIT_OK;
  }
  const load = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!load) {
    const what = name.startsWith('-') ? 'option' : 'command';
    const candidates = what === 'option' ? ['--help', '--version'] : Object.keys(commands);
    io.stderr(`ladder: unknown ${what} "${name}". Run ladder --help for the list.${didYouMean(name, candidates)}\n`);
    return EXIT_USAGE;
  }
  const command = await load();
  try {
    return await command.run(rest, io);
  } catch (error) {
    // A bad option, or a ladder directory that cannot be read: say so, with the command's usage.
    if (error instanceof UsageError || error instanceof UnreadableDirectoryError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`ladder ${name}: ${(error as Error).message}\n${command.help}`);
      return EXIT_USAGE;
    }
    io.stderr(`ladder ${name}: internal error (a bug in ladder-as-code, please report it): ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_USAGE;
  }
}
