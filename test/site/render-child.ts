// Renders a ladder directory with renderSite, errors or not, as a caller that never ran `ladder
// check` would: `node render-child.js LADDER OUT`. Bundled and run as a child process by
// hostile-markdown.test.ts, so that a renderer that hangs is killed by a timeout instead of hanging
// the test run. Prints {"files":…,"markdown":{…}} when done.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { checkLadder } from '../../src/check.js';
import { readLadderDir } from '../../src/node/read-ladder-dir.js';
import { renderSite } from '../../src/render/index.js';

const [dir, out] = process.argv.slice(2) as [string, string];
const { ladder } = checkLadder(readLadderDir(dir, { personal: false }));
const site = renderSite(ladder, { baseUrl: '/' });
for (const [path, contents] of site.files) {
  const target = join(out, ...path.split('/'));
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, contents);
}
process.stdout.write(JSON.stringify({ files: site.files.size, markdown: site.markdown }));
