import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  createExtensionStore,
  CURRENT_SCHEMA_VERSION,
  keyValueStoreFromStorageArea,
  migrateExtensionStore,
  NOTIFIED_LOG_LIMIT,
  STORE_KEYS,
} from '../../src/db/extension-store.ts';
import { DEFAULT_SETTINGS } from '../../src/core/watcher/watcher-state.ts';

describe('extension storage', () => {
  beforeEach(() => fakeBrowser.reset());
  const kv = () => keyValueStoreFromStorageArea(fakeBrowser.storage.local);

  it('starts a fresh install at the current schema with default settings (15 minutes, quiet 22:00–07:00)', async () => {
    expect(await migrateExtensionStore(kv())).toBe(CURRENT_SCHEMA_VERSION);
    expect(await fakeBrowser.storage.local.get(STORE_KEYS.schemaVersion)).toEqual({ schemaVersion: CURRENT_SCHEMA_VERSION });
    const settings = await createExtensionStore(kv()).getSettings();
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(settings.pollIntervalMinutes).toBe(15);
    expect(settings.quietHours).toEqual({ enabled: true, start: '22:00', end: '07:00' });
  });

  it('keeps what the user saved when migrations run again on every worker start', async () => {
    await fakeBrowser.storage.local.set({ settings: { pollIntervalMinutes: 30 }, people: [{ person: { id: 'p1' } }] });
    await migrateExtensionStore(kv());
    await migrateExtensionStore(kv());
    const store = createExtensionStore(kv());
    expect((await store.getSettings()).pollIntervalMinutes).toBe(30);
    expect((await store.getSettings()).quietHours).toEqual(DEFAULT_SETTINGS.quietHours);
    expect(await store.getPeople()).toEqual([{ person: { id: 'p1' } }]);
  });

  it('migrates a version 1 store: an empty list of alerts held for the morning summary, settings kept', async () => {
    await fakeBrowser.storage.local.set({ schemaVersion: 1, settings: { ...DEFAULT_SETTINGS, pollIntervalMinutes: 30 } });
    expect(await migrateExtensionStore(kv())).toBe(2);
    expect(await fakeBrowser.storage.local.get(STORE_KEYS.heldAlerts)).toEqual({ heldAlerts: [] });
    const store = createExtensionStore(kv());
    expect(await store.getHeldAlerts()).toEqual([]);
    expect((await store.getSettings()).pollIntervalMinutes).toBe(30);
  });

  it('keeps the notification log bounded, newest last', async () => {
    const store = createExtensionStore(kv());
    for (let i = 0; i < NOTIFIED_LOG_LIMIT + 5; i++) {
      await store.appendNotified({ notificationId: `n${i}`, spateId: `s${i}`, personId: 'p1', headline: 'h', version: '1', at: '', shown: true, sentToCircle: false });
    }
    const log = await store.getNotifiedLog();
    expect(log).toHaveLength(NOTIFIED_LOG_LIMIT);
    expect(log.at(-1)?.notificationId).toBe(`n${NOTIFIED_LOG_LIMIT + 4}`);
    expect(log[0]?.notificationId).toBe('n5');
  });

  it('forgets the circle (and its key) when the user leaves it', async () => {
    const store = createExtensionStore(kv());
    await store.saveCircle({ relayUrl: 'https://r', circleId: 'c', deviceId: 'd', deviceToken: 't', circleKey: 'k', connectedAt: '' });
    await store.saveCircle(undefined);
    expect(await store.getCircle()).toBeUndefined();
    expect(await fakeBrowser.storage.local.get(STORE_KEYS.circle)).toEqual({});
  });
});
