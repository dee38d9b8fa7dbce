import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { REMOVED_DEVICE_GRACE_MS } from '../../../src/server/store/scheduled-cleanup.ts';
import { relayUnderTest, type RelayUnderTest } from './relay-under-test.ts';

vi.setConfig({ hookTimeout: 120_000 });
const DAY = 24 * 3600_000;

describe('scheduled clean-up', () => {
  let relay: RelayUnderTest;
  beforeAll(async () => {
    relay = await relayUnderTest({});
  });
  afterAll(async () => relay?.close());

  it('removes expired invites, long-removed devices and abandoned circles, and keeps everything a family still uses', async () => {
    const active = await relay.circle('Active phone');
    const abandoned = await relay.circle('Old phone');
    await relay.call('POST', `/api/circles/${abandoned.circleId}/records`, { token: abandoned.deviceToken, body: { records: [{ id: 'r1', hlc: '1800000000000-0000-a', ciphertext: 'QUJD' }] } });
    const removed = await relay.join(active.circleId, active.deviceToken, 'Lost phone');
    await relay.call('DELETE', `/api/circles/${active.circleId}/devices/${removed.deviceId}`, { token: active.deviceToken });
    const stale = await relay.call('POST', `/api/circles/${active.circleId}/invites`, { token: active.deviceToken, body: {} });

    relay.clock.advance(REMOVED_DEVICE_GRACE_MS + 8 * DAY);
    // The active family keeps using its circle; the other is never seen again.
    expect((await relay.call('GET', `/api/circles/${active.circleId}/devices`, { token: active.deviceToken })).status).toBe(200);
    const fresh = await relay.call('POST', `/api/circles/${active.circleId}/invites`, { token: active.deviceToken, body: {} });

    const counts = await relay.store.cleanup(relay.clock.now(), { abandonedAfterMs: 30 * DAY, removedGraceMs: REMOVED_DEVICE_GRACE_MS });
    expect(counts).toEqual({ invites: 2, devices: 1, circles: 1 });
    // Gone: the abandoned circle's device cannot authenticate any more.
    expect((await relay.call('GET', `/api/circles/${abandoned.circleId}/records`, { token: abandoned.deviceToken })).status).toBe(401);
    // Kept: the active circle, its owner and the invite still pending.
    expect((await relay.call('GET', `/api/circles/${active.circleId}/invites`, { token: active.deviceToken })).body.invites.map((i: { id: string }) => i.id)).toEqual([fresh.body.id]);
    expect(stale.body.id).not.toBe(fresh.body.id);
    expect((await relay.call('GET', `/api/circles/${active.circleId}/devices`, { token: active.deviceToken })).body.devices).toHaveLength(1);
  });
});
