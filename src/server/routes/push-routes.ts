import type { FastifyInstance } from 'fastify';
import { authenticate } from '../authenticate.ts';
import { HttpError } from '../http-error.ts';
import { checkPushEndpoint, EndpointRefused } from '../push/endpoint-guard.ts';
import { alertPushPayload, idOnlyPushPayload } from '../../core/alerts/alert.ts';
import { MAX_PUSH_PLAINTEXT_BYTES, payloadBytes } from '../push/push-sender.ts';
import type { RelayDeps } from '../relay-deps.ts';
import * as valid from '../validate.ts';

/** What the service worker receives (after the push service's own encryption is removed): one shape, in core. */
export type { AlertPushPayload } from '../../core/alerts/alert.ts';

/** Push subscriptions and alerts fanned out to the other devices of a circle. */
export function pushRoutes(app: FastifyInstance, deps: RelayDeps): void {
  app.put<{ Params: { deviceId: string } }>('/api/devices/:deviceId/push-subscription', async (request, reply) => {
    const deviceId = valid.id(request.params.deviceId, 'deviceId');
    const device = await authenticate(deps, request);
    if (device.id !== deviceId) throw new HttpError(403, 'forbidden', 'deviceId: a device can only set its own subscription');
    const subscription = valid.pushSubscription(valid.objectBody(request.body));
    try {
      await checkPushEndpoint(subscription.endpoint, { allowOrigins: deps.settings.allowOrigins, ...(deps.resolve ? { resolve: deps.resolve } : {}) });
    } catch (error) {
      if (error instanceof EndpointRefused) throw new HttpError(422, 'push_endpoint_refused', error.message);
      throw error;
    }
    await deps.store.putPushSubscription(deviceId, subscription, deps.clock.now());
    reply.code(204);
  });

  app.delete<{ Params: { deviceId: string } }>('/api/devices/:deviceId/push-subscription', async (request, reply) => {
    const deviceId = valid.id(request.params.deviceId, 'deviceId');
    const device = await authenticate(deps, request);
    if (device.id !== deviceId) throw new HttpError(403, 'forbidden', 'deviceId: a device can only remove its own subscription');
    await deps.store.deletePushSubscription(deviceId);
    reply.code(204);
  });

  app.post<{ Params: { circleId: string } }>('/api/circles/:circleId/alerts', async (request, reply) => {
    const circleId = valid.id(request.params.circleId, 'circleId');
    const device = await authenticate(deps, request, circleId);
    const body = valid.objectBody(request.body);
    const ciphertext = valid.ciphertext(body.ciphertext, 'ciphertext');
    const urgency = valid.urgency(body.urgency);
    const topic = valid.topic(body.topic);
    const alertId = valid.alertId(body.alertId);
    let payload = alertPushPayload({ circleId, ...(alertId ? { alertId } : {}), ciphertext, urgency, ...(topic ? { topic } : {}), sentAt: new Date(deps.clock.now()).toISOString() });
    // Too large to push whole, but its record is in the circle: push its id, and devices sync to read it.
    if (payloadBytes(payload) > MAX_PUSH_PLAINTEXT_BYTES) payload = idOnlyPushPayload(payload) ?? payload;
    const size = payloadBytes(payload);
    if (size > MAX_PUSH_PLAINTEXT_BYTES) {
      throw new HttpError(413, 'payload_too_large', `ciphertext: the push message would be ${size} bytes; at most ${MAX_PUSH_PLAINTEXT_BYTES}`);
    }
    const queued = await deps.store.enqueuePush({
      circleId,
      fromDeviceId: device.id,
      payload,
      urgency,
      topic,
      ttlSeconds: deps.settings.pushTtlSeconds,
      now: deps.clock.now(),
    });
    if (queued > 0) deps.onPushQueued?.();
    reply.code(202);
    return { queued };
  });
}
