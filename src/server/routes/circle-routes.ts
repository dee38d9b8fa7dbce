import type { FastifyInstance } from 'fastify';
import { authenticate, limitByAddress } from '../authenticate.ts';
import { HttpError } from '../http-error.ts';
import type { RelayDeps } from '../relay-deps.ts';
import { hashToken, newId, newToken } from '../tokens.ts';
import * as valid from '../validate.ts';

type CircleParams = { Params: { circleId: string } };
type DeviceParams = { Params: { circleId: string; deviceId: string } };

/** Circles and their devices: create, invite, join, list, revoke, leave. */
export function circleRoutes(app: FastifyInstance, deps: RelayDeps): void {
  app.post('/api/circles', async (request, reply) => {
    limitByAddress(deps, request);
    const body = valid.objectBody(request.body);
    const deviceName = valid.deviceName(body.deviceName, 'deviceName', 'First device');
    const circleId = newId();
    const deviceId = newId();
    const deviceToken = newToken();
    await deps.store.createCircle({ circleId, deviceId, deviceName, tokenHash: hashToken(deviceToken), now: deps.clock.now() });
    reply.code(201);
    return { circleId, deviceId, deviceToken };
  });

  app.post<CircleParams>('/api/circles/:circleId/invites', async (request, reply) => {
    const circleId = valid.id(request.params.circleId, 'circleId');
    const device = await authenticate(deps, request, circleId);
    const inviteToken = newToken();
    const now = deps.clock.now();
    const expiresAt = now + deps.settings.inviteTtlMs;
    await deps.store.createInvite({ tokenHash: hashToken(inviteToken), circleId, createdBy: device.id, now, expiresAt });
    reply.code(201);
    return { inviteToken, expiresAt: new Date(expiresAt).toISOString() };
  });

  app.post<CircleParams>('/api/circles/:circleId/join', async (request, reply) => {
    limitByAddress(deps, request);
    const circleId = valid.id(request.params.circleId, 'circleId');
    const body = valid.objectBody(request.body);
    const inviteToken = valid.token(body.inviteToken, 'inviteToken');
    const deviceName = valid.deviceName(body.deviceName, 'deviceName');
    const deviceId = newId();
    const deviceToken = newToken();
    const outcome = await deps.store.redeemInvite({
      circleId,
      inviteTokenHash: hashToken(inviteToken),
      deviceId,
      deviceName,
      deviceTokenHash: hashToken(deviceToken),
      now: deps.clock.now(),
    });
    if (outcome === 'unknown') throw new HttpError(404, 'invite_unknown', 'inviteToken: no such invite for this circle');
    if (outcome === 'used') throw new HttpError(410, 'invite_used', 'inviteToken: this invite was already used; ask for a new one');
    if (outcome === 'expired') throw new HttpError(410, 'invite_expired', 'inviteToken: this invite has expired; ask for a new one');
    reply.code(201);
    return { deviceId, deviceToken };
  });

  app.get<CircleParams>('/api/circles/:circleId/devices', async (request) => {
    const circleId = valid.id(request.params.circleId, 'circleId');
    const self = await authenticate(deps, request, circleId);
    const devices = await deps.store.listDevices(circleId);
    return {
      devices: devices.map((device) => ({
        id: device.id,
        name: device.name,
        createdAt: new Date(device.createdAt).toISOString(),
        lastSeenAt: new Date(device.lastSeenAt).toISOString(),
        self: device.id === self.id,
      })),
    };
  });

  app.delete<DeviceParams>('/api/circles/:circleId/devices/:deviceId', async (request, reply) => {
    const circleId = valid.id(request.params.circleId, 'circleId');
    const deviceId = valid.id(request.params.deviceId, 'deviceId');
    await authenticate(deps, request, circleId);
    const revoked = await deps.store.revokeDevice(circleId, deviceId, deps.clock.now());
    if (!revoked) throw new HttpError(404, 'device_unknown', 'deviceId: no such device in this circle');
    reply.code(204);
  });

  app.post<CircleParams>('/api/circles/:circleId/leave', async (request, reply) => {
    const circleId = valid.id(request.params.circleId, 'circleId');
    const self = await authenticate(deps, request, circleId);
    await deps.store.revokeDevice(circleId, self.id, deps.clock.now());
    reply.code(204);
  });
}
