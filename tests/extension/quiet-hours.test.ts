import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { isWithinQuietHours } from '../../src/core/watcher/quiet-hours.ts';
import { startLocalServer, type LocalServer } from '../helpers/local-http-server.ts';
import { fixture, rssRoute, startBackground, watchMumWith } from './watcher-harness.ts';

const AT_TWO_AM = new Date(2026, 10, 24, 2, 0).getTime();
const AT_NINE_AM = new Date(2026, 10, 24, 9, 0).getTime();

describe('quiet hours', () => {
  let server: LocalServer;
  beforeEach(async () => {
    fakeBrowser.reset();
    server = await startLocalServer({
      '/colchester.xml': rssRoute(() => fixture('phone-scam-feed.xml')),
      '/witham.xml': rssRoute(() => fixture('courier-feed.xml')),
    });
  });
  afterEach(() => server.close());

  it('holds back a routine warning at 02:00 but still records it and shows it in the popup data', async () => {
    const { store, background, created } = await startBackground({ now: () => AT_TWO_AM });
    await watchMumWith(store, [`${server.url}/colchester.xml`]);

    const result = await background.cycle.run();

    expect(result.alerts).toBe(1);
    expect(created).toHaveLength(0);
    expect(await store.getNotifiedLog()).toMatchObject([{ shown: false, heldBack: 'quiet-hours' }]);
    expect((await store.getSpates()).length).toBe(1);
  });

  it('still shows an urgent one at 02:00: a courier collecting cash', async () => {
    const { store, background, created } = await startBackground({ now: () => AT_TWO_AM });
    await watchMumWith(store, [`${server.url}/colchester.xml`, `${server.url}/witham.xml`]);

    await background.cycle.run();

    expect(created.map((entry) => entry.options.title)).toEqual(['Courier collects cash from Witham pensioner after fake detective call']);
    expect(created[0]!.options.requireInteraction).toBe(true);
  });

  it('shows a routine warning in the day, and none at night when quiet hours are off', async () => {
    const day = await startBackground({ now: () => AT_NINE_AM });
    await watchMumWith(day.store, [`${server.url}/colchester.xml`]);
    await day.background.cycle.run();
    expect(day.created).toHaveLength(1);

    fakeBrowser.reset();
    const night = await startBackground({ now: () => AT_TWO_AM });
    await watchMumWith(night.store, [`${server.url}/colchester.xml`]);
    await night.store.saveSettings({ ...(await night.store.getSettings()), quietHours: { enabled: false, start: '22:00', end: '07:00' } });
    await night.background.cycle.run();
    expect(night.created).toHaveLength(1);
  });

  it('spans midnight: 22:00 to 07:00 covers 23:30 and 06:59, not 07:00 or 21:59', () => {
    const quiet = { enabled: true, start: '22:00', end: '07:00' };
    expect(isWithinQuietHours(quiet, 23 * 60 + 30)).toBe(true);
    expect(isWithinQuietHours(quiet, 6 * 60 + 59)).toBe(true);
    expect(isWithinQuietHours(quiet, 7 * 60)).toBe(false);
    expect(isWithinQuietHours(quiet, 21 * 60 + 59)).toBe(false);
    expect(() => isWithinQuietHours({ enabled: true, start: '25:00', end: '07:00' }, 0)).toThrow('Quiet hours start');
  });
});
