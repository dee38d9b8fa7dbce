/**
 * The watcher extension's own storage: chrome.storage.local through the KeyValueStore seam, one key per kind of
 * record, and a schema version with migrations listed explicitly (run in order, each once).
 */
import type { Spate } from '../core/spates/spate.ts';
import type { KeyValueStore } from '../core/platform.ts';
import type { FeedItem, SourceHealth } from '../core/sources/source.ts';
import {
  DEFAULT_SETTINGS,
  type CircleConnection,
  type CircleRecordsState,
  type UnsentCircleAlert,
  type CustomFeed,
  type CycleSummary,
  type DetectionMark,
  type HeldAlert,
  type NotifiedEntry,
  type WatchedPersonEntry,
  type WatcherSettings,
  type WatcherStore,
} from '../core/watcher/watcher-state.ts';

export const STORE_KEYS = {
  schemaVersion: 'schemaVersion',
  settings: 'settings',
  people: 'people',
  customFeeds: 'customFeeds',
  health: 'sourceHealth',
  items: 'recentItems',
  spates: 'spates',
  alertedVersions: 'alertedVersions',
  notifiedLog: 'notifiedLog',
  circle: 'circle',
  circleRecords: 'circleRecords',
  unsentCircleAlerts: 'unsentCircleAlerts',
  lastCycle: 'lastCycle',
  detectionMark: 'detectionMark',
  heldAlerts: 'heldAlerts',
} as const;

/** Enough history to show "what happened lately" without growing storage for ever. */
export const NOTIFIED_LOG_LIMIT = 200;

export interface Migration {
  version: number;
  description: string;
  run(kv: KeyValueStore): Promise<void>;
}

/** Every schema change, in order. Append; never edit a released one. */
export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    description: 'initial schema: settings with defaults',
    async run(kv) {
      const settings = await kv.get<Partial<WatcherSettings>>(STORE_KEYS.settings);
      await kv.set(STORE_KEYS.settings, { ...DEFAULT_SETTINGS, ...settings });
    },
  },
  {
    version: 2,
    // Alerts held before this version were only logged: they are not summarised after the fact.
    description: 'heldAlerts: routine alerts held back by quiet hours, for the morning summary (empty list)',
    async run(kv) {
      const held = await kv.get<HeldAlert[]>(STORE_KEYS.heldAlerts);
      if (!Array.isArray(held)) await kv.set(STORE_KEYS.heldAlerts, []);
    },
  },
];

export const CURRENT_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;

/** Brings stored data up to the current schema. Safe to call on every worker start. */
export async function migrateExtensionStore(kv: KeyValueStore): Promise<number> {
  const from = (await kv.get<number>(STORE_KEYS.schemaVersion)) ?? 0;
  for (const migration of MIGRATIONS) {
    if (migration.version <= from) continue;
    await migration.run(kv);
    await kv.set(STORE_KEYS.schemaVersion, migration.version);
  }
  return Math.max(from, CURRENT_SCHEMA_VERSION);
}

export function createExtensionStore(kv: KeyValueStore): WatcherStore {
  const read = async <T>(key: string, fallback: T): Promise<T> => (await kv.get<T>(key)) ?? fallback;
  return {
    getSettings: async () => ({ ...DEFAULT_SETTINGS, ...(await kv.get<Partial<WatcherSettings>>(STORE_KEYS.settings)) }),
    saveSettings: (settings) => kv.set(STORE_KEYS.settings, settings),
    getPeople: () => read<WatchedPersonEntry[]>(STORE_KEYS.people, []),
    savePeople: (people) => kv.set(STORE_KEYS.people, people),
    getCustomFeeds: () => read<CustomFeed[]>(STORE_KEYS.customFeeds, []),
    saveCustomFeeds: (feeds) => kv.set(STORE_KEYS.customFeeds, feeds),
    getHealth: () => read<Record<string, SourceHealth>>(STORE_KEYS.health, {}),
    saveHealth: (health) => kv.set(STORE_KEYS.health, health),
    getItems: () => read<Record<string, FeedItem[]>>(STORE_KEYS.items, {}),
    saveItems: (items) => kv.set(STORE_KEYS.items, items),
    getSpates: () => read<Spate[]>(STORE_KEYS.spates, []),
    saveSpates: (spates) => kv.set(STORE_KEYS.spates, spates),
    getAlertedVersions: () => read<Record<string, string>>(STORE_KEYS.alertedVersions, {}),
    saveAlertedVersions: (versions) => kv.set(STORE_KEYS.alertedVersions, versions),
    getNotifiedLog: () => read<NotifiedEntry[]>(STORE_KEYS.notifiedLog, []),
    async appendNotified(entry) {
      const log = await read<NotifiedEntry[]>(STORE_KEYS.notifiedLog, []);
      await kv.set(STORE_KEYS.notifiedLog, [...log, entry].slice(-NOTIFIED_LOG_LIMIT));
    },
    getHeldAlerts: () => read<HeldAlert[]>(STORE_KEYS.heldAlerts, []),
    saveHeldAlerts: (held) => kv.set(STORE_KEYS.heldAlerts, held),
    getCircle: () => kv.get<CircleConnection>(STORE_KEYS.circle),
    saveCircle: (circle) => (circle ? kv.set(STORE_KEYS.circle, circle) : kv.remove(STORE_KEYS.circle)),
    getUnsentCircleAlerts: () => read<UnsentCircleAlert[]>(STORE_KEYS.unsentCircleAlerts, []),
    saveUnsentCircleAlerts: (alerts) => kv.set(STORE_KEYS.unsentCircleAlerts, alerts),
    getCircleRecordsState: () => kv.get<CircleRecordsState>(STORE_KEYS.circleRecords),
    saveCircleRecordsState: (state) => kv.set(STORE_KEYS.circleRecords, state),
    getDetectionMark: () => kv.get<DetectionMark>(STORE_KEYS.detectionMark),
    saveDetectionMark: (mark) => kv.set(STORE_KEYS.detectionMark, mark),
    getLastCycle: () => kv.get<CycleSummary>(STORE_KEYS.lastCycle),
    saveLastCycle: (summary) => kv.set(STORE_KEYS.lastCycle, summary),
  };
}

/** chrome.storage.local (or any StorageArea-like object) as a KeyValueStore. */
export interface StorageAreaLike {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

export function keyValueStoreFromStorageArea(area: StorageAreaLike): KeyValueStore {
  return {
    get: async <T>(key: string) => (await area.get(key))[key] as T | undefined,
    set: (key, value) => area.set({ [key]: value }),
    remove: (key) => area.remove(key),
  };
}
