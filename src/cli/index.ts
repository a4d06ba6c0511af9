import { readFileSync } from 'node:fs';
import { colorFromEnv } from './color.js';
import { main } from './main.js';

// The only place the CLI touches the process: arguments in, text out, exit status.
const io = {
  cwd: process.cwd(),
  stdout: (text: string) => process.stdout.write(text),
  stderr: (text: string) => process.stderr.write(text),
  color: colorFromEnv(process.env, Boolean(process.stdout.isTTY)),
  stdin: () => readFileSync(0, 'utf8'),
};
process.exitCode = await main(process.argv.slice(2), io);
