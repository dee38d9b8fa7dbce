/**
 * The one seam between the relay's SQL and a database driver. PGlite and node-postgres both take `$1` parameters and
 * return rows, so the store runs the same statements on either.
 */
export type SqlValue = string | number | bigint | boolean | null;
export type SqlRow = Record<string, unknown>;

export interface SqlExecutor {
  query<Row extends SqlRow = SqlRow>(sql: string, params?: readonly SqlValue[]): Promise<Row[]>;
}

export interface SqlAdapter extends SqlExecutor {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `work` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
