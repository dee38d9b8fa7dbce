import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { backendUrl, relayUnderTest, type Backend, type RelayUnderTest } from './relay-under-test.ts';

// Starting PGlite or a PostgreSQL cluster can take a while on a busy machine.
vi.setConfig({ hookTimeout: 120_000 });

const hlc = (ms: number, node = 'devA') => `${String(ms).padStart(13, '0')}-0000-${node}`;

for (const backend of ['pglite', 'postgres'] as Backend[]) {
  const db = await backendUrl(backend);
  describe.skipIf(db.skip !== undefined)(`relay contract on ${backend}${db.skip ? ` (skipped: ${db.skip})` : ''}`, () => {
    let relay: RelayUnderTest;
    beforeAll(async () => {
      relay = await relayUnderTest({ ...(db.databaseUrl ? { databaseUrl: db.databaseUrl } : {}), bodyLimitBytes: 64 * 1024 });
    });
    afterAll(async () => {
      await relay?.close();
      await db.stop();
    });

    it('reports health with the database in use, and a stable VAPID key', async () => {
      expect((await relay.call('GET', '/healthz')).body).toEqual({ ok: true, db: backend });
      const key = (await relay.call('GET', '/api/push/key')).body.publicKey;
      expect(key).toMatch(/^[A-Za-z0-9_-]{87}$/);
      expect((await relay.call('GET', '/api/push/key')).body.publicKey).toBe(key);
    });

    it('creates a circle, invites once, joins, and lists the devices', async () => {
      const first = await relay.circle('Anna’s phone');
      expect(first.deviceToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
      relay.clock.advance(1000);
      const invite = await relay.call('POST', `/api/circles/${first.circleId}/invites`, { token: first.deviceToken, body: {} });
      expect(invite.status).toBe(201);
      expect(Date.parse(invite.body.expiresAt) - relay.clock.now()).toBe(7 * 24 * 3600_000);
      const joined = await relay.call('POST', `/api/circles/${first.circleId}/join`, { body: { inviteToken: invite.body.inviteToken, deviceName: 'Ben laptop' } });
      expect(joined.status).toBe(201);
      const again = await relay.call('POST', `/api/circles/${first.circleId}/join`, { body: { inviteToken: invite.body.inviteToken, deviceName: 'Intruder' } });
      expect(again.status).toBe(410);
      expect(again.body.error.code).toBe('invite_used');
      const list = await relay.call('GET', `/api/circles/${first.circleId}/devices`, { token: joined.body.deviceToken });
      expect(list.body.devices.map((d: { name: string; self: boolean }) => [d.name, d.self])).toEqual([['Anna’s phone', false], ['Ben laptop', true]]);
      expect(Object.keys(list.body.devices[0]).sort()).toEqual(['createdAt', 'id', 'lastSeenAt', 'name', 'role', 'self']);
    });

    it('refuses an expired invite', async () => {
      const first = await relay.circle();
      const invite = await relay.call('POST', `/api/circles/${first.circleId}/invites`, { token: first.deviceToken, body: {} });
      relay.clock.advance(7 * 24 * 3600_000 + 1);
      const late = await relay.call('POST', `/api/circles/${first.circleId}/join`, { body: { inviteToken: invite.body.inviteToken, deviceName: 'Late' } });
      expect(late.status).toBe(410);
      expect(late.body.error.code).toBe('invite_expired');
    });

    it('appends records with sequence numbers, idempotent by id and clock, and serves them after a seq in pages', async () => {
      const { circleId, deviceToken } = await relay.circle();
      const other = await relay.join(circleId, deviceToken);
      const first = await relay.call('POST', `/api/circles/${circleId}/records`, {
        token: deviceToken,
        body: { records: [{ id: 'call:1', hlc: hlc(1), ciphertext: 'AAAA' }, { id: 'call:2', hlc: hlc(2), ciphertext: 'BBBB' }] },
      });
      expect(first.body).toEqual({ seq: 2 });
      const retried = await relay.call('POST', `/api/circles/${circleId}/records`, {
        token: deviceToken,
        body: { records: [{ id: 'call:2', hlc: hlc(2), ciphertext: 'BBBB' }, { id: 'call:1', hlc: hlc(3), ciphertext: 'CCCC' }] },
      });
      expect(retried.body).toEqual({ seq: 3 });
      const after1 = await relay.call('GET', `/api/circles/${circleId}/records?after=1`, { token: other.deviceToken });
      expect(after1.body.records.map((r: { id: string; hlc: string; seq: number }) => [r.id, r.hlc, r.seq])).toEqual([['call:2', hlc(2), 2], ['call:1', hlc(3), 3]]);
      expect(after1.body.seq).toBe(3);
      const nothingNew = await relay.call('GET', `/api/circles/${circleId}/records?after=3`, { token: other.deviceToken });
      expect(nothingNew.body).toMatchObject({ records: [], seq: 3 });

      const many = Array.from({ length: 500 }, (_, i) => ({ id: `tick:${i}`, hlc: hlc(100 + i), ciphertext: 'DDDD' }));
      await relay.call('POST', `/api/circles/${circleId}/records`, { token: deviceToken, body: { records: many } });
      await relay.call('POST', `/api/circles/${circleId}/records`, { token: deviceToken, body: { records: many.map((r) => ({ ...r, id: `${r.id}b` })) } });
      const page1 = await relay.call('GET', `/api/circles/${circleId}/records?after=3`, { token: other.deviceToken });
      expect(page1.body.records).toHaveLength(500);
      expect(page1.body.more).toBe(true);
      const page2 = await relay.call('GET', `/api/circles/${circleId}/records?after=${page1.body.seq}`, { token: other.deviceToken });
      expect(page2.body.records).toHaveLength(500);
      expect(page2.body.seq).toBe(1003);
      expect(page2.body.more).toBe(false);
    });

    it('names the field in every validation error, and saves nothing from a bad batch', async () => {
      const { circleId, deviceToken } = await relay.circle();
      const cases: [unknown, string][] = [
        [{}, 'records: is required'],
        [{ records: 'all' }, 'records: must be an array'],
        [{ records: [{ id: 'ok', hlc: 'nope', ciphertext: 'AA' }] }, 'records[0].hlc'],
        [{ records: [{ id: 'ok', hlc: hlc(1), ciphertext: 'AA' }, { id: 'has space', hlc: hlc(1), ciphertext: 'AA' }] }, 'records[1].id'],
        [{ records: [{ id: 'ok', hlc: hlc(1), ciphertext: '<script>' }] }, 'records[0].ciphertext'],
        [{ records: Array.from({ length: 501 }, (_, i) => ({ id: `r${i}`, hlc: hlc(1), ciphertext: 'AA' })) }, 'at most 500'],
      ];
      for (const [body, message] of cases) {
        const response = await relay.call('POST', `/api/circles/${circleId}/records`, { token: deviceToken, body });
        expect(response.status, message).toBe(400);
        expect(response.body.error.code).toBe('invalid_input');
        expect(response.body.error.message).toContain(message);
      }
      expect((await relay.call('GET', `/api/circles/${circleId}/records?after=0`, { token: deviceToken })).body.records).toEqual([]);
      expect((await relay.call('GET', `/api/circles/${circleId}/records?after=-1`, { token: deviceToken })).body.error.message).toMatch(/^after:/);
      expect((await relay.call('POST', `/api/circles/${circleId}/join`, { body: { inviteToken: 'x', deviceName: 'Ben' } })).body.error.message).toMatch(/^inviteToken:/);
      expect((await relay.call('POST', '/api/circles', { body: { deviceName: '' } })).body.error.message).toMatch(/^deviceName:/);
      expect((await relay.call('POST', `/api/circles/${circleId}/alerts`, { token: deviceToken, body: { ciphertext: 'AA', urgency: 'now' } })).body.error.message).toMatch(/^urgency:/);
      expect((await relay.call('POST', `/api/circles/${circleId}/alerts`, { token: deviceToken, body: { ciphertext: 'AA', topic: 'has spaces' } })).body.error.message).toMatch(/^topic:/);
      const malformed = await relay.call('POST', `/api/circles/${circleId}/records`, { token: deviceToken, body: '{"records": [' });
      expect(malformed.status).toBe(400);
      expect(malformed.body.error.message).toMatch(/^body:/);
    });

    it('caps request bodies with a JSON 413', async () => {
      const { circleId, deviceToken } = await relay.circle();
      const big = { records: [{ id: 'big', hlc: hlc(1), ciphertext: 'A'.repeat(70 * 1024) }] };
      const response = await relay.call('POST', `/api/circles/${circleId}/records`, { token: deviceToken, body: big });
      expect(response.status).toBe(413);
      expect(response.body.error.code).toBe('body_too_large');
    });

    it('revokes a device: its token stops working and it disappears from the list; leave removes oneself', async () => {
      const { circleId, deviceToken } = await relay.circle();
      const second = await relay.join(circleId, deviceToken);
      const third = await relay.join(circleId, deviceToken, 'Third');
      expect((await relay.call('DELETE', `/api/circles/${circleId}/devices/${second.deviceId}`, { token: deviceToken })).status).toBe(204);
      const refused = await relay.call('GET', `/api/circles/${circleId}/records?after=0`, { token: second.deviceToken });
      expect(refused.status).toBe(401);
      expect(refused.body.error.code).toBe('device_revoked');
      expect((await relay.call('DELETE', `/api/circles/${circleId}/devices/${second.deviceId}`, { token: deviceToken })).status).toBe(404);
      expect((await relay.call('POST', `/api/circles/${circleId}/leave`, { token: third.deviceToken })).status).toBe(204);
      const list = await relay.call('GET', `/api/circles/${circleId}/devices`, { token: deviceToken });
      expect(list.body.devices).toHaveLength(1);
    });

    it('logs one line per request with method, route pattern, status and time, never a token or ciphertext', async () => {
      const { circleId, deviceToken } = await relay.circle();
      await relay.call('POST', `/api/circles/${circleId}/records`, { token: deviceToken, body: { records: [{ id: 'x', hlc: hlc(9), ciphertext: 'SECRETCIPHERTEXT' }] } });
      const line = relay.logs.at(-1)!;
      expect(line).toMatchObject({ msg: 'request', method: 'POST', route: '/api/circles/:circleId/records', status: 200 });
      expect(typeof line.ms).toBe('number');
      const all = JSON.stringify(relay.logs);
      expect(all).not.toContain(deviceToken);
      expect(all).not.toContain('SECRETCIPHERTEXT');
      expect(all).not.toContain(circleId);
    });

    it('answers unknown API routes with a JSON 404', async () => {
      const response = await relay.call('GET', '/api/nothing');
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe('not_found');
    });
  });
}

describe('rate limits', () => {
  it('refuse a device that floods the relay with 429 and Retry-After, then let it back after waiting', async () => {
    const relay = await relayUnderTest({ limits: { perMinute: 5 } });
    try {
      const first = await relay.circle();
      relay.clock.advance(60_000);
      const statuses: number[] = [];
      let last;
      for (let i = 0; i < 7; i++) {
        last = await relay.call('GET', `/api/circles/${first.circleId}/records?after=0`, { token: first.deviceToken });
        statuses.push(last.status);
      }
      expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
      expect(statuses.slice(5)).toEqual([429, 429]);
      expect(last!.body.error.code).toBe('rate_limited');
      expect(Number(last!.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      relay.clock.advance(Number(last!.headers['retry-after']) * 1000);
      expect((await relay.call('GET', `/api/circles/${first.circleId}/records?after=0`, { token: first.deviceToken })).status).toBe(200);
    } finally {
      await relay.close();
    }
  });
});
