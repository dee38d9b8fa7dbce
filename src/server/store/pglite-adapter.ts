import { PGlite } from '@electric-sql/pglite';
import type { SqlAdapter, SqlExecutor, SqlRow, SqlValue } from './sql-adapter.ts';

/** Embedded PostgreSQL in a data folder: no setup for a family running the relay on one machine. */
export async function openPgliteAdapter(dataDir: string | undefined): Promise<SqlAdapter> {
  const db = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
  // PGlite runs one connection; queue transactions so statements from concurrent requests never interleave inside one.
  let queue: Promise<unknown> = Promise.resolve();
  function exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  }
  const direct: SqlExecutor = {
    async query<Row extends SqlRow>(sql: string, params: readonly SqlValue[] = []) {
      const result = await db.query<Row>(sql, params as unknown[]);
      return result.rows;
    },
  };
  return {
    kind: 'pglite',
    query: (sql, params) => exclusive(() => direct.query(sql, params)),
    transaction: (work) => exclusive(() => db.transaction((tx) => work({
      async query<Row extends SqlRow>(sql: string, params: readonly SqlValue[] = []) {
        return (await tx.query<Row>(sql, params as unknown[])).rows;
      },
    }))),
    async close() {
      await exclusive(async () => undefined);
      await db.close();
    },
  };
}
