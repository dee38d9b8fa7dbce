/**
 * The relay's HTTP API as functions: used by the carer app's pages, its service worker and the watcher alike (fetch
 * only, no DOM). Errors carry the relay's `{"error":{"code","message"}}` so screens can say what went wrong.
 */
import type { HttpFetch } from '../platform.ts';
import type { Envelope } from './envelope.ts';

export class RelayError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The relay's own words, when it gave any (callers with their own wording may quote them). */
    readonly relayMessage?: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export interface DeviceInfo {
  id: string;
  name: string;
  /** Owners invite, cancel invites, remove other devices and make owners; a circle always has one. */
  role: 'owner' | 'member';
  createdAt: string;
  lastSeenAt: string;
  self: boolean;
}

export interface PendingInvite {
  id: string;
  /** The device that made it. */
  createdBy: string;
  createdAt: string;
  expiresAt: string;
}

export interface RelayClient {
  createCircle(deviceName: string): Promise<{ circleId: string; deviceId: string; deviceToken: string }>;
  createInvite(circleId: string, token: string): Promise<{ id: string; inviteToken: string; expiresAt: string }>;
  /** Invites not yet used, cancelled or expired (owners only). */
  listInvites(circleId: string, token: string): Promise<PendingInvite[]>;
  cancelInvite(circleId: string, inviteId: string, token: string): Promise<void>;
  setRole(circleId: string, deviceId: string, role: 'owner' | 'member', token: string): Promise<void>;
  join(circleId: string, inviteToken: string, deviceName: string): Promise<{ deviceId: string; deviceToken: string }>;
  listDevices(circleId: string, token: string): Promise<DeviceInfo[]>;
  revokeDevice(circleId: string, deviceId: string, token: string): Promise<void>;
  leave(circleId: string, token: string): Promise<void>;
  pushKey(): Promise<string>;
  putPushSubscription(deviceId: string, subscription: { endpoint: string; keys: { p256dh: string; auth: string } }, token: string): Promise<void>;
  postRecords(circleId: string, records: readonly Envelope[], token: string): Promise<number>;
  getRecords(circleId: string, after: number, token: string): Promise<{ records: (Envelope & { seq: number })[]; seq: number; more: boolean }>;
  /** `alertId` names the alert's record, so the relay can fall back to an id-only push (src/core/alerts/alert.ts). */
  postAlert(circleId: string, alert: { ciphertext: string; urgency: 'high' | 'normal'; topic?: string; alertId?: string }, token: string): Promise<number>;
}

export function createRelayClient(relayOrigin: string, fetchImpl: HttpFetch = (url, init) => globalThis.fetch(url, init)): RelayClient {
  async function call<T>(method: string, path: string, { token, body }: { token?: string; body?: unknown } = {}): Promise<T> {
    let response: Response;
    try {
      response = await fetchImpl(`${relayOrigin}${path}`, {
        method,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
    } catch (cause) {
      throw new RelayError(0, 'offline', 'The relay could not be reached. Check the connection; changes are kept and sent later.', undefined, { cause });
    }
    if (response.status === 204) return undefined as T;
    const data = (await response.json().catch(() => undefined)) as { error?: { code: string; message: string } } | undefined;
    if (!response.ok) {
      const relayMessage = data?.error?.message;
      throw new RelayError(response.status, data?.error?.code ?? 'http_error', relayMessage ?? `The relay answered ${response.status}`, relayMessage);
    }
    return data as T;
  }
  return {
    createCircle: (deviceName) => call('POST', '/api/circles', { body: { deviceName } }),
    createInvite: (circleId, token) => call('POST', `/api/circles/${circleId}/invites`, { token, body: {} }),
    listInvites: async (circleId, token) => (await call<{ invites: PendingInvite[] }>('GET', `/api/circles/${circleId}/invites`, { token })).invites,
    cancelInvite: (circleId, inviteId, token) => call('DELETE', `/api/circles/${circleId}/invites/${inviteId}`, { token }),
    setRole: (circleId, deviceId, role, token) => call('PUT', `/api/circles/${circleId}/devices/${deviceId}/role`, { token, body: { role } }),
    join: (circleId, inviteToken, deviceName) => call('POST', `/api/circles/${circleId}/join`, { body: { inviteToken, deviceName } }),
    listDevices: async (circleId, token) => (await call<{ devices: DeviceInfo[] }>('GET', `/api/circles/${circleId}/devices`, { token })).devices,
    revokeDevice: (circleId, deviceId, token) => call('DELETE', `/api/circles/${circleId}/devices/${deviceId}`, { token }),
    leave: (circleId, token) => call('POST', `/api/circles/${circleId}/leave`, { token, body: {} }),
    pushKey: async () => (await call<{ publicKey: string }>('GET', '/api/push/key')).publicKey,
    putPushSubscription: (deviceId, subscription, token) => call('PUT', `/api/devices/${deviceId}/push-subscription`, { token, body: subscription }),
    postRecords: async (circleId, records, token) => (await call<{ seq: number }>('POST', `/api/circles/${circleId}/records`, { token, body: { records } })).seq,
    getRecords: (circleId, after, token) => call('GET', `/api/circles/${circleId}/records?after=${after}`, { token }),
    // Any 2xx means the relay took the alert; a reply without a count is read as none queued rather than an error.
    postAlert: async (circleId, alert, token) => (await call<{ queued: number } | undefined>('POST', `/api/circles/${circleId}/alerts`, { token, body: alert }))?.queued ?? 0,
  };
}
