// Builds the CLI (dist/cli.js, not committed) and the Action (action/dist/index.js, committed)
// as single ESM files. Run by `npm run build`, `npm ci` (prepare) and `npm test`.
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
await import('./generate-validators.js');

// ESM bundles of CommonJS dependencies call require() for Node built-ins: give them one.
const banner = { js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);" };
// The site's stylesheet (src/render/site.css) is imported as its text.
const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  banner,
  legalComments: 'none',
  logLevel: 'warning',
  loader: { '.css': 'text' },
};

/** Swaps the parts of @actions/core the Action never calls for small stubs (see scripts/stubs/). */
const unusedCoreParts = {
  name: 'unused-core-parts',
  setup(b) {
    const stubs = { './oidc-utils.js': 'actions-core-oidc.js', './platform.js': 'actions-core-platform.js' };
    b.onResolve({ filter: /^\.\/(oidc-utils|platform)\.js$/ }, (args) =>
      args.importer.includes('@actions/core') ? { path: join(root, 'scripts', 'stubs', stubs[args.path]) } : undefined,
    );
  },
};

// Chunk names carry a hash: clear old ones so dist/ holds only this build.
rmSync(join(root, 'dist', 'chunks'), { recursive: true, force: true });

await Promise.all([
  // The CLI is split: what a command imports dynamically (the site renderer and remark, the diff)
  // stays in its own chunk, so `ladder check` neither loads nor parses it.
  build({ ...common, entryPoints: { cli: join(root, 'src/cli/index.ts') }, outdir: join(root, 'dist'), splitting: true, chunkNames: 'chunks/[name]-[hash]' }),
  // The Action is one committed file, as `uses:` needs; its lazy parts are deferred by esbuild.
  build({ ...common, entryPoints: [join(root, 'src/action/index.ts')], outfile: join(root, 'action/dist/index.js'), minify: true, plugins: [unusedCoreParts] }),
]);
