// Builds the CLI (dist/cli.js, not committed) and the Action (action/dist/index.js, committed)
// as single ESM files. Run by `npm run build`, `npm ci` (prepare) and `npm test`.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
await import('./generate-validators.js');

// ESM bundles of CommonJS dependencies call require() for Node built-ins: give them one.
const banner = { js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);" };
const common = { bundle: true, platform: 'node', format: 'esm', target: 'node20', banner, legalComments: 'none', logLevel: 'warning' };

const entries = [{ entry: 'src/cli/index.ts', out: 'dist/cli.js' }];
if (existsSync(join(root, 'src/action/index.ts'))) entries.push({ entry: 'src/action/index.ts', out: 'action/dist/index.js', minify: true });
await Promise.all(
  entries.map(({ entry, out, minify }) => build({ ...common, entryPoints: [join(root, entry)], outfile: join(root, out), minify: Boolean(minify) })),
);
