import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startFakePushService, type FakePushService } from '../../helpers/fake-push-service.ts';
import { relayUnderTest, type RelayUnderTest } from './relay-under-test.ts';

vi.setConfig({ hookTimeout: 120_000, testTimeout: 60_000 });

/** A push service stand-in on 127.0.0.1 with two paths: /hang never answers; /once answers 201 once per connection. */
async function startAwkwardService(): Promise<{ origin: string; hanging: number; reusedCut: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const served = new WeakMap<Socket, number>();
  const state = { hanging: 0, reusedCut: 0 };
  const server: Server = createServer((request, response) => {
    request.resume();
    if (request.url?.startsWith('/hang')) {
      state.hanging += 1;
      return; // never answers
    }
    const count = served.get(request.socket) ?? 0;
    served.set(request.socket, count + 1);
    // A push service that closed this kept-alive connection while it sat idle: the request meets a dead socket.
    if (count >= 1) {
      state.reusedCut += 1;
      request.socket.destroy();
      return;
    }
    response.writeHead(201, { connection: 'keep-alive' }).end();
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    get hanging() {
      return state.hanging;
    },
    get reusedCut() {
      return state.reusedCut;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

describe('the push worker under a slow or awkward push service', () => {
  let push: FakePushService;
  let awkward: Awaited<ReturnType<typeof startAwkwardService>>;
  let relay: RelayUnderTest;
  beforeAll(async () => {
    [push, awkward] = await Promise.all([startFakePushService(), startAwkwardService()]);
    relay = await relayUnderTest({ allowOrigins: [push.origin, awkward.origin], pushTimeoutMs: 3_000 });
  });
  afterAll(async () => {
    await relay?.close();
    await Promise.all([push?.close(), awkward?.close()]);
  });

  async function circle(endpoints: (string | undefined)[]) {
    const sender = await relay.circle('Sender');
    for (const [i, endpoint] of endpoints.entries()) {
      const device = await relay.join(sender.circleId, sender.deviceToken, `Phone ${i}`);
      const subscription = push.subscribe();
      const body = endpoint ? { ...subscription, endpoint } : subscription;
      expect((await relay.call('PUT', `/api/devices/${device.deviceId}/push-subscription`, { token: device.deviceToken, body })).status).toBe(204);
    }
    return sender;
  }
  const alert = (sender: { circleId: string; deviceToken: string }) =>
    relay.call('POST', `/api/circles/${sender.circleId}/alerts`, { token: sender.deviceToken, body: { ciphertext: 'QUJD', urgency: 'high' } });

  it('delivers to every other device while one push service hangs, then retries the hanging one saying why', async () => {
    const sender = await circle([`${awkward.origin}/hang/1`, undefined, undefined, undefined, undefined]);
    const before = push.received.length;
    const started = performance.now();
    relay.worker.start();
    try {
      expect((await alert(sender)).body).toEqual({ queued: 5 });
      await push.waitForReceived(before + 4, 20_000);
      const deliveredAfter = performance.now() - started;
      // All four arrived while the fifth was still waiting on its 3 s deadline.
      expect(awkward.hanging).toBe(1);
      expect(relay.logs.filter((entry) => entry.msg === 'push retry')).toEqual([]);
      await vi.waitFor(() => expect(relay.logs.some((entry) => entry.msg === 'push retry')).toBe(true), { timeout: 20_000, interval: 50 });
      const retry = relay.logs.find((entry) => entry.msg === 'push retry')!;
      expect(retry.reason).toBe('network: no answer within 3000 ms');
      expect(performance.now() - started).toBeGreaterThan(deliveredAfter);
    } finally {
      await relay.worker.stop();
    }
  });

  it('sends only the time to live that remains when it retries', async () => {
    const sender = await circle([undefined]);
    push.answer(503, { count: 1 });
    const before = push.attempts.length;
    expect((await alert(sender)).status).toBe(202);
    await relay.worker.drainOnce();
    expect(push.attempts.length).toBe(before + 1);
    relay.clock.advance(600_000);
    await relay.worker.drainOnce();
    const [delivered] = (await push.waitForReceived(push.received.length)).slice(-1);
    // Queued with 3600 s; ten minutes later the retry asks the push service to keep it for the 3000 s left.
    expect(delivered!.ttl).toBe(3000);
    expect(relay.logs.some((entry) => entry.msg === 'push retry' && entry.reason === 'push service answered 503')).toBe(true);
  });

  it('retries at once, on a new connection, a push that met a kept-alive connection the service had closed', async () => {
    const sender = await circle([`${awkward.origin}/once/1`]);
    // The hanging push of the first test may still be queued for a later retry: count only this test's.
    const pendingBefore = await relay.store.pendingPushes();
    expect((await alert(sender)).status).toBe(202);
    await relay.worker.drainOnce();
    expect((await alert(sender)).status).toBe(202);
    await relay.worker.drainOnce();
    expect(awkward.reusedCut).toBe(1);
    expect(await relay.store.pendingPushes()).toBe(pendingBefore);
    const retries = relay.logs.filter((entry) => entry.msg === 'push retry' && String(entry.reason).includes('reused idle connection'));
    expect(retries).toHaveLength(1);
    expect(retries[0]!.delayMs).toBe(0);
  });
});
