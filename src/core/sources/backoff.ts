import type { Random } from '../platform.ts';

export const DEFAULT_BACKOFF_BASE_MS = 60_000;
export const DEFAULT_BACKOFF_CAP_MS = 6 * 60 * 60 * 1000;
/** A Retry-After beyond this is treated as this: a misconfigured server must not silence a source for months. */
export const MAX_RETRY_AFTER_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Exponential backoff with full jitter: a uniformly random wait in [0, min(cap, base * 2^(failures-1))).
 * Full jitter spreads many watchers' retries so a recovering force site is not hit by all of them at once.
 */
export function backoffDelayMs(
  consecutiveFailures: number,
  random: Random,
  baseMs = DEFAULT_BACKOFF_BASE_MS,
  capMs = DEFAULT_BACKOFF_CAP_MS,
): number {
  const exponent = Math.min(Math.max(consecutiveFailures - 1, 0), 40);
  const ceiling = Math.min(capMs, baseMs * 2 ** exponent);
  return Math.floor(random() * ceiling);
}

/**
 * Retry-After as milliseconds from now: either delay-seconds ("120") or an HTTP-date
 * ("Wed, 25 Nov 2026 07:28:00 GMT"). Returns undefined when absent or unreadable.
 */
export function retryAfterMs(header: string | null, nowMs: number): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Math.min(Number(value) * 1000, MAX_RETRY_AFTER_MS);
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  return Math.min(Math.max(at - nowMs, 0), MAX_RETRY_AFTER_MS);
}
