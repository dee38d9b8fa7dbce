import type { FastifyInstance } from 'fastify';
import { errorBody } from '../error-envelope.ts';
import type { RelayDeps } from '../relay-deps.ts';
import type { Limits } from '../request-limits.ts';

/** Within this a healthy database answers `SELECT 1`; a relay whose database does not is reported unhealthy. */
const HEALTH_DB_TIMEOUT_MS = 2_000;

/**
 * `GET /healthz` and `GET /api/push/key`: open to anyone, so each client address is held to the per-address request
 * limit (429 `rate_limited` above it), as the unauthenticated join is: /healthz asks the database every time.
 */
export function healthRoutes(app: FastifyInstance, deps: RelayDeps, limits: Limits): void {
  const perAddress = { onRequest: async (request: Parameters<Limits['address']>[0]) => limits.address(request) };
  // Asks the database, so a load balancer takes a relay whose database is down or locked out of rotation.
  app.get('/healthz', perAddress, async (_request, reply) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      await Promise.race([
        deps.store.ping(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${HEALTH_DB_TIMEOUT_MS} ms`)), HEALTH_DB_TIMEOUT_MS);
        }),
      ]);
      return { ok: true, db: deps.store.kind };
    } catch (error) {
      reply.code(503).header('retry-after', '5');
      return { ok: false, db: deps.store.kind, ...errorBody('db_unavailable', `database: ${(error as Error).message}`) };
    } finally {
      clearTimeout(timer);
    }
  });
  app.get('/api/push/key', perAddress, async () => ({ publicKey: deps.vapid.publicKey }));
}
