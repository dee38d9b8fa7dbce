import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { AlertPushPayload, AlertRecord, CircleAlert } from '../../src/core/alerts/alert.ts';
import type { CaredPerson } from '../../src/core/calls/person.ts';
import { exportCircleKey, generateCircleKey, openAlert } from '../../src/core/circle/circle-crypto.ts';
import { openCircleRecord, sealCircleRecord } from '../../src/core/circle/circle-record.ts';
import type { CircleConnection } from '../../src/core/watcher/watcher-state.ts';
import { startLocalServer, type LocalServer } from '../helpers/local-http-server.ts';
import { relayUnderTest, type RelayUnderTest } from '../unit/server/relay-under-test.ts';
import { fixture, keywordAnalysis, MUM, rssRoute, startBackground, watchMumWith } from './watcher-harness.ts';
import { customFeedSource } from '../../src/core/sources/force-registry.ts';

const DAYTIME = new Date(2026, 10, 24, 16, 0).getTime();

/** Mum as the carer app saved her: the circle's id for her, a checked postcode, no radius (the default applies). */
const MUM_RECORD: Omit<CaredPerson, 'hlc'> = {
  id: '3f1c9a52-5d1e-4a8e-9b7e-2c4d6e8f0a1b',
  name: 'Mum',
  postcode: 'CO7 6AA',
  postcodeChecked: true,
  lat: MUM.lat,
  lng: MUM.lng,
  forceId: 'essex',
  placeName: 'Colchester',
  phones: [],
  banks: [],
  familyNumbers: [],
};

/** The keyword analysis plus losses ("£4,000"), so a spate can grow by what it cost. */
const withLosses: typeof keywordAnalysis = (text, options) => {
  const analysis = keywordAnalysis(text, options);
  const loss = /£([\d,]+)/.exec(`${options.title} ${text}`)?.[1];
  return loss ? { ...analysis, counts: { ...analysis.counts, lossGBP: Number(loss.replace(/,/g, '')) } } : analysis;
};

