/**
 * The carer app's IndexedDB database "kinwatch". Every version is listed explicitly with its upgrade, so a device
 * that skipped releases still lands on the current shape with nothing lost.
 *
 * v1: first release. Calls had a single `outcome`.
 * v2: calls carry several `outcomes` (a parent can give details AND expect a courier); index calls by [personId+at]
 *     for the per-person log, and alerts by receivedAt for the inbox.
 *
 * Rows of an older shape that arrive after an upgrade (from a backup, another device, or a tab still running the
 * previous release) are normalised as they are read (`normaliseRow`). A tab still open on the previous release when
 * another tab upgrades the database closes its connection for good and is told to reload (`whenReplaced`), so it
 * never writes old-shape rows into the new schema or blocks the upgrade.
 */
import { Dexie, type EntityTable } from 'dexie';
import { normaliseRow } from './normalise-row.ts';
import type { AlertRecord, CheckIn } from '../core/calls/alert.ts';
import type { CallRecord } from '../core/calls/call.ts';
import type { CaredPerson } from '../core/calls/person.ts';
import type { ChecklistTick } from '../core/rules/checklist.ts';

export interface SettingRow {
  key: string;
  value: unknown;
}

/** A change waiting to go to the care circle. */
export interface OutboxRow {
  seq?: number;
  table: SyncTable;
  id: string;
}

export const SYNC_TABLES = ['people', 'calls', 'checklist', 'alerts', 'checkIns'] as const;
export type SyncTable = (typeof SYNC_TABLES)[number];

export interface SyncRows {
  people: CaredPerson;
  calls: CallRecord;
  checklist: ChecklistTick;
  alerts: AlertRecord;
  checkIns: CheckIn;
}

export type KinwatchDb = Dexie & {
  people: EntityTable<CaredPerson, 'id'>;
  calls: EntityTable<CallRecord, 'id'>;
  checklist: EntityTable<ChecklistTick, 'id'>;
  alerts: EntityTable<AlertRecord, 'id'>;
  checkIns: EntityTable<CheckIn, 'id'>;
  settings: EntityTable<SettingRow, 'key'>;
  outbox: EntityTable<OutboxRow, 'seq'>;
};

export const DB_NAME = 'kinwatch';

export const SCHEMA_V1 = {
  people: 'id, name',
  calls: 'id, personId, at',
  checklist: 'id, personId, ruleId',
  alerts: 'id, personId',
  checkIns: 'id, alertId, personId',
  settings: 'key',
  outbox: '++seq, [table+id]',
};

export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  calls: 'id, personId, at, [personId+at]',
  alerts: 'id, personId, receivedAt',
};

/**
 * Opens (or creates and upgrades) the database. `name` is for tests; `indexedDB` comes from the platform.
 * `whenReplaced` is called when another tab or worker opens a newer version (or deletes the database): this
 * connection is then closed and stays closed, so every later read or write rejects with Dexie's DatabaseClosedError
 * until the page reloads. Without it (the service worker) Dexie's default applies: close, reopen on next use.
 */
export function openKinwatchDb(
  options: { name?: string; indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange; whenReplaced?: () => void } = {},
): KinwatchDb {
  const dexieOptions: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {};
  if (options.indexedDB) dexieOptions.indexedDB = options.indexedDB;
  if (options.IDBKeyRange) dexieOptions.IDBKeyRange = options.IDBKeyRange;
  const db = new Dexie(options.name ?? DB_NAME, dexieOptions) as KinwatchDb;
  db.version(1).stores(SCHEMA_V1);
  db.version(2)
    .stores(SCHEMA_V2)
    .upgrade((tx) =>
      tx
        .table('calls')
        .toCollection()
        .modify((call: Record<string, unknown>) => void normaliseRow('calls', call)),
    );
  for (const table of SYNC_TABLES) db.table(table).hook('reading', (row) => normaliseRow(table, row));
  const { whenReplaced } = options;
  if (whenReplaced) {
    db.on('versionchange', () => {
      // Close for good: Dexie's own handler (skipped by returning false) would reopen on the next write, and this
      // older code would then write its row shapes into the newer schema.
      db.close({ disableAutoOpen: true });
      whenReplaced();
      return false;
    });
  }
  return db;
}
