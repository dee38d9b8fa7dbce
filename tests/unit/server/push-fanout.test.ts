import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openStore } from '../../../src/server/store/open-store.ts';
import { createPushSender, MAX_PUSH_PLAINTEXT_BYTES, PayloadTooLarge } from '../../../src/server/push/push-sender.ts';
import { spawnSync } from 'node:child_process';
import { selfSignedCertificate, startFakePushService, type FakePushService } from '../../helpers/fake-push-service.ts';
import { backendUrl, relayUnderTest, type Backend, type RelayUnderTest } from './relay-under-test.ts';

// Starting PGlite or a PostgreSQL cluster can take a while on a busy machine.
vi.setConfig({ hookTimeout: 120_000 });

for (const backend of ['pglite', 'postgres'] as Backend[]) {
  const db = await backendUrl(backend);
  describe.skipIf(db.skip !== undefined)(`push fan-out on ${backend}${db.skip ? ` (skipped: ${db.skip})` : ''}`, () => {
    let push: FakePushService;
    let relay: RelayUnderTest;
    beforeAll(async () => {
      push = await startFakePushService();
      relay = await relayUnderTest({ ...(db.databaseUrl ? { databaseUrl: db.databaseUrl } : {}), allowOrigins: [push.origin] });
    });
    afterAll(async () => {
      await relay?.close();
      await push?.close();
      await db.stop();
    });

    async function circleWithSubscribers(count: number) {
      const sender = await relay.circle('Sender');
      const others = [];
      for (let i = 0; i < count; i++) {
        const device = await relay.join(sender.circleId, sender.deviceToken, `Phone ${i}`);
        const subscription = push.subscribe();
        const put = await relay.call('PUT', `/api/devices/${device.deviceId}/push-subscription`, { token: device.deviceToken, body: subscription });
        expect(put.status).toBe(204);
        others.push({ ...device, subscription });
      }
      // The sender's own subscription: it must not receive its own alert.
      await relay.call('PUT', `/api/devices/${sender.deviceId}/push-subscription`, { token: sender.deviceToken, body: push.subscribe() });
      return { sender, others };
    }

    it('delivers an alert to every other device, decryptable, signed with the relay key, with TTL, Urgency and Topic', async () => {
      const { sender, others } = await circleWithSubscribers(2);
      const before = push.received.length;
      const queued = await relay.call('POST', `/api/circles/${sender.circleId}/alerts`, {
        token: sender.deviceToken,
        body: { ciphertext: 'ENCRYPTEDALERT', urgency: 'high', topic: 'call-live' },
      });
      expect(queued).toMatchObject({ status: 202, body: { queued: 2 } });
      await relay.worker.drainOnce();
      const got = (await push.waitForReceived(before + 2)).slice(before);
      expect(push.rejected).toEqual([]);
      expect(got.map((p) => p.subscriptionId).sort()).toEqual(others.map((o) => o.subscription.id).sort());
      const publicKey = (await relay.call('GET', '/api/push/key')).body.publicKey;
      for (const message of got) {
        expect(JSON.parse(message.payload)).toMatchObject({ kind: 'alert', circleId: sender.circleId, ciphertext: 'ENCRYPTEDALERT', urgency: 'high', topic: 'call-live' });
        expect(message).toMatchObject({ ttl: 3600, urgency: 'high', topic: 'call-live', vapidKey: publicKey, audience: push.origin });
      }
      expect(await relay.store.pendingPushes()).toBe(0);
    });

    it('deletes a subscription the push service calls gone (410 and 404)', async () => {
      const { sender, others } = await circleWithSubscribers(2);
      push.answer(410, { subscriptionId: others[0]!.subscription.id });
      push.answer(404, { subscriptionId: others[1]!.subscription.id });
      await relay.call('POST', `/api/circles/${sender.circleId}/alerts`, { token: sender.deviceToken, body: { ciphertext: 'AAAA' } });
      await relay.worker.drainOnce();
      expect(await relay.store.pushSubscription(others[0]!.deviceId)).toBeUndefined();
      expect(await relay.store.pushSubscription(others[1]!.deviceId)).toBeUndefined();
      expect(await relay.store.pendingPushes()).toBe(0);
      const next = await relay.call('POST', `/api/circles/${sender.circleId}/alerts`, { token: sender.deviceToken, body: { ciphertext: 'AAAA' } });
      expect(next.body.queued).toBe(0);
    });

    it('retries 429 and 5xx with growing backoff (honouring Retry-After), then delivers', async () => {
      const { sender, others } = await circleWithSubscribers(1);
      const id = others[0]!.subscription.id;
      push.answer(429, { subscriptionId: id, headers: { 'retry-after': '30' } });
      push.answer(500, { subscriptionId: id });
      push.answer(503, { subscriptionId: id });
      const before = push.received.length;
      await relay.call('POST', `/api/circles/${sender.circleId}/alerts`, { token: sender.deviceToken, body: { ciphertext: 'RETRYME', urgency: 'normal' } });
      await relay.worker.drainOnce();
      expect(push.received.length).toBe(before);
      expect(await relay.store.pendingPushes()).toBe(1);
      // Not due yet: Retry-After said 30 s, more than the first backoff step.
      relay.clock.advance(29_000);
      expect(await relay.worker.drainOnce()).toBe(0);
      relay.clock.advance(1_000);
      expect(await relay.worker.drainOnce()).toBe(1); // 500
      relay.clock.advance(1_999);
      expect(await relay.worker.drainOnce()).toBe(0); // second backoff step is 2 s
      relay.clock.advance(1);
      expect(await relay.worker.drainOnce()).toBe(1); // 503
      relay.clock.advance(4_000);
      expect(await relay.worker.drainOnce()).toBe(1); // delivered
      const got = await push.waitForReceived(before + 1);
      expect(JSON.parse(got.at(-1)!.payload).ciphertext).toBe('RETRYME');
      expect(await relay.store.pendingPushes()).toBe(0);
      expect(await relay.store.pushSubscription(others[0]!.deviceId)).toBeDefined();
    });

    it('gives up after the last attempt without losing other pushes', async () => {
      const { sender, others } = await circleWithSubscribers(1);
      push.answer(500, { subscriptionId: others[0]!.subscription.id, count: 5 });
      await relay.call('POST', `/api/circles/${sender.circleId}/alerts`, { token: sender.deviceToken, body: { ciphertext: 'AAAA' } });
      for (let i = 0; i < 5; i++) {
        await relay.worker.drainOnce();
        relay.clock.advance(60_000);
      }
      expect(await relay.store.pendingPushes()).toBe(0);
      expect(relay.logs.some((l) => l.msg === 'push dropped')).toBe(true);
    });

    it('refuses an alert whose push message would exceed 3993 bytes, and queues nothing', async () => {
      const { sender } = await circleWithSubscribers(1);
      const response = await relay.call('POST', `/api/circles/${sender.circleId}/alerts`, { token: sender.deviceToken, body: { ciphertext: 'A'.repeat(3993) } });
      expect(response.status).toBe(413);
      expect(response.body.error.message).toMatch(/^ciphertext:.*3993/);
      expect(await relay.store.pendingPushes()).toBe(0);
    });

    it('refuses at subscribe an endpoint that is not https on a known push service', async () => {
      const { sender } = await circleWithSubscribers(0);
      for (const endpoint of ['http://127.0.0.1:1/push/x', 'https://169.254.169.254/x', 'https://example.com/push']) {
        const response = await relay.call('PUT', `/api/devices/${sender.deviceId}/push-subscription`, {
          token: sender.deviceToken,
          body: { endpoint, keys: push.subscribe().keys },
        });
        expect(response.status, endpoint).toBe(422);
        expect(response.body.error.code).toBe('push_endpoint_refused');
      }
    });
  });
}

