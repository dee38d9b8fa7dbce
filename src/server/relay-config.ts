import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { parseAllowedOrigins } from './push/endpoint-guard.ts';

/** Per-circle quotas: over one, a write is refused (413, or 429 for alerts per hour) and nothing stored is lost. */
export interface CircleQuotas {
  /** Stored record bytes (id + clock + ciphertext, UTF-8) per circle. */
  bytes: number;
  /** Stored records per circle (every version counts). */
  records: number;
  /** Devices in a circle at once. */
  devices: number;
  /** Alerts a circle may send per hour (each fans out to every other device). */
  alertsPerHour: number;
  /** Invites waiting to be used per circle. */
  pendingInvites: number;
}

/**
 * Request limits, counted in fixed windows per relay process (not shared between relays on one database).
 * `perMinute` applies to each device's authenticated requests and each address's unauthenticated ones.
 */
export interface RequestLimits {
  perMinute: number;
  /** New circles per client address per hour, and from everyone together per hour. */
  circlesPerAddressPerHour: number;
  circlesPerHour: number;
  /** Failed authentications (unknown token, unknown invite) per address per 10 minutes before 429. */
  failedAuthPer10Minutes: number;
}

/** Times after which a slow or idle client is cut off, in ms. */
export interface Timeouts {
  /** The whole request, headers and body, must arrive within this. */
  requestMs: number;
  /** An idle keep-alive connection is closed after this. */
  keepAliveMs: number;
  /** A database statement that runs longer is cancelled (PostgreSQL), and the request answers 503. */
  statementMs: number;
  /** Waiting for a free database connection (PostgreSQL pool). */
  poolWaitMs: number;
  /** On SIGTERM, responses in flight get this long to finish before connections are closed. */
  shutdownMs: number;
}

export const DEFAULT_QUOTAS: CircleQuotas = {
  bytes: 256 * 1024 * 1024,
  records: 500_000,
  devices: 20,
  alertsPerHour: 60,
  pendingInvites: 20,
};

export const DEFAULT_LIMITS: RequestLimits = {
  perMinute: 600,
  circlesPerAddressPerHour: 10,
  circlesPerHour: 600,
  failedAuthPer10Minutes: 30,
};

export const DEFAULT_TIMEOUTS: Timeouts = {
  requestMs: 30_000,
  keepAliveMs: 5_000,
  statementMs: 10_000,
  poolWaitMs: 5_000,
  shutdownMs: 10_000,
};

export interface RelayConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  staticDir: string;
  allowOrigins: string[];
  vapidSubject: string;
  bodyLimitBytes: number;
  /** Largest page of records served at once, in bytes of stored record (at least one record is always served). */
  pageBytes: number;
  inviteTtlMs: number;
  pushTtlSeconds: number;
  /** Proxy addresses or CIDRs whose X-Forwarded-For is believed; never "any". */
  trustProxy: false | string[];
  quotas: CircleQuotas;
  limits: RequestLimits;
  timeouts: Timeouts;
  /** A circle none of whose devices was seen for this long is deleted by the clean-up, in ms. */
  abandonedAfterMs: number;
  /** Clean-up period, in ms. */
  cleanupEveryMs: number;
}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min) throw new Error(`${name}: must be an integer ≥ ${min}, got ${JSON.stringify(raw)}`);
  return Number(raw);
}

/** Comma-separated proxy addresses/CIDRs to believe X-Forwarded-For from. "true" is refused: anyone could forge it. */
function trustProxy(raw: string | undefined): false | string[] {
  if (!raw || raw === 'false') return false;
  if (raw === 'true') {
    throw new Error('KINWATCH_TRUST_PROXY: name the proxy addresses (e.g. 127.0.0.1 or 10.0.0.0/8), not "true": any client could forge X-Forwarded-For');
  }
  return raw.split(',').map((item) => item.trim()).filter(Boolean).map((item) => {
    const [address, prefix] = item.split('/');
    if (!address || isIP(address) === 0 || (prefix !== undefined && !/^\d{1,3}$/.test(prefix))) {
      throw new Error(`KINWATCH_TRUST_PROXY: not an address or CIDR: ${item}`);
    }
    return item;
  });
}

/**
 * In production a push service refuses a VAPID subject that is not a real contact (Apple answers 403 BadJwtToken for
 * `.invalid` or `localhost` ones), so every alert would silently fail: refuse to start instead.
 */
