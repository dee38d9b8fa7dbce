import type { SqlAdapter } from './sql-adapter.ts';

/**
 * One ordered list of migrations for PGlite and PostgreSQL alike. Append only: a released migration never changes.
 * Times are milliseconds since the epoch in BIGINT columns, so both databases and every clock agree on the unit.
 */
export const migrations: readonly { id: number; name: string; sql: string }[] = [
  {
    id: 1,
    name: 'circles, devices, invites, records, push',
    sql: `
      CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE circles (id TEXT PRIMARY KEY, created_at BIGINT NOT NULL, seq BIGINT NOT NULL DEFAULT 0);
      CREATE TABLE devices (
        id TEXT PRIMARY KEY,
        circle_id TEXT NOT NULL REFERENCES circles(id),
        name TEXT NOT NULL,
        token_hash TEXT NOT NULL UNIQUE,
        created_at BIGINT NOT NULL,
        last_seen_at BIGINT NOT NULL,
        revoked_at BIGINT
      );
      CREATE INDEX devices_circle ON devices (circle_id);
      CREATE TABLE invites (
        token_hash TEXT PRIMARY KEY,
        circle_id TEXT NOT NULL REFERENCES circles(id),
        created_by TEXT NOT NULL REFERENCES devices(id),
        created_at BIGINT NOT NULL,
        expires_at BIGINT NOT NULL,
        used_at BIGINT,
        used_by TEXT
      );
      CREATE TABLE records (
        circle_id TEXT NOT NULL REFERENCES circles(id),
        seq BIGINT NOT NULL,
        id TEXT NOT NULL,
        hlc TEXT NOT NULL,
        ciphertext TEXT NOT NULL,
        device_id TEXT NOT NULL,
        received_at BIGINT NOT NULL,
        PRIMARY KEY (circle_id, seq),
        UNIQUE (circle_id, id, hlc)
      );
      CREATE TABLE push_subscriptions (
        device_id TEXT PRIMARY KEY REFERENCES devices(id),
        endpoint TEXT NOT NULL,
        p256dh TEXT NOT NULL,
        auth TEXT NOT NULL,
        updated_at BIGINT NOT NULL
      );
      CREATE TABLE push_queue (
        id BIGSERIAL PRIMARY KEY,
        circle_id TEXT NOT NULL,
        device_id TEXT NOT NULL,
        payload TEXT NOT NULL,
        urgency TEXT NOT NULL,
        topic TEXT,
        ttl_seconds INTEGER NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at BIGINT NOT NULL,
        claimed_until BIGINT,
        created_at BIGINT NOT NULL
      );
      CREATE INDEX push_queue_due ON push_queue (next_attempt_at);
    `,
  },
];

/** Applies what is missing, under an advisory lock so relays starting together on one Postgres do not race. */
export async function migrate(db: SqlAdapter): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(7215301)');
    await tx.query('CREATE TABLE IF NOT EXISTS migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)');
    const done = new Set((await tx.query<{ id: number }>('SELECT id FROM migrations')).map((row) => Number(row.id)));
    const applied: number[] = [];
    for (const migration of migrations) {
      if (done.has(migration.id)) continue;
      for (const statement of migration.sql.split(';').map((s) => s.trim()).filter(Boolean)) await tx.query(statement);
      await tx.query('INSERT INTO migrations (id, name, applied_at) VALUES ($1, $2, $3)', [migration.id, migration.name, Date.now()]);
      applied.push(migration.id);
    }
    return applied;
  });
}
