import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from './http-error.ts';
import { monotonicStore } from './limit-store.ts';
import type { RequestLimits } from './relay-config.ts';

/** Throws 429 `rate_limited` with Retry-After when a check is over its limit. */
export type LimitCheck = (request: FastifyRequest) => Promise<void>;

export interface Limits {
  /** Each device's authenticated requests, keyed by device id (call after authentication). */
  device: LimitCheck;
  /** Unauthenticated requests (join), per client address. */
  address: LimitCheck;
  /** New circles per client address, then from everyone together. */
  circleCreation: LimitCheck;
  /** Failed authentication per address: `check` before looking a token up (counts nothing), `failed` after a miss. */
  failedAuth: { check: LimitCheck; failed: LimitCheck };
}

type Checker = ReturnType<FastifyInstance['createRateLimit']>;

function refuse(seconds: number, what: string): never {
  const wait = Math.max(1, seconds);
  throw new HttpError(429, 'rate_limited', `${what}; retry in ${wait} s`, { 'retry-after': String(wait) });
}

async function enforce(checker: Checker, request: FastifyRequest, what: string): Promise<void> {
  const result = await checker(request);
  if (!result.isAllowed && result.isExceeded) refuse(result.ttlInSeconds, what);
}

/**
 * Registers @fastify/rate-limit (fixed windows, in this relay's memory: relays sharing one PostgreSQL each count
 * their own requests) and returns the relay's named checks. Addresses are the client's as fastify sees it, which
 * believes X-Forwarded-For only from the proxies named in KINWATCH_TRUST_PROXY; IPv6 clients count per /56.
 * `now` is a monotonic clock in ms (tests pass a fake one).
 */
export async function registerLimits(app: FastifyInstance, limits: RequestLimits, now?: () => number): Promise<Limits> {
  await app.register(rateLimit, { global: false, store: monotonicStore(now), ipv6Subnet: 56 });
  const minute = 60_000;
  const device = app.createRateLimit({
    max: limits.perMinute,
    timeWindow: minute,
    keyGenerator: (request) => `device:${request.device?.id ?? request.ip}`,
  });
  const address = app.createRateLimit({ max: limits.perMinute, timeWindow: minute });
  const circlesPerAddress = app.createRateLimit({ max: limits.circlesPerAddressPerHour, timeWindow: 60 * minute });
  const circlesTotal = app.createRateLimit({ max: limits.circlesPerHour, timeWindow: 60 * minute, keyGenerator: () => 'all' });
  const failures = app.createRateLimit({ max: limits.failedAuthPer10Minutes, timeWindow: 10 * minute });
  return {
    device: (request) => enforce(device, request, 'too many requests from this device'),
    address: (request) => enforce(address, request, 'too many requests from this address'),
    async circleCreation(request) {
      await enforce(circlesPerAddress, request, 'too many new circles from this address');
      await enforce(circlesTotal, request, 'too many new circles on this relay just now');
    },
    failedAuth: {
      async check(request) {
        const status = await failures(request, { increment: false });
        if (!status.isAllowed && status.remaining === 0) refuse(status.ttlInSeconds, 'too many failed attempts from this address');
      },
      async failed(request) {
        await failures(request);
      },
    },
  };
}
