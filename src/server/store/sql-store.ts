import type { SqlAdapter, SqlExecutor } from './sql-adapter.ts';
import { QuotaExceeded, type DeviceRow, type InviteOutcome, type PushJob, type PushSubscriptionRow, type Store, type StoredRecord } from './store.ts';

type DeviceSqlRow = {
  id: string;
  circle_id: string;
  name: string;
  role: string;
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
    role: row.role === 'owner' ? 'owner' : 'member',
    tokenHash: row.token_hash,
    createdAt: Number(row.created_at),
    lastSeenAt: Number(row.last_seen_at),
    revokedAt: row.revoked_at === null ? null : Number(row.revoked_at),
  };
}

async function insertDevice(
  tx: SqlExecutor, circleId: string, deviceId: string, name: string, tokenHash: string, now: number, role: 'owner' | 'member',
): Promise<void> {
  await tx.query(
    'INSERT INTO devices (id, circle_id, name, token_hash, created_at, last_seen_at, role) VALUES ($1, $2, $3, $4, $5, $5, $6)',
    [deviceId, circleId, name, tokenHash, now, role],
  );
}

/** Serialises membership changes within one circle (roles, removals, joins), so two owners cannot both step down. */
async function lockCircle(tx: SqlExecutor, circleId: string): Promise<{ seq: number; bytes: number; record_count: number } | undefined> {
  const rows = await tx.query<{ seq: number | string; bytes: number | string; record_count: number | string }>(
    'SELECT seq, bytes, record_count FROM circles WHERE id = $1 FOR UPDATE',
    [circleId],
  );
  const row = rows[0];
  return row ? { seq: Number(row.seq), bytes: Number(row.bytes), record_count: Number(row.record_count) } : undefined;
}

/** When a circle has active devices but no owner, its longest-standing device becomes owner. */
async function keepAnOwner(tx: SqlExecutor, circleId: string): Promise<void> {
  await tx.query(
    `UPDATE devices SET role = 'owner' WHERE id = (
       SELECT id FROM devices WHERE circle_id = $1 AND revoked_at IS NULL ORDER BY created_at, id LIMIT 1
     ) AND NOT EXISTS (SELECT 1 FROM devices WHERE circle_id = $1 AND revoked_at IS NULL AND role = 'owner')`,
    [circleId],
  );
}

