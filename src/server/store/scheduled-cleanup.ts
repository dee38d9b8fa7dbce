import type { Clock } from '../../core/platform.ts';
import type { Log } from '../relay-deps.ts';
import type { Store } from './store.ts';

/** Removed devices are kept this long (ms) after removal, so a sync in flight still gets its clear 401. */
export const REMOVED_DEVICE_GRACE_MS = 30 * 24 * 3_600_000;

/**
 * Runs the store's clean-up every `everyMs` (and once a minute after start): unusable invites, long-removed devices
 * and circles nobody has used for `abandonedAfterMs`. Logs what it removed. With several relays on one PostgreSQL
 * each runs it; the deletes are idempotent.
 */
export function scheduleCleanup(options: { store: Store; clock: Clock; log: Log; everyMs: number; abandonedAfterMs: number }): { stop(): void } {
  const { store, clock, log } = options;
  let running: Promise<void> | undefined;
  const run = () => {
    running ??= store.cleanup(clock.now(), { abandonedAfterMs: options.abandonedAfterMs, removedGraceMs: REMOVED_DEVICE_GRACE_MS })
      .then((removed) => log({ msg: 'cleanup', ...removed }))
      .catch((error: Error) => log({ level: 'error', msg: 'cleanup failed', error: error.message }))
      .finally(() => {
        running = undefined;
      });
  };
  const first = setTimeout(run, Math.min(60_000, options.everyMs));
  const timer = setInterval(run, options.everyMs);
  first.unref();
  timer.unref();
  return {
    stop() {
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}
