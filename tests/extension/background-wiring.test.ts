import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../entrypoints/background.ts';
import { customFeedSource } from '../../src/core/sources/force-registry.ts';
import { POLL_ALARM_NAME } from '../../src/core/watcher/poll-alarm.ts';
import { DEFAULT_SOURCE_CHOICES } from '../../src/core/watcher/watcher-state.ts';
import { createExtensionStore, keyValueStoreFromStorageArea } from '../../src/db/extension-store.ts';
import type { CheckNowReply } from '../../src/core/watcher/watcher-messages.ts';
import { startLocalServer, type LocalServer } from '../helpers/local-http-server.ts';
import { fixture, MUM, rssRoute } from './watcher-harness.ts';

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('background.ts as the browser runs it', () => {
  let server: LocalServer;
  beforeEach(async () => {
    fakeBrowser.reset();
    // The fake browser has no permissions API: every site counts as allowed here.
    fakeBrowser.permissions.contains = vi.fn(async () => true) as typeof fakeBrowser.permissions.contains;
    server = await startLocalServer({ '/colchester.xml': rssRoute(() => fixture('phone-scam-feed.xml')) });
  });
  afterEach(() => server.close());

  it('creates the poll alarm when the worker starts, and again on the next start if the browser dropped it', async () => {
    background.main();
    await settle();
    expect((await fakeBrowser.alarms.get(POLL_ALARM_NAME))?.periodInMinutes).toBe(15);

    await fakeBrowser.alarms.clearAll();
    await fakeBrowser.runtime.onStartup.trigger();
    await settle();
    expect(await fakeBrowser.alarms.get(POLL_ALARM_NAME)).toBeDefined();
  });

  it('opens the options page on a fresh install with no one set up, and not on an update or when someone is watched', async () => {
    const openOptionsPage = vi.fn(async () => undefined);
    fakeBrowser.runtime.openOptionsPage = openOptionsPage as typeof fakeBrowser.runtime.openOptionsPage;
    background.main();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.1.0', temporary: false });
    await settle();
    expect(openOptionsPage).not.toHaveBeenCalled();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await expect.poll(() => openOptionsPage.mock.calls.length).toBe(1);
    expect((await fakeBrowser.alarms.get(POLL_ALARM_NAME))?.periodInMinutes).toBe(15);

    await createExtensionStore(keyValueStoreFromStorageArea(fakeBrowser.storage.local)).savePeople([{ person: MUM, sources: DEFAULT_SOURCE_CHOICES }]);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await settle();
    expect(openOptionsPage).toHaveBeenCalledTimes(1);
  });

  it('answers "Check now" from a page with the cycle\'s outcome and shows the notification', async () => {
    // Capture the listener to call it as Chrome does, with a sendResponse callback.
    const listeners: ((message: unknown, sender: unknown, sendResponse: (reply: unknown) => void) => unknown)[] = [];
    const addListener = fakeBrowser.runtime.onMessage.addListener.bind(fakeBrowser.runtime.onMessage);
    vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener').mockImplementation((listener) => {
      listeners.push(listener as (typeof listeners)[number]);
      addListener(listener);
    });
    background.main();
    const url = `${server.url}/colchester.xml`;
    const feed = customFeedSource(url);
    await fakeBrowser.storage.local.set({
      people: [{ person: { ...MUM, radiusKm: 15 }, sources: { includeNeighbours: false, includeGoogleNews: false, disabledSourceIds: ['essex:news'] } }],
      customFeeds: [{ id: feed.id, url: feed.url, label: feed.label, addedAt: '2026-11-24T08:00:00.000Z' }],
      settings: { pollIntervalMinutes: 15, quietHours: { enabled: false, start: '22:00', end: '07:00' }, carerAppUrl: '' },
    });

    expect(listeners).toHaveLength(1);
    const reply = await new Promise<CheckNowReply>((resolve) => {
      const keptOpen = listeners[0]!({ type: 'check-now' }, {}, (answer) => resolve(answer as CheckNowReply));
      expect(keptOpen).toBe(true);
    });

    expect(reply).toMatchObject({ ok: true, result: { sourcesChecked: 1, sourcesFailed: 0, alerts: 1 } });
    const shown = Object.values(await fakeBrowser.notifications.getAll()) as { title: string }[];
    expect(shown.map((notification) => notification.title)).toEqual(['Warning after fake police officers phone Colchester residents']);
    expect(listeners[0]!({ type: 'something-else' }, {}, () => undefined)).toBeUndefined();
  });
});
