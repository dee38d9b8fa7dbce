import { resolve } from 'node:path';
import { parseAllowedOrigins } from './push/endpoint-guard.ts';

export interface RelayConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  staticDir: string;
  allowOrigins: string[];
  vapidSubject: string;
  bodyLimitBytes: number;
  rateBurst: number;
  ratePerSecond: number;
  inviteTtlMs: number;
  pushTtlSeconds: number;
  trustProxy: boolean | string[];
}

function integer(env: Record<string, string | undefined>, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min) throw new Error(`${name}: must be an integer ≥ ${min}, got ${JSON.stringify(raw)}`);
  return Number(raw);
}

/** "true", or comma-separated proxy addresses/CIDRs to believe X-Forwarded-For from. */
function trustProxy(raw: string | undefined): boolean | string[] {
  if (!raw || raw === 'false') return false;
  if (raw === 'true') return true;
  return raw.split(',').map((item) => item.trim()).filter(Boolean);
}

/** The relay's settings from the environment; a bad value stops the start with the variable's name. */
export function readRelayConfig(env: Record<string, string | undefined>, cwd: string): RelayConfig {
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) throw new Error('DATABASE_URL: must start with postgres://');
  const subject = env.KINWATCH_VAPID_SUBJECT ?? 'mailto:relay@kinwatch.invalid';
  if (!/^(mailto:|https:)/.test(subject)) throw new Error('KINWATCH_VAPID_SUBJECT: must be a mailto: or https: URL');
  return {
    port: integer(env, 'PORT', 8787, 0),
    host: env.HOST || '127.0.0.1',
    dataDir: resolve(cwd, env.KINWATCH_DATA || './data'),
    ...(databaseUrl ? { databaseUrl } : {}),
    staticDir: resolve(cwd, env.KINWATCH_STATIC || 'dist/pwa'),
    allowOrigins: parseAllowedOrigins(env.KINWATCH_PUSH_ALLOW),
    vapidSubject: subject,
    bodyLimitBytes: integer(env, 'KINWATCH_BODY_LIMIT', 1024 * 1024, 1024),
    rateBurst: integer(env, 'KINWATCH_RATE_BURST', 120, 1),
    ratePerSecond: integer(env, 'KINWATCH_RATE_PER_SECOND', 20, 1),
    inviteTtlMs: integer(env, 'KINWATCH_INVITE_TTL_HOURS', 7 * 24, 1) * 3_600_000,
    pushTtlSeconds: integer(env, 'KINWATCH_PUSH_TTL_SECONDS', 24 * 3600, 0),
    trustProxy: trustProxy(env.KINWATCH_TRUST_PROXY),
  };
}
