import type { FastifyInstance } from 'fastify';
import type { RelayDeps } from '../relay-deps.ts';

export function healthRoutes(app: FastifyInstance, deps: RelayDeps): void {
  app.get('/healthz', async () => ({ ok: true, db: deps.store.kind }));
  app.get('/api/push/key', async () => ({ publicKey: deps.vapid.publicKey }));
}
