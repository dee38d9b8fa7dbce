/**
 * Fan-out of 10,000 pushes from the relay's database queue to a local push service over https, as pushes per second
 * and as a ratio to a bare loop of web-push's sendNotification (same payloads, same concurrency) in the same run.
 * Usage: npx tsx bench/relay-push.ts [pushes]
 */
import https from 'node:https';
import webpush from 'web-push';
import { systemClock } from '../src/core/platform.ts';
import { createPushSender } from '../src/server/push/push-sender.ts';
import { createPushWorker } from '../src/server/push/push-worker.ts';
import { loadVapidKeys } from '../src/server/push/vapid.ts';
import { openStore } from '../src/server/store/open-store.ts';
import { selfSignedCertificate, startFakePushService } from '../tests/helpers/fake-push-service.ts';
import { isMain, printTable, round } from './relay-bench-support.ts';

export async function benchPushFanOut(total = 10_000): Promise<Record<string, string | number>[]> {
  // The local push service has a self-signed certificate, trusted here as its own authority.
  const tls = selfSignedCertificate();
  const push = await startFakePushService({ tls, acceptBlindly: true });
  const store = await openStore({});
  const vapid = await loadVapidKeys(store);
  const devices = 100;
  const alerts = Math.ceil(total / devices);
  const payload = JSON.stringify({ kind: 'alert', circleId: 'bench', ciphertext: 'A'.repeat(400), urgency: 'high', sentAt: new Date().toISOString() });

  // A circle of 100 subscribed devices plus the sender; each alert fans out to the 100.
  await store.createCircle({ circleId: 'benchcirclexxxxxxxxxxx', deviceId: 'senderxxxxxxxxxxxxxxxx', deviceName: 'S', tokenHash: 'sender', now: 1 });
  const subscriptions = [];
  for (let i = 0; i < devices; i++) {
    const deviceId = `device${i}`.padEnd(22, 'x');
    await store.createInvite({ id: `invite${i}`.padEnd(22, 'x'), maxPending: 1e9, tokenHash: `i${i}`, circleId: 'benchcirclexxxxxxxxxxx', createdBy: 'senderxxxxxxxxxxxxxxxx', now: 1, expiresAt: 2 });
    await store.redeemInvite({ circleId: 'benchcirclexxxxxxxxxxx', inviteTokenHash: `i${i}`, deviceId, deviceName: `D${i}`, deviceTokenHash: `t${i}`, now: 1, maxDevices: 1e9 });
    const subscription = push.subscribe();
    subscriptions.push(subscription);
    await store.putPushSubscription(deviceId, subscription, 1);
  }

  // Baseline: web-push's own sendNotification in a loop, 100 at a time, keep-alive agent.
  const agent = new https.Agent({ keepAlive: true, maxSockets: 64, ca: tls.cert });
  const options = { vapidDetails: { subject: 'mailto:bench@kinwatch.invalid', ...vapid }, TTL: 3600, urgency: 'high' as const, agent };
  let started = performance.now();
  for (let a = 0; a < alerts; a++) await Promise.all(subscriptions.map((s) => webpush.sendNotification(s, payload, options)));
  const bareSeconds = (performance.now() - started) / 1000;
  agent.destroy();

  // The relay: enqueue in the database, then the worker claims, checks each endpoint, sends, and deletes.
  const before = push.received.length;
  for (let a = 0; a < alerts; a++) {
    await store.enqueuePush({ circleId: 'benchcirclexxxxxxxxxxx', fromDeviceId: 'senderxxxxxxxxxxxxxxxx', payload, urgency: 'high', topic: null, ttlSeconds: 3600, now: 1 });
  }
  const sender = createPushSender({ vapid, subject: 'mailto:bench@kinwatch.invalid', allowOrigins: [push.origin], ca: tls.cert });
  const worker = createPushWorker({ store, sender, clock: systemClock, log: () => {}, batchSize: 100 });
  started = performance.now();
  const handled = await worker.drainOnce();
  const relaySeconds = (performance.now() - started) / 1000;
  const delivered = push.received.length - before;
  sender.close();
  await store.close();
  await push.close();

  const sent = alerts * devices;
  return [
    { run: 'web-push sendNotification loop (baseline)', pushes: sent, seconds: round(bareSeconds, 2), 'pushes/s': round(sent / bareSeconds, 0), ratio: 1 },
    { run: 'relay queue → worker → guarded sender', pushes: handled, seconds: round(relaySeconds, 2), 'pushes/s': round(delivered / relaySeconds, 0), ratio: round(bareSeconds / relaySeconds, 2) },
  ];
}

if (isMain(import.meta.url)) {
  const rows = await benchPushFanOut(Number(process.argv[2] ?? 10_000));
  printTable('Push fan-out (ratio = relay speed ÷ bare web-push speed)', rows);
}
