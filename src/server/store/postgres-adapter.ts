import pg from 'pg';
import type { SqlAdapter, SqlRow, SqlValue } from './sql-adapter.ts';

// BIGINT columns hold millisecond times and sequence numbers, all far below 2^53: read them as numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));

/** PostgreSQL through a pool, so several relays behind a load balancer share one database. */
export async function openPostgresAdapter(connectionString: string): Promise<SqlAdapter> {
  const pool = new pg.Pool({ connectionString, max: 10 });
  // An idle connection dropped by the server (restart, failover) must not take the relay down; the pool reconnects.
  pool.on('error', () => undefined);
  // Fail at start, not at the first request, when the database is unreachable.
  await pool.query('SELECT 1');
  return {
    kind: 'postgres',
    async query<Row extends SqlRow>(sql: string, params: readonly SqlValue[] = []) {
      return (await pool.query(sql, params as unknown[])).rows as Row[];
    },
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({
          async query<Row extends SqlRow>(sql: string, params: readonly SqlValue[] = []) {
            return (await client.query(sql, params as unknown[])).rows as Row[];
          },
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}
