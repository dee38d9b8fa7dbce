import pg from 'pg';
import type { SqlAdapter, SqlRow, SqlValue } from './sql-adapter.ts';

// BIGINT columns hold millisecond times and sequence numbers, all far below 2^53: read them as numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));

/** Bounds in ms: a statement (or a lock wait) that runs longer is cancelled; a request waits this long for a connection. */
export interface PostgresTimeouts {
  statementMs: number;
  poolWaitMs: number;
}

/**
 * PostgreSQL through a pool, so several relays behind a load balancer share one database. Every statement is bounded
 * (`statement_timeout`, `lock_timeout`, and a client-side query timeout for a server that stopped answering), so a
 * held table lock or a dead server makes requests fail fast with 503 instead of hanging.
 */
export async function openPostgresAdapter(connectionString: string, timeouts: PostgresTimeouts = { statementMs: 10_000, poolWaitMs: 5_000 }): Promise<SqlAdapter> {
  const pool = new pg.Pool({
    connectionString,
    max: 10,
    statement_timeout: timeouts.statementMs,
    lock_timeout: timeouts.statementMs,
    query_timeout: timeouts.statementMs + 1_000,
    connectionTimeoutMillis: timeouts.poolWaitMs,
    idle_in_transaction_session_timeout: timeouts.statementMs * 3,
  });
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
