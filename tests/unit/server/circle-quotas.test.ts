import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { backendUrl, relayUnderTest, type Backend, type RelayUnderTest } from './relay-under-test.ts';

vi.setConfig({ hookTimeout: 120_000 });

const hlc = (n: number) => `${String(1_800_000_000_000 + n).padStart(13, '0')}-0000-q`;
/** A record of about `bytes` stored bytes (id + clock + ciphertext). */
const record = (n: number, bytes = 1000) => ({ id: `r${n}`, hlc: hlc(n), ciphertext: 'A'.repeat(bytes - `r${n}`.length - hlc(n).length) });

for (const backend of ['pglite', 'postgres'] as Backend[]) {
  const db = await backendUrl(backend);
  describe.skipIf(db.skip !== undefined)(`circle quotas on ${backend}${db.skip ? ` (skipped: ${db.skip})` : ''}`, () => {
    let relay: RelayUnderTest;
    beforeAll(async () => {
      relay = await relayUnderTest({
        ...(db.databaseUrl ? { databaseUrl: db.databaseUrl } : {}),
        allowOrigins: ['http://127.0.0.1:9'],
        quotas: { bytes: 20_000, records: 30, devices: 3, alertsPerHour: 2, pendingInvites: 2 },
        pageBytes: 5_000,
      });
    });
    afterAll(async () => {
      await relay?.close();
      await db.stop();
    });

    const post = (circleId: string, token: string, records: unknown[]) => relay.call('POST', `/api/circles/${circleId}/records`, { token, body: { records } });
    const all = async (circleId: string, token: string) => {
      const ids: string[] = [];
      for (let after = 0, more = true; more; ) {
        const page = (await relay.call('GET', `/api/circles/${circleId}/records?after=${after}`, { token })).body;
        ids.push(...page.records.map((r: { id: string }) => r.id));
        after = page.seq;
        more = page.more;
      }
      return ids;
    };

    it('refuses a batch that would pass the stored-bytes quota with a JSON 413, storing none of it and losing nothing', async () => {
      const { circleId, deviceToken } = await relay.circle();
      expect((await post(circleId, deviceToken, Array.from({ length: 15 }, (_, i) => record(i)))).body).toEqual({ seq: 15 });
      const over = await post(circleId, deviceToken, Array.from({ length: 6 }, (_, i) => record(100 + i)));
      expect(over.status).toBe(413);
      expect(over.body.error).toEqual({ code: 'quota_exceeded', message: expect.stringMatching(/^records: this circle has used its storage quota \(20000\)/) });
      expect(await all(circleId, deviceToken)).toEqual(Array.from({ length: 15 }, (_, i) => `r${i}`));
      // What still fits is taken; a retry of records already stored is not counted again.
      expect((await post(circleId, deviceToken, [record(200)])).body).toEqual({ seq: 16 });
      expect((await post(circleId, deviceToken, [record(200), record(0)])).body).toEqual({ seq: 16 });
    });

    it('refuses records beyond the record-count quota', async () => {
      const { circleId, deviceToken } = await relay.circle();
      expect((await post(circleId, deviceToken, Array.from({ length: 30 }, (_, i) => record(i, 100)))).status).toBe(200);
      const over = await post(circleId, deviceToken, [record(31, 100)]);
      expect(over.status).toBe(413);
      expect(over.body.error.message).toMatch(/^records: this circle has stored as many records as it may \(30\)/);
    });

    it('serves pages bounded in bytes, each page at least one record, and every record exactly once', async () => {
      const { circleId, deviceToken } = await relay.circle();
      await post(circleId, deviceToken, Array.from({ length: 12 }, (_, i) => record(i, 1200)));
      const first = (await relay.call('GET', `/api/circles/${circleId}/records?after=0`, { token: deviceToken })).body;
      expect(first.records).toHaveLength(4);
      expect(first.more).toBe(true);
      expect(await all(circleId, deviceToken)).toEqual(Array.from({ length: 12 }, (_, i) => `r${i}`));
    });

    it('refuses a device beyond the device quota (413) and more pending invites than allowed', async () => {
      const anna = await relay.circle('Anna');
      await relay.join(anna.circleId, anna.deviceToken, 'Ben');
      await relay.join(anna.circleId, anna.deviceToken, 'Carol');
      const invite = await relay.call('POST', `/api/circles/${anna.circleId}/invites`, { token: anna.deviceToken, body: {} });
      const full = await relay.call('POST', `/api/circles/${anna.circleId}/join`, { body: { inviteToken: invite.body.inviteToken, deviceName: 'Dave' } });
      expect(full.status).toBe(413);
      expect(full.body.error.message).toMatch(/^inviteToken: this circle already has as many devices as it may/);
      expect((await relay.call('POST', `/api/circles/${anna.circleId}/invites`, { token: anna.deviceToken, body: {} })).status).toBe(201);
      const third = await relay.call('POST', `/api/circles/${anna.circleId}/invites`, { token: anna.deviceToken, body: {} });
      expect(third.status).toBe(413);
      expect(third.body.error.message).toMatch(/^invites: /);
    });

    it('refuses alerts beyond the hourly quota with 429 and Retry-After, and takes them again the next hour', async () => {
      const anna = await relay.circle('Anna');
      const alert = () => relay.call('POST', `/api/circles/${anna.circleId}/alerts`, { token: anna.deviceToken, body: { ciphertext: 'AAAA', urgency: 'high' } });
      expect((await alert()).status).toBe(202);
      expect((await alert()).status).toBe(202);
      const third = await alert();
      expect(third.status).toBe(429);
      expect(third.body.error.code).toBe('quota_exceeded');
      expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
      relay.clock.advance(3600_000);
      expect((await alert()).status).toBe(202);
    });
  });
}
