import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { authenticated, deviceOf } from '../authenticate.ts';
import type { RelayDeps } from '../relay-deps.ts';
import type { Limits } from '../request-limits.ts';
import * as schema from '../schemas.ts';

const PAGE_SIZE = 500;

/** Encrypted records: appended with a sequence number, served after a sequence number. The relay cannot read them. */
export function syncRoutes(base: FastifyInstance, deps: RelayDeps, limits: Limits): void {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const auth = authenticated(deps, limits);

  app.post('/api/circles/:circleId/records', { onRequest: auth, schema: { params: schema.CircleParams, body: schema.RecordsBody } }, async (request) => {
    const device = deviceOf(request);
    const { bytes, records } = deps.settings.quotas;
    const seq = await deps.store.appendRecords(device.circleId, device.id, request.body.records, deps.clock.now(), { bytes, records });
    return { seq };
  });

  app.get('/api/circles/:circleId/records', { onRequest: auth, schema: { params: schema.CircleParams, querystring: schema.RecordsQuery } }, async (request) => {
    const device = deviceOf(request);
    const after = request.query.after ? Number(request.query.after) : 0;
    return deps.store.recordsAfter(device.circleId, after, PAGE_SIZE, deps.settings.pageBytes);
  });
}
