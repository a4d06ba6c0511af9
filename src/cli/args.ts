import { type ParseArgsConfig, parseArgs } from 'node:util';
import { didYouMean } from '../core/suggest.js';
import { UsageError } from './io.js';

type Options = NonNullable<ParseArgsConfig['options']>;
type Strict<O extends Options> = { args: string[]; options: O; strict: true; allowPositionals: true; tokens: true };
type Parsed<O extends Options> = ReturnType<typeof parseArgs<Strict<O>>>;

/**
 * Node's parseArgs, with our own sentences for what it refuses: its messages ("Option '-f,
 * --format <value>' argument missing", advice about "--") are written for programmers. The
 * arguments are read once loosely to find the mistake and say it in words, with a "did you mean"
 * over the command's own options; then strictly, which can no longer fail.
 */
export function parseCommandArgs<O extends Options>(args: string[], options: O): Parsed<O> {
  const loose = parseArgs({ args, options, strict: false, allowPositionals: true, tokens: true });
  const spellings = Object.entries(options).flatMap(([name, o]) => [`--${name}`, ...(o.short ? [`-${o.short}`] : [])]);
  for (const token of loose.tokens) {
    if (token.kind !== 'option') continue;
    const option = Object.hasOwn(options, token.name) ? options[token.name] : undefined;
    const shown = token.rawName;
    if (!option) {
      const hint = didYouMean(
        shown,
        spellings.filter((s) => s.startsWith('--')),
      );
      throw new UsageError(`there is no option ${shown}.${hint}`);
    }
    const long = `--${token.name}`;
    const named = shown === long ? long : `${shown} (${long})`;
    if (option.type === 'boolean' && token.value !== undefined)
      throw new UsageError(`${named} takes no value; write ${shown} alone, not ${shown}=${token.value}`);
    if (option.type === 'string') {
      if (token.value === undefined) throw new UsageError(`${named} needs a value, as in ${shown} VALUE`);
      // `--format --quiet`: the next option was taken for the value, which is never what was meant.
      if (!token.inlineValue && token.value.startsWith('-') && token.value !== '-')
        throw new UsageError(
          `${named} needs a value, but ${token.value} follows it; give the value first (or write ${long}=${token.value} if that is the value)`,
        );
    }
  }
  const strict: Strict<O> = { args, options, strict: true, allowPositionals: true, tokens: true };
  return parseArgs(strict);
}

/** `--color` (true) or `--no-color` (false), the last one given winning; undefined when neither is. */
export function colorFlag(parsed: { tokens: ReadonlyArray<{ kind: string; name?: string }> }): boolean | undefined {
  let color: boolean | undefined;
  for (const t of parsed.tokens) {
    if (t.kind === 'option' && t.name === 'color') color = true;
    if (t.kind === 'option' && t.name === 'no-color') color = false;
  }
  return color;
}

/** The options every command that prints colour accepts. */
export const COLOR_OPTIONS = { color: { type: 'boolean' }, 'no-color': { type: 'boolean' } } as const;

/**
 * The ladder directory, given as `--dir DIR` or (for commands that have one) as the positional:
 * both ways work for every command; giving two different ones is a mistake.
 */
export function ladderDirArg(option: string | undefined, positional: string | undefined): string {
  if (option !== undefined && positional !== undefined && option !== positional)
    throw new UsageError(`the ladder directory is given twice, as ${positional} and as --dir ${option}; give it once`);
  return option ?? positional ?? 'ladder';
}
