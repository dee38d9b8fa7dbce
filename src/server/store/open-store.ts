import { migrate } from './migrations.ts';
import { openPgliteAdapter } from './pglite-adapter.ts';
import { openPostgresAdapter, type PostgresTimeouts } from './postgres-adapter.ts';
import { createSqlStore } from './sql-store.ts';
import type { Store } from './store.ts';

/** PostgreSQL when a URL is given, otherwise embedded PGlite in `dataDir` (in memory when that is undefined). */
export async function openStore(options: { databaseUrl?: string; dataDir?: string; timeouts?: PostgresTimeouts }): Promise<Store> {
  const adapter = options.databaseUrl ? await openPostgresAdapter(options.databaseUrl, options.timeouts) : await openPgliteAdapter(options.dataDir);
  try {
    await migrate(adapter);
  } catch (error) {
    await adapter.close();
    throw error;
  }
  return createSqlStore(adapter);
}
