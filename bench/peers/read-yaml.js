// The peer of `ladder check` in bench/core.js: a bare read of the same files with js-yaml. It lists
// the directory, reads every .yml and .md file, splits a Markdown file's front matter off its body
// and yaml.load()s the YAML: what any tool that reads the ladder at all must pay. No schema, no
// positions, no Markdown sections, no rules.
//
//   node bench/peers/read-yaml.js DIR      prints "<files> files" (the bench checks the count)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';

const dir = process.argv[2];
let files = 0;
const walk = (d) => {
  for (const entry of readdirSync(d, { withFileTypes: true })) {
    const full = join(d, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (entry.name.endsWith('.yml')) {
      load(readFileSync(full, 'utf8'));
      files++;
    } else if (entry.name.endsWith('.md')) {
      const text = readFileSync(full, 'utf8');
      const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
      if (match) load(match[1]);
      files++;
    }
  }
};
walk(dir);
console.log(`${files} files`);