const ACTIVE_INVITE = 'used_at IS NULL AND cancelled_at IS NULL AND expires_at > $2';

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
        await insertDevice(tx, circleId, deviceId, deviceName, tokenHash, now, 'owner');
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
        await lockCircle(tx, circleId);
        const rows = await tx.query(
          'UPDATE devices SET revoked_at = $3 WHERE id = $1 AND circle_id = $2 AND revoked_at IS NULL RETURNING id',
          [deviceId, circleId, now],
        );
        if (rows.length === 0) return false;
        await tx.query('UPDATE invites SET cancelled_at = $2 WHERE created_by = $1 AND used_at IS NULL AND cancelled_at IS NULL', [deviceId, now]);
        await tx.query('DELETE FROM push_subscriptions WHERE device_id = $1', [deviceId]);
        await tx.query('DELETE FROM push_queue WHERE device_id = $1', [deviceId]);
        await keepAnOwner(tx, circleId);
        return true;
      });
    },

    async setRole(circleId, deviceId, role) {
      return db.transaction(async (tx) => {
        await lockCircle(tx, circleId);
        const target = await tx.query<{ role: string }>(
          'SELECT role FROM devices WHERE id = $1 AND circle_id = $2 AND revoked_at IS NULL',
          [deviceId, circleId],
        );
        if (!target[0]) return 'unknown';
        if (target[0].role === 'owner' && role === 'member') {
          const owners = await tx.query<{ n: number | string }>(
            "SELECT COUNT(*) AS n FROM devices WHERE circle_id = $1 AND revoked_at IS NULL AND role = 'owner'",
            [circleId],
          );
          if (Number(owners[0]!.n) <= 1) return 'last_owner';
        }
        await tx.query('UPDATE devices SET role = $3 WHERE id = $1 AND circle_id = $2', [deviceId, circleId, role]);
        return 'changed';
      });
    },

    async createInvite({ id, tokenHash, circleId, createdBy, now, expiresAt, maxPending }) {
      await db.transaction(async (tx) => {
        await lockCircle(tx, circleId);
        const pending = await tx.query<{ n: number | string }>(
          `SELECT COUNT(*) AS n FROM invites WHERE circle_id = $1 AND ${ACTIVE_INVITE}`,
          [circleId, now],
        );
        if (Number(pending[0]!.n) >= maxPending) throw new QuotaExceeded('pendingInvites', maxPending);
        await tx.query(
          'INSERT INTO invites (id, token_hash, circle_id, created_by, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)',
          [id, tokenHash, circleId, createdBy, now, expiresAt],
        );
      });
    },

    async listInvites(circleId, now) {
      const rows = await db.query<{ id: string; created_by: string; created_at: number | string; expires_at: number | string }>(
        `SELECT id, created_by, created_at, expires_at FROM invites WHERE circle_id = $1 AND ${ACTIVE_INVITE} ORDER BY created_at, id`,
        [circleId, now],
      );
      return rows.map((row) => ({ id: row.id, createdBy: row.created_by, createdAt: Number(row.created_at), expiresAt: Number(row.expires_at) }));
    },

    async cancelInvite(circleId, inviteId, now) {
      const rows = await db.query(
        `UPDATE invites SET cancelled_at = $2 WHERE circle_id = $1 AND id = $3 AND ${ACTIVE_INVITE} RETURNING id`,
        [circleId, now, inviteId],
      );
      return rows.length === 1;
    },

    async redeemInvite({ circleId, inviteTokenHash, deviceId, deviceName, deviceTokenHash, now, maxDevices }): Promise<InviteOutcome> {
      return db.transaction(async (tx) => {
        if (!(await lockCircle(tx, circleId))) return 'unknown';
        const rows = await tx.query<{ used_at: unknown; cancelled_at: unknown; expires_at: number | string; maker_revoked: unknown }>(
          `SELECT i.used_at, i.cancelled_at, i.expires_at, d.revoked_at AS maker_revoked
           FROM invites i JOIN devices d ON d.id = i.created_by WHERE i.token_hash = $1 AND i.circle_id = $2`,
          [inviteTokenHash, circleId],
        );
        const invite = rows[0];
        if (!invite) return 'unknown';
        if (invite.used_at !== null) return 'used';
        // An invite made by a device that was removed is dead too, even if an older relay did not cancel it.
        if (invite.cancelled_at !== null || invite.maker_revoked !== null) return 'cancelled';
        if (Number(invite.expires_at) <= now) return 'expired';
        const members = await tx.query<{ n: number | string; taken: boolean | null }>(
          'SELECT COUNT(*) AS n, bool_or(lower(name) = lower($2)) AS taken FROM devices WHERE circle_id = $1 AND revoked_at IS NULL',
          [circleId, deviceName],
        );
        if (members[0]!.taken) return 'name_taken';
        if (Number(members[0]!.n) >= maxDevices) throw new QuotaExceeded('devices', maxDevices);
        await tx.query('UPDATE invites SET used_at = $2, used_by = $3 WHERE token_hash = $1', [inviteTokenHash, now, deviceId]);
        await insertDevice(tx, circleId, deviceId, deviceName, deviceTokenHash, now, 'member');
        return 'joined';
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

    async appendRecords(circleId, deviceId, records, now, quotas) {
      return db.transaction(async (tx) => {
        // Locking the circle's row serialises appends per circle, so sequence numbers have no gaps or repeats.
        const circle = await lockCircle(tx, circleId);
        if (!circle) throw new Error(`appendRecords: no circle ${circleId}`);
        // One statement for the whole batch (not one per record), so a large batch holds the database briefly.
        const inserted = await tx.query<{ size: number | string }>(
          `WITH input AS (
             SELECT e->>'id' AS id, e->>'hlc' AS hlc, e->>'ciphertext' AS ciphertext, ord
             FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS t(e, ord)
           ), fresh AS (
             SELECT DISTINCT ON (id, hlc) id, hlc, ciphertext, ord FROM input i
             WHERE NOT EXISTS (SELECT 1 FROM records r WHERE r.circle_id = $1 AND r.id = i.id AND r.hlc = i.hlc)
             ORDER BY id, hlc, ord
           ), numbered AS (
             SELECT id, hlc, ciphertext, $3::bigint + row_number() OVER (ORDER BY ord) AS seq FROM fresh
           )
           INSERT INTO records (circle_id, seq, id, hlc, ciphertext, device_id, received_at, size)
           SELECT $1, seq, id, hlc, ciphertext, $4, $5, octet_length(id) + octet_length(hlc) + octet_length(ciphertext) FROM numbered
           RETURNING size`,
          [circleId, JSON.stringify(records.map(({ id, hlc, ciphertext }) => ({ id, hlc, ciphertext }))), circle.seq, deviceId, now],
        );
        if (inserted.length === 0) return circle.seq;
        const addedBytes = inserted.reduce((sum, row) => sum + Number(row.size), 0);
        // Throwing rolls the whole batch back: nothing of it is stored, nothing stored before is touched.
        if (circle.record_count + inserted.length > quotas.records) throw new QuotaExceeded('records', quotas.records);
        if (circle.bytes + addedBytes > quotas.bytes) throw new QuotaExceeded('bytes', quotas.bytes);
        const seq = circle.seq + inserted.length;
        await tx.query(
          'UPDATE circles SET seq = $2, bytes = bytes + $3, record_count = record_count + $4 WHERE id = $1',
          [circleId, seq, addedBytes, inserted.length],
        );
        return seq;
      });
    },

    async recordsAfter(circleId, after, limit, maxBytes = Number.MAX_SAFE_INTEGER) {
      const rows = await db.query<{ id: string; hlc: string; ciphertext: string; seq: number | string; running: number | string; first: number | string }>(
        `WITH page AS (
           SELECT seq, SUM(size) OVER (ORDER BY seq) AS running, MIN(seq) OVER () AS first
           FROM records WHERE circle_id = $1 AND seq > $2 ORDER BY seq LIMIT $3
         )
         SELECT r.id, r.hlc, r.ciphertext, r.seq, p.running, p.first FROM page p JOIN records r ON r.circle_id = $1 AND r.seq = p.seq
         ORDER BY r.seq`,
        [circleId, after, limit + 1],
      );
      // Rows beyond the byte budget are left for the next page; the first is always served, so a page always advances.
      const fits = rows.filter((row, index) => index < limit && (Number(row.running) <= maxBytes || Number(row.seq) === Number(row.first)));
      const more = rows.length > fits.length;
      const records: StoredRecord[] = fits.map((row) => ({ id: row.id, hlc: row.hlc, ciphertext: row.ciphertext, seq: Number(row.seq) }));
      let seq = records.at(-1)?.seq;
      if (seq === undefined) {
        const circle = await db.query<{ seq: number | string }>('SELECT seq FROM circles WHERE id = $1', [circleId]);
        seq = Math.min(after, Number(circle[0]?.seq ?? 0));
      }
      return { records, seq, more };
    },

    async takeAlertQuota(circleId, now, perHour) {
      // A fixed hourly window per circle; a clock that stepped back starts a new window rather than locking the circle out.
      const rows = await db.query<{ alert_window_start: number | string; alert_count: number }>(
        `UPDATE circles SET
           alert_count = CASE WHEN alert_window_start + 3600000 <= $2 OR alert_window_start > $2 THEN 1 ELSE alert_count + 1 END,
           alert_window_start = CASE WHEN alert_window_start + 3600000 <= $2 OR alert_window_start > $2 THEN $2 ELSE alert_window_start END
         WHERE id = $1 RETURNING alert_window_start, alert_count`,
        [circleId, now],
      );
      const row = rows[0];
      if (row && Number(row.alert_count) > perHour) {
        throw new QuotaExceeded('alertsPerHour', perHour, Math.max(1, Math.ceil((Number(row.alert_window_start) + 3_600_000 - now) / 1000)));
      }
    },

    async enqueuePush({ circleId, fromDeviceId, payload, urgency, topic, ttlSeconds, now }) {
      const rows = await db.query(
        `INSERT INTO push_queue (circle_id, device_id, payload, urgency, topic, ttl_seconds, next_attempt_at, created_at, expires_at)
         SELECT d.circle_id, d.id, $3::text, $4::text, $5::text, $6::integer, $7::bigint, $7::bigint, $7::bigint + $6::bigint * 1000
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
        ttl_seconds: number; expires_at: number | string | null; created_at: number | string; attempts: number; endpoint: string | null; p256dh: string | null; auth: string | null;
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
        expiresAt: row.expires_at === null ? Number(row.created_at) + Number(row.ttl_seconds) * 1000 : Number(row.expires_at),
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

    async cleanup(now, { abandonedAfterMs, removedGraceMs }) {
      return db.transaction(async (tx) => {
        const abandoned = await tx.query<{ id: string }>(
          `SELECT c.id FROM circles c WHERE c.created_at < $1
             AND NOT EXISTS (SELECT 1 FROM devices d WHERE d.circle_id = c.id AND d.revoked_at IS NULL AND d.last_seen_at >= $1)`,
          [now - abandonedAfterMs],
        );
        const circleIds = abandoned.map((row) => row.id);
        if (circleIds.length > 0) {
          const ids = JSON.stringify(circleIds);
          const inCircles = 'circle_id IN (SELECT jsonb_array_elements_text($1::jsonb))';
          await tx.query(`DELETE FROM push_queue WHERE ${inCircles}`, [ids]);
          await tx.query(`DELETE FROM push_subscriptions WHERE device_id IN (SELECT id FROM devices WHERE ${inCircles})`, [ids]);
          await tx.query(`DELETE FROM invites WHERE ${inCircles}`, [ids]);
          await tx.query(`DELETE FROM records WHERE ${inCircles}`, [ids]);
          await tx.query(`DELETE FROM devices WHERE ${inCircles}`, [ids]);
          await tx.query('DELETE FROM circles WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb))', [ids]);
        }
        const dayAgo = now - 24 * 3_600_000;
        const invites = await tx.query(
          `DELETE FROM invites WHERE (expires_at < $1 OR used_at < $1 OR cancelled_at < $1)
             OR created_by IN (SELECT id FROM devices WHERE revoked_at < $2) RETURNING id`,
          [dayAgo, now - removedGraceMs],
        );
        const devices = await tx.query('DELETE FROM devices WHERE revoked_at < $1 RETURNING id', [now - removedGraceMs]);
        return { invites: invites.length, devices: devices.length, circles: circleIds.length };
      });
    },

    async ping() {
      await db.query('SELECT 1');
    },

    close: () => db.close(),
  };
}

export type { PushSubscriptionRow };
