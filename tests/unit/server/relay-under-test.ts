import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../src/server/app.ts';
import type { Resolver } from '../../../src/server/push/endpoint-guard.ts';
import { createPushSender } from '../../../src/server/push/push-sender.ts';
import { createPushWorker, type PushWorker } from '../../../src/server/push/push-worker.ts';
import { loadVapidKeys } from '../../../src/server/push/vapid.ts';
import type { CircleQuotas, RequestLimits } from '../../../src/server/relay-config.ts';
import { openStore } from '../../../src/server/store/open-store.ts';
import type { Store } from '../../../src/server/store/store.ts';
import { startTestPostgres, type TestPostgres } from '../../helpers/postgres.ts';

export type Backend = 'pglite' | 'postgres';

/** Each backend the relay runs on; PostgreSQL is skipped, with the reason in the suite name, only without binaries. */
export async function backendUrl(backend: Backend): Promise<{ databaseUrl?: string; stop(): Promise<void>; skip?: string }> {
  if (backend === 'pglite') return { stop: async () => {} };
  const pgx: TestPostgres = await startTestPostgres();
  if ('skip' in pgx) return { skip: pgx.skip, stop: async () => {} };
  return { databaseUrl: pgx.url, stop: pgx.stop };
}

export interface RelayUnderTest {
  app: FastifyInstance;
  store: Store;
  worker: PushWorker;
  clock: { now(): number; advance(ms: number): void };
  logs: Record<string, unknown>[];
  call(method: string, url: string, options?: { token?: string; body?: unknown; headers?: Record<string, string> }): Promise<{ status: number; body: any; headers: Record<string, unknown> }>;
  /** A new circle with its first device. */
  circle(name?: string): Promise<{ circleId: string; deviceId: string; deviceToken: string }>;
  /** A second device joined to `circleId` through an invite made by `token`. */
  join(circleId: string, token: string, name?: string): Promise<{ deviceId: string; deviceToken: string }>;
  close(): Promise<void>;
}

export async function relayUnderTest(options: {
  databaseUrl?: string;
  store?: Store;
  allowOrigins?: string[];
  bodyLimitBytes?: number;
  /** Request limits; unlimited unless given. */
  limits?: Partial<RequestLimits>;
  quotas?: Partial<CircleQuotas>;
  pageBytes?: number;
  trustProxy?: string[];
  resolve?: Resolver;
  maxAttempts?: number;
  /** The push sender's deadline per push, ms. */
  pushTimeoutMs?: number;
}): Promise<RelayUnderTest> {
  const store = options.store ?? (await openStore(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}));
  let now = Date.parse('2026-11-24T12:00:00Z');
  const clock = { now: () => now, advance: (ms: number) => void (now += ms) };
  const logs: Record<string, unknown>[] = [];
  const log = (entry: Record<string, unknown>) => void logs.push(entry);
  const vapid = await loadVapidKeys(store);
  const sender = createPushSender({ vapid, subject: 'mailto:test@kinwatch.invalid', allowOrigins: options.allowOrigins ?? [], ...(options.resolve ? { resolve: options.resolve } : {}), ...(options.pushTimeoutMs ? { timeoutMs: options.pushTimeoutMs } : {}) });
  const worker = createPushWorker({ store, sender, clock, log, baseBackoffMs: 1000, idleMs: 100, maxAttempts: options.maxAttempts ?? 5 });
  const app = await buildApp({
    store,
    clock,
    vapid,
    log,
    limitClock: clock.now,
    settings: {
      limits: { perMinute: 1e9, circlesPerAddressPerHour: 1e9, circlesPerHour: 1e9, failedAuthPer10Minutes: 1e9, ...options.limits },
      ...(options.quotas ? { quotas: options.quotas } : {}),
      ...(options.pageBytes ? { pageBytes: options.pageBytes } : {}),
      ...(options.trustProxy ? { trustProxy: options.trustProxy } : {}),
      allowOrigins: options.allowOrigins ?? [],
      bodyLimitBytes: options.bodyLimitBytes ?? 1024 * 1024,
      inviteTtlMs: 7 * 24 * 3600_000,
      pushTtlSeconds: 3600,
    },
    ...(options.resolve ? { resolve: options.resolve } : {}),
  });

  const call: RelayUnderTest['call'] = async (method, url, { token, body, headers = {} } = {}) => {
    const response = await app.inject({
      method: method as 'GET',
      url,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(body !== undefined ? { payload: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    return { status: response.statusCode, body: response.body ? JSON.parse(response.body) : undefined, headers: response.headers };
  };

  return {
    app,
    store,
    worker,
    clock,
    logs,
    call,
    async circle(name) {
      const response = await call('POST', '/api/circles', { body: name ? { deviceName: name } : {} });
      if (response.status !== 201) throw new Error(`create circle: ${response.status}`);
      return response.body;
    },
    async join(circleId, token, name = 'Second phone') {
      // Devices are listed in the order they joined: a millisecond apart, so the order is the joining order.
      clock.advance(1);
      const invite = await call('POST', `/api/circles/${circleId}/invites`, { token, body: {} });
      const joined = await call('POST', `/api/circles/${circleId}/join`, { body: { inviteToken: invite.body.inviteToken, deviceName: name } });
      if (joined.status !== 201) throw new Error(`join: ${joined.status} ${JSON.stringify(joined.body)}`);
      return joined.body;
    },
    async close() {
      await app.close();
      await worker.stop();
      sender.close();
      if (!options.store) await store.close();
    },
  };
}
