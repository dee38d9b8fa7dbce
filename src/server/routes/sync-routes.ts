import type { FastifyInstance } from 'fastify';
import { authenticate } from '../authenticate.ts';
import type { RelayDeps } from '../relay-deps.ts';
import * as valid from '../validate.ts';

type CircleParams = { Params: { circleId: string } };
const PAGE_SIZE = 500;

/** Encrypted records: appended with a sequence number, served after a sequence number. The relay cannot read them. */
export function syncRoutes(app: FastifyInstance, deps: RelayDeps): void {
  app.post<CircleParams>('/api/circles/:circleId/records', async (request) => {
    const circleId = valid.id(request.params.circleId, 'circleId');
    const device = await authenticate(deps, request, circleId);
    const records = valid.records(valid.objectBody(request.body).records);
    const seq = await deps.store.appendRecords(circleId, device.id, records, deps.clock.now());
    return { seq };
  });

  app.get<CircleParams & { Querystring: { after?: string } }>('/api/circles/:circleId/records', async (request) => {
    const circleId = valid.id(request.params.circleId, 'circleId');
    await authenticate(deps, request, circleId);
    const after = valid.seqParam(request.query.after);
    return deps.store.recordsAfter(circleId, after, PAGE_SIZE);
  });
}
