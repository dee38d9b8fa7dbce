import type { FastifyRequest } from 'fastify';
import { HttpError } from './http-error.ts';
import type { RelayDeps } from './relay-deps.ts';
import type { DeviceRow } from './store/store.ts';
import { hashToken, sameHash } from './tokens.ts';

/** The device behind the Bearer token, which must belong to `circleId` when one is given. */
export async function authenticate(deps: RelayDeps, request: FastifyRequest, circleId?: string): Promise<DeviceRow> {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9_-]{43})$/.exec(header) : null;
  if (!match) throw new HttpError(401, 'unauthenticated', 'authorization: a Bearer device token is required', { 'www-authenticate': 'Bearer' });
  const tokenHash = hashToken(match[1]!);
  const device = await deps.store.deviceByTokenHash(tokenHash, deps.clock.now());
  if (!device || !sameHash(device.tokenHash, tokenHash)) {
    throw new HttpError(401, 'unauthenticated', 'authorization: unknown device token', { 'www-authenticate': 'Bearer error="invalid_token"' });
  }
  if (device.revokedAt !== null) throw new HttpError(401, 'device_revoked', 'authorization: this device was removed from its circle');
  if (circleId !== undefined && device.circleId !== circleId) throw new HttpError(403, 'forbidden', 'circleId: this device is not in that circle');
  const wait = deps.rateLimiter.take(`device:${device.id}`, deps.clock.now());
  if (wait > 0) throw new HttpError(429, 'rate_limited', `too many requests from this device; retry in ${wait} s`, { 'retry-after': String(wait) });
  const { tokenHash: _hidden, ...row } = device;
  return row;
}

/** For routes used before a device exists (create a circle, join): limited per client address. */
export function limitByAddress(deps: RelayDeps, request: FastifyRequest): void {
  const wait = deps.rateLimiter.take(`ip:${request.ip}`, deps.clock.now());
  if (wait > 0) throw new HttpError(429, 'rate_limited', `too many requests; retry in ${wait} s`, { 'retry-after': String(wait) });
}
