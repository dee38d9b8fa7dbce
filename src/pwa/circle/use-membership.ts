import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../app-data.ts';
import { CIRCLE_KEY, SYNC_STATUS_KEY, type CircleMembership, type SyncStatus } from '../sync/circle-membership.ts';

/** undefined while loading, null when this device is in no circle. */
export function useMembership(): CircleMembership | null | undefined {
  return useLiveQuery(async () => ((await db.settings.get(CIRCLE_KEY))?.value as CircleMembership | undefined) ?? null, []);
}

export function useSyncStatus(): SyncStatus | undefined {
  return useLiveQuery(async () => (await db.settings.get(SYNC_STATUS_KEY))?.value as SyncStatus | undefined, []);
}
