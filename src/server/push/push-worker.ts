import { idOnlyPushPayload } from '../../core/alerts/alert.ts';
import type { Clock } from '../../core/platform.ts';
import type { PushJob, Store } from '../store/store.ts';
import type { PushSender, SendOutcome } from './push-sender.ts';

export interface PushWorkerOptions {
  store: Store;
  sender: PushSender;
  clock: Clock;
  log: (entry: Record<string, unknown>) => void;
  /** Most pushes claimed at once. */
  batchSize?: number;
  /** Most sends in flight at once; a slow push service holds one slot, not the queue. */
  concurrency?: number;
  /** How long a claimed push stays claimed; a relay that dies mid-send leaves it to be claimed again after this. */
  leaseMs?: number;
  idleMs?: number;
  maxAttempts?: number;
  baseBackoffMs?: number;
  maxBackoffMs?: number;
}

export interface PushWorker {
  /** Sends everything due now and waits for every send; resolves with how many pushes were handled. */
  drainOnce(): Promise<number>;
  /** Wakes the loop at once (after an alert was queued). */
  nudge(): void;
  start(): void;
  /**
   * Stops claiming and lets the sends in flight finish for up to `graceMs` (2 s by default); a send still waiting
   * after that is left to its claim, which lapses, so this relay or another sends it again.
   */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Sends queued pushes: the queue lives in the database, so a restart loses none and several relays share the work.
 * Each push is sent on its own with its own deadline (the sender's), up to `concurrency` at once: the worker claims
 * more as slots free up, so one hanging push service delays only its own pushes.
 */
export function createPushWorker(options: PushWorkerOptions): PushWorker {
  const { store, sender, clock, log } = options;
  const batchSize = options.batchSize ?? 100;
  const concurrency = options.concurrency ?? 64;
  const leaseMs = options.leaseMs ?? 60_000;
  const idleMs = options.idleMs ?? 1_000;
  const maxAttempts = options.maxAttempts ?? 8;
  const baseBackoffMs = options.baseBackoffMs ?? 1_000;
  const maxBackoffMs = options.maxBackoffMs ?? 15 * 60_000;
  const inFlight = new Set<Promise<void>>();
  let running = false;
  let loop: Promise<void> | undefined;
  let wake: (() => void) | undefined;

  /** TTL is what is left of the alert's lifetime, so a retry does not make a stale alert live longer. */
  async function send(job: PushJob): Promise<SendOutcome | 'expired'> {
    const remaining = Math.floor((job.expiresAt - clock.now()) / 1000);
    if (job.ttlSeconds > 0 && remaining <= 0) return 'expired';
    const message = { subscription: job.subscription!, payload: job.payload, urgency: job.urgency, topic: job.topic, ttlSeconds: job.ttlSeconds > 0 ? remaining : 0 };
    try {
      return await sender.send(message);
    } catch (error) {
      return { kind: 'failed', reason: (error as Error).message };
    }
  }

  async function handle(job: PushJob): Promise<void> {
    if (!job.subscription) {
      await store.finishPush(job.id);
      return;
    }
    let outcome = await send(job);
    if (outcome !== 'expired' && outcome.kind === 'retry' && outcome.staleConnection) {
      log({ msg: 'push retry', deviceId: job.deviceId, attempt: job.attempts, reason: `${outcome.reason} on a reused idle connection; retrying at once on a new one`, delayMs: 0 });
      outcome = await send(job);
    }
    // A push service that takes less than the standard 4 KB (Firefox for Android: 3,070 bytes) answers 413: send the
    // alert's id alone; the device reads the alert from the circle's records.
    const idOnly = outcome !== 'expired' && outcome.kind === 'failed' && outcome.status === 413 ? idOnlyPushPayload(job.payload) : undefined;
    if (idOnly) {
      outcome = await send({ ...job, payload: idOnly });
      log({ msg: 'push sent id-only after 413', deviceId: job.deviceId, status: outcome !== 'expired' && 'status' in outcome ? outcome.status : undefined });
    }
    if (outcome === 'expired') {
      await store.finishPush(job.id);
      log({ msg: 'push dropped', deviceId: job.deviceId, attempts: job.attempts, reason: 'its time to live ran out before it could be delivered' });
    } else if (outcome.kind === 'delivered') await store.finishPush(job.id);
    else if (outcome.kind === 'gone') {
      await store.deletePushSubscription(job.deviceId);
      await store.finishPush(job.id);
      log({ msg: 'push subscription gone', deviceId: job.deviceId, status: outcome.status });
    } else if (outcome.kind === 'retry' && job.attempts < maxAttempts) {
      const backoff = Math.min(maxBackoffMs, baseBackoffMs * 2 ** (job.attempts - 1));
      const delay = Math.max(backoff, Math.min(outcome.retryAfterMs ?? 0, maxBackoffMs));
      await store.retryPush(job.id, clock.now() + delay);
      log({ msg: 'push retry', deviceId: job.deviceId, attempt: job.attempts, status: outcome.status, reason: outcome.reason, delayMs: delay });
    } else {
      await store.finishPush(job.id);
      log({ msg: 'push dropped', deviceId: job.deviceId, attempts: job.attempts, reason: outcome.reason });
    }
  }

  function track(job: PushJob): void {
    const done = handle(job)
      .catch((error: Error) => log({ level: 'error', msg: 'push worker', error: error.message }))
      .finally(() => {
        inFlight.delete(done);
        wake?.();
      });
    inFlight.add(done);
  }

  /** Claims as many due pushes as there are free slots and starts them; returns how many it started. */
  async function fill(): Promise<number> {
    const free = Math.min(batchSize, concurrency - inFlight.size);
    if (free <= 0) return 0;
    const jobs = await store.claimPushes(clock.now(), free, leaseMs);
    for (const job of jobs) track(job);
    return jobs.length;
  }

  async function drainOnce(): Promise<number> {
    let handled = 0;
    for (;;) {
      const started = await fill();
      handled += started;
      if (started === 0 && inFlight.size === 0) return handled;
      if (started === 0 || inFlight.size >= concurrency) await Promise.race(inFlight);
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
          let started = 0;
          try {
            started = await fill();
          } catch (error) {
            log({ level: 'error', msg: 'push worker', error: (error as Error).message });
          }
          if (!running) break;
          // Claim again at once while there was work and room; otherwise wait for a nudge, a free slot or the poll.
          if (started > 0 && inFlight.size < concurrency) continue;
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, idleMs);
            wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
          wake = undefined;
        }
      })();
    },
    async stop(graceMs = 2_000) {
      running = false;
      wake?.();
      await loop;
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([Promise.all(inFlight), new Promise((resolve) => (timer = setTimeout(resolve, graceMs)))]);
      clearTimeout(timer);
    },
  };
}
