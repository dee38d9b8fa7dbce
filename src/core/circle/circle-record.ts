/**
 * A circle record as every device writes it inside its envelope: `{table, row}` sealed under the envelope id
 * "<table>:<row id>", with the row's clock equal to the envelope's. The carer app's sync engine and the watcher
 * extension read and write this one shape.
 */
import { openRecord, sealRecord } from './circle-crypto.ts';
import type { Envelope } from './envelope.ts';

/** The tables a circle shares (the carer app's synced Dexie tables). */
export type CircleTable = 'people' | 'calls' | 'checklist' | 'alerts' | 'checkIns';

export interface CircleRecordBody<Row extends { id: string; hlc: string } = { id: string; hlc: string } & Record<string, unknown>> {
  table: CircleTable;
  row: Row;
}

/** "people:<id>": the envelope id of a row, unique across tables. */
export function circleRecordId(table: CircleTable, rowId: string): string {
  return `${table}:${rowId}`;
}

/** Seals a row for the relay; the row's `hlc` is the envelope's. */
export function sealCircleRecord(key: CryptoKey, table: CircleTable, row: { id: string; hlc: string }, crypto?: Crypto): Promise<Envelope> {
  return sealRecord(key, { id: circleRecordId(table, row.id), hlc: row.hlc, deleted: false, value: { table, row } }, crypto);
}

/**
 * Opens an envelope into its body, or undefined when it is a tombstone of the envelope itself or its body does not
 * match the envelope (another clock, a row from another id). Throws DecryptError for a wrong key or altered text.
 */
export async function openCircleRecord(key: CryptoKey, envelope: Envelope, crypto?: Crypto): Promise<CircleRecordBody | undefined> {
  const opened = await openRecord<CircleRecordBody>(key, envelope, crypto);
  const body = opened.value;
  if (!body || typeof body.table !== 'string' || !body.row || typeof body.row.id !== 'string') return undefined;
  if (body.row.hlc !== envelope.hlc || envelope.id !== circleRecordId(body.table, body.row.id)) return undefined;
  return body;
}
