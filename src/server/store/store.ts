/**
 * Everything the relay keeps. It never holds a circle key or a device token: records and alerts are ciphertext,
 * tokens are SHA-256 hashes.
 */
export interface DeviceRow {
  id: string;
  circleId: string;
  name: string;
  createdAt: number;
  lastSeenAt: number;
  revokedAt: number | null;
}

export interface StoredRecord {
  id: string;
  hlc: string;
  ciphertext: string;
  seq: number;
}

export interface PushSubscriptionRow {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

export interface PushJob {
  id: number;
  circleId: string;
  deviceId: string;
  payload: string;
  urgency: 'high' | 'normal';
  topic: string | null;
  ttlSeconds: number;
  attempts: number;
  subscription: PushSubscriptionRow | null;
}

export type InviteOutcome = 'joined' | 'unknown' | 'used' | 'expired';

export interface Store {
  readonly kind: 'pglite' | 'postgres';
  /** Stores `value` under `key` unless a value is already there; returns whichever value is stored. */
  settingOnce(key: string, value: string): Promise<string>;
  getSetting(key: string): Promise<string | undefined>;

  createCircle(input: { circleId: string; deviceId: string; deviceName: string; tokenHash: string; now: number }): Promise<void>;
  /** The device holding this token hash (revoked or not), and marks it seen. */
  deviceByTokenHash(tokenHash: string, now: number): Promise<(DeviceRow & { tokenHash: string }) | undefined>;
  listDevices(circleId: string): Promise<DeviceRow[]>;
  revokeDevice(circleId: string, deviceId: string, now: number): Promise<boolean>;

  createInvite(input: { tokenHash: string; circleId: string; createdBy: string; now: number; expiresAt: number }): Promise<void>;
  /** Uses the invite and adds the device in one transaction: an invite admits exactly one device. */
  redeemInvite(input: {
    circleId: string;
    inviteTokenHash: string;
    deviceId: string;
    deviceName: string;
    deviceTokenHash: string;
    now: number;
  }): Promise<InviteOutcome>;

  putPushSubscription(deviceId: string, subscription: PushSubscriptionRow, now: number): Promise<void>;
  deletePushSubscription(deviceId: string): Promise<void>;
  pushSubscription(deviceId: string): Promise<PushSubscriptionRow | undefined>;

  /** Appends records not seen before (by id + hlc) with the circle's next sequence numbers; returns the circle's seq. */
  appendRecords(circleId: string, deviceId: string, records: readonly { id: string; hlc: string; ciphertext: string }[], now: number): Promise<number>;
  recordsAfter(circleId: string, after: number, limit: number): Promise<{ records: StoredRecord[]; seq: number; more: boolean }>;

  /** Queues one push per other subscribed device of the circle; returns how many. */
  enqueuePush(input: {
    circleId: string;
    fromDeviceId: string;
    payload: string;
    urgency: 'high' | 'normal';
    topic: string | null;
    ttlSeconds: number;
    now: number;
  }): Promise<number>;
  /** Claims due pushes for `leaseMs`; a claimed push not finished by then (the relay died) is claimed again. */
  claimPushes(now: number, limit: number, leaseMs: number): Promise<PushJob[]>;
  finishPush(id: number): Promise<void>;
  retryPush(id: number, nextAttemptAt: number): Promise<void>;
  pendingPushes(): Promise<number>;

  close(): Promise<void>;
}