function vapidSubject(env: Env): string {
  const subject = env.KINWATCH_VAPID_SUBJECT ?? 'mailto:relay@kinwatch.invalid';
  if (!/^(mailto:|https:)/.test(subject)) throw new Error('KINWATCH_VAPID_SUBJECT: must be a mailto: or https: URL');
  if (env.NODE_ENV === 'production') {
    const host = subject.startsWith('mailto:') ? subject.slice(subject.indexOf('@') + 1) : safeHost(subject);
    if (!host || /(^|\.)(invalid|localhost|test|example)$/i.test(host) || host === '127.0.0.1') {
      throw new Error(`KINWATCH_VAPID_SUBJECT: push services refuse ${JSON.stringify(subject)}; set it to a real mailto: or https: contact of whoever runs this relay`);
    }
  }
  return subject;
}

function safeHost(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/** The relay's settings from the environment; a bad value stops the start with the variable's name. */
export function readRelayConfig(env: Env, cwd: string): RelayConfig {
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) throw new Error('DATABASE_URL: must start with postgres://');
  return {
    port: integer(env, 'PORT', 8787, 0),
    host: env.HOST || '127.0.0.1',
    dataDir: resolve(cwd, env.KINWATCH_DATA || './data'),
    ...(databaseUrl ? { databaseUrl } : {}),
    staticDir: resolve(cwd, env.KINWATCH_STATIC || 'dist/pwa'),
    allowOrigins: parseAllowedOrigins(env.KINWATCH_PUSH_ALLOW),
    vapidSubject: vapidSubject(env),
    bodyLimitBytes: integer(env, 'KINWATCH_BODY_LIMIT', 1024 * 1024, 1024),
    pageBytes: integer(env, 'KINWATCH_PAGE_BYTES', 1024 * 1024, 1024),
    inviteTtlMs: integer(env, 'KINWATCH_INVITE_TTL_HOURS', 7 * 24, 1) * 3_600_000,
    pushTtlSeconds: integer(env, 'KINWATCH_PUSH_TTL_SECONDS', 24 * 3600, 0),
    trustProxy: trustProxy(env.KINWATCH_TRUST_PROXY),
    quotas: {
      bytes: integer(env, 'KINWATCH_QUOTA_MB', DEFAULT_QUOTAS.bytes / 1024 / 1024, 1) * 1024 * 1024,
      records: integer(env, 'KINWATCH_QUOTA_RECORDS', DEFAULT_QUOTAS.records, 1),
      devices: integer(env, 'KINWATCH_QUOTA_DEVICES', DEFAULT_QUOTAS.devices, 1),
      alertsPerHour: integer(env, 'KINWATCH_QUOTA_ALERTS_PER_HOUR', DEFAULT_QUOTAS.alertsPerHour, 1),
      pendingInvites: integer(env, 'KINWATCH_QUOTA_INVITES', DEFAULT_QUOTAS.pendingInvites, 1),
    },
    limits: {
      perMinute: integer(env, 'KINWATCH_RATE_PER_MINUTE', DEFAULT_LIMITS.perMinute, 1),
      circlesPerAddressPerHour: integer(env, 'KINWATCH_CIRCLES_PER_ADDRESS_PER_HOUR', DEFAULT_LIMITS.circlesPerAddressPerHour, 1),
      circlesPerHour: integer(env, 'KINWATCH_CIRCLES_PER_HOUR', DEFAULT_LIMITS.circlesPerHour, 1),
      failedAuthPer10Minutes: integer(env, 'KINWATCH_FAILED_AUTH_PER_10_MINUTES', DEFAULT_LIMITS.failedAuthPer10Minutes, 1),
    },
    timeouts: {
      requestMs: integer(env, 'KINWATCH_REQUEST_TIMEOUT_MS', DEFAULT_TIMEOUTS.requestMs, 100),
      keepAliveMs: integer(env, 'KINWATCH_KEEP_ALIVE_TIMEOUT_MS', DEFAULT_TIMEOUTS.keepAliveMs, 100),
      statementMs: integer(env, 'KINWATCH_STATEMENT_TIMEOUT_MS', DEFAULT_TIMEOUTS.statementMs, 100),
      poolWaitMs: integer(env, 'KINWATCH_POOL_TIMEOUT_MS', DEFAULT_TIMEOUTS.poolWaitMs, 100),
      shutdownMs: integer(env, 'KINWATCH_SHUTDOWN_TIMEOUT_MS', DEFAULT_TIMEOUTS.shutdownMs, 0),
    },
    abandonedAfterMs: integer(env, 'KINWATCH_ABANDONED_DAYS', 400, 1) * 24 * 3_600_000,
    cleanupEveryMs: integer(env, 'KINWATCH_CLEANUP_MINUTES', 60, 1) * 60_000,
  };
}
