import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { authenticated, deviceOf } from '../authenticate.ts';
import { HttpError } from '../http-error.ts';
import { checkPushEndpoint, EndpointRefused } from '../push/endpoint-guard.ts';
import { alertPushPayload, idOnlyPushPayload } from '../../core/alerts/alert.ts';
import { MAX_PUSH_PLAINTEXT_BYTES, payloadBytes } from '../push/push-sender.ts';
import type { RelayDeps } from '../relay-deps.ts';
import type { Limits } from '../request-limits.ts';
import * as schema from '../schemas.ts';

/** What the service worker receives (after the push service's own encryption is removed): one shape, in core. */
export type { AlertPushPayload } from '../../core/alerts/alert.ts';

/** Push subscriptions and alerts fanned out to the other devices of a circle. */
export function pushRoutes(base: FastifyInstance, deps: RelayDeps, limits: Limits): void {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const auth = authenticated(deps, limits);

  app.put('/api/devices/:deviceId/push-subscription', {
    onRequest: auth,
    schema: { params: schema.OwnDeviceParams, body: schema.PushSubscriptionBody },
  }, async (request, reply) => {
    const device = deviceOf(request);
    if (device.id !== request.params.deviceId) throw new HttpError(403, 'forbidden', 'deviceId: a device can only set its own subscription');
    const subscription = request.body;
    try {
      await checkPushEndpoint(subscription.endpoint, { allowOrigins: deps.settings.allowOrigins, ...(deps.resolve ? { resolve: deps.resolve } : {}) });
    } catch (error) {
      if (error instanceof EndpointRefused) throw new HttpError(422, 'push_endpoint_refused', error.message);
      throw error;
    }
    await deps.store.putPushSubscription(device.id, { endpoint: subscription.endpoint, keys: subscription.keys }, deps.clock.now());
    reply.code(204);
  });

  app.delete('/api/devices/:deviceId/push-subscription', { onRequest: auth, schema: { params: schema.OwnDeviceParams } }, async (request, reply) => {
    const device = deviceOf(request);
    if (device.id !== request.params.deviceId) throw new HttpError(403, 'forbidden', 'deviceId: a device can only remove its own subscription');
    await deps.store.deletePushSubscription(device.id);
    reply.code(204);
  });

  app.post('/api/circles/:circleId/alerts', { onRequest: auth, schema: { params: schema.CircleParams, body: schema.AlertBody } }, async (request, reply) => {
    const device = deviceOf(request);
    const circleId = device.circleId;
    const { ciphertext, urgency = 'normal', alertId } = request.body;
    const topic = request.body.topic ?? null;
    let payload = alertPushPayload({ circleId, ...(alertId ? { alertId } : {}), ciphertext, urgency, ...(topic ? { topic } : {}), sentAt: new Date(deps.clock.now()).toISOString() });
    // Too large to push whole, but its record is in the circle: push its id, and devices sync to read it.
    if (payloadBytes(payload) > MAX_PUSH_PLAINTEXT_BYTES) payload = idOnlyPushPayload(payload) ?? payload;
    const size = payloadBytes(payload);
    if (size > MAX_PUSH_PLAINTEXT_BYTES) {
      throw new HttpError(413, 'payload_too_large', `ciphertext: the push message would be ${size} bytes; at most ${MAX_PUSH_PLAINTEXT_BYTES}`);
    }
    await deps.store.takeAlertQuota(circleId, deps.clock.now(), deps.settings.quotas.alertsPerHour);
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
