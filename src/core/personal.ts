/**
 * Packets are personal: their values reach logs, annotations and pull-request comments only as
 * ids. A value the packet gives where an id belongs (a level, a cycle) is quoted only when it is
 * shaped like one, so that free text typed into the wrong key is never echoed.
 */
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** ` "E5"` for an id-shaped value, '' for anything else. */
export function quotedIfId(value: string): string {
  return ID.test(value) ? ` "${value}"` : '';
}
