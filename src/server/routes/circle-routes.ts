import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { authenticated, deviceOf, requireOwner } from '../authenticate.ts';
import { HttpError } from '../http-error.ts';
import type { RelayDeps } from '../relay-deps.ts';
import type { Limits } from '../request-limits.ts';
import * as schema from '../schemas.ts';
import { hashToken, newId, newToken } from '../tokens.ts';

const iso = (ms: number) => new Date(ms).toISOString();

function cleanName(value: string | undefined, fallback?: string): string {
  if (value === undefined && fallback !== undefined) return fallback;
  const name = value === undefined ? undefined : schema.cleanDeviceName(value);
  if (name === undefined) throw new HttpError(400, 'invalid_input', 'deviceName: must be 1-60 characters without control, invisible or direction-changing characters');
  return name;
}

/** Circles and their devices: create, invite (list, cancel), join, list, roles, remove, leave. */
export function circleRoutes(base: FastifyInstance, deps: RelayDeps, limits: Limits): void {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const auth = authenticated(deps, limits);
  const { quotas } = deps.settings;

  app.post('/api/circles', {
    onRequest: (request) => limits.circleCreation(request),
    schema: { body: schema.CreateCircleBody },
  }, async (request, reply) => {
    const deviceName = cleanName(request.body?.deviceName, 'First device');
    const circleId = newId();
    const deviceId = newId();
    const deviceToken = newToken();
    await deps.store.createCircle({ circleId, deviceId, deviceName, tokenHash: hashToken(deviceToken), now: deps.clock.now() });
    reply.code(201).header('cache-control', 'no-store');
    return { circleId, deviceId, deviceToken };
  });

  app.post('/api/circles/:circleId/invites', { onRequest: auth, schema: { params: schema.CircleParams, body: schema.EmptyBody } }, async (request, reply) => {
    const device = deviceOf(request);
    requireOwner(device, 'invite');
    const inviteToken = newToken();
    const id = newId();
    const now = deps.clock.now();
    const expiresAt = now + deps.settings.inviteTtlMs;
    await deps.store.createInvite({
      id, tokenHash: hashToken(inviteToken), circleId: device.circleId, createdBy: device.id, now, expiresAt, maxPending: quotas.pendingInvites,
    });
    reply.code(201).header('cache-control', 'no-store');
    return { id, inviteToken, expiresAt: iso(expiresAt) };
  });

  app.get('/api/circles/:circleId/invites', { onRequest: auth, schema: { params: schema.CircleParams } }, async (request) => {
    const device = deviceOf(request);
    requireOwner(device, 'list invites');
    const invites = await deps.store.listInvites(device.circleId, deps.clock.now());
    return { invites: invites.map((invite) => ({ ...invite, createdAt: iso(invite.createdAt), expiresAt: iso(invite.expiresAt) })) };
  });

  app.delete('/api/circles/:circleId/invites/:inviteId', { onRequest: auth, schema: { params: schema.InviteParams } }, async (request, reply) => {
    const device = deviceOf(request);
    requireOwner(device, 'cancel an invite');
    const cancelled = await deps.store.cancelInvite(device.circleId, request.params.inviteId, deps.clock.now());
    if (!cancelled) throw new HttpError(404, 'invite_unknown', 'inviteId: no such unused invite in this circle');
    reply.code(204);
  });

  app.post('/api/circles/:circleId/join', {
    onRequest: async (request) => {
      await limits.failedAuth.check(request);
      await limits.address(request);
    },
    schema: { params: schema.CircleParams, body: schema.JoinBody },
  }, async (request, reply) => {
    const { circleId } = request.params;
    const deviceName = cleanName(request.body.deviceName);
    const deviceId = newId();
    const deviceToken = newToken();
    const outcome = await deps.store.redeemInvite({
      circleId,
      inviteTokenHash: hashToken(request.body.inviteToken),
      deviceId,
      deviceName,
      deviceTokenHash: hashToken(deviceToken),
      now: deps.clock.now(),
      maxDevices: quotas.devices,
    });
    if (outcome === 'unknown') {
      await limits.failedAuth.failed(request);
      throw new HttpError(404, 'invite_unknown', 'inviteToken: no such invite for this circle');
    }
    if (outcome === 'used') throw new HttpError(410, 'invite_used', 'inviteToken: this invite was already used; ask for a new one');
    if (outcome === 'expired') throw new HttpError(410, 'invite_expired', 'inviteToken: this invite has expired; ask for a new one');
    if (outcome === 'cancelled') throw new HttpError(410, 'invite_cancelled', 'inviteToken: this invite was cancelled; ask an owner of the circle for a new one');
    if (outcome === 'name_taken') throw new HttpError(409, 'device_name_taken', 'deviceName: another device in this circle has that name; choose another');
    reply.code(201).header('cache-control', 'no-store');
    return { deviceId, deviceToken };
  });

  app.get('/api/circles/:circleId/devices', { onRequest: auth, schema: { params: schema.CircleParams } }, async (request) => {
    const self = deviceOf(request);
    const devices = await deps.store.listDevices(self.circleId);
    return {
      devices: devices.map((device) => ({
        id: device.id,
        name: device.name,
        role: device.role,
        createdAt: iso(device.createdAt),
        lastSeenAt: iso(device.lastSeenAt),
        self: device.id === self.id,
      })),
    };
  });

  app.put('/api/circles/:circleId/devices/:deviceId/role', {
    onRequest: auth,
    schema: { params: schema.DeviceParams, body: schema.RoleBody },
  }, async (request, reply) => {
    const self = deviceOf(request);
    // Stepping down needs no owner's say beyond one's own; making anyone an owner, or demoting another, does.
    if (!(request.params.deviceId === self.id && request.body.role === 'member')) requireOwner(self, 'role');
    const outcome = await deps.store.setRole(self.circleId, request.params.deviceId, request.body.role);
    if (outcome === 'unknown') throw new HttpError(404, 'device_unknown', 'deviceId: no such device in this circle');
    if (outcome === 'last_owner') throw new HttpError(409, 'last_owner', 'role: a circle keeps at least one owner; make another device owner first');
    reply.code(204);
  });

  app.delete('/api/circles/:circleId/devices/:deviceId', { onRequest: auth, schema: { params: schema.DeviceParams } }, async (request, reply) => {
    const self = deviceOf(request);
    if (request.params.deviceId !== self.id) requireOwner(self, 'remove a device');
    const revoked = await deps.store.revokeDevice(self.circleId, request.params.deviceId, deps.clock.now());
    if (!revoked) throw new HttpError(404, 'device_unknown', 'deviceId: no such device in this circle');
    reply.code(204);
  });

  app.post('/api/circles/:circleId/leave', { onRequest: auth, schema: { params: schema.CircleParams, body: schema.EmptyBody } }, async (request, reply) => {
    const self = deviceOf(request);
    await deps.store.revokeDevice(self.circleId, self.id, deps.clock.now());
    reply.code(204);
  });
}
