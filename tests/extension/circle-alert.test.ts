import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { exportCircleKey, generateCircleKey, openAlert } from '../../src/core/circle/circle-crypto.ts';
import type { CircleSpateAlert } from '../../src/core/watcher/circle-alert-sender.ts';
import { startLocalServer, type LocalServer } from '../helpers/local-http-server.ts';
import { fixture, rssRoute, startBackground, watchMumWith } from './watcher-harness.ts';

const DAYTIME = new Date(2026, 10, 24, 16, 0).getTime();
const CIRCLE_ID = 'circle_0123456789abcdef';

describe('telling the care circle', () => {
  let feeds: LocalServer;
  let relay: LocalServer;
  const received: { path: string; authorization?: string; body: { ciphertext: string; urgency: string; topic?: string } }[] = [];
  beforeEach(async () => {
    fakeBrowser.reset();
    received.length = 0;
    feeds = await startLocalServer({
      '/colchester.xml': rssRoute(() => fixture('phone-scam-feed.xml')),
      '/witham.xml': rssRoute(() => fixture('courier-feed.xml')),
    });
    relay = await startLocalServer(async (req, res) => {
      let text = '';
      for await (const chunk of req) text += String(chunk);
      received.push({ path: req.url ?? '', authorization: req.headers.authorization, body: JSON.parse(text) });
      res.writeHead(202, { 'content-type': 'application/json' });
      res.end('{"queued":1}');
    });
  });
  afterEach(async () => {
    await feeds.close();
    await relay.close();
  });

  it('sends nothing anywhere when no circle is connected', async () => {
    const { store, background, created } = await startBackground({ now: () => DAYTIME });
    await watchMumWith(store, [`${feeds.url}/colchester.xml`]);
    await background.cycle.run();
    expect(created).toHaveLength(1);
    expect(received).toHaveLength(0);
    expect(relay.requests).toHaveLength(0);
    expect((await store.getNotifiedLog())[0]?.sentToCircle).toBe(false);
  });

  it('sends each new spate once, sealed with the circle key, urgent ones as high urgency', async () => {
    const key = await generateCircleKey();
    const { store, background } = await startBackground({ now: () => DAYTIME });
    await watchMumWith(store, [`${feeds.url}/colchester.xml`, `${feeds.url}/witham.xml`]);
    await store.saveCircle({
      relayUrl: relay.url,
      circleId: CIRCLE_ID,
      deviceId: 'device_watcher_0001',
      deviceToken: 'token-of-this-browser',
      circleKey: await exportCircleKey(key),
      connectedAt: new Date(DAYTIME).toISOString(),
    });

    await background.cycle.run();
    await background.cycle.run();

    expect(received).toHaveLength(2);
    for (const message of received) {
      expect(message.path).toBe(`/api/circles/${CIRCLE_ID}/alerts`);
      expect(message.authorization).toBe('Bearer token-of-this-browser');
      // The relay sees no words of the alert.
      expect(JSON.stringify(message.body)).not.toMatch(/Colchester|Witham|courier/i);
    }
    const opened = await Promise.all(received.map((message) => openAlert<CircleSpateAlert>(key, CIRCLE_ID, message.body.ciphertext)));
    const byHeadline = new Map(opened.map((alert, index) => [alert.title, { alert, urgency: received[index]!.body.urgency }]));
    expect(byHeadline.get('Courier collects cash from Witham pensioner after fake detective call')).toMatchObject({
      urgency: 'high',
      alert: { kind: 'spate', body: expect.stringMatching(/^Near Witham, \d+ km from Mum · 1 report$/), alert: { personId: 'person-mum' } },
    });
    const courier = byHeadline.get('Courier collects cash from Witham pensioner after fake detective call')!.alert.alert;
    expect(courier.id).toBe(courier.spate.id);
    expect(courier.spate.sources.map((source) => source.url)).toEqual(['https://news.example.org/witham/courier-fraud']);
    expect(byHeadline.get('Warning after fake police officers phone Colchester residents')?.urgency).toBe('normal');
    expect((await store.getNotifiedLog()).every((entry) => entry.sentToCircle)).toBe(true);
  });

  it('keeps polling and notifying when the relay is down', async () => {
    const key = await generateCircleKey();
    const { store, background, created } = await startBackground({ now: () => DAYTIME });
    await watchMumWith(store, [`${feeds.url}/colchester.xml`]);
    await store.saveCircle({
      relayUrl: 'http://127.0.0.1:9',
      circleId: CIRCLE_ID,
      deviceId: 'device_watcher_0001',
      deviceToken: 'token',
      circleKey: await exportCircleKey(key),
      connectedAt: new Date(DAYTIME).toISOString(),
    });
    const result = await background.cycle.run();
    expect(result.alerts).toBe(1);
    expect(created).toHaveLength(1);
    expect((await store.getNotifiedLog())[0]?.sentToCircle).toBe(false);
  });
});
