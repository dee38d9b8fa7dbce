/** What every platform's adapters share. */
import type { Sleep } from '../core/platform.ts';

/** setTimeout as a Sleep: resolves after `ms`, or at once when `signal` aborts (never rejects). */
export const timerSleep: Sleep = (ms, signal) =>
  new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });
