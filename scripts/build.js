// Builds the CLI (dist/cli.js and its chunks, not committed) and the Action (action/dist/index.js
// and its chunks, committed) as ESM. Run by `npm run build`, `npm ci` (prepare) and `npm test`.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
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

// Chunk names carry a hash: clear old ones so dist/ and action/dist/ hold only this build.
rmSync(join(root, 'dist', 'chunks'), { recursive: true, force: true });
const actionDist = join(root, 'action', 'dist');
for (const f of readdirSync(actionDist)) if (f.endsWith('.js')) rmSync(join(actionDist, f));

const [cli, action] = await Promise.all([
  // The CLI is split: what a command imports dynamically (the site renderer and remark, the diff)
  // stays in its own chunk, so `ladder check` neither loads nor parses it.
  build({
    ...common,
    entryPoints: { cli: join(root, 'src/cli/index.ts') },
    outdir: join(root, 'dist'),
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    metafile: true,
  }),
  // The Action is one committed entry file, as action.yml's runs.main names it, and the chunks it
  // imports dynamically next to it: a run with nothing to check neither loads nor parses the
  // engine nor the GitHub client (undici is half the code).
  build({
    ...common,
    banner: {},
    entryPoints: { index: join(root, 'src/action/index.ts') },
    outdir: actionDist,
    splitting: true,
    chunkNames: '[name]-[hash]',
    minify: true,
    plugins: [unusedCoreParts],
    metafile: true,
  }),
]);

// Two rewrites of the Action's files, for the run with nothing to check (loading node:module, and
// one more file, are a tenth of it): the banner goes only where `require` is used (esbuild's
// require shim, in its runtime chunk), and the entry no longer imports the runtime chunk (helper
// definitions only, which esbuild has every entry import): the chunks that use them import it.
const runtimeChunks = Object.entries(action.metafile.outputs)
  .filter(([file, output]) => file.endsWith('.js') && Object.keys(output.inputs).length === 0)
  .map(([file]) => basename(file));
for (const f of readdirSync(actionDist)) {
  if (!f.endsWith('.js')) continue;
  let text = readFileSync(join(actionDist, f), 'utf8');
  if (f === 'index.js') for (const chunk of runtimeChunks) text = text.replace(`import"./${chunk}";`, '');
  if (/typeof require\b|(?<![\w$.'"-])require\s*[(.]/.test(text)) text = `${banner.js}\n${text}`;
  writeFileSync(join(actionDist, f), text);
}

// The bundles carry third-party code, so they carry its licenses (as @vercel/ncc's licenses.txt).
writeNotices(cli.metafile, join(root, 'dist', 'THIRD-PARTY-NOTICES.txt'));
writeNotices(action.metafile, join(root, 'action', 'dist', 'THIRD-PARTY-NOTICES.txt'));

/** Every npm package the bundle holds code of, with its license text, sorted by name. */
function writeNotices(metafile, file) {
  const packages = new Map();
  for (const input of Object.keys(metafile.inputs)) {
    const at = input.lastIndexOf('node_modules/');
    if (at === -1) continue;
    const rest = input.slice(at + 'node_modules/'.length).split('/');
    const name = rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
    const dir = join(root, input.slice(0, at), 'node_modules', name);
    if (!packages.has(name)) packages.set(name, dir);
  }
  const sections = [...packages]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, dir]) => {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      const license = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
      const text = license ? readFileSync(join(dir, license), 'utf8').trim() : `${pkg.license ?? 'UNKNOWN'} (no license file in the package)`;
      return `${name}@${pkg.version}\nLicense: ${typeof pkg.license === 'string' ? pkg.license : 'see below'}\n\n${text}\n`;
    });
  const head = `Third-party software in ${relative(root, file.replace(/THIRD-PARTY-NOTICES\.txt$/, ''))}: ${packages.size} npm packages, with their licenses.\nWritten by scripts/build.js.\n`;
  writeFileSync(file, [head, ...sections].join(`\n${'-'.repeat(72)}\n\n`));
}
