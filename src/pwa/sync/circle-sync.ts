/**
 * Keeps this device in sync with its care circle: on app start, shortly after any local change, when the connection
 * comes back, when the app is shown again, and every few minutes. One round at a time.
 */
import type { Repository } from '../../db/repository.ts';
import type { KinwatchDb } from '../../db/schema.ts';
import { loadMembership } from './circle-membership.ts';
import { createRelayClient } from '../../core/circle/relay-client.ts';
import { syncOnce, type SyncResult } from './sync-engine.ts';

export interface CircleSync {
  /** Runs a round now (or joins the one in progress); resolves undefined when not in a circle. */
  syncNow(): Promise<SyncResult | undefined>;
  stop(): void;
}

export function startCircleSync(options: { db: KinwatchDb; repository: () => Promise<Repository>; intervalMs?: number; debounceMs?: number }): CircleSync {
  const { db } = options;
  let running: Promise<SyncResult | undefined> | undefined;
  let again = false;
  let debounce: ReturnType<typeof setTimeout> | undefined;

  async function round(): Promise<SyncResult | undefined> {
    const membership = await loadMembership(db);
    if (!membership) return undefined;
    return syncOnce({ db, repository: await options.repository(), membership, relay: createRelayClient(membership.relayOrigin) });
  }

  function syncNow(): Promise<SyncResult | undefined> {
    if (running) {
      again = true;
      return running;
    }
    running = round()
      .catch(() => undefined) // the error is kept in the sync status the circle screen shows
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          void syncNow();
        }
      });
    return running;
  }

  const soon = () => {
    clearTimeout(debounce);
    debounce = setTimeout(() => void syncNow(), options.debounceMs ?? 400);
  };
  const onVisible = () => {
    if (document.visibilityState === 'visible') void syncNow();
  };
  const onCreate = () => {
    // Runs inside the writing transaction: schedule the sync after it commits.
    soon();
  };
  db.outbox.hook('creating', onCreate);
  window.addEventListener('online', soon);
  document.addEventListener('visibilitychange', onVisible);
  const timer = setInterval(() => void syncNow(), options.intervalMs ?? 5 * 60_000);
  void syncNow();

  return {
    syncNow,
    stop() {
      db.outbox.hook('creating').unsubscribe(onCreate);
      window.removeEventListener('online', soon);
      document.removeEventListener('visibilitychange', onVisible);
      clearInterval(timer);
      clearTimeout(debounce);
    },
  };
}

let appSync: CircleSync | undefined;

/** The app's one sync loop, started on first use (app start, or the circle screen). */
export function appCircleSync(db: KinwatchDb, repository: () => Promise<Repository>): CircleSync {
  appSync ??= startCircleSync({ db, repository });
  return appSync;
}
