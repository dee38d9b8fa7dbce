/**
 * The watcher's platform in a browser extension (service worker and pages): the browser's fetch, clock and timers,
 * and chrome.storage.local as the key-value store.
 */
import { browser } from 'wxt/browser';
import { systemClock, type KeyValueStore, type WatcherPlatform } from '../core/platform.ts';
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
