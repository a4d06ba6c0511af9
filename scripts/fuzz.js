// Runs the property-based fuzz tests (test/fuzz/) for longer than the suite does:
//   npm run fuzz                       # 10 minutes
//   npm run fuzz -- --seconds 60       # one minute
//   npm run fuzz -- --seed 123 --path "4:1:0"   # replay a failure fast-check printed
// The suite runs the same tests for a few seconds on every `npm test`.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { seconds: { type: 'string', default: '600' }, seed: { type: 'string' }, path: { type: 'string' } } });
const seconds = Number(values.seconds);
if (!Number.isFinite(seconds) || seconds <= 0) {
  console.error(`fuzz: --seconds must be a positive number, not "${values.seconds}"`);
  process.exit(2);
}
const env = { ...process.env, FUZZ_SECONDS: String(seconds), FUZZ_VERBOSE: '1', NODE_OPTIONS: '--experimental-vm-modules' };
if (values.seed) env.FUZZ_SEED = values.seed;
if (values.path) env.FUZZ_PATH = values.path;
console.log(`fuzz: ${seconds} s per property (test/fuzz/)${values.seed ? `, seed ${values.seed}` : ''}`);
const jest = join(root, 'node_modules', 'jest', 'bin', 'jest.js');
const result = spawnSync(process.execPath, [jest, '--runInBand', 'test/fuzz'], { cwd: root, env, stdio: 'inherit' });
process.exit(result.status ?? 1);
