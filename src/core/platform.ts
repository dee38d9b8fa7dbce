/**
 * Platform seams. Core never touches fetch, storage, clocks or notifications directly: the extension's service
 * worker, the PWA and Node each pass their own implementation, and tests pass fakes or real local servers.
 */

/** The subset of WHATWG fetch that core uses; `globalThis.fetch` satisfies it in every target. */
export type HttpFetch = (url: string, init?: RequestInit) => Promise<Response>;

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** Waits; injected so tests of backoff and politeness do not sleep for real. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** A small async key-value store (chrome.storage.local, IndexedDB, a Map in tests). Values are JSON-serialisable. */
export interface KeyValueStore {
  get<T>(key: string): Promise<T | undefined>;
  set<T>(key: string, value: T): Promise<void>;
  remove(key: string): Promise<void>;
}

/** Random numbers in [0, 1); injected so jittered backoff is reproducible in tests. */
export type Random = () => number;

/** The platform services the watcher runs on, built once per target (src/platform/browser.ts, src/platform/node.ts). */
export interface WatcherPlatform {
  fetch: HttpFetch;
  clock: Clock;
  sleep: Sleep;
  random: Random;
}
