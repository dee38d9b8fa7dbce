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
  {
    id: 2,
    name: 'owners, invite ids and cancelling, record sizes and circle quotas',
    sql: `
      ALTER TABLE devices ADD COLUMN role TEXT NOT NULL DEFAULT 'member';
      UPDATE devices SET role = 'owner' WHERE id IN (
        SELECT DISTINCT ON (circle_id) id FROM devices WHERE revoked_at IS NULL ORDER BY circle_id, created_at, id
      );
      ALTER TABLE invites ADD COLUMN id TEXT;
      UPDATE invites SET id = substr(token_hash, 1, 22);
      ALTER TABLE invites ALTER COLUMN id SET NOT NULL;
      CREATE UNIQUE INDEX invites_id ON invites (id);
      CREATE INDEX invites_circle ON invites (circle_id);
      CREATE INDEX invites_created_by ON invites (created_by);
      ALTER TABLE invites ADD COLUMN cancelled_at BIGINT;
      ALTER TABLE records ADD COLUMN size INTEGER NOT NULL DEFAULT 0;
      UPDATE records SET size = octet_length(id) + octet_length(hlc) + octet_length(ciphertext);
      ALTER TABLE circles ADD COLUMN bytes BIGINT NOT NULL DEFAULT 0;
      ALTER TABLE circles ADD COLUMN record_count BIGINT NOT NULL DEFAULT 0;
      UPDATE circles SET
        bytes = COALESCE((SELECT SUM(size) FROM records r WHERE r.circle_id = circles.id), 0),
        record_count = (SELECT COUNT(*) FROM records r WHERE r.circle_id = circles.id);
      ALTER TABLE circles ADD COLUMN alert_window_start BIGINT NOT NULL DEFAULT 0;
      ALTER TABLE circles ADD COLUMN alert_count INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE push_queue ADD COLUMN expires_at BIGINT;
      UPDATE push_queue SET expires_at = created_at + ttl_seconds * 1000;
      CREATE INDEX push_queue_device ON push_queue (device_id);
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
