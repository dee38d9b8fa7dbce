import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openStore } from '../../../src/server/store/open-store.ts';
import type { Store } from '../../../src/server/store/store.ts';
import { relayUnderTest, type RelayUnderTest } from './relay-under-test.ts';

vi.setConfig({ hookTimeout: 120_000, testTimeout: 120_000 });

// One database for all: the limits live in each relay's memory, so each test still starts with fresh counts.
let store: Store;
beforeAll(async () => {
  store = await openStore({});
});
afterAll(async () => store?.close());
let relay: RelayUnderTest | undefined;
afterEach(async () => {
  await relay?.close();
  relay = undefined;
});

const from = (address: string) => ({ remoteAddress: address });

describe('request limits', () => {
  it('limit new circles per address and in total, with 429 JSON and Retry-After', async () => {
    relay = await relayUnderTest({ store, limits: { circlesPerAddressPerHour: 2, circlesPerHour: 5 } });
    const create = (address: string) => relay!.app.inject({ method: 'POST', url: '/api/circles', ...from(address), payload: {} });
    expect((await create('192.0.2.1')).statusCode).toBe(201);
    expect((await create('192.0.2.1')).statusCode).toBe(201);
    const third = await create('192.0.2.1');
    expect(third.statusCode).toBe(429);
    expect(third.json().error).toMatchObject({ code: 'rate_limited', message: expect.stringMatching(/new circles from this address/) });
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
    expect((await create('192.0.2.2')).statusCode).toBe(201);
    expect((await create('192.0.2.3')).statusCode).toBe(201);
    expect((await create('192.0.2.4')).statusCode).toBe(201);
    const total = await create('192.0.2.5');
    expect(total.statusCode).toBe(429);
    expect(total.json().error.message).toMatch(/too many new circles on this relay/);
    relay.clock.advance(3600_000);
    expect((await create('192.0.2.1')).statusCode).toBe(201);
  });

  it('throttle failed authentication per address before looking tokens up, without touching other addresses', async () => {
    relay = await relayUnderTest({ store, limits: { failedAuthPer10Minutes: 5 } });
    const anna = await relay.circle();
    const get = (address: string, token: string) => relay!.app.inject({
      method: 'GET', url: `/api/circles/${anna.circleId}/records`, ...from(address), headers: { authorization: `Bearer ${token}` },
    });
    const statuses = [];
    for (let i = 0; i < 8; i++) statuses.push((await get('198.51.100.7', randomBytes(32).toString('base64url'))).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    // Blocked before the lookup: even a right token from that address waits.
    expect((await get('198.51.100.7', anna.deviceToken)).statusCode).toBe(429);
    expect((await get('198.51.100.8', anna.deviceToken)).statusCode).toBe(200);
    relay.clock.advance(10 * 60_000);
    expect((await get('198.51.100.7', anna.deviceToken)).statusCode).toBe(200);
  });

  it('count an unknown invite as a failed attempt', async () => {
    relay = await relayUnderTest({ store, limits: { failedAuthPer10Minutes: 3 } });
    const anna = await relay.circle();
    const statuses = [];
    for (let i = 0; i < 5; i++) {
      const response = await relay.app.inject({
        method: 'POST', url: `/api/circles/${anna.circleId}/join`, ...from('203.0.113.9'),
        payload: { inviteToken: randomBytes(32).toString('base64url'), deviceName: `Guess ${i}` },
      });
      statuses.push(response.statusCode);
    }
    expect(statuses).toEqual([404, 404, 404, 429, 429]);
  });

  it('believe X-Forwarded-For only from a named proxy', async () => {
    relay = await relayUnderTest({ store, limits: { circlesPerAddressPerHour: 1 }, trustProxy: ['10.0.0.5'] });
    const create = (peer: string, forwardedFor: string) =>
      relay!.app.inject({ method: 'POST', url: '/api/circles', ...from(peer), headers: { 'x-forwarded-for': forwardedFor }, payload: {} });
    // Through the proxy, two clients are two addresses.
    expect((await create('10.0.0.5', '192.0.2.10')).statusCode).toBe(201);
    expect((await create('10.0.0.5', '192.0.2.11')).statusCode).toBe(201);
    // Straight from elsewhere, a forged header does not make a new address.
    expect((await create('192.0.2.99', '192.0.2.12')).statusCode).toBe(201);
    expect((await create('192.0.2.99', '192.0.2.13')).statusCode).toBe(429);
  });

  it('hold each address to its limit on the open routes too (/healthz asks the database), without touching other addresses', async () => {
    relay = await relayUnderTest({ store, limits: { perMinute: 3 } });
    for (const url of ['/healthz', '/api/push/key']) {
      const get = (address: string) => relay!.app.inject({ method: 'GET', url, ...from(address) });
      for (let i = 0; i < 3; i++) expect((await get('203.0.113.7')).statusCode, url).toBe(200);
      const refused = await get('203.0.113.7');
      expect(refused.statusCode, url).toBe(429);
      expect(refused.json().error).toMatchObject({ code: 'rate_limited', message: expect.stringMatching(/this address/) });
      expect((await get('203.0.113.8')).statusCode, url).toBe(200);
      relay.clock.advance(60_000);
    }
  });

  it('is not fooled by the wall clock stepping back: the limiter counts on a monotonic clock', async () => {
    const realNow = Date.now;
    relay = await relayUnderTest({ store, limits: { perMinute: 3 } });
    const anna = await relay.circle();
    const get = () => relay!.call('GET', `/api/circles/${anna.circleId}/records`, { token: anna.deviceToken });
    try {
      for (let i = 0; i < 3; i++) expect((await get()).status).toBe(200);
      expect((await get()).status).toBe(429);
      // The wall clock jumps back an hour; a minute of the limiter's clock later the device is let back in.
      Date.now = () => realNow() - 3600_000;
      relay.clock.advance(60_000);
      expect((await get()).status).toBe(200);
    } finally {
      Date.now = realNow;
    }
  });
});