describe('telling the care circle', () => {
  let relay: RelayUnderTest;
  let origin: string;
  let feeds: LocalServer;
  let feedBody: string;
  beforeAll(async () => {
    relay = await relayUnderTest({});
    origin = await relay.app.listen({ port: 0, host: '127.0.0.1' });
  }, 120_000);
  afterAll(async () => relay?.close(), 60_000);
  beforeEach(async () => {
    fakeBrowser.reset();
    feedBody = fixture('phone-scam-feed.xml');
    feeds = await startLocalServer({ '/colchester.xml': rssRoute(() => feedBody), '/witham.xml': rssRoute(() => fixture('courier-feed.xml')) });
  });
  afterEach(async () => feeds.close());

  /** A circle made by the carer's phone (subscribed to pushes), Mum saved in it, and this browser joined. */
  async function familyCircle() {
    const phone = await relay.circle('Anna phone');
    const watcher = await relay.join(phone.circleId, phone.deviceToken, 'Kinwatch watcher (browser)');
    await relay.store.putPushSubscription(phone.deviceId, { endpoint: 'http://127.0.0.1:9/push/anna', keys: { p256dh: 'p', auth: 'a' } }, 1);
    const key = await generateCircleKey();
    const mum = await sealCircleRecord(key, 'people', { ...MUM_RECORD, hlc: '1795000000000-0000-annaphone' });
    await relay.call('POST', `/api/circles/${phone.circleId}/records`, { token: phone.deviceToken, body: { records: [mum] } });
    const circle: CircleConnection = {
      relayUrl: origin,
      circleId: phone.circleId,
      deviceId: watcher.deviceId,
      deviceToken: watcher.deviceToken,
      circleKey: await exportCircleKey(key),
      connectedAt: new Date(DAYTIME).toISOString(),
    };
    const readCircle = async () => {
      const page = await relay.call('GET', `/api/circles/${phone.circleId}/records?after=0`, { token: phone.deviceToken });
      const bodies = await Promise.all((page.body.records as { id: string; hlc: string; ciphertext: string }[]).map((envelope) => openCircleRecord(key, envelope)));
      return bodies.filter((body) => body?.table === 'alerts').map((body) => body!.row as unknown as AlertRecord);
    };
    const claimPushes = async () => {
      const jobs = await relay.store.claimPushes(Date.now() + 10 * 86_400_000, 100, 1000);
      for (const job of jobs) await relay.store.finishPush(job.id);
      return Promise.all(
        jobs.map(async (job) => {
          const payload = JSON.parse(job.payload) as AlertPushPayload;
          return { job, payload, alert: await openAlert<CircleAlert>(key, phone.circleId, payload.ciphertext!) };
        }),
      );
    };
    return { circle, key, readCircle, claimPushes };
  }

  async function feedsOnly(store: Awaited<ReturnType<typeof startBackground>>['store'], urls: string[]) {
    await store.saveCustomFeeds(
      urls.map((url) => {
        const source = customFeedSource(url);
        return { id: source.id, url: source.url, label: source.label, addedAt: '2026-11-24T08:00:00.000Z' };
      }),
    );
  }

  it('sends nothing anywhere when no circle is connected', async () => {
    const { store, background, created } = await startBackground({ now: () => DAYTIME });
    await watchMumWith(store, [`${feeds.url}/colchester.xml`]);
    await background.cycle.run();
    expect(created).toHaveLength(1);
    expect((await store.getNotifiedLog())[0]?.sentToCircle).toBe(false);
  });

  it('watches the circle\'s person without retyping, writes each alert as a record under her circle id, then pushes it', async () => {
    const family = await familyCircle();
    const { store, background, created } = await startBackground({ now: () => DAYTIME });
    await feedsOnly(store, [`${feeds.url}/colchester.xml`, `${feeds.url}/witham.xml`]);
    await store.saveCircle(family.circle);

    await background.cycle.run();
    await background.cycle.run();

    const people = await store.getPeople();
    expect(people.map((entry) => [entry.person.id, entry.person.name, entry.person.radiusKm, entry.shared])).toEqual([[MUM_RECORD.id, 'Mum', 15, true]]);
    // Witham is 20 km away: outside the default 15 km the carer's record implies.
    expect(created.map((entry) => entry.options.title)).toEqual(['Warning after fake police officers phone Colchester residents']);

    const [record] = await family.readCircle();
    expect(record).toMatchObject({ personId: MUM_RECORD.id, spate: { personId: MUM_RECORD.id, headline: 'Warning after fake police officers phone Colchester residents' } });
    expect(record!.id).toBe(`${MUM_RECORD.id}:${record!.spate.id}`);

    const pushes = await family.claimPushes();
    expect(pushes).toHaveLength(1);
    expect(pushes[0]!.payload).toMatchObject({ kind: 'alert', alertId: record!.id, urgency: 'normal' });
    // The relay sees no words of the alert.
    // (Checked around the ciphertext, which is random base64url and may spell anything, "Mum" included.)
    const { ciphertext, ...clear } = JSON.parse(pushes[0]!.job.payload) as { ciphertext: string };
    expect(ciphertext).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(JSON.stringify(clear)).not.toMatch(/Colchester|Mum|courier/i);
    expect(pushes[0]!.alert).toMatchObject({ kind: 'spate', title: 'Courier fraud warning near Mum', alert: { id: record!.id, hlc: record!.hlc } });
    expect(await store.getNotifiedLog()).toMatchObject([{ personId: MUM_RECORD.id, sentToCircle: true }]);
  });

  it('alerts again when the spate grows by losses or a new place: one more notification, record version and push each time', async () => {
    const family = await familyCircle();
    const { store, background, created } = await startBackground({ now: () => DAYTIME, analyze: withLosses });
    await feedsOnly(store, [`${feeds.url}/colchester.xml`]);
    await store.saveCircle(family.circle);
    await background.cycle.run();
    expect(created).toHaveLength(1);
    expect(await family.claimPushes()).toHaveLength(1);

    let added = 0;
    const grow = (title: string, text: string) => {
      added++;
      return feedBody.replace(
        '<item>',
        `<item><title>${title}</title><link>https://alerts.example.org/colchester/${added}</link><pubDate>Mon, 23 Nov 2026 1${added}:00:00 GMT</pubDate><description>${text}</description></item><item>`,
      );
    };
    // A repeat of the story: quiet.
    feedBody = grow('Fake police officers phone Colchester residents again', 'People claiming to be police officers called Colchester residents.');
    await background.cycle.run();
    expect(created).toHaveLength(1);
    expect(await family.claimPushes()).toHaveLength(0);
    // Losses: alerted again.
    feedBody = grow('Colchester resident loses £3,000 to fake police officers', 'Someone claiming to be police took £3,000 in Colchester.');
    await background.cycle.run();
    expect(created).toHaveLength(2);
    // The second notification says what grew, so it is not taken for a repeat of the first.
    expect(created[1]!.options.message).toMatch(/^Worse now: £3,000 lost\. Near Colchester/);
    expect(await family.claimPushes()).toHaveLength(1);
    // A new place: alerted again.
    feedBody = grow('Fake police officers now calling Witham as well as Colchester', 'Calls from people claiming to be police reached Witham.');
    await background.cycle.run();
    expect(created).toHaveLength(3);
    expect(created[2]!.options.message).toMatch(/^Worse now: new place: Witham\. /);
    const [last] = await family.claimPushes();
    expect(last!.alert.kind === 'spate' && last!.alert.alert.spate.places).toEqual(['Colchester', 'Witham']);
    expect(last!.alert.kind === 'spate' && last!.alert.body).toMatch(/£3,000 lost · Colchester, Witham$/);
    // Nothing new: nothing more.
    await background.cycle.run();
    expect(created).toHaveLength(3);
    expect(await family.claimPushes()).toHaveLength(0);
    // The log keeps what grew, word for word as notified, for the popup's "Worse now" line; a first alert has none.
    expect((await store.getNotifiedLog()).map((entry) => entry.growth)).toEqual([undefined, '£3,000 lost', 'new place: Witham']);

    const records = await family.readCircle();
    expect(new Set(records.map((record) => record.id)).size).toBe(1);
    expect(records.map((record) => [record.spate.counts.lossGBP, record.spate.places])).toEqual([
      [undefined, ['Colchester']],
      [3000, ['Colchester']],
      [3000, ['Colchester', 'Witham']],
    ]);
  });

  it('keeps polling and notifying when the relay is down, and says why the circle did not get it', async () => {
    const key = await generateCircleKey();
    const { store, background, created } = await startBackground({ now: () => DAYTIME });
    await watchMumWith(store, [`${feeds.url}/colchester.xml`]);
    // Mum as read from the circle last time it could be reached.
    await store.savePeople((await store.getPeople()).map((entry) => ({ ...entry, shared: true as const })));
    await store.saveCircle({
      relayUrl: 'http://127.0.0.1:9',
      circleId: 'circle_0123456789abcdef',
      deviceId: 'device_watcher_0001',
      deviceToken: 'token',
      circleKey: await exportCircleKey(key),
      connectedAt: new Date(DAYTIME).toISOString(),
    });
    const result = await background.cycle.run();
    expect(result.alerts).toBe(1);
    expect(created).toHaveLength(1);
    const [entry] = await store.getNotifiedLog();
    expect(entry).toMatchObject({ sentToCircle: false, circleError: expect.stringMatching(/fetch failed|ECONNREFUSED/) });
  });

  it('an alert found while the relay was unreachable reaches the circle at the next poll, once', async () => {
    const family = await familyCircle();
    const { store, background, created } = await startBackground({ now: () => DAYTIME, analyze: withLosses });
    await feedsOnly(store, [`${feeds.url}/colchester.xml`]);
    // Mum as read from the circle before the connection dropped.
    await store.saveCircle(family.circle);
    await background.cycle.run();
    await family.claimPushes();
    await family.readCircle();
    feedBody = feedBody.replace('<item>', `<item>${fixture('courier-feed.xml').match(/<item>([\s\S]*?)<\/item>/)![1]!.replace(/Witham/g, 'Colchester')}</item><item>`);
    await store.saveCircle({ ...family.circle, relayUrl: 'http://127.0.0.1:9' });
    await background.cycle.run();
    expect(created).toHaveLength(2);
    expect((await store.getNotifiedLog()).at(-1)).toMatchObject({ sentToCircle: false });
    expect(await store.getUnsentCircleAlerts()).toHaveLength(1);

    await store.saveCircle(family.circle);
    await background.cycle.run();
    await background.cycle.run();
    expect(created).toHaveLength(2);
    expect(await store.getUnsentCircleAlerts()).toEqual([]);
    // The spate grew by a loss while offline: its second version is in the circle now.
    const records = await family.readCircle();
    expect(records.map((record) => record.spate.counts.lossGBP)).toEqual([undefined, 4000]);
    expect((await family.claimPushes()).map((push) => push.alert.title)).toEqual(['Courier fraud warning near Mum']);
  });

  it('an alert too large for a push still reaches the circle: the record whole, the push as its id', async () => {
    const family = await familyCircle();
    const long = 'Fake police officers phone Colchester residents '.repeat(60).trim();
    feedBody = fixture('phone-scam-feed.xml').replace('Warning after fake police officers phone Colchester residents', long);
    const { store, background } = await startBackground({ now: () => DAYTIME });
    await feedsOnly(store, [`${feeds.url}/colchester.xml`]);
    await store.saveCircle(family.circle);
    await background.cycle.run();
    const [record] = await family.readCircle();
    expect(record!.spate.headline).toBe(long);
    const [push] = await family.claimPushes();
    expect(new TextEncoder().encode(push!.job.payload).length).toBeLessThanOrEqual(3070 - 103);
    expect(push!.alert).toMatchObject({ kind: 'spate-ref', alertId: record!.id, personId: MUM_RECORD.id, title: 'Courier fraud warning near Mum' });
  });
});
