import type { SyncedRecord } from './envelope.ts';

/**
 * Last-writer-wins per record id by hybrid logical clock. A delete is a tombstone with its own clock, so it beats
 * older edits and loses to newer ones, exactly like a write. Equal clocks carry the same node id, hence the same
 * write; the tie is broken on content anyway so every replica picks the same winner whatever the arrival order.
 */
export function wins(incoming: SyncedRecord, current: SyncedRecord | undefined): boolean {
  if (!current) return true;
  if (incoming.hlc !== current.hlc) return incoming.hlc > current.hlc;
  if (incoming.deleted !== current.deleted) return incoming.deleted;
  return JSON.stringify(incoming.value) > JSON.stringify(current.value);
}

/** Folds incoming records into a replica's map; returns the ids that changed. */
export function mergeRecords(state: Map<string, SyncedRecord>, incoming: Iterable<SyncedRecord>): string[] {
  const changed: string[] = [];
  for (const record of incoming) {
    if (wins(record, state.get(record.id))) {
      state.set(record.id, record);
      changed.push(record.id);
    }
  }
  return changed;
}
