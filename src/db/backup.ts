/**
 * Whole-data backup and restore. The file is canonical JSON (tables and rows in a fixed order, keys sorted), so
 * restoring a backup and exporting again gives the same bytes. Restore checks every record first, then replaces
 * everything in ONE transaction: a bad file changes nothing.
 */
import { canonicalJson } from '../core/circle/merge.ts';
import { RecordError, validateRecord } from './validate-records.ts';
import { SYNC_TABLES, type KinwatchDb, type SyncTable } from './schema.ts';

export const BACKUP_FORMAT = 'kinwatch-backup';
export const BACKUP_VERSION = 1;

/** Settings that belong to this device, never carried to another. */
const DEVICE_SETTINGS = new Set(['deviceNodeId', 'lastHlc', 'persistAsked']);

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: number;
  tables: Record<SyncTable, unknown[]>;
  settings: Record<string, unknown>;
}

export async function exportBackup(db: KinwatchDb): Promise<string> {
  const tables = {} as Record<SyncTable, unknown[]>;
  for (const table of SYNC_TABLES) {
    const rows = (await db.table(table).toArray()) as { id: string }[];
    tables[table] = rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
  const settings: Record<string, unknown> = {};
  for (const row of await db.settings.toArray()) if (!DEVICE_SETTINGS.has(row.key)) settings[row.key] = row.value;
  const file: BackupFile = { format: BACKUP_FORMAT, version: BACKUP_VERSION, tables, settings };
  return `${canonicalJson(file, 2)}\n`;
}

/** Parses and checks a backup; throws RecordError naming the first thing wrong. */
export function parseBackup(text: string): BackupFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new RecordError('backup: not a JSON file');
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new RecordError('backup: expected a JSON object');
  const file = data as Partial<BackupFile>;
  if (file.format !== BACKUP_FORMAT) throw new RecordError(`format: expected "${BACKUP_FORMAT}" (is this a Kinwatch backup?)`);
  if (file.version !== BACKUP_VERSION) throw new RecordError(`version: expected ${BACKUP_VERSION}, found ${JSON.stringify(file.version)}`);
  if (!file.tables || typeof file.tables !== 'object') throw new RecordError('tables: missing');
  if (file.settings !== undefined && (typeof file.settings !== 'object' || file.settings === null || Array.isArray(file.settings))) {
    throw new RecordError('settings: expected an object');
  }
  for (const table of SYNC_TABLES) {
    const rows = (file.tables as Record<string, unknown>)[table];
    if (!Array.isArray(rows)) throw new RecordError(`tables.${table}: expected a list`);
    const ids = new Set<string>();
    rows.forEach((row, index) => {
      validateRecord(table, row, `${table}[${index}]`);
      const id = (row as { id: string }).id;
      if (ids.has(id)) throw new RecordError(`${table}[${index}].id: duplicate id ${id}`);
      ids.add(id);
    });
  }
  for (const key of Object.keys(file.tables)) {
    if (!(SYNC_TABLES as readonly string[]).includes(key)) throw new RecordError(`tables.${key}: unknown table`);
  }
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, tables: file.tables as BackupFile['tables'], settings: file.settings ?? {} };
}

export interface RestoreSummary {
  counts: Record<SyncTable, number>;
}

/** Replaces all data with the backup's, atomically. Restored rows are queued for the care circle. */
export async function restoreBackup(db: KinwatchDb, text: string): Promise<RestoreSummary> {
  const file = parseBackup(text);
  const counts = {} as Record<SyncTable, number>;
  await db.transaction('rw', [...SYNC_TABLES.map((table) => db.table(table)), db.settings, db.outbox], async () => {
    for (const table of SYNC_TABLES) {
      const rows = file.tables[table] as { id: string }[];
      await db.table(table).clear();
      await db.table(table).bulkPut(rows);
      await db.outbox.bulkAdd(rows.map((row) => ({ table, id: row.id })));
      counts[table] = rows.length;
    }
    const keep = (await db.settings.toArray()).filter((row) => DEVICE_SETTINGS.has(row.key));
    await db.settings.clear();
    await db.settings.bulkPut([...keep, ...Object.entries(file.settings).map(([key, value]) => ({ key, value }))]);
  });
  return { counts };
}
