/**
 * Rows of an older shape, brought to the current one. Used by the schema upgrade (rows already stored), when a row
 * is read (rows restored or written by an older release after the upgrade ran), and when a row arrives from
 * another device that still runs an older release.
 *
 * Shapes handled:
 * - calls before v2 had one `outcome` string; now `outcomes` is a list ("gave-details" AND "courier-coming").
 * - any row may carry `deleted: false` from an older writer; live rows simply have no `deleted`.
 */
import type { SyncTable } from './schema.ts';

/** Returns `row` itself, changed in place when it had an older shape (Dexie's reading hook and `modify` need that). */
export function normaliseRow<Row>(table: SyncTable, row: Row): Row {
  if (!row || typeof row !== 'object') return row;
  const fields = row as Record<string, unknown>;
  if (table === 'calls' && !Array.isArray(fields.outcomes)) {
    fields.outcomes = typeof fields.outcome === 'string' ? [fields.outcome] : [];
  }
  if (table === 'calls' && 'outcome' in fields) delete fields.outcome;
  if (fields.deleted === false) delete fields.deleted;
  return row;
}
