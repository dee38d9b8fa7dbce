import type { Clock } from '../core/platform.ts';
import type { Resolver } from './push/endpoint-guard.ts';
import type { VapidKeys } from './push/vapid.ts';
import { DEFAULT_LIMITS, DEFAULT_QUOTAS, DEFAULT_TIMEOUTS, type CircleQuotas, type RequestLimits, type Timeouts } from './relay-config.ts';
import type { Store } from './store/store.ts';

export type Log = (entry: Record<string, unknown>) => void;

export interface RelaySettings {
  /** Origins accepted as push endpoints besides the known push services (tests, a local push service). */
  allowOrigins: readonly string[];
  bodyLimitBytes: number;
  /** Largest page of records in bytes of stored record (at least one record is always served). */
  pageBytes: number;
  inviteTtlMs: number;
  pushTtlSeconds: number;
  quotas: CircleQuotas;
  limits: RequestLimits;
  timeouts: Timeouts;
  /** Behind a reverse proxy: the proxies' addresses or CIDRs whose X-Forwarded-For is believed. */
  trustProxy?: false | string[];
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
  /** A monotonic clock in ms for request limits (performance.now by default); tests pass a fake. */
  limitClock?: () => number;
  /** Told when a push was queued, so it goes out at once rather than at the next poll. */
  onPushQueued?: () => void;
  resolve?: Resolver;
}

/** Settings as a caller may give them: quotas, limits, timeouts and page size fall back to the relay's defaults. */
export type RelaySettingsInput = Omit<RelaySettings, 'quotas' | 'limits' | 'timeouts' | 'pageBytes'> & {
  quotas?: Partial<CircleQuotas>;
  limits?: Partial<RequestLimits>;
  timeouts?: Partial<Timeouts>;
  pageBytes?: number;
};

export type RelayDepsInput = Omit<RelayDeps, 'settings'> & { settings: RelaySettingsInput };

export function withDefaults(deps: RelayDepsInput): RelayDeps {
  const { settings } = deps;
  return {
    ...deps,
    settings: {
      ...settings,
      pageBytes: settings.pageBytes ?? 1024 * 1024,
      quotas: { ...DEFAULT_QUOTAS, ...settings.quotas },
      limits: { ...DEFAULT_LIMITS, ...settings.limits },
      timeouts: { ...DEFAULT_TIMEOUTS, ...settings.timeouts },
    },
  };
}
