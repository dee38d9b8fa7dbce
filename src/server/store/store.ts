/**
 * Everything the relay keeps. It never holds a circle key or a device token: records and alerts are ciphertext,
 * tokens are SHA-256 hashes.
 */
export type Role = 'owner' | 'member';

export interface DeviceRow {
  id: string;
  circleId: string;
  name: string;
  /** Owners invite, cancel invites, remove other devices and make owners; every circle keeps at least one. */
  role: Role;
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

/** An invite not yet used, cancelled or expired (the token itself is never stored, only its hash). */
export interface PendingInvite {
  id: string;
  createdBy: string;
  createdAt: number;
  expiresAt: number;
}

/** A write that would take a circle over one of its quotas; nothing of it was stored. */
export class QuotaExceeded extends Error {
  constructor(
    readonly quota: 'bytes' | 'records' | 'devices' | 'alertsPerHour' | 'pendingInvites',
    readonly limit: number,
    /** For per-hour quotas: seconds until the window frees up. */
    readonly retryAfterSeconds?: number,
  ) {
    super(`circle quota ${quota} (${limit}) exceeded`);
  }
}

export interface PushJob {
  id: number;
  circleId: string;
  deviceId: string;
  payload: string;
  urgency: 'high' | 'normal';
  topic: string | null;
  ttlSeconds: number;
  /** When the push service should stop trying, ms since the epoch: a retry sends only what remains. */
  expiresAt: number;
  attempts: number;
  subscription: PushSubscriptionRow | null;
}

export type InviteOutcome = 'joined' | 'unknown' | 'used' | 'expired' | 'cancelled' | 'name_taken';

export type RoleOutcome = 'changed' | 'unknown' | 'last_owner';

/** What the scheduled clean-up removed. */
export interface CleanupCounts {
  invites: number;
  devices: number;
  circles: number;
}

export interface Store {
  readonly kind: 'pglite' | 'postgres';
  /** Stores `value` under `key` unless a value is already there; returns whichever value is stored. */
  settingOnce(key: string, value: string): Promise<string>;
  getSetting(key: string): Promise<string | undefined>;

  createCircle(input: { circleId: string; deviceId: string; deviceName: string; tokenHash: string; now: number }): Promise<void>;
  /** The device holding this token hash (revoked or not), and marks it seen. */
  deviceByTokenHash(tokenHash: string, now: number): Promise<(DeviceRow & { tokenHash: string }) | undefined>;
  listDevices(circleId: string): Promise<DeviceRow[]>;
  /**
   * Removes a device: its token stops working, its push subscription and queued pushes go, and the invites it made
   * are cancelled. When it was the last owner, the longest-standing remaining device becomes owner.
   * False when no such active device is in the circle.
   */
  revokeDevice(circleId: string, deviceId: string, now: number): Promise<boolean>;
  /** Makes a device owner or member; refuses to demote the circle's last owner. */
  setRole(circleId: string, deviceId: string, role: Role): Promise<RoleOutcome>;

  /** Throws QuotaExceeded('pendingInvites') when the circle already has that many pending invites. */
  createInvite(input: { id: string; tokenHash: string; circleId: string; createdBy: string; now: number; expiresAt: number; maxPending: number }): Promise<void>;
  listInvites(circleId: string, now: number): Promise<PendingInvite[]>;
  /** Cancels a pending invite; false when there is no such pending invite in the circle. */
  cancelInvite(circleId: string, inviteId: string, now: number): Promise<boolean>;
  /**
   * Uses the invite and adds the device in one transaction: an invite admits exactly one device, only while it is
   * pending and its maker still in the circle. Names are unique within a circle (case-insensitive).
   * Throws QuotaExceeded('devices') when the circle is full.
   */
  redeemInvite(input: {
    circleId: string;
    inviteTokenHash: string;
    deviceId: string;
    deviceName: string;
    deviceTokenHash: string;
    now: number;
    maxDevices: number;
  }): Promise<InviteOutcome>;

  putPushSubscription(deviceId: string, subscription: PushSubscriptionRow, now: number): Promise<void>;
  deletePushSubscription(deviceId: string): Promise<void>;
  pushSubscription(deviceId: string): Promise<PushSubscriptionRow | undefined>;

  /**
   * Appends records not seen before (by id + hlc) with the circle's next sequence numbers; returns the circle's seq.
   * Throws QuotaExceeded('bytes' | 'records'), storing none of the batch, when it would take the circle over quota.
   */
  appendRecords(
    circleId: string,
    deviceId: string,
    records: readonly { id: string; hlc: string; ciphertext: string }[],
    now: number,
    quotas: { bytes: number; records: number },
  ): Promise<number>;
  /** At most `limit` records after `after`, and no more than `maxBytes` of stored record (but always at least one). */
  recordsAfter(circleId: string, after: number, limit: number, maxBytes?: number): Promise<{ records: StoredRecord[]; seq: number; more: boolean }>;
  /** Counts one alert against the circle's hourly quota; throws QuotaExceeded('alertsPerHour') when it is used up. */
  takeAlertQuota(circleId: string, now: number, perHour: number): Promise<void>;

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

  /**
   * Deletes invites that can no longer be used (a day after they expired, were used or cancelled), devices removed
   * more than `removedGraceMs` ago, and circles none of whose devices was seen within `abandonedAfterMs` (with all
   * their records).
   */
  cleanup(now: number, options: { abandonedAfterMs: number; removedGraceMs: number }): Promise<CleanupCounts>;
  /** Runs a trivial statement: resolves when the database answers. */
  ping(): Promise<void>;

  close(): Promise<void>;
}
