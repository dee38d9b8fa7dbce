/**
 * The care circle's one merge: last-writer-wins per record id by hybrid logical clock. The repository applies every
 * received row through `wins`, and the sync property test (tests/unit/circle/sync-converges.test.ts) proves it
 * through the repository, the sync engine and a real relay.
 *
 * A delete is a tombstone (`deleted: true`) with its own clock, so it beats older edits and loses to newer ones,
 * exactly like a write. Equal clocks normally carry the same write (same node, same tick); should two different
 * contents ever share one clock, the tie is broken on their canonical JSON, so every replica picks the same winner
 * whatever the arrival order.
 */

/** Anything merged: a stored row or a decrypted record. Only `hlc` and `deleted` are read; the rest is content. */
export interface Stamped {
  hlc: string;
  deleted?: boolean | undefined;
}

/** True when `incoming` should replace `current` (always when there is no current version). */
export function wins(incoming: Stamped, current: Stamped | undefined): boolean {
  if (!current) return true;
  if (incoming.hlc !== current.hlc) return incoming.hlc > current.hlc;
  const incomingDeleted = incoming.deleted === true;
  if (incomingDeleted !== (current.deleted === true)) return incomingDeleted;
  return canonicalJson(incoming) > canonicalJson(current);
}

/**
 * JSON with object keys sorted at every depth, so equal content always gives equal text. `space` indents as in
 * JSON.stringify (backups are indented for people; merge ties compare the compact form).
 */
export function canonicalJson(value: unknown, space?: number): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
    space,
  );
}
