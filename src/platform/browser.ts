/**
 * The watcher's platform in a browser extension (service worker and pages): the browser's fetch, clock and timers,
 * chrome.storage.local as the key-value store, and runtime messaging between the pages and the worker.
 */
import { defineExtensionMessaging, type ExtensionMessenger } from '@webext-core/messaging';
import { browser } from 'wxt/browser';
import { systemClock, type KeyValueStore, type WatcherPlatform } from '../core/platform.ts';
import type { WatcherProtocol } from '../core/watcher/watcher-protocol.ts';
import { keyValueStoreFromStorageArea } from '../db/extension-store.ts';
import { timerSleep } from './platform.ts';

export const browserPlatform: WatcherPlatform = {
  // Called through globalThis so the browser's fetch keeps its receiver.
  fetch: (url, init) => globalThis.fetch(url, init),
  clock: systemClock,
  sleep: timerSleep,
  random: Math.random,
};

/** chrome.storage.local (browser.storage.local in Firefox) as a KeyValueStore. */
export function browserStorage(): KeyValueStore {
  return keyValueStoreFromStorageArea(browser.storage.local);
}

/** The pages' and the worker's typed messenger over runtime.sendMessage / runtime.onMessage. */
export type WatcherMessenger = ExtensionMessenger<WatcherProtocol>;

/**
 * A messenger for WatcherProtocol (`@webext-core/messaging`), one per page or worker start: it allows one handler per
 * message name. `sendMessage(name)` resolves with the handler's reply, or rejects with the handler's error (its message
 * kept) or the browser's ("Could not establish connection…" when nothing listens). Messages not in its format (a
 * `type` and a `timestamp`) and names with no handler here are ignored, so another listener may answer them.
 */
export function createWatcherMessenger(): WatcherMessenger {
  return defineExtensionMessaging<WatcherProtocol>();
}
