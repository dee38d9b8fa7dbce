import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { originPatternOf } from '../src/core/watcher/permission-request.ts';
import { createWatcherBackground } from '../src/core/watcher/watcher-background.ts';
import { createExtensionStore, migrateExtensionStore } from '../src/db/extension-store.ts';
import { browserPlatform, browserStorage, createWatcherMessenger } from '../src/platform/browser.ts';
import { extensionPageUrl } from '../src/ui/extension/browser-page-deps.ts';

// Only wiring: the browser's platform and APIs go into the watcher's one factory; all behaviour lives in src/core.
export default defineBackground({
  type: 'module',
  main() {
    const kv = browserStorage();
    const migrated = migrateExtensionStore(kv);
    const messenger = createWatcherMessenger();
    const watcher = createWatcherBackground({
      platform: browserPlatform,
      store: createExtensionStore(kv),
      alarms: browser.alarms,
      notifications: { create: (id, options) => browser.notifications.create(id, options) },
      hasSiteAccess: (url) => browser.permissions.contains({ origins: [originPatternOf(url)] }),
      broadcast: (progress) => {
        // No page open to listen is normal.
        messenger.sendMessage('poll-progress', progress).catch(() => undefined);
      },
      openUrl: async (url) => {
        await browser.tabs.create({ url });
      },
      openOptionsPage: () => browser.runtime.openOptionsPage(),
      popupUrl: extensionPageUrl('/popup.html'),
      defaultCarerAppUrl: import.meta.env.KINWATCH_CARER_APP_URL ?? '',
      postcodesBaseUrl: import.meta.env.KINWATCH_POSTCODES_API ?? 'https://api.postcodes.io',
    });

    const ensureAlarm = (): void => {
      migrated.then(() => watcher.ensureAlarm()).catch((error: unknown) => console.error('poll alarm', error));
    };
    // Bitwarden-style: every worker start checks the alarm, as well as the two lifecycle events.
    ensureAlarm();
    browser.runtime.onStartup.addListener(ensureAlarm);
    browser.runtime.onInstalled.addListener((details) => {
      migrated.then(() => watcher.onInstalled(details)).catch((error: unknown) => console.error('install', error));
    });
    browser.alarms.onAlarm.addListener((alarm) => {
      void migrated.then(() => watcher.onAlarm(alarm)).catch((error: unknown) => console.error('poll', error));
    });
    // The pages' requests, after the storage migration; a handler that throws rejects the page's sendMessage with its message.
    messenger.onMessage('check-now', () => migrated.then(() => watcher.checkNow()));
    messenger.onMessage('settings-changed', () => migrated.then(() => watcher.onSettingsChanged()));
    browser.notifications.onClicked.addListener((id) => void watcher.onNotificationClicked(id));
    browser.notifications.onButtonClicked.addListener((id, index) => void watcher.onNotificationClicked(id, index));
  },
});

