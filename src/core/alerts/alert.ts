/**
 * The alert's wire shapes, in one place for the watcher extension, the carer app (pages and service worker) and the
 * relay. An alert's life: the sending device writes it to the circle as a record first (`AlertRecord`, synced like
 * every record), then asks the relay to push a wake-up (`CircleAlert`, sealed with the circle key, inside the relay's
 * `AlertPushPayload`). A device that misses the push still gets the record at its next sync.
 */
import { fnv1aHex } from '../fnv1a.ts';
import type { Spate } from '../spates/spate.ts';

/** A spate delivered to the circle for one person: one alert per incident, replaced as it escalates. */
export interface AlertRecord {
  /** `spateAlertId(personId, spate.id)`. */
  id: string;
  hlc: string;
  deleted?: true;
  /** The circle's person id (a `people` record), so every device names the right person. */
  personId: string;
  spate: Spate;
  /** ISO time the alert was first written (by the watcher, or by the app importing it). */
  receivedAt: string;
}

/** The one alert id scheme: "<person id>:<spate id>". Spate ids are stable as the incident grows. */
export function spateAlertId(personId: string, spateId: string): string {
  return `${personId}:${spateId}`;
}

/** An urgent call's alert id: the call record carries the alert, so its id is the call's. */
export function liveCallAlertId(callId: string): string {
  return `call:${callId}`;
}

/**
 * What a push carries, sealed with the circle key (circle-crypto's sealAlert):
 * - `spate`: the whole alert record, stored as it is by the receiving service worker;
 * - `spate-ref`: only the alert's id (and the notification's words, trimmed), when the record does not fit a push;
 *   the device fetches the record by syncing;
 * - `live-call`: a call that looks live, logged on another device; the call record comes by sync.
 */
export type CircleAlert =
  | { kind: 'spate'; title: string; body: string; alert: AlertRecord }
  | { kind: 'spate-ref'; title: string; body: string; alertId: string; personId: string }
  | { kind: 'live-call'; title: string; body: string; callId: string; personId: string };

/**
 * What the relay pushes to each device (the push service's own encryption removed). `ciphertext` is the sealed
 * `CircleAlert`; it is absent in the id-only form the relay falls back to when a push service refuses the body as
 * too large: the device then syncs and finds the alert by `alertId`.
 */
export interface AlertPushPayload {
  kind: 'alert';
  circleId: string;
  alertId?: string;
  ciphertext?: string;
  urgency: 'high' | 'normal';
  topic?: string;
  /** ISO time the relay queued it. */
  sentAt: string;
}

/**
 * The largest encrypted push body every push service takes, bytes. The Web Push standard lets push services cap
 * bodies at 4,096 (RFC 8030 §7.2, "at least 4096 octets"); Firefox for Android's push service refuses encrypted
 * bodies over 3,070 bytes with 413 Payload Too Large, so every alert push is fitted to that.
 */
export const MAX_PUSH_BODY_BYTES = 3070;
/**
 * What aes128gcm (RFC 8291/8188) adds to the plaintext: an 86-byte header (16 salt, 4 record size, 1 key id length,
 * 65 key id), a 1-byte padding delimiter and a 16-byte tag.
 */
export const PUSH_ENCRYPTION_OVERHEAD_BYTES = 103;
/** The largest `AlertPushPayload` JSON, bytes (UTF-8), that fits every push service: 2,967. */
export const MAX_PUSH_PAYLOAD_BYTES = MAX_PUSH_BODY_BYTES - PUSH_ENCRYPTION_OVERHEAD_BYTES;

/** The relay's push payload for an alert, as JSON text. `sentAt` defaults to a placeholder of the real length. */
export function alertPushPayload(input: Omit<AlertPushPayload, 'kind' | 'sentAt'> & { sentAt?: string }): string {
  const payload: AlertPushPayload = {
    kind: 'alert',
    circleId: input.circleId,
    ...(input.alertId !== undefined ? { alertId: input.alertId } : {}),
    ...(input.ciphertext !== undefined ? { ciphertext: input.ciphertext } : {}),
    urgency: input.urgency,
    ...(input.topic !== undefined ? { topic: input.topic } : {}),
    sentAt: input.sentAt ?? new Date(0).toISOString(),
  };
  return JSON.stringify(payload);
}

/** UTF-8 length of a push payload, bytes. */
export function pushPayloadBytes(payload: string): number {
  return new TextEncoder().encode(payload).length;
}

/**
 * The id-only form of a relay push payload (the same without `ciphertext`), or undefined when the payload names no
 * alert id, is not an alert push, or is already id-only.
 */
export function idOnlyPushPayload(payload: string): string | undefined {
  let parsed: Partial<AlertPushPayload>;
  try {
    parsed = JSON.parse(payload) as Partial<AlertPushPayload>;
  } catch {
    return undefined;
  }
  if (parsed?.kind !== 'alert' || typeof parsed.alertId !== 'string' || parsed.ciphertext === undefined) return undefined;
  const { ciphertext: _dropped, ...rest } = parsed;
  return JSON.stringify(rest);
}

/** RFC 8030 topic (at most 32 of [A-Za-z0-9_-]): a newer push about the same alert replaces an undelivered older one. */
export function alertTopic(alertId: string): string {
  return `alert-${fnv1aHex(alertId)}`;
}

/** The push for a call that looks live, logged on this device: everyone else should phone the person now. */
export function liveCallAlert(callId: string, personId: string, personName: string | undefined): CircleAlert {
  const who = personName?.trim() || 'Mum';
  return { kind: 'live-call', title: 'Urgent: call them now', body: `${who} may be on the phone with a fraudster now`, callId, personId };
}

/** The carer app's path a notification click opens: the alert itself, or the live call. */
export function alertPath(alert: CircleAlert | { alertId: string }): string {
  if ('callId' in alert) return `/calls/${encodeURIComponent(alert.callId)}`;
  const id = 'alertId' in alert ? alert.alertId : alert.alert.id;
  return `/alerts/${encodeURIComponent(id)}`;
}

/** The alert id a carer app path names ("/alerts/<id>"), or undefined. */
export function alertIdFromPath(path: string): string | undefined {
  const match = /^\/alerts\/([^/]+)\/?$/.exec(path);
  if (!match) return undefined;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return undefined;
  }
}
