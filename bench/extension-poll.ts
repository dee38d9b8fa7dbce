/**
 * `npx tsx bench/extension-poll.ts`: one poll cycle of the watcher over every force's sources (own news + Google
 * News, 46 forces), served from fixtures on 127.0.0.1. Reports CPU time, peak heap and bytes read for a first cycle
 * (every page new) and a steady-state cycle (nothing changed: conditional GETs answered 304), against a baseline of
 * plainly downloading the same pages in the same run.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { analyzeText } from '../src/core/detect/analyze.ts';
import { gbGazetteer } from '../src/core/geo/gazetteer-gb.ts';
import type { WatchedPerson } from '../src/core/geo/watched-person.ts';
import type { KeyValueStore } from '../src/core/platform.ts';
import { forceById, listForces, sourcesForForce } from '../src/core/sources/force-registry.ts';
import type { Source } from '../src/core/sources/source.ts';
import { createSpateDetector } from '../src/core/watcher/spate-detector.ts';
import { createWatcherBackground } from '../src/core/watcher/watcher-background.ts';
import { createExtensionStore, migrateExtensionStore } from '../src/db/extension-store.ts';
import { startLocalServer } from '../tests/helpers/local-http-server.ts';
import { rssFeed, sohListing } from './extension-poll-fixtures.ts';
import { isMain, printTable, round } from './relay-bench-support.ts';

interface Measured {
  cpuMs: number;
  wallMs: number;
  peakHeapMB: number;
  bytesRead: number;
  fullResponses: number;
  notModified: number;
}

export async function benchExtensionPoll(): Promise<Record<string, string | number>[]> {
  const gazetteer = gbGazetteer();
  const forces = listForces();
  const people: WatchedPerson[] = forces.map((force, index) => {
    const where = gazetteer.lookup(force.newsArea[0]?.replaceAll('"', '') ?? '') ?? { lat: 51.89, lng: 0.9 };
    return { id: `p${index}`, name: `Person ${index}`, postcode: 'CO7 6AA', lat: where.lat, lng: where.lng, forceId: force.id, radiusKm: 15 };
  });
  const sources: Source[] = forces.flatMap((force) => sourcesForForce(force.id, { includeGoogleNews: true }));
  const bodies = new Map<string, { body: string; etag: string; type: string }>();
  for (const source of sources) {
    const place = forceById(source.forceId ?? '')?.newsArea[0]?.replaceAll('"', '') ?? 'Colchester';
    const body = source.kind === 'soh-listing' ? sohListing(source, place) : rssFeed(source, place);
    bodies.set(source.id, {
      body,
      etag: `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`,
      type: source.kind === 'soh-listing' ? 'text/html; charset=utf-8' : 'application/rss+xml; charset=utf-8',
    });
  }
  const counters = { bytes: 0, full: 0, notModified: 0 };
  const server = await startLocalServer((req: IncomingMessage, res: ServerResponse) => {
    const id = decodeURIComponent((req.url ?? '').replace(/^\/s\//, '').split('?')[0] ?? '');
    const entry = bodies.get(id);
    if (!entry) {
      res.writeHead(404).end();
      return;
    }
    if (req.headers['if-none-match'] === entry.etag) {
      counters.notModified += 1;
      res.writeHead(304, { etag: entry.etag }).end();
      return;
    }
    counters.full += 1;
    counters.bytes += Buffer.byteLength(entry.body);
    res.writeHead(200, { 'content-type': entry.type, etag: entry.etag }).end(entry.body);
  });
  // Only the base URL changes: each real source address is answered by the fixture server.
  const localUrl = new Map(sources.map((source) => [source.url, `${server.url}/s/${encodeURIComponent(source.id)}`]));
  const benchFetch = (url: string, init?: RequestInit) => fetch(localUrl.get(url) ?? url, init);

  const map = new Map<string, unknown>();
  const kv: KeyValueStore = {
    get: async <T>(key: string) => structuredClone(map.get(key)) as T | undefined,
    set: async (key, value) => void map.set(key, structuredClone(value)),
    remove: async (key) => void map.delete(key),
  };
  await migrateExtensionStore(kv);
  const store = createExtensionStore(kv);
  await store.savePeople(people.map((person) => ({ person, sources: { includeNeighbours: false, includeGoogleNews: true, disabledSourceIds: [] } })));
  await store.saveSettings({ ...(await store.getSettings()), quietHours: { enabled: false, start: '22:00', end: '07:00' } });
  const background = createWatcherBackground({
    store,
    alarms: { get: async () => undefined, create: () => undefined, clear: async () => true },
    notifications: { create: async (id) => id },
    platform: { fetch: benchFetch, clock: { now: () => Date.parse('2026-11-24T12:00:00Z') }, sleep: async () => undefined, random: Math.random },
    sourcesForForce: (forceId, options) => sourcesForForce(forceId, options),
    // No village look-ups: the bench measures the poll, never a postcode service.
    detect: createSpateDetector({
      analyze: (text, options) => analyzeText(text, { ...options, gazetteer }),
      gazetteer: { lookup: (name) => gazetteer.lookup(name) },
    }),
    broadcast: () => undefined,
    openUrl: async () => undefined,
    popupUrl: 'chrome-extension://bench/popup.html',
    defaultCarerAppUrl: '',
    hostGapMs: 0,
  });

  async function measure(task: () => Promise<unknown>): Promise<Measured> {
    const before = { ...counters };
    globalThis.gc?.();
    let peak = process.memoryUsage().heapUsed;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 2);
    const cpu = process.cpuUsage();
    const started = performance.now();
    await task();
    const wallMs = performance.now() - started;
    const used = process.cpuUsage(cpu);
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    return {
      cpuMs: (used.user + used.system) / 1000,
      wallMs,
      peakHeapMB: peak / 1024 / 1024,
      bytesRead: counters.bytes - before.bytes,
      fullResponses: counters.full - before.full,
      notModified: counters.notModified - before.notModified,
    };
  }

  // Baseline: the same pages downloaded and read as text, nothing else.
  const baseline = await measure(() => Promise.all(sources.map(async (source) => (await benchFetch(source.url)).text())));
  const first = await measure(() => background.cycle.run());
  const steady = await measure(() => background.cycle.run());
  await server.close();

  const row = (step: string, m: Measured) => ({
    step,
    sources: sources.length,
    'cpu ms': round(m.cpuMs, 0),
    'cpu ratio': round(m.cpuMs / baseline.cpuMs, 2),
    'wall ms': round(m.wallMs, 0),
    'peak heap MB': round(m.peakHeapMB, 1),
    'KB read': round(m.bytesRead / 1024, 0),
    '200s': m.fullResponses,
    '304s': m.notModified,
  });
  return [row('download only (baseline)', baseline), row('poll cycle, every page new', first), row('poll cycle, steady state', steady)];
}

if (isMain(import.meta.url)) {
  printTable('Watcher poll cycle over every force source (cpu ratio = cycle CPU ÷ plain download CPU)', await benchExtensionPoll());
}
