import { LruMap } from 'toad-cache';

type Callback = (error: Error | null, result: { current: number; ttl: number }) => void;

/**
 * A store for @fastify/rate-limit counting fixed windows on a monotonic clock (ms), in a bounded LRU map.
 * The plugin's own local store reads the wall clock, so a clock stepped back an hour kept every window open for
 * that hour; this one cannot be fooled by the wall clock, and forgets the least recently seen keys beyond `size`.
 * Implements the plugin's store contract: `incr`, `read` (a peek that changes nothing) and `child`.
 */
export function monotonicStore(now: () => number = () => performance.now(), size = 20_000) {
  return class MonotonicStore {
    private readonly windows = new LruMap<{ count: number; startedAt: number }>(size);

    incr(key: string, callback: Callback, timeWindow: number): void {
      const at = now();
      let window = this.windows.get(key);
      if (!window || window.startedAt + timeWindow <= at) window = { count: 0, startedAt: at };
      window.count += 1;
      this.windows.set(key, window);
      callback(null, { current: window.count, ttl: window.startedAt + timeWindow - at });
    }

    read(key: string, callback: Callback, timeWindow: number): void {
      const at = now();
      const window = this.windows.get(key);
      if (!window || window.startedAt + timeWindow <= at) callback(null, { current: 0, ttl: 0 });
      else callback(null, { current: window.count, ttl: window.startedAt + timeWindow - at });
    }

    child(): MonotonicStore {
      return new MonotonicStore();
    }
  };
}