const hasOpenssl = spawnSync('openssl', ['version']).status === 0;

describe('push sender', () => {
  it.skipIf(!hasOpenssl)('speaks https to the push service and verifies its certificate (untrusted certificate: no delivery)', async () => {
    const tls = selfSignedCertificate();
    const push = await startFakePushService({ tls });
    const store = await openStore({});
    const { loadVapidKeys } = await import('../../../src/server/push/vapid.ts');
    const vapid = await loadVapidKeys(store);
    const subscription = push.subscribe();
    const message = { subscription, payload: '{"kind":"alert"}', urgency: 'high' as const, topic: 'tls', ttlSeconds: 60 };
    const trusting = createPushSender({ vapid, subject: 'mailto:a@b.invalid', allowOrigins: [push.origin], ca: tls.cert });
    expect(await trusting.send(message)).toEqual({ kind: 'delivered', status: 201 });
    expect((await push.waitForReceived(1))[0]).toMatchObject({ payload: '{"kind":"alert"}', urgency: 'high', topic: 'tls' });
    const untrusting = createPushSender({ vapid, subject: 'mailto:a@b.invalid', allowOrigins: [push.origin] });
    expect(await untrusting.send(message)).toMatchObject({ kind: 'retry', reason: expect.stringMatching(/^network: .*certificate/) });
    expect(push.received).toHaveLength(1);
    trusting.close();
    untrusting.close();
    await push.close();
    await store.close();
  });

  it('refuses a payload over 3993 bytes itself, whatever the caller checked', async () => {
    const store = await openStore({});
    const { loadVapidKeys } = await import('../../../src/server/push/vapid.ts');
    const sender = createPushSender({ vapid: await loadVapidKeys(store), subject: 'mailto:a@b.invalid', allowOrigins: ['http://127.0.0.1:1'] });
    const message = { subscription: { endpoint: 'http://127.0.0.1:1/x', keys: { p256dh: 'x', auth: 'y' } }, payload: 'é'.repeat(2000), urgency: 'normal' as const, topic: null, ttlSeconds: 60 };
    expect(new TextEncoder().encode(message.payload).length).toBeGreaterThan(MAX_PUSH_PLAINTEXT_BYTES);
    await expect(sender.send(message)).rejects.toBeInstanceOf(PayloadTooLarge);
    sender.close();
    await store.close();
  });

  it('does not follow a redirect: the push fails instead', async () => {
    const { createServer } = await import('node:http');
    let redirectedTo = 0;
    const target = createServer((_q, r) => { redirectedTo++; r.writeHead(201).end(); });
    const redirector = createServer((_q, r) => r.writeHead(307, { location: `http://127.0.0.1:${(target.address() as { port: number }).port}/` }).end());
    await new Promise<void>((r) => target.listen(0, '127.0.0.1', r));
    await new Promise<void>((r) => redirector.listen(0, '127.0.0.1', r));
    const origin = `http://127.0.0.1:${(redirector.address() as { port: number }).port}`;
    const store = await openStore({});
    const { loadVapidKeys } = await import('../../../src/server/push/vapid.ts');
    const push = await startFakePushService();
    const sender = createPushSender({ vapid: await loadVapidKeys(store), subject: 'mailto:a@b.invalid', allowOrigins: [origin] });
    const outcome = await sender.send({ subscription: { endpoint: `${origin}/push/x`, keys: push.subscribe().keys }, payload: 'hi', urgency: 'normal', topic: null, ttlSeconds: 60 });
    expect(outcome).toMatchObject({ kind: 'failed', status: 307 });
    expect(redirectedTo).toBe(0);
    sender.close();
    await push.close();
    await store.close();
    target.close();
    redirector.close();
  });

  it('keeps the VAPID key across restarts of the same database', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { loadVapidKeys } = await import('../../../src/server/push/vapid.ts');
    const dir = mkdtempSync(join(tmpdir(), 'kinwatch-vapid-'));
    const first = await openStore({ dataDir: dir });
    const key = (await loadVapidKeys(first)).publicKey;
    await first.close();
    const second = await openStore({ dataDir: dir });
    expect((await loadVapidKeys(second)).publicKey).toBe(key);
    await second.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
