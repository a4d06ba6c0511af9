/**
 * Whether to colour output, from the environment as most command-line tools read it: FORCE_COLOR
 * (set and not "0"/"false") forces colour even into a pipe, FORCE_COLOR=0 turns it off; NO_COLOR
 * (set and not empty) turns it off; otherwise colour when stdout is a terminal. `--color` and
 * `--no-color` override all of this, per command.
 */
export function colorFromEnv(env: Readonly<Record<string, string | undefined>>, isTTY: boolean): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !(force === '0' || force.toLowerCase() === 'false');
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTTY;
}
