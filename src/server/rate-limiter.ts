/** A token bucket per key (a device, or an address before a device exists): bursts allowed, floods refused. */
export interface RateLimiter {
  /** 0 when allowed, otherwise the seconds to wait. */
  take(key: string, now: number): number;
}

export function createRateLimiter({ burst, perSecond }: { burst: number; perSecond: number }): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(key, now) {
      const bucket = buckets.get(key) ?? { tokens: burst, at: now };
      bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * perSecond);
      bucket.at = now;
      buckets.set(key, bucket);
      // Forget idle full buckets now and then so the map does not grow with every address ever seen.
      if (buckets.size > 10_000) for (const [k, b] of buckets) if (b.tokens >= burst) buckets.delete(k);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond));
    },
  };
}
