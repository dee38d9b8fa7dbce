/** The watcher's platform in Node (the `scan` command, benches and tests): Node's fetch, clock and timers, a Map store. */
import { systemClock, type KeyValueStore, type WatcherPlatform } from '../core/platform.ts';
import { timerSleep } from './platform.ts';

export const nodePlatform: WatcherPlatform = {
  fetch: (url, init) => globalThis.fetch(url, init),
  clock: systemClock,
  sleep: timerSleep,
  random: Math.random,
};

/** An in-memory KeyValueStore (values are copied through JSON, as a real store would). */
export function memoryStorage(): KeyValueStore {
  const values = new Map<string, string>();
  return {
    get: async <T>(key: string) => {
      const text = values.get(key);
      return text === undefined ? undefined : (JSON.parse(text) as T);
    },
    set: async (key, value) => void values.set(key, JSON.stringify(value)),
    remove: async (key) => void values.delete(key),
  };
}
