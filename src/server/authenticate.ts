import type { FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { HttpError } from './http-error.ts';
import type { RelayDeps } from './relay-deps.ts';
import type { Limits } from './request-limits.ts';
import type { DeviceRow } from './store/store.ts';
import { hashToken, sameHash } from './tokens.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated device, set by the `authenticated` hook before the body is read. */
    device?: DeviceRow;
  }
}

/** RFC 6750 §2.1; the scheme name is case-insensitive (RFC 9110 §11.1). */
const BEARER = /^bearer +([A-Za-z0-9_-]{43})\s*$/i;
const ID = /^[A-Za-z0-9_-]{16,64}$/;

/**
 * An onRequest hook: runs before the body is read, so an unknown token costs the relay no parsing. Sets
 * `request.device`. Refuses with 429 an address that failed too often (before any lookup), 401 for a missing,
 * unknown or removed device's token, 403 when `:circleId` is another circle's, and 429 over the device's rate.
 */
export function authenticated(deps: RelayDeps, limits: Limits): onRequestAsyncHookHandler {
  return async (request) => {
    await limits.failedAuth.check(request);
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? BEARER.exec(header) : null;
    if (!match) {
      await limits.failedAuth.failed(request);
      throw new HttpError(401, 'unauthenticated', 'authorization: a Bearer device token is required', { 'www-authenticate': 'Bearer' });
    }
    const tokenHash = hashToken(match[1]!);
    const device = await deps.store.deviceByTokenHash(tokenHash, deps.clock.now());
    if (!device || !sameHash(device.tokenHash, tokenHash)) {
      await limits.failedAuth.failed(request);
      throw new HttpError(401, 'unauthenticated', 'authorization: unknown device token', { 'www-authenticate': 'Bearer error="invalid_token"' });
    }
    if (device.revokedAt !== null) throw new HttpError(401, 'device_revoked', 'authorization: this device was removed from its circle');
    const { tokenHash: _hidden, ...row } = device;
    request.device = row;
    const circleId = (request.params as { circleId?: unknown } | undefined)?.circleId;
    // A malformed id is left for the route's schema to name; a well-formed one of another circle is refused here.
    if (typeof circleId === 'string' && ID.test(circleId) && circleId !== device.circleId) {
      throw new HttpError(403, 'forbidden', 'circleId: this device is not in that circle');
    }
    await limits.device(request);
  };
}

/** The device set by `authenticated`; throws when a route forgot the hook (a programming error, 500). */
export function deviceOf(request: FastifyRequest): DeviceRow {
  if (!request.device) throw new Error('route is missing the authenticated hook');
  return request.device;
}

/** Owners only: invites, removing others, roles. */
export function requireOwner(device: DeviceRow, action: string): void {
  if (device.role !== 'owner') throw new HttpError(403, 'owner_required', `${action}: only an owner of the circle may do this`);
}
