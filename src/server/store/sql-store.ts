import type { SqlAdapter, SqlExecutor } from './sql-adapter.ts';
import type { DeviceRow, InviteOutcome, PushJob, PushSubscriptionRow, Store, StoredRecord } from './store.ts';

type DeviceSqlRow = {
  id: string;
  circle_id: string;
  name: string;
  token_hash: string;
  created_at: number | string;
  last_seen_at: number | string;
  revoked_at: number | string | null;
};

function toDevice(row: DeviceSqlRow): DeviceRow & { tokenHash: string } {
  return {
    id: row.id,
    circleId: row.circle_id,
    name: row.name,
    tokenHash: row.token_hash,
    createdAt: Number(row.created_at),
    lastSeenAt: Number(row.last_seen_at),
    revokedAt: row.revoked_at === null ? null : Number(row.revoked_at),
  };
}

async function insertDevice(tx: SqlExecutor, circleId: string, deviceId: string, name: string, tokenHash: string, now: number): Promise<void> {
  await tx.query(
    'INSERT INTO devices (id, circle_id, name, token_hash, created_at, last_seen_at) VALUES ($1, $2, $3, $4, $5, $5)',
    [deviceId, circleId, name, tokenHash, now],
  );
}

/** The relay's store as SQL that PGlite and PostgreSQL both run unchanged. */
export function createSqlStore(db: SqlAdapter): Store {
  return {
    kind: db.kind,

    async settingOnce(key, value) {
      await db.query('INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [key, value]);
      const rows = await db.query<{ value: string }>('SELECT value FROM settings WHERE key = $1', [key]);
      return rows[0]!.value;
    },

    async getSetting(key) {
      const rows = await db.query<{ value: string }>('SELECT value FROM settings WHERE key = $1', [key]);
      return rows[0]?.value;
    },

    async createCircle({ circleId, deviceId, deviceName, tokenHash, now }) {
      await db.transaction(async (tx) => {
        await tx.query('INSERT INTO circles (id, created_at) VALUES ($1, $2)', [circleId, now]);
        await insertDevice(tx, circleId, deviceId, deviceName, tokenHash, now);
      });
    },

    async deviceByTokenHash(tokenHash, now) {
      const rows = await db.query<DeviceSqlRow>(
        'UPDATE devices SET last_seen_at = GREATEST(last_seen_at, $2) WHERE token_hash = $1 RETURNING *',
        [tokenHash, now],
      );
      return rows[0] ? toDevice(rows[0]) : undefined;
    },

    async listDevices(circleId) {
      const rows = await db.query<DeviceSqlRow>(
        'SELECT * FROM devices WHERE circle_id = $1 AND revoked_at IS NULL ORDER BY created_at, id',
        [circleId],
      );
      return rows.map((row) => {
        const { tokenHash: _hidden, ...device } = toDevice(row);
        return device;
      });
    },

    async revokeDevice(circleId, deviceId, now) {
      return db.transaction(async (tx) => {
        const rows = await tx.query(
          'UPDATE devices SET revoked_at = $3 WHERE id = $1 AND circle_id = $2 AND revoked_at IS NULL RETURNING id',
          [deviceId, circleId, now],
        );
        if (rows.length === 0) return false;
        await tx.query('DELETE FROM push_subscriptions WHERE device_id = $1', [deviceId]);
        await tx.query('DELETE FROM push_queue WHERE device_id = $1', [deviceId]);
        return true;
      });
    },

    async createInvite({ tokenHash, circleId, createdBy, now, expiresAt }) {
      await db.query(
        'INSERT INTO invites (token_hash, circle_id, created_by, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)',
        [tokenHash, circleId, createdBy, now, expiresAt],
      );
    },

    async redeemInvite({ circleId, inviteTokenHash, deviceId, deviceName, deviceTokenHash, now }): Promise<InviteOutcome> {
      return db.transaction(async (tx) => {
        const used = await tx.query(
          `UPDATE invites SET used_at = $3, used_by = $4
           WHERE token_hash = $1 AND circle_id = $2 AND used_at IS NULL AND expires_at > $3 RETURNING token_hash`,
          [inviteTokenHash, circleId, now, deviceId],
        );
        if (used.length === 1) {
          await insertDevice(tx, circleId, deviceId, deviceName, deviceTokenHash, now);
          return 'joined';
        }
        const rows = await tx.query<{ used_at: unknown }>(
          'SELECT used_at FROM invites WHERE token_hash = $1 AND circle_id = $2',
          [inviteTokenHash, circleId],
        );
        if (!rows[0]) return 'unknown';
        return rows[0].used_at !== null ? 'used' : 'expired';
      });
    },

    async putPushSubscription(deviceId, { endpoint, keys }, now) {
      await db.query(
        `INSERT INTO push_subscriptions (device_id, endpoint, p256dh, auth, updated_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (device_id) DO UPDATE SET endpoint = $2, p256dh = $3, auth = $4, updated_at = $5`,
        [deviceId, endpoint, keys.p256dh, keys.auth, now],
      );
    },

    async deletePushSubscription(deviceId) {
      await db.query('DELETE FROM push_subscriptions WHERE device_id = $1', [deviceId]);
    },

    async pushSubscription(deviceId) {
      const rows = await db.query<{ endpoint: string; p256dh: string; auth: string }>(
        'SELECT endpoint, p256dh, auth FROM push_subscriptions WHERE device_id = $1',
        [deviceId],
      );
      const row = rows[0];
      return row ? { endpoint: row.endpoint, keys: { p256dh: row.p256dh, auth: row.auth } } : undefined;
    },

    async appendRecords(circleId, deviceId, records, now) {
      return db.transaction(async (tx) => {
        // Locking the circle's row serialises appends per circle, so sequence numbers have no gaps or repeats.
        const locked = await tx.query<{ seq: number | string }>('SELECT seq FROM circles WHERE id = $1 FOR UPDATE', [circleId]);
        let seq = Number(locked[0]!.seq);
        for (const record of records) {
          const inserted = await tx.query(
            `INSERT INTO records (circle_id, seq, id, hlc, ciphertext, device_id, received_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (circle_id, id, hlc) DO NOTHING RETURNING seq`,
            [circleId, seq + 1, record.id, record.hlc, record.ciphertext, deviceId, now],
          );
          if (inserted.length === 1) seq += 1;
        }
        await tx.query('UPDATE circles SET seq = $2 WHERE id = $1', [circleId, seq]);
        return seq;
      });
    },

    async recordsAfter(circleId, after, limit) {
      const rows = await db.query<{ id: string; hlc: string; ciphertext: string; seq: number | string }>(
        'SELECT id, hlc, ciphertext, seq FROM records WHERE circle_id = $1 AND seq > $2 ORDER BY seq LIMIT $3',
        [circleId, after, limit + 1],
      );
      const more = rows.length > limit;
      const records: StoredRecord[] = rows.slice(0, limit).map((row) => ({ id: row.id, hlc: row.hlc, ciphertext: row.ciphertext, seq: Number(row.seq) }));
      let seq = records.at(-1)?.seq;
      if (seq === undefined) {
        const circle = await db.query<{ seq: number | string }>('SELECT seq FROM circles WHERE id = $1', [circleId]);
        seq = Math.min(after, Number(circle[0]?.seq ?? 0));
      }
      return { records, seq, more };
    },

    async enqueuePush({ circleId, fromDeviceId, payload, urgency, topic, ttlSeconds, now }) {
      const rows = await db.query(
        `INSERT INTO push_queue (circle_id, device_id, payload, urgency, topic, ttl_seconds, next_attempt_at, created_at)
         SELECT d.circle_id, d.id, $3::text, $4::text, $5::text, $6::integer, $7::bigint, $7::bigint
         FROM devices d JOIN push_subscriptions s ON s.device_id = d.id
         WHERE d.circle_id = $1 AND d.id <> $2 AND d.revoked_at IS NULL
         RETURNING id`,
        [circleId, fromDeviceId, payload, urgency, topic, ttlSeconds, now],
      );
      return rows.length;
    },

    async claimPushes(now, limit, leaseMs) {
      const rows = await db.query<{
        id: number | string; circle_id: string; device_id: string; payload: string; urgency: string; topic: string | null;
        ttl_seconds: number; attempts: number; endpoint: string | null; p256dh: string | null; auth: string | null;
      }>(
        `WITH claimed AS (
           UPDATE push_queue SET claimed_until = $3, attempts = attempts + 1
           WHERE id IN (
             SELECT id FROM push_queue
             WHERE next_attempt_at <= $1 AND (claimed_until IS NULL OR claimed_until <= $1)
             ORDER BY next_attempt_at, id LIMIT $2 FOR UPDATE SKIP LOCKED
           ) RETURNING *
         )
         SELECT c.*, s.endpoint, s.p256dh, s.auth FROM claimed c LEFT JOIN push_subscriptions s ON s.device_id = c.device_id
         ORDER BY c.id`,
        [now, limit, now + leaseMs],
      );
      return rows.map((row): PushJob => ({
        id: Number(row.id),
        circleId: row.circle_id,
        deviceId: row.device_id,
        payload: row.payload,
        urgency: row.urgency === 'high' ? 'high' : 'normal',
        topic: row.topic,
        ttlSeconds: Number(row.ttl_seconds),
        attempts: Number(row.attempts),
        subscription: row.endpoint && row.p256dh && row.auth ? { endpoint: row.endpoint, keys: { p256dh: row.p256dh, auth: row.auth } } : null,
      }));
    },

    async finishPush(id) {
      await db.query('DELETE FROM push_queue WHERE id = $1', [id]);
    },

    async retryPush(id, nextAttemptAt) {
      await db.query('UPDATE push_queue SET next_attempt_at = $2, claimed_until = NULL WHERE id = $1', [id, nextAttemptAt]);
    },

    async pendingPushes() {
      const rows = await db.query<{ n: number | string }>('SELECT COUNT(*) AS n FROM push_queue');
      return Number(rows[0]!.n);
    },

    close: () => db.close(),
  };
}

export type { PushSubscriptionRow };
