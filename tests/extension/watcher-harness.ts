import { readFileSync } from 'node:fs';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Analysis, PlaceMention, Tactic } from '../../src/core/detect/vocabulary.ts';
import { gbGazetteer } from '../../src/core/geo/gazetteer-gb.ts';
import { createPostcodeClient } from '../../src/core/geo/postcodes.ts';
import type { WatchedPerson } from '../../src/core/geo/watched-person.ts';
import { customFeedSource } from '../../src/core/sources/force-registry.ts';
import type { NotificationOptions } from '../../src/core/watcher/spate-notifier.ts';
import { createSpateDetector } from '../../src/core/watcher/spate-detector.ts';
import type { SourceProgress, SpateDetector } from '../../src/core/watcher/poll-cycle.ts';
import { createWatcherBackground, type WatcherBackground } from '../../src/core/watcher/watcher-background.ts';
import { createExtensionStore, keyValueStoreFromStorageArea, migrateExtensionStore } from '../../src/db/extension-store.ts';
import type { WatcherStore } from '../../src/core/watcher/watcher-state.ts';

export const fixture = (name: string): string => readFileSync(new URL(`../fixtures/extension/${name}`, import.meta.url), 'utf8');

/** Mum in Colchester, Essex: Witham is 20 km away, so a 25 km radius takes in both. */
export const MUM: WatchedPerson = {
  id: 'person-mum',
  name: 'Mum',
  postcode: 'CO7 6AA',
  lat: 51.8891,
  lng: 0.9042,
  forceId: 'essex',
  placeName: 'Colchester',
  radiusKm: 25,
};

/**
 * A small, explicit stand-in for the detection step's text analysis, so these tests prove the watcher's own
 * behaviour (polling, dedupe, quiet hours, circle) whatever the detection rules become.
 */
export function keywordAnalysis(text: string, options: { title: string }): Analysis {
  const all = `${options.title}. ${text}`;
  const relevant = /claiming to be (a )?(police|detective)|fake (police|detective)/i.test(all);
  const tactics: Tactic[] = [];
  if (/PIN/.test(all)) tactics.push('pin-request');
  if (/courier/i.test(all)) tactics.push('courier-collection');
  const places: PlaceMention[] = ['Colchester', 'Witham']
    .filter((name) => all.includes(name))
    .map((name) => ({ name, kind: 'town' as const }));
  return { relevant, score: relevant ? 0.9 : 0, reasons: [], tactics, impersonated: relevant ? ['police'] : [], claimedAs: [], places, counts: {} };
}

export interface Harness {
  store: WatcherStore;
  background: WatcherBackground;
  created: { id: string; options: NotificationOptions }[];
  progress: SourceProgress[];
  opened: string[];
}

/**
 * The background's services over the fake browser, as background.ts wires them. Calling it again over the same fake
 * storage is what a restarted service worker does.
 */
export async function startBackground(options: {
  now: () => number;
  fetch?: typeof fetch;
  localMinutes?: (ms: number) => number;
  hasSiteAccess?: (url: string) => Promise<boolean>;
  analyze?: typeof keywordAnalysis;
  /** Detection itself, e.g. to count its runs; default the watcher's detector over `analyze`. */
  detect?: SpateDetector;
  /** A postcode service stand-in: villages the gazetteer lacks and unchecked circle people are looked up there. */
  postcodesBaseUrl?: string;
}): Promise<Harness> {
  const kv = keyValueStoreFromStorageArea(fakeBrowser.storage.local);
  await migrateExtensionStore(kv);
  const store = createExtensionStore(kv);
  const created: Harness['created'] = [];
  const progress: SourceProgress[] = [];
  const opened: string[] = [];
  const gazetteer = gbGazetteer();
  const background = createWatcherBackground({
    store,
    alarms: fakeBrowser.alarms,
    notifications: {
      async create(id, notification) {
        created.push({ id, options: notification });
        return fakeBrowser.notifications.create(id, notification);
      },
    },
    platform: { fetch: options.fetch ?? ((url, init) => fetch(url, init)), clock: { now: options.now }, sleep: async () => undefined, random: () => 0.5 },
    // Only the feeds a test adds: never the real force sites.
    sourcesForForce: () => [],
    detect: options.detect ?? createSpateDetector({
      analyze: options.analyze ?? keywordAnalysis,
      gazetteer: { lookup: (name) => gazetteer.lookup(name) },
      ...(options.postcodesBaseUrl ? { lookupPlace: createPostcodeClient({ fetch, baseUrl: options.postcodesBaseUrl }).lookupPlace } : {}),
    }),
    // Never the real postcodes.io: a closed port unless the test serves a stand-in.
    postcodesBaseUrl: options.postcodesBaseUrl ?? 'http://127.0.0.1:9',
    broadcast: (update) => progress.push(update),
    openUrl: async (url) => void opened.push(url),
    popupUrl: 'chrome-extension://test-extension-id/popup.html',
    defaultCarerAppUrl: '',
    hostGapMs: 0,
    timeoutMs: 5_000,
    ...(options.localMinutes ? { localMinutes: options.localMinutes } : {}),
    ...(options.hasSiteAccess ? { hasSiteAccess: options.hasSiteAccess } : {}),
  });
  return { store, background, created, progress, opened };
}

/** Watches Mum with the given feeds as her own sources. */
export async function watchMumWith(store: WatcherStore, feedUrls: string[]): Promise<void> {
  await store.savePeople([{ person: MUM, sources: { includeNeighbours: false, includeGoogleNews: false, disabledSourceIds: [] } }]);
  await store.saveCustomFeeds(
    feedUrls.map((url) => {
      const source = customFeedSource(url);
      return { id: source.id, url: source.url, label: source.label, addedAt: '2026-11-24T08:00:00.000Z' };
    }),
  );
}

/** Serves an RSS document with an ETag, answering 304 when the client already has it. */
export function rssRoute(body: () => string) {
  return (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => {
    const text = body();
    const etag = `"${text.length}-${hash(text)}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag });
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag });
    res.end(text);
  };
}

function hash(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0).toString(16);
}
