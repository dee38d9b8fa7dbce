import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertRecord } from '../../../src/core/calls/alert.ts';
import { exportCircleKey, generateCircleKey, importCircleKey, openAlert } from '../../../src/core/circle/circle-crypto.ts';
import type { Spate } from '../../../src/core/detect/spate.ts';
import type { CircleAlert } from '../../../src/pwa/sync/circle-alert.ts';
import { sendSpateAlert } from '../../../src/pwa/sync/send-circle-alert.ts';
import { relayUnderTest, type RelayUnderTest } from '../server/relay-under-test.ts';

function bigSpate(sources: number): AlertRecord {
  const spate = {
    id: 'spate:essex:2026-11-24', personId: 'p1', headline: 'Warning after fake police officers target elderly residents in Colchester',
    places: ['Colchester', 'Lexden', 'Wivenhoe'], counts: { reports: 12 }, tactics: ['courier-collection', 'pin-request'], impersonated: ['police'],
    sources: Array.from({ length: sources }, (_, i) => ({ sourceId: `essex-${i}`, url: `https://www.essex.police.uk/news/essex/news/news/2026/november/warning-${i}-${'x'.repeat(80)}/`, title: `Residents warned about courier fraud, report ${i} ${'y'.repeat(100)}`, publishedAt: '2026-11-24T09:00:00Z' })),
    firstSeen: '2026-11-24T09:00:00Z', lastSeen: '2026-11-24T10:00:00Z', severity: 'high', state: 'new',
  } as unknown as Spate;
  return { id: spate.id, hlc: '1800000000000-0000-watcher', personId: 'p1', spate, receivedAt: '2026-11-24T10:00:00Z' };
}

describe('sending a spate alert to the circle', () => {
  let relay: RelayUnderTest;
  let origin: string;
  beforeAll(async () => {
    relay = await relayUnderTest({});
    origin = await relay.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => relay?.close());

  it('fits a spate with many sources into one push, keeping the headline, and the relay queues it for the other device', async () => {
    const first = await relay.circle('Watcher');
    const other = await relay.join(first.circleId, first.deviceToken, 'Phone');
    await relay.store.putPushSubscription(other.deviceId, { endpoint: 'http://127.0.0.1:9/p', keys: { p256dh: 'p', auth: 'a' } }, 1);
    const circleKey = await exportCircleKey(await generateCircleKey());
    const membership = { relayOrigin: origin, ...first, circleKey, deviceName: 'Watcher', joinedAt: '2026-11-24T10:00:00Z' };
    const queued = await sendSpateAlert(membership, bigSpate(40), { personName: 'Margaret' });
    expect(queued).toBe(1);
    const [job] = await relay.store.claimPushes(Date.now() + 1, 10, 1000);
    expect(job).toMatchObject({ urgency: 'high', topic: expect.stringMatching(/^spate-/) });
    expect(new TextEncoder().encode(job!.payload).length).toBeLessThanOrEqual(3993);
    const alert = await openAlert<CircleAlert>(await importCircleKey(circleKey), first.circleId, JSON.parse(job!.payload).ciphertext);
    expect(alert).toMatchObject({ kind: 'spate', title: 'Courier fraud warning near Margaret', body: 'Warning after fake police officers target elderly residents in Colchester' });
    expect(alert.kind === 'spate' && alert.alert.spate.sources.length).toBeLessThan(40);
  });
});
