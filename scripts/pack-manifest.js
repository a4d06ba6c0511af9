// npm pack runs this twice: `strip` before the tarball is made (prepack) and `restore` after
// (postpack). The published package.json must not carry the `prepare` script: installing a tarball
// or a registry package never runs it, but npm 11 still warns that the package "has install
// scripts". As pinst does for postinstall, the script is taken out for the pack and put back.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = join(root, 'package.json');
const saved = join(root, '.package.json.prepack');
const mode = process.argv[2];

if (mode === 'strip') {
  const text = readFileSync(manifest, 'utf8');
  const pkg = JSON.parse(text);
  writeFileSync(saved, text);
  delete pkg.scripts.prepare;
  writeFileSync(manifest, `${JSON.stringify(pkg, null, 2)}\n`);
} else if (mode === 'restore') {
  if (existsSync(saved)) renameSync(saved, manifest);
} else {
  console.error('pack-manifest: strip or restore');
  process.exit(2);
}
