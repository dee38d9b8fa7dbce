import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { POLL_ALARM_NAME } from '../../src/core/watcher/poll-alarm.ts';
import { describeNightSummary } from '../../src/core/watcher/night-summary.ts';
import { startLocalServer, type LocalServer } from '../helpers/local-http-server.ts';
import { fixture, rssRoute, startBackground, watchMumWith } from './watcher-harness.ts';

const at = (hours: number, minutes: number): number => new Date(2026, 10, 24, hours, minutes).getTime();

/** The Colchester feed's phone warning, told of Witham (20 km off) instead: a second, separate routine spate for Mum. */
const withamPhoneFeed = (): string =>
  fixture('phone-scam-feed.xml')
    .replaceAll('Colchester', 'Witham')
    .replaceAll('alerts.example.org/colchester', 'alerts.example.org/witham');

describe('the morning summary of warnings held back at night', () => {
  let server: LocalServer;
  let now: number;
  beforeEach(async () => {
    fakeBrowser.reset();
    server = await startLocalServer({
      '/colchester.xml': rssRoute(() => fixture('phone-scam-feed.xml')),
      '/witham-phone.xml': rssRoute(withamPhoneFeed),
    });
  });
  afterEach(() => server.close());

  const start = () => startBackground({ now: () => now });

  it('holds warnings at 02:00, shows one summary at 07:05 that opens the popup, and not again after a restart at 07:10', async () => {
    now = at(2, 0);
    const night = await start();
    await watchMumWith(night.store, [`${server.url}/colchester.xml`, `${server.url}/witham-phone.xml`]);
    expect((await night.background.cycle.run()).alerts).toBe(2);
    expect(night.created).toHaveLength(0);
    expect((await night.store.getHeldAlerts()).map((held) => held.place).sort()).toEqual(['Colchester', 'Witham']);

    now = at(7, 5);
    await night.background.cycle.run();
    expect(night.created.map((shown) => [shown.options.title, shown.options.message])).toEqual([
      ['While you slept: 2 new warnings near Mum', expect.stringMatching(/^(Colchester, Witham|Witham, Colchester)$/)],
    ]);
    expect(await night.store.getHeldAlerts()).toEqual([]);
    expect(await fakeBrowser.notifications.getAll()).toHaveProperty(night.created[0]!.id);

    await night.background.onNotificationClicked(night.created[0]!.id);
    expect(night.opened).toEqual(['chrome-extension://test-extension-id/popup.html']);

    // A restarted worker over the same storage: the summary was recorded as given before it was shown.
    now = at(7, 10);
    const restarted = await start();
    await restarted.background.ensureAlarm();
    await restarted.background.onAlarm({ name: POLL_ALARM_NAME });
    expect((await restarted.store.getLastCycle())?.startedAt).toBe(new Date(at(7, 10)).toISOString());
    expect(restarted.created).toHaveLength(0);
  });

  it('stays silent after quiet hours when nothing was held back', async () => {
    now = at(2, 0);
    const night = await start();
    await watchMumWith(night.store, []);
    await night.background.cycle.run();
    now = at(7, 5);
    await night.background.cycle.run();
    expect(night.created).toHaveLength(0);
  });

  it('waits while it is still night: a cycle at 04:00 shows nothing', async () => {
    now = at(2, 0);
    const night = await start();
    await watchMumWith(night.store, [`${server.url}/colchester.xml`]);
    await night.background.cycle.run();
    now = at(4, 0);
    await night.background.cycle.run();
    expect(night.created).toHaveLength(0);
    expect(await night.store.getHeldAlerts()).toHaveLength(1);
  });

  it('still shows an urgent warning at once at night, and leaves it out of the summary', async () => {
    server.close();
    server = await startLocalServer({
      '/colchester.xml': rssRoute(() => fixture('phone-scam-feed.xml')),
      '/witham.xml': rssRoute(() => fixture('courier-feed.xml')),
    });
    now = at(2, 0);
    const night = await start();
    await watchMumWith(night.store, [`${server.url}/colchester.xml`, `${server.url}/witham.xml`]);
    await night.background.cycle.run();
    expect(night.created.map((shown) => shown.options.title)).toEqual(['Courier collects cash from Witham pensioner after fake detective call']);

    now = at(7, 5);
    await night.background.cycle.run();
    expect(night.created.at(-1)?.options).toMatchObject({ title: 'While you slept: 1 new warning near Mum', message: 'Colchester' });
    expect(night.created).toHaveLength(2);
  });

  it('names everyone and every place once', () => {
    const held = (personName: string, place: string, spateId: string) => ({
      spateId,
      personId: personName,
      personName,
      headline: 'h',
      place,
      version: '1:medium:0',
      at: '2026-11-24T02:00:00.000Z',
    });
    expect(describeNightSummary([held('Mum', 'Colchester', 'a'), held('Mum', 'Dedham', 'b')])).toEqual({
      title: 'While you slept: 2 new warnings near Mum',
      message: 'Colchester, Dedham',
    });
    expect(describeNightSummary([held('Mum', 'Colchester', 'a'), held('Dad', 'Colchester', 'b'), held('Gran', 'Leeds', 'c')])).toEqual({
      title: 'While you slept: 3 new warnings near Mum, Dad and Gran',
      message: 'Colchester, Leeds',
    });
  });
});
