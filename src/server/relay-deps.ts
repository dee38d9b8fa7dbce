import type { Clock } from '../core/platform.ts';
import type { Resolver } from './push/endpoint-guard.ts';
import type { VapidKeys } from './push/vapid.ts';
import type { RateLimiter } from './rate-limiter.ts';
import type { Store } from './store/store.ts';

export type Log = (entry: Record<string, unknown>) => void;

export interface RelaySettings {
  /** Origins accepted as push endpoints besides the known push services (tests, a local push service). */
  allowOrigins: readonly string[];
  bodyLimitBytes: number;
  inviteTtlMs: number;
  pushTtlSeconds: number;
  /** Behind a load balancer: which proxies to believe for the client address (per-address rate limits). */
  trustProxy?: boolean | string[];
  /** The built PWA to serve; nothing served beyond the API when undefined. */
  staticDir?: string;
}

/** Everything the HTTP app needs, passed in so tests build it with fakes or real local services alike. */
export interface RelayDeps {
  store: Store;
  clock: Clock;
  vapid: VapidKeys;
  settings: RelaySettings;
  log: Log;
  rateLimiter: RateLimiter;
  /** Told when a push was queued, so it goes out at once rather than at the next poll. */
  onPushQueued?: () => void;
  resolve?: Resolver;
}
