import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Spate } from '../../src/core/spates/spate.ts';
import { createSpateNotifier, type NotificationOptions } from '../../src/core/watcher/spate-notifier.ts';
import { DEFAULT_QUIET_HOURS } from '../../src/core/watcher/quiet-hours.ts';
import { startLocalServer, type LocalServer } from '../helpers/local-http-server.ts';
import { fixture, MUM, rssRoute, startBackground, watchMumWith } from './watcher-harness.ts';

const DAYTIME = new Date(2026, 10, 24, 15, 0).getTime();

describe('notification buttons', () => {
  let server: LocalServer;
  beforeEach(async () => {
    fakeBrowser.reset();
    server = await startLocalServer({ '/colchester.xml': rssRoute(() => fixture('phone-scam-feed.xml')) });
  });
  afterEach(() => server.close());

  it('"Open details" opens that alert and "Call plan" its phone script, on the circle\'s carer app', async () => {
    const { store, background, created, opened } = await startBackground({ now: () => DAYTIME });
    await watchMumWith(store, [`${server.url}/colchester.xml`]);
    // Mum as read from the circle before its relay went quiet.
    await store.savePeople((await store.getPeople()).map((entry) => ({ ...entry, shared: true as const })));
    await store.saveCircle({
      relayUrl: 'http://127.0.0.1:9',
      circleId: 'circle_0123456789abcdef',
      deviceId: 'device_1',
      deviceToken: 'token',
      circleKey: 'k'.repeat(43),
      connectedAt: new Date(DAYTIME).toISOString(),
    });
    // Nothing listens at that relay address: the notification is what this test is about.
    await background.cycle.run();
    const [shown] = created;
    const spateId = (await store.getSpates())[0]!.id;

    await background.onNotificationClicked(shown!.id, 0);
    await background.onNotificationClicked(shown!.id, 1);
    await background.onNotificationClicked('someone-elses-notification', 0);

    const alertId = encodeURIComponent(`${MUM.id}:${spateId}`);
    expect(opened).toEqual([`http://127.0.0.1:9/alerts/${alertId}`, `http://127.0.0.1:9/alerts/${alertId}/script`]);
  });

  it('opens the popup for the spate when there is no carer app', async () => {
    const { store, background, created, opened } = await startBackground({ now: () => DAYTIME });
    await watchMumWith(store, [`${server.url}/colchester.xml`]);
    await background.cycle.run();
    await background.onNotificationClicked(created[0]!.id);
    expect(opened).toEqual([`chrome-extension://test-extension-id/popup.html?spate=${encodeURIComponent((await store.getSpates())[0]!.id)}`]);
  });
});

describe('browsers that refuse notification buttons', () => {
  it('still show the headline and the place', async () => {
    const shown: NotificationOptions[] = [];
    const notifier = createSpateNotifier({
      clock: { now: () => DAYTIME },
      notifications: {
        async create(id, options) {
          if (options.buttons) throw new Error('Type error for parameter options (Property "buttons" is unsupported by Firefox)');
          shown.push(options);
          return id;
        },
      },
    });
    const spate: Spate = {
      id: 'spate-1',
      personId: MUM.id,
      headline: 'Fake police calls in Colchester',
      places: ['Colchester'],
      distanceKm: 2.4,
      counts: { reports: 3 },
      tactics: ['pin-request'],
      impersonated: ['police'],
      sources: [],
      firstSeen: '2026-11-24T10:00:00.000Z',
      lastSeen: '2026-11-24T10:00:00.000Z',
      severity: 'medium',
      state: 'new',
    };
    const outcome = await notifier.notify(spate, MUM, DEFAULT_QUIET_HOURS);
    expect(outcome.shown).toBe(true);
    expect(shown).toEqual([expect.objectContaining({ title: 'Fake police calls in Colchester', message: 'Near Colchester, 2 km from Mum · 3 reports' })]);
  });
});
