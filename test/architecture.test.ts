import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { repoRoot } from './helpers/ladder-files.js';

/**
 * The layers of src/ (docs/architecture.md), kept true: each layer imports only from the layers
 * below it, the pure layers touch no file system, process or network, and the two shells (the CLI
 * and the Action) never import each other.
 */
const src = join(repoRoot, 'src');

/** The layer of a file: its top folder under src/, or the file's own name for top-level modules. */
function layerOf(file: string): string {
  const rel = relative(src, file).split('\\').join('/');
  const [top = ''] = rel.split('/');
  return rel.includes('/') ? top : top.replace(/\.(ts|d\.ts)$/, '');
}

/** What each layer may import from src/ (besides itself). */
const ALLOWED: Record<string, readonly string[]> = {
  generated: [],
  version: [],
  'text-imports': [],
  core: ['generated'],
  rules: ['core'],
  check: ['core', 'rules'],
  render: ['core'],
  report: ['core', 'rules', 'version'],
  node: ['core'],
  cli: ['core', 'rules', 'check', 'render', 'report', 'node', 'version'],
  action: ['core', 'rules', 'check', 'report', 'node', 'version'],
};

/** Layers that stay pure: no I/O, no environment (node:path's string functions are allowed). */
const PURE = new Set(['core', 'rules', 'check', 'render', 'report']);
const IMPURE_MODULES = /^node:(?!path$)|^(?:fs|child_process|os|http|https|net|process)$/;

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) sources(full, out);
    else if (/\.(ts|js)$/.test(name)) out.push(full);
  }
  return out;
}

/** Every module a file imports, statically, by re-export, or dynamically with a literal. */
function importsOf(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm))
    found.push((m[1] ?? m[2]) as string);
  return found;
}

const files = sources(src);

describe('layers', () => {
  test('the layers list covers every folder of src/', () => {
    for (const file of files) expect(Object.keys(ALLOWED)).toContain(layerOf(file));
  });

  test.each(Object.keys(ALLOWED))('%s imports only what lies below it', (layer) => {
    const wrong: string[] = [];
    for (const file of files.filter((f) => layerOf(f) === layer)) {
      for (const spec of importsOf(readFileSync(file, 'utf8'))) {
        if (!spec.startsWith('.')) {
          if (PURE.has(layer) && IMPURE_MODULES.test(spec)) wrong.push(`${relative(src, file)} imports ${spec}`);
          continue;
        }
        const target = resolve(dirname(file), spec);
        if (!target.startsWith(src)) continue; // package.json, for the version
        const to = layerOf(target.replace(/\.js$/, '.ts'));
        if (to !== layer && !ALLOWED[layer]?.includes(to)) wrong.push(`${relative(src, file)} imports ${spec} (${to})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  test('the pure layers read no environment and exit no process', () => {
    const wrong = files
      .filter((f) => PURE.has(layerOf(f)))
      .filter((f) => /\bprocess\.(?:env|exit|cwd|argv|stdout|stderr)\b/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(src, f));
    expect(wrong).toEqual([]);
  });

  test('the reporting layer reads the rules for their metadata only (id, severity, group, description), never runs one', () => {
    const wrong: string[] = [];
    for (const file of files.filter((f) => layerOf(f) === 'report')) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/^import\s+(?:type\s+)?\{([^}]*)\}\s+from\s+'(\.\.\/rules\/[^']+)'/gm)) {
        const names = (m[1] as string).split(',').map((n) => n.trim().replace(/^type\s+/, ''));
        if (m[2] !== '../rules/index.js' || names.some((n) => !['allRules', 'ruleById', 'Rule'].includes(n))) wrong.push(`${relative(src, file)}: ${m[0]}`);
      }
      if (/\.check\(/.test(text)) wrong.push(`${relative(src, file)} runs a rule`);
    }
    expect(wrong).toEqual([]);
  });

  test('the check sees a violation', () => {
    // The test itself must be able to fail: a core module importing the rules is caught.
    expect(importsOf("import { x } from '../rules/x.js';\nconst y = await import('../node/y.js');")).toEqual(['../rules/x.js', '../node/y.js']);
  });
});
