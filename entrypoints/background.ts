import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { analyzeForSpates } from '../src/core/detect/screen-article.ts';
import { gbGazetteer } from '../src/core/geo/gazetteer-gb.ts';
import { systemClock } from '../src/core/platform.ts';
import { forceById, sourcesForForce } from '../src/core/sources/force-registry.ts';
import { originPatternOf } from '../src/core/watcher/permission-request.ts';
import { createSpateDetector } from '../src/core/watcher/spate-detector.ts';
import { createWatcherBackground } from '../src/core/watcher/watcher-background.ts';
import { isWatcherRequest, type PollProgressMessage } from '../src/core/watcher/watcher-messages.ts';
import { extensionPageUrl } from '../src/ui/extension/browser-page-deps.ts';
import { createExtensionStore, keyValueStoreFromStorageArea, migrateExtensionStore } from '../src/db/extension-store.ts';

// Only wiring: browser APIs go into the watcher's factories; all behaviour lives in src/core/watcher.
export default defineBackground({
  type: 'module',
  main() {
    const kv = keyValueStoreFromStorageArea(browser.storage.local);
    const migrated = migrateExtensionStore(kv);
    const gazetteer = gbGazetteer();
    const watcher = createWatcherBackground({
      store: createExtensionStore(kv),
      alarms: browser.alarms,
      notifications: { create: (id, options) => browser.notifications.create(id, options) },
      fetch: (url, init) => fetch(url, init),
      clock: systemClock,
      sleep: (ms, signal) =>
        new Promise((resolve) => {
          const timer = setTimeout(resolve, ms);
          signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
        }),
      random: Math.random,
      hasSiteAccess: (url) => browser.permissions.contains({ origins: [originPatternOf(url)] }),
      sourcesForForce: (forceId, options) => (forceById(forceId) ? sourcesForForce(forceId, options) : []),
      detect: createSpateDetector({
        analyze: (text, options) => analyzeForSpates(text, { ...options, gazetteer }),
        gazetteer: { lookup: (name) => gazetteer.lookup(name) },
      }),
      broadcast: (message: PollProgressMessage) => {
        // No page open to listen is normal.
        browser.runtime.sendMessage(message).catch(() => undefined);
      },
      openUrl: async (url) => {
        await browser.tabs.create({ url });
      },
      popupUrl: extensionPageUrl('/popup.html'),
      defaultCarerAppUrl: import.meta.env.KINWATCH_CARER_APP_URL ?? '',
    });

    const ensureAlarm = (): void => {
      migrated.then(() => watcher.ensureAlarm()).catch((error: unknown) => console.error('poll alarm', error));
    };
    // Bitwarden-style: every worker start checks the alarm, as well as the two lifecycle events.
    ensureAlarm();
    browser.runtime.onStartup.addListener(ensureAlarm);
    browser.runtime.onInstalled.addListener(ensureAlarm);
    browser.alarms.onAlarm.addListener((alarm) => {
      void migrated.then(() => watcher.onAlarm(alarm)).catch((error: unknown) => console.error('poll', error));
    });
    // sendResponse and `return true` keep the channel open in every Chrome and Firefox version.
    browser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse: (reply: unknown) => void) => {
      if (!isWatcherRequest(message)) return undefined;
      migrated
        .then(() => watcher.onMessage(message))
        .then(sendResponse, (error: unknown) => sendResponse({ ok: false, error: error instanceof Error ? error.message : String(error) }));
      return true;
    });
    browser.notifications.onClicked.addListener((id) => void watcher.onNotificationClicked(id));
    browser.notifications.onButtonClicked.addListener((id, index) => void watcher.onNotificationClicked(id, index));
  },
});

