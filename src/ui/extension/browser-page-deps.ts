import { browser } from 'wxt/browser';
import { createExtensionStore, STORE_KEYS } from '../../db/extension-store.ts';
import { browserPlatform, browserStorage, createWatcherMessenger } from '../../platform/browser.ts';
import type { WatcherProtocol, WatcherRequest } from '../../core/watcher/watcher-protocol.ts';
import type { PageDeps, StoredKind } from './page-deps.ts';

/** The real browser behind an extension page. */
export function browserPageDeps(): PageDeps {
  const messenger = createWatcherMessenger();
  return {
    store: createExtensionStore(browserStorage()),
    permissions: browser.permissions,
    fetch: browserPlatform.fetch,
    postcodesBaseUrl: import.meta.env.KINWATCH_POSTCODES_API ?? 'https://api.postcodes.io',
    defaultCarerAppUrl: import.meta.env.KINWATCH_CARER_APP_URL ?? '',
    // Page requests carry no data; TypeScript cannot narrow the library's reply type through the generic name.
    sendMessage: <Name extends WatcherRequest>(name: Name) => messenger.sendMessage(name as WatcherRequest) as Promise<ReturnType<WatcherProtocol[Name]>>,
    onProgress: (listener) => messenger.onMessage('poll-progress', (message) => listener(message.data)),
    onStoreChange: (kinds, listener) => watchStorage(browser.storage, kinds, listener),
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

/** The part of browser.storage that change events come from. */
export interface StorageEvents {
  onChanged: {
    addListener(callback: (changes: Record<string, unknown>, areaName: string) => void): void;
    removeListener(callback: (changes: Record<string, unknown>, areaName: string) => void): void;
  };
}

/**
 * Calls `listener` once per storage.onChanged event in the "local" area that touches any of `kinds` (STORE_KEYS
 * names); returns the unsubscribe.
 */
export function watchStorage(storage: StorageEvents, kinds: readonly StoredKind[], listener: () => void): () => void {
  const watched = new Set<string>(kinds.map((kind) => STORE_KEYS[kind]));
  const onChanged = (changes: Record<string, unknown>, areaName: string) => {
    if (areaName === 'local' && Object.keys(changes).some((key) => watched.has(key))) listener();
  };
  storage.onChanged.addListener(onChanged);
  return () => storage.onChanged.removeListener(onChanged);
}
