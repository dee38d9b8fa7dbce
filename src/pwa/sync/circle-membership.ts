/**
 * This device's place in a care circle, kept in the app's own database (settings), readable by the service worker.
 * The circle key is stored only here and in invite links; the relay never has it.
 */
import type { KinwatchDb } from '../../db/schema.ts';

export interface CircleMembership {
  relayOrigin: string;
  circleId: string;
  deviceId: string;
  deviceToken: string;
  /** The circle's AES-256 key, base64url. */
  circleKey: string;
  deviceName: string;
  joinedAt: string;
}

export interface SyncStatus {
  /** The relay sequence number this device has pulled up to. */
  seq: number;
  lastSyncAt?: string;
  lastError?: string;
  /** Records that did not decrypt (wrong key or altered) and were skipped. */
  undecryptable?: number;
  /** Live calls already announced to the circle, so one call pushes once. */
  announcedCalls?: string[];
  /**
   * For each announced call, how many devices the relay queued a push for (its 202 `{ queued }`): 0 means the alert is
   * saved for the circle but no device was woken now (none has notifications on).
   */
  announcedWoke?: Record<string, number>;
  /**
   * Rows received with a clock more than the maximum drift ahead of this device's time (core/circle/hlc.ts), the
   * newest per record: tried again at every sync, merged once this device's time has caught up.
   */
  heldAhead?: { table: string; row: { id: string; hlc: string } & Record<string, unknown> }[];
}

export const CIRCLE_KEY = 'circle';
export const SYNC_STATUS_KEY = 'circleSync';

export async function loadMembership(db: KinwatchDb): Promise<CircleMembership | undefined> {
  const value = (await db.settings.get(CIRCLE_KEY))?.value as CircleMembership | undefined;
  return value && typeof value.circleId === 'string' && typeof value.circleKey === 'string' ? value : undefined;
}

export async function saveMembership(db: KinwatchDb, membership: CircleMembership): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    await db.settings.put({ key: CIRCLE_KEY, value: membership });
    await db.settings.put({ key: SYNC_STATUS_KEY, value: { seq: 0 } satisfies SyncStatus });
  });
}

export async function forgetMembership(db: KinwatchDb): Promise<void> {
  await db.settings.bulkDelete([CIRCLE_KEY, SYNC_STATUS_KEY]);
}

export async function loadSyncStatus(db: KinwatchDb): Promise<SyncStatus> {
  return ((await db.settings.get(SYNC_STATUS_KEY))?.value as SyncStatus | undefined) ?? { seq: 0 };
}

export async function updateSyncStatus(db: KinwatchDb, change: Partial<SyncStatus>): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const current = await loadSyncStatus(db);
    await db.settings.put({ key: SYNC_STATUS_KEY, value: { ...current, ...change } });
  });
}
