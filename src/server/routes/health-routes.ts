import type { FastifyInstance } from 'fastify';
import { errorBody } from '../error-envelope.ts';
import type { RelayDeps } from '../relay-deps.ts';

/** Within this a healthy database answers `SELECT 1`; a relay whose database does not is reported unhealthy. */
const HEALTH_DB_TIMEOUT_MS = 2_000;

export function healthRoutes(app: FastifyInstance, deps: RelayDeps): void {
  // Asks the database, so a load balancer takes a relay whose database is down or locked out of rotation.
  app.get('/healthz', async (_request, reply) => {
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
  app.get('/api/push/key', async () => ({ publicKey: deps.vapid.publicKey }));
}
