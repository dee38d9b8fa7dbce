import { idOnlyPushPayload } from '../../core/alerts/alert.ts';
import type { Clock } from '../../core/platform.ts';
import type { Store } from '../store/store.ts';
import type { PushSender } from './push-sender.ts';

export interface PushWorkerOptions {
  store: Store;
  sender: PushSender;
  clock: Clock;
  log: (entry: Record<string, unknown>) => void;
  batchSize?: number;
  /** How long a claimed push stays claimed; a relay that dies mid-send leaves it to be claimed again after this. */
  leaseMs?: number;
  idleMs?: number;
  maxAttempts?: number;
  baseBackoffMs?: number;
  maxBackoffMs?: number;
}

export interface PushWorker {
  /** Drains what is due now; resolves with how many pushes were handled. */
  drainOnce(): Promise<number>;
  /** Wakes the loop at once (after an alert was queued). */
  nudge(): void;
  start(): void;
  /** Lets the batch in progress finish, then stops. */
  stop(): Promise<void>;
}

/** Sends queued pushes: the queue lives in the database, so a restart loses none and several relays share the work. */
export function createPushWorker(options: PushWorkerOptions): PushWorker {
  const { store, sender, clock, log } = options;
  const batchSize = options.batchSize ?? 100;
  const leaseMs = options.leaseMs ?? 60_000;
  const idleMs = options.idleMs ?? 1_000;
  const maxAttempts = options.maxAttempts ?? 8;
  const baseBackoffMs = options.baseBackoffMs ?? 1_000;
  const maxBackoffMs = options.maxBackoffMs ?? 15 * 60_000;
  let running = false;
  let loop: Promise<void> | undefined;
  let wake: (() => void) | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function handle(job: Awaited<ReturnType<Store['claimPushes']>>[number]): Promise<void> {
    if (!job.subscription) {
      await store.finishPush(job.id);
      return;
    }
    const send = async (payload: string) => {
      try {
        return await sender.send({ subscription: job.subscription!, payload, urgency: job.urgency, topic: job.topic, ttlSeconds: job.ttlSeconds });
      } catch (error) {
        return { kind: 'failed' as const, reason: (error as Error).message };
      }
    };
    let outcome = await send(job.payload);
    // A push service that takes less than the standard 4 KB (Firefox for Android: 3,070 bytes) answers 413: send the
    // alert's id alone; the device reads the alert from the circle's records.
    const idOnly = outcome.kind === 'failed' && outcome.status === 413 ? idOnlyPushPayload(job.payload) : undefined;
    if (idOnly) {
      outcome = await send(idOnly);
      log({ msg: 'push sent id-only after 413', deviceId: job.deviceId, status: 'status' in outcome ? outcome.status : undefined });
    }
    if (outcome.kind === 'delivered') await store.finishPush(job.id);
    else if (outcome.kind === 'gone') {
      await store.deletePushSubscription(job.deviceId);
      await store.finishPush(job.id);
      log({ msg: 'push subscription gone', deviceId: job.deviceId, status: outcome.status });
    } else if (outcome.kind === 'retry' && job.attempts < maxAttempts) {
      const backoff = Math.min(maxBackoffMs, baseBackoffMs * 2 ** (job.attempts - 1));
      const delay = Math.max(backoff, Math.min(outcome.retryAfterMs ?? 0, maxBackoffMs));
      await store.retryPush(job.id, clock.now() + delay);
      log({ msg: 'push retry', deviceId: job.deviceId, attempt: job.attempts, status: outcome.status, delayMs: delay });
    } else {
      await store.finishPush(job.id);
      log({ msg: 'push dropped', deviceId: job.deviceId, attempts: job.attempts, reason: outcome.reason });
    }
  }

  async function drainOnce(): Promise<number> {
    let handled = 0;
    for (;;) {
      const jobs = await store.claimPushes(clock.now(), batchSize, leaseMs);
      if (jobs.length === 0) return handled;
      await Promise.all(jobs.map(handle));
      handled += jobs.length;
    }
  }

  return {
    drainOnce,
    nudge() {
      wake?.();
    },
    start() {
      if (running) return;
      running = true;
      loop = (async () => {
        while (running) {
          try {
            await drainOnce();
          } catch (error) {
            log({ level: 'error', msg: 'push worker', error: (error as Error).message });
          }
          if (!running) break;
          await new Promise<void>((resolve) => {
            wake = resolve;
            timer = setTimeout(resolve, idleMs);
          });
          wake = undefined;
          clearTimeout(timer);
        }
      })();
    },
    async stop() {
      running = false;
      wake?.();
      await loop;
    },
  };
}
