import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../entrypoints/background.ts';
import { customFeedSource } from '../../src/core/sources/force-registry.ts';
import { POLL_ALARM_NAME } from '../../src/core/watcher/poll-alarm.ts';
import { DEFAULT_SOURCE_CHOICES } from '../../src/core/watcher/watcher-state.ts';
import { createExtensionStore, keyValueStoreFromStorageArea } from '../../src/db/extension-store.ts';
import type { SourceProgress } from '../../src/core/watcher/poll-cycle.ts';
import { browserPageDeps } from '../../src/ui/extension/browser-page-deps.ts';
import { startLocalServer, type LocalServer } from '../helpers/local-http-server.ts';
import { deliverRuntimeMessagesAsChrome, NO_RECEIVER } from './chrome-runtime-messaging.ts';
import { fixture, MUM, rssRoute } from './watcher-harness.ts';

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('background.ts as the browser runs it', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    // The fake browser has no permissions API: every site counts as allowed here.
    fakeBrowser.permissions.contains = vi.fn(async () => true) as typeof fakeBrowser.permissions.contains;
  });

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

});

describe('the pages and background.ts talk through the watcher protocol', () => {
  let server: LocalServer;
  let feedUrl: string;
  beforeEach(async () => {
    fakeBrowser.reset();
    fakeBrowser.permissions.contains = vi.fn(async () => true) as typeof fakeBrowser.permissions.contains;
    server = await startLocalServer({ '/colchester.xml': rssRoute(() => fixture('phone-scam-feed.xml')) });
    feedUrl = `${server.url}/colchester.xml`;
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await server.close();
  });

  /** Mum watched through one feed that reports fake police officers near her. */
  async function watchMumThroughOneFeed(): Promise<void> {
    const feed = customFeedSource(feedUrl);
    await fakeBrowser.storage.local.set({
      people: [{ person: { ...MUM, radiusKm: 15 }, sources: { includeNeighbours: false, includeGoogleNews: false, disabledSourceIds: ['essex:news'] } }],
      customFeeds: [{ id: feed.id, url: feed.url, label: feed.label, addedAt: '2026-11-24T08:00:00.000Z' }],
      settings: { pollIntervalMinutes: 15, quietHours: { enabled: false, start: '22:00', end: '07:00' }, carerAppUrl: '' },
    });
  }
  const store = () => createExtensionStore(keyValueStoreFromStorageArea(fakeBrowser.storage.local));

  it('answers the popup\'s "Check now" with the cycle\'s outcome, sends it progress per source, and notifies', async () => {
    deliverRuntimeMessagesAsChrome();
    background.main();
    await watchMumThroughOneFeed();
    const popup = browserPageDeps();
    const progress: SourceProgress[] = [];
    const stopListening = popup.onProgress((update) => progress.push(update));

    const reply = await popup.sendMessage('check-now');

    expect(reply).toMatchObject({ ok: true, result: { sourcesChecked: 1, sourcesFailed: 0, alerts: 1 } });
    const feedId = customFeedSource(feedUrl).id;
    await expect.poll(() => progress.at(-1)).toMatchObject({ sourceId: feedId, stage: 'ok', items: 2 });
    expect(progress.map((update) => update.stage)).toContain('fetching');
    const shown = Object.values(await fakeBrowser.notifications.getAll()) as { title: string }[];
    expect(shown.map((notification) => notification.title)).toEqual(['Warning after fake police officers phone Colchester residents']);

    // The popup closed: the next check still answers, and its progress goes nowhere.
    stopListening();
    const heard = progress.length;
    expect(await popup.sendMessage('check-now')).toMatchObject({ ok: true });
    expect(progress).toHaveLength(heard);
  });

  it('moves the poll alarm when the options page says the settings changed', async () => {
    deliverRuntimeMessagesAsChrome();
    background.main();
    await expect.poll(async () => (await fakeBrowser.alarms.get(POLL_ALARM_NAME))?.periodInMinutes).toBe(15);
    await store().saveSettings({ ...(await store().getSettings()), pollIntervalMinutes: 60 });

    await browserPageDeps().sendMessage('settings-changed');

    expect((await fakeBrowser.alarms.get(POLL_ALARM_NAME))?.periodInMinutes).toBe(60);
  });

  it('gives the page the background\'s own error when a request fails there', async () => {
    deliverRuntimeMessagesAsChrome();
    // The stored data cannot be read when the worker starts, so its migration, and every request after it, fails.
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValueOnce(new Error('Storage is unreadable'));
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    background.main();
    await watchMumThroughOneFeed();

    const failed = browserPageDeps().sendMessage('check-now');

    await expect(failed).rejects.toThrow(/^Storage is unreadable$/);
    expect(logged).toHaveBeenCalledWith('poll alarm', expect.objectContaining({ message: 'Storage is unreadable' }));
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
  });

  it('says plainly when no background answers', async () => {
    deliverRuntimeMessagesAsChrome();
    await expect(browserPageDeps().sendMessage('check-now')).rejects.toThrow(NO_RECEIVER);
  });

  it('ignores messages that are not of its protocol: no answer, no check', async () => {
    const { listeners } = deliverRuntimeMessagesAsChrome();
    background.main();
    await watchMumThroughOneFeed();
    expect(listeners).toHaveLength(1);
    // The old hand-made shape, another sender's message, a bare string, null.
    for (const message of [{ type: 'check-now' }, { type: 'something-else', id: 1, timestamp: Date.now() }, 'check-now', null]) {
      const sendResponse = vi.fn();
      expect(listeners[0]!(message, { id: fakeBrowser.runtime.id }, sendResponse)).not.toBe(true);
      await settle();
      expect(sendResponse).not.toHaveBeenCalled();
    }
    expect(await store().getLastCycle()).toBeUndefined();
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
  });
});
