import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { migrate } from '../../../src/server/store/migrations.ts';
import { openStore } from '../../../src/server/store/open-store.ts';
import { openPgliteAdapter } from '../../../src/server/store/pglite-adapter.ts';
import type { Store } from '../../../src/server/store/store.ts';
import { backendUrl, type Backend } from './relay-under-test.ts';

// Starting PGlite or a PostgreSQL cluster can take a while on a busy machine.
vi.setConfig({ hookTimeout: 120_000 });

const hlc = (ms: number) => `${String(ms).padStart(13, '0')}-0000-dev`;

for (const backend of ['pglite', 'postgres'] as Backend[]) {
  const db = await backendUrl(backend);
  describe.skipIf(db.skip !== undefined)(`store on ${backend}${db.skip ? ` (skipped: ${db.skip})` : ''}`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await openStore(db.databaseUrl ? { databaseUrl: db.databaseUrl } : {});
    });
    afterAll(async () => {
      await store?.close();
      await db.stop();
    });

    async function circleWithSubscriber(suffix: string) {
      const circleId = `circle${suffix}`.padEnd(22, 'x');
      await store.createCircle({ circleId, deviceId: `sender${suffix}`.padEnd(22, 'x'), deviceName: 'S', tokenHash: `h-s-${suffix}`, now: 1 });
      return circleId;
    }

    it('gives concurrent appends to one circle distinct, gapless sequence numbers', async () => {
      const circleId = await circleWithSubscriber('seq');
      const batches = Array.from({ length: 8 }, (_, b) => Array.from({ length: 25 }, (_, i) => ({ id: `r${b}-${i}`, hlc: hlc(b * 100 + i), ciphertext: 'AA' })));
      await Promise.all(batches.map((batch) => store.appendRecords(circleId, 'senderseqxxxxxxxxxxxxx', batch, 2, { bytes: 1e9, records: 1e9 })));
      const { records, seq } = await store.recordsAfter(circleId, 0, 1000);
      expect(seq).toBe(200);
      expect(records.map((r) => r.seq)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    });

    it('hands each queued push to exactly one of several concurrent claimers, and again after a lapsed claim', async () => {
      const circleId = await circleWithSubscriber('queue');
      // Ten subscribed devices, one alert: ten queued pushes.
      for (let i = 0; i < 10; i++) {
        const deviceId = `dev${i}queue`.padEnd(22, 'x');
        await store.createInvite({ id: `invite${i}queue`.padEnd(22, 'x'), maxPending: 100, tokenHash: `inv${i}`, circleId, createdBy: 'senderqueuexxxxxxxxxxx', now: 1, expiresAt: 10 });
        expect(await store.redeemInvite({ circleId, inviteTokenHash: `inv${i}`, deviceId, deviceName: `D${i}`, deviceTokenHash: `tok${i}`, now: 2, maxDevices: 100 })).toBe('joined');
        await store.putPushSubscription(deviceId, { endpoint: `http://127.0.0.1:9/${i}`, keys: { p256dh: 'p', auth: 'a' } }, 2);
      }
      const queued = await store.enqueuePush({ circleId, fromDeviceId: 'senderqueuexxxxxxxxxxx', payload: '{}', urgency: 'high', topic: null, ttlSeconds: 60, now: 100 });
      expect(queued).toBe(10);
      const claims = await Promise.all([1, 2, 3, 4].map(() => store.claimPushes(100, 4, 60_000)));
      const ids = claims.flat().map((job) => job.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBe(10);
      // Nothing more while the claims hold; everything again once they lapse (the claiming relay died).
      expect(await store.claimPushes(100 + 59_999, 100, 60_000)).toEqual([]);
      const reclaimed = await store.claimPushes(100 + 60_000, 100, 60_000);
      expect(reclaimed.map((j) => j.id).sort()).toEqual([...ids].sort());
      expect(reclaimed.every((j) => j.attempts === 2 && j.subscription !== null)).toBe(true);
    });
  });
}

describe('migrations', () => {
  it('apply once, are recorded, and a second run applies nothing', async () => {
    const adapter = await openPgliteAdapter(undefined);
    expect(await migrate(adapter)).toEqual([1, 2]);
    expect(await migrate(adapter)).toEqual([]);
    expect((await adapter.query<{ id: number }>('SELECT id FROM migrations')).map((r) => r.id)).toEqual([1, 2]);
    await adapter.close();
  });
});
