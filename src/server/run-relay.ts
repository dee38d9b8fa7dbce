import { mkdirSync } from 'node:fs';
import { systemClock, type Clock } from '../core/platform.ts';
import { buildApp } from './app.ts';
import type { Resolver } from './push/endpoint-guard.ts';
import { createPushSender } from './push/push-sender.ts';
import { createPushWorker } from './push/push-worker.ts';
import { loadVapidKeys } from './push/vapid.ts';
import type { RelayConfig } from './relay-config.ts';
import type { Log } from './relay-deps.ts';
import { lockDataFolder } from './store/data-folder-lock.ts';
import { openStore } from './store/open-store.ts';
import { scheduleCleanup } from './store/scheduled-cleanup.ts';

export interface RunningRelay {
  url: string;
  /** Stops accepting, lets requests in progress and the push batch in progress finish, then closes the database. */
  close(): Promise<void>;
}

export const jsonLog: Log = (entry) => {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), level: 'info', ...entry })}\n`);
};

/** Opens the store, starts the push worker and listens: the whole relay. */
export async function runRelay(config: RelayConfig, options: { log?: Log; clock?: Clock; resolve?: Resolver } = {}): Promise<RunningRelay> {
  const log = options.log ?? jsonLog;
  const clock = options.clock ?? systemClock;
  let unlock: (() => Promise<void>) | undefined;
  if (!config.databaseUrl) {
    mkdirSync(config.dataDir, { recursive: true });
    unlock = await lockDataFolder(config.dataDir, (error) => {
      log({ level: 'error', msg: 'data folder lock lost; stopping so two relays never write one folder', error: error.message });
      process.exit(1);
    });
  }
  const store = await openStore(config.databaseUrl
    ? { databaseUrl: config.databaseUrl, timeouts: { statementMs: config.timeouts.statementMs, poolWaitMs: config.timeouts.poolWaitMs } }
    : { dataDir: config.dataDir }).catch(async (error: Error) => {
    await unlock?.();
    throw error;
  });
  const vapid = await loadVapidKeys(store);
  const sender = createPushSender({
    vapid,
    subject: config.vapidSubject,
    allowOrigins: config.allowOrigins,
    ...(options.resolve ? { resolve: options.resolve } : {}),
  });
  const worker = createPushWorker({ store, sender, clock, log });
  const app = await buildApp({
    store,
    clock,
    vapid,
    log,
    settings: {
      allowOrigins: config.allowOrigins,
      bodyLimitBytes: config.bodyLimitBytes,
      pageBytes: config.pageBytes,
      inviteTtlMs: config.inviteTtlMs,
      pushTtlSeconds: config.pushTtlSeconds,
      staticDir: config.staticDir,
      trustProxy: config.trustProxy,
      quotas: config.quotas,
      limits: config.limits,
      timeouts: config.timeouts,
    },
    onPushQueued: () => worker.nudge(),
    ...(options.resolve ? { resolve: options.resolve } : {}),
  });
  await app.listen({ port: config.port, host: config.host });
  worker.start();
  const cleanup = scheduleCleanup({ store, clock, log, everyMs: config.cleanupEveryMs, abandonedAfterMs: config.abandonedAfterMs });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${host}:${port}`;
  log({ msg: 'listening', url, db: store.kind });
  let closing: Promise<void> | undefined;
  return {
    url,
    close() {
      closing ??= (async () => {
        cleanup.stop();
        // Responses in flight get timeouts.shutdownMs to finish; then the connections still open are closed.
        const force = setTimeout(() => app.server.closeAllConnections(), config.timeouts.shutdownMs);
        await app.close();
        clearTimeout(force);
        await worker.stop();
        sender.close();
        await store.close();
        await unlock?.();
      })();
      return closing;
    },
  };
}
