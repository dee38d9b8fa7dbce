import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { createRelayClient, type DeviceInfo, type PendingInvite, type RelayClient } from '../../core/circle/relay-client.ts';
import { db } from '../app-data.ts';
import { CIRCLE_KEY, SYNC_STATUS_KEY, type CircleMembership, type SyncStatus } from '../sync/circle-membership.ts';

/** undefined while loading, null when this device is in no circle. */
export function useMembership(): CircleMembership | null | undefined {
  return useLiveQuery(async () => ((await db.settings.get(CIRCLE_KEY))?.value as CircleMembership | undefined) ?? null, []);
}

export function useSyncStatus(): SyncStatus | undefined {
  return useLiveQuery(async () => (await db.settings.get(SYNC_STATUS_KEY))?.value as SyncStatus | undefined, []);
}

export interface CircleMembers {
  /** undefined while loading. */
  devices?: DeviceInfo[];
  /** Pending invites; only owners may see them, so undefined for members. */
  invites?: PendingInvite[];
  isOwner: boolean;
  error?: string;
  reload(): Promise<void>;
  /** Runs a change against the relay, then reloads; a failure is shown as `error`. */
  act(change: (relay: RelayClient) => Promise<unknown>): Promise<boolean>;
}

/** The circle's devices and, for an owner, its pending invites, as the relay has them. */
export function useCircleMembers(membership: CircleMembership): CircleMembers {
  const [devices, setDevices] = useState<DeviceInfo[]>();
  const [invites, setInvites] = useState<PendingInvite[]>();
  const [error, setError] = useState<string>();
  const relay = useMemo(() => createRelayClient(membership.relayOrigin), [membership.relayOrigin]);

  const reload = useCallback(async () => {
    try {
      const listed = await relay.listDevices(membership.circleId, membership.deviceToken);
      const owner = listed.some((device) => device.self && device.role === 'owner');
      setDevices(listed);
      setInvites(owner ? await relay.listInvites(membership.circleId, membership.deviceToken) : undefined);
      setError(undefined);
    } catch (caught) {
      setError((caught as Error).message);
    }
  }, [relay, membership.circleId, membership.deviceToken]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const act = useCallback(async (change: (relay: RelayClient) => Promise<unknown>) => {
    try {
      await change(relay);
      await reload();
      return true;
    } catch (caught) {
      setError((caught as Error).message);
      return false;
    }
  }, [relay, reload]);

  const isOwner = devices?.some((device) => device.self && device.role === 'owner') ?? false;
  return { ...(devices ? { devices } : {}), ...(invites ? { invites } : {}), isOwner, ...(error ? { error } : {}), reload, act };
}
