import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { relayUnderTest, type RelayUnderTest } from './relay-under-test.ts';

// Starting PGlite or a PostgreSQL cluster can take a while on a busy machine.
vi.setConfig({ hookTimeout: 120_000 });

interface World {
  a: { circleId: string; deviceId: string; deviceToken: string };
  aSpare: { deviceId: string; deviceToken: string };
  aRevoked: { deviceId: string; deviceToken: string };
  b: { circleId: string; deviceId: string; deviceToken: string };
}

type Route = { name: string; ok: number; request: (w: World) => { method: string; url: string; body?: unknown } };

const subscription = { endpoint: 'http://127.0.0.1:9/push/x', keys: { p256dh: `B${'A'.repeat(86)}`, auth: 'A'.repeat(22) } };
const record = { id: 'r1', hlc: '1700000000000-0000-dev', ciphertext: 'AAAA' };

const routes: Route[] = [
  { name: 'POST invites', ok: 201, request: (w) => ({ method: 'POST', url: `/api/circles/${w.a.circleId}/invites`, body: {} }) },
  { name: 'GET devices', ok: 200, request: (w) => ({ method: 'GET', url: `/api/circles/${w.a.circleId}/devices` }) },
  { name: 'DELETE device', ok: 204, request: (w) => ({ method: 'DELETE', url: `/api/circles/${w.a.circleId}/devices/${w.aSpare.deviceId}` }) },
  { name: 'POST leave', ok: 204, request: (w) => ({ method: 'POST', url: `/api/circles/${w.a.circleId}/leave`, body: {} }) },
  { name: 'POST records', ok: 200, request: (w) => ({ method: 'POST', url: `/api/circles/${w.a.circleId}/records`, body: { records: [record] } }) },
  { name: 'GET records', ok: 200, request: (w) => ({ method: 'GET', url: `/api/circles/${w.a.circleId}/records?after=0` }) },
  { name: 'POST alerts', ok: 202, request: (w) => ({ method: 'POST', url: `/api/circles/${w.a.circleId}/alerts`, body: { ciphertext: 'AAAA', urgency: 'high' } }) },
  { name: 'PUT push-subscription', ok: 204, request: (w) => ({ method: 'PUT', url: `/api/devices/${w.a.deviceId}/push-subscription`, body: subscription }) },
];

type Caller = { name: string; status: number | 'ok'; header: (w: World) => string | undefined };
const callers: Caller[] = [
  { name: 'own circle', status: 'ok', header: (w) => `Bearer ${w.a.deviceToken}` },
  { name: 'other circle', status: 403, header: (w) => `Bearer ${w.b.deviceToken}` },
  { name: 'revoked device', status: 401, header: (w) => `Bearer ${w.aRevoked.deviceToken}` },
  { name: 'no token', status: 401, header: () => undefined },
  { name: 'forged token', status: 401, header: () => `Bearer ${randomBytes(32).toString('base64url')}` },
  { name: 'malformed header', status: 401, header: (w) => `Token ${w.a.deviceToken}` },
];

describe('authorisation: every route × every kind of caller', () => {
  let relay: RelayUnderTest;
  beforeAll(async () => {
    relay = await relayUnderTest({ allowOrigins: ['http://127.0.0.1:9'] });
  });
  afterAll(async () => relay?.close());

  async function world(): Promise<World> {
    const a = await relay.circle('A');
    const aSpare = await relay.join(a.circleId, a.deviceToken, 'A spare');
    const aRevoked = await relay.join(a.circleId, a.deviceToken, 'A revoked');
    await relay.call('DELETE', `/api/circles/${a.circleId}/devices/${aRevoked.deviceId}`, { token: a.deviceToken });
    const b = await relay.circle('B');
    return { a, aSpare, aRevoked, b };
  }

  for (const route of routes) {
    for (const caller of callers) {
      const expected = caller.status === 'ok' ? route.ok : caller.status;
      it(`${route.name} as ${caller.name} → ${expected}`, async () => {
        const w = await world();
        const { method, url, body } = route.request(w);
        const header = caller.header(w);
        const response = await relay.call(method, url, { ...(body !== undefined ? { body } : {}), ...(header ? { headers: { authorization: header } } : {}) });
        expect(response.status).toBe(expected);
        if (expected >= 400) {
          expect(response.body.error.code).toMatch(/^(unauthenticated|device_revoked|forbidden)$/);
          // Nothing of circle A changed: no record written, no device removed.
          const records = await relay.call('GET', `/api/circles/${w.a.circleId}/records?after=0`, { token: w.a.deviceToken });
          expect(records.body.records).toEqual([]);
          const devices = await relay.call('GET', `/api/circles/${w.a.circleId}/devices`, { token: w.a.deviceToken });
          expect(devices.body.devices).toHaveLength(2);
        }
      });
    }
  }

  it('a device cannot set the push subscription of another device, even in its own circle', async () => {
    const w = await world();
    const response = await relay.call('PUT', `/api/devices/${w.aSpare.deviceId}/push-subscription`, { token: w.a.deviceToken, body: subscription });
    expect(response.status).toBe(403);
    expect(await relay.store.pushSubscription(w.aSpare.deviceId)).toBeUndefined();
  });

  it('a device of another circle cannot remove a device by naming its own circle', async () => {
    const w = await world();
    const response = await relay.call('DELETE', `/api/circles/${w.b.circleId}/devices/${w.aSpare.deviceId}`, { token: w.b.deviceToken });
    expect(response.status).toBe(404);
    const devices = await relay.call('GET', `/api/circles/${w.a.circleId}/devices`, { token: w.a.deviceToken });
    expect(devices.body.devices).toHaveLength(2);
  });

  it('an invite for one circle does not admit anyone to another', async () => {
    const w = await world();
    const invite = await relay.call('POST', `/api/circles/${w.a.circleId}/invites`, { token: w.a.deviceToken, body: {} });
    const response = await relay.call('POST', `/api/circles/${w.b.circleId}/join`, { body: { inviteToken: invite.body.inviteToken, deviceName: 'Sneaky' } });
    expect(response.status).toBe(404);
  });
});
