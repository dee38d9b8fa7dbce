/**
 * A bounded load test of the relay on loopback: N requests at concurrency C (and at most a time limit), reporting
 * requests per second with p50/p99 latency, for a sync mix (GET records / POST records) against /healthz as the
 * baseline floor of the HTTP stack in the same run (/healthz asks the database for `SELECT 1`). Quotas are on.
 * Usage: npx tsx bench/relay-load.ts [requests] [concurrency] [maxSeconds]
 */
import { systemClock } from '../src/core/platform.ts';
import { buildApp } from '../src/server/app.ts';
import { loadVapidKeys } from '../src/server/push/vapid.ts';
import { openStore } from '../src/server/store/open-store.ts';
import { isMain, percentile, printTable, round } from './relay-bench-support.ts';

async function drive(total: number, concurrency: number, maxSeconds: number, one: (i: number) => Promise<Response>) {
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const deadline = performance.now() + maxSeconds * 1000;
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < total && performance.now() < deadline) {
      const i = next++;
      const t = performance.now();
      const response = await one(i);
      await response.arrayBuffer();
      if (!response.ok) failures++;
      latencies.push(performance.now() - t);
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { done: latencies.length, failures, seconds, rps: latencies.length / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

export async function benchLoad(total = 5_000, concurrency = 32, maxSeconds = 30): Promise<Record<string, string | number>[]> {
  const store = await openStore({});
  const app = await buildApp({
    store, clock: systemClock, vapid: await loadVapidKeys(store), log: () => {},
    // The default per-circle quotas are on (stored bytes, records, devices, alerts); the per-device request limit
    // is lifted, since eight devices here send what a thousand families would.
    settings: {
      allowOrigins: [], bodyLimitBytes: 1024 * 1024, inviteTtlMs: 3_600_000, pushTtlSeconds: 60,
      limits: { perMinute: 1e9, circlesPerAddressPerHour: 1e9, circlesPerHour: 1e9 },
    },
  });
  const origin = await app.listen({ port: 0, host: '127.0.0.1' });
  const circles = await Promise.all(Array.from({ length: 8 }, () => fetch(`${origin}/api/circles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }).then((r) => r.json() as Promise<{ circleId: string; deviceToken: string }>)));

  const health = await drive(total, concurrency, maxSeconds, () => fetch(`${origin}/healthz`));
  const mix = await drive(total, concurrency, maxSeconds, (i) => {
    const circle = circles[i % circles.length]!;
    const headers = { authorization: `Bearer ${circle.deviceToken}`, 'content-type': 'application/json' };
    if (i % 4 === 0) {
      const records = Array.from({ length: 5 }, (_, r) => ({ id: `r${i}-${r}`, hlc: `1800000000000-0000-n${i}x${r}`, ciphertext: 'QUJDREVGR0hJSktMTU5PUA' }));
      return fetch(`${origin}/api/circles/${circle.circleId}/records`, { method: 'POST', headers, body: JSON.stringify({ records }) });
    }
    return fetch(`${origin}/api/circles/${circle.circleId}/records?after=${Math.max(0, (i % 50) * 5)}`, { headers });
  });
  await app.close();
  await store.close();
  const row = (name: string, r: typeof health) => ({
    run: name, requests: r.done, failures: r.failures, concurrency, seconds: round(r.seconds, 2),
    'req/s': round(r.rps, 0), 'p50 ms': round(r.p50, 1), 'p99 ms': round(r.p99, 1), ratio: round(r.rps / health.rps, 2),
  });
  return [row('GET /healthz (baseline)', health), row('sync mix: 3 GET records : 1 POST 5 records', mix)];
}

if (isMain(import.meta.url)) {
  const [n, c, s] = process.argv.slice(2).map(Number);
  printTable('Relay load on loopback, PGlite (ratio = req/s ÷ baseline req/s)', await benchLoad(n || 5_000, c || 32, s || 30));
}
