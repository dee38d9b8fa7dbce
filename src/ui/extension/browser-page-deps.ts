import { browser } from 'wxt/browser';
import { isPollProgressMessage } from '../../core/watcher/watcher-messages.ts';
import { createExtensionStore } from '../../db/extension-store.ts';
import { browserPlatform, browserStorage } from '../../platform/browser.ts';
import type { PageDeps } from './page-deps.ts';

/** The real browser behind an extension page. */
export function browserPageDeps(): PageDeps {
  return {
    store: createExtensionStore(browserStorage()),
    permissions: browser.permissions,
    fetch: browserPlatform.fetch,
    postcodesBaseUrl: import.meta.env.KINWATCH_POSTCODES_API ?? 'https://api.postcodes.io',
    defaultCarerAppUrl: import.meta.env.KINWATCH_CARER_APP_URL ?? '',
    sendMessage: (message) => browser.runtime.sendMessage(message),
    onProgress(listener) {
      const handler = (message: unknown) => {
        if (isPollProgressMessage(message)) listener(message);
      };
      browser.runtime.onMessage.addListener(handler);
      return () => browser.runtime.onMessage.removeListener(handler);
    },
    extensionUrl: (path) => extensionPageUrl(path),
    async notificationLevel() {
      // Chrome only; Firefox has no getPermissionLevel (its notifications permission comes with the install).
      const level = await browser.notifications.getPermissionLevel?.().catch(() => undefined);
      return level === 'granted' || level === 'denied' ? level : 'unknown';
    },
  };
}

/** runtime.getURL, typed for any path (WXT's generated types list only known files). */
export function extensionPageUrl(path: string): string {
  return (browser.runtime as unknown as { getURL(path: string): string }).getURL(path);
}
