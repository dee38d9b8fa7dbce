/**
 * Every write goes through here: it stamps a hybrid logical clock and queues {table, id} in the outbox in the same
 * transaction, so nothing reaches the database without being queued for the care circle. Deletes are tombstones,
 * so undo works and a delete syncs like any other change. Rows from other devices are merged by the circle's one
 * merge (`wins` in core/circle/merge.ts).
 */
import { createHlc, type HybridLogicalClock } from '../core/circle/hlc.ts';
import { wins } from '../core/circle/merge.ts';
import { normaliseRow } from './normalise-row.ts';
import { systemClock, type Clock } from '../core/platform.ts';
import type { KinwatchDb, SyncRows, SyncTable } from './schema.ts';

export type NewRow<T extends SyncTable> = Omit<SyncRows[T], 'hlc'> & { hlc?: string };

export interface Repository {
  db: KinwatchDb;
  saveRecord<T extends SyncTable>(table: T, row: NewRow<T>): Promise<SyncRows[T]>;
  deleteRecord(table: SyncTable, id: string): Promise<void>;
  restoreRecord(table: SyncTable, id: string): Promise<void>;
  /**
   * Merges a row from another device (last writer wins, `wins` in core/circle/merge.ts); returns true when it
   * replaced what was here. Rows of an older shape are normalised first.
   * @throws ClockDriftError (core/circle/hlc.ts) when the row's clock is too far ahead of this device's time;
   *   nothing is stored and this device's clock is unchanged, so the caller can hold the row and try again later.
   */
  applyRemoteRecord<T extends SyncTable>(table: T, row: SyncRows[T]): Promise<boolean>;
  /** A fresh timestamp (for callers that stamp rows themselves). */
  tick(): string;
}

const NODE_KEY = 'deviceNodeId';
const LAST_HLC_KEY = 'lastHlc';

function randomNodeId(): string {
  return crypto.randomUUID().replace(/-/g, '').slice(0, 16);
}

/** A repository over `db`. The device's node id is made once and kept in settings. */
export async function createRepository(db: KinwatchDb, clock: Clock = systemClock): Promise<Repository> {
  let nodeId = (await db.settings.get(NODE_KEY))?.value;
  if (typeof nodeId !== 'string') {
    nodeId = randomNodeId();
    await db.settings.put({ key: NODE_KEY, value: nodeId });
  }
  const last = (await db.settings.get(LAST_HLC_KEY))?.value;
  const hlc: HybridLogicalClock = createHlc(nodeId as string, clock, typeof last === 'string' ? last : undefined);

  const stamp = async (): Promise<string> => {
    const value = hlc.tick();
    await db.settings.put({ key: LAST_HLC_KEY, value });
    return value;
  };

  async function writeLocal<T extends SyncTable>(table: T, row: SyncRows[T]): Promise<void> {
    await db.transaction('rw', [db.table(table), db.outbox, db.settings], async () => {
      row.hlc = await stamp();
      await db.table(table).put(row);
      await db.outbox.add({ table, id: row.id });
    });
  }

  return {
    db,
    tick: () => hlc.tick(),
    async saveRecord(table, row) {
      const full = { ...row, hlc: '' } as SyncRows[typeof table];
      await writeLocal(table, full);
      return full;
    },
    async deleteRecord(table, id) {
      const existing = (await db.table(table).get(id)) as SyncRows[SyncTable] | undefined;
      if (!existing) throw new Error(`${table}: no record with id ${id}`);
      await writeLocal(table, { ...existing, deleted: true } as SyncRows[SyncTable] & { id: string });
    },
    async restoreRecord(table, id) {
      const existing = (await db.table(table).get(id)) as (SyncRows[SyncTable] & { deleted?: true }) | undefined;
      if (!existing) throw new Error(`${table}: no record with id ${id}`);
      const { deleted: _deleted, ...alive } = existing;
      await writeLocal(table, alive as SyncRows[SyncTable]);
    },
    async applyRemoteRecord(table, row) {
      hlc.receive(row.hlc);
      const incoming = normaliseRow(table, { ...row });
      return db.transaction('rw', [db.table(table), db.settings], async () => {
        await db.settings.put({ key: LAST_HLC_KEY, value: hlc.current() });
        const existing = (await db.table(table).get(row.id)) as SyncRows[SyncTable] | undefined;
        if (!wins(incoming, existing)) return false;
        await db.table(table).put(incoming);
        return true;
      });
    },
  };
}

/** Live rows only (tombstones hidden from every screen). */
export function alive<T extends { deleted?: true }>(rows: readonly T[]): T[] {
  return rows.filter((row) => !row.deleted);
}
