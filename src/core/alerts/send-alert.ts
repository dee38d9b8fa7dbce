/**
 * Sealing an alert for a push and handing it to the relay: used by the watcher (spates) and the carer app (live
 * calls). The alert's record must already be in the circle: the push only wakes devices sooner.
 */
import { sealAlert } from '../circle/circle-crypto.ts';
import { RelayError, type RelayClient } from '../circle/relay-client.ts';
import {
  alertPushPayload,
  alertTopic,
  MAX_PUSH_PAYLOAD_BYTES,
  pushPayloadBytes,
  liveCallAlertId,
  type AlertRecord,
  type CircleAlert,
} from './alert.ts';
import { spateAlertBody, spateAlertTitle } from '../spates/wording.ts';

/** Longest notification title and body in an id-only push, characters: the record has the rest. */
const REF_TITLE_CHARS = 120;
const REF_BODY_CHARS = 240;

/** The push form of a spate alert: its whole record, the title naming the person. */
export function spateCircleAlert(alert: AlertRecord, personName: string | undefined): CircleAlert {
  return { kind: 'spate', title: spateAlertTitle(personName), body: spateAlertBody(alert.spate), alert };
}

/** The id a push announces for a circle alert. */
export function circleAlertId(alert: CircleAlert): string {
  if (alert.kind === 'spate') return alert.alert.id;
  if (alert.kind === 'spate-ref') return alert.alertId;
  return liveCallAlertId(alert.callId);
}

/** The small form: the alert's id and its notification words (trimmed), never the record. */
export function referenceOnly(alert: CircleAlert): CircleAlert {
  if (alert.kind !== 'spate') return alert;
  return {
    kind: 'spate-ref',
    title: trim(alert.title, REF_TITLE_CHARS),
    body: trim(alert.body, REF_BODY_CHARS),
    alertId: alert.alert.id,
    personId: alert.alert.personId,
  };
}

export interface SealedForPush {
  ciphertext: string;
  /** "full": the push carries the alert; "reference": only its id, the record comes by sync. */
  form: 'full' | 'reference';
  /** The relay's push payload would be this many bytes (UTF-8 JSON), at most MAX_PUSH_PAYLOAD_BYTES when it fits. */
  payloadBytes: number;
}

/**
 * Seals the alert whole when the relay's push payload around it fits MAX_PUSH_PAYLOAD_BYTES (so the encrypted body
 * fits every push service), else its reference-only form. Throws Error("alert: ...") when not even that fits.
 *
 * The record is never cut down to fit (its sources' outlets, say): the receiving device stores the pushed record
 * under the record's own clock, and a shorter copy with the same clock would win the merge's tie-break
 * (src/core/circle/merge.ts) over the whole record arriving by sync, losing the rest for good. What the reference
 * form keeps, the notification's title and body, never holds outlets, so they never push those words out.
 */
export async function sealForPush(
  key: CryptoKey,
  circleId: string,
  alert: CircleAlert,
  options: { urgency: 'high' | 'normal'; crypto?: Crypto; maxPayloadBytes?: number },
): Promise<SealedForPush> {
  const max = options.maxPayloadBytes ?? MAX_PUSH_PAYLOAD_BYTES;
  const alertId = circleAlertId(alert);
  const forms: [SealedForPush['form'], CircleAlert][] = [['full', alert]];
  if (alert.kind === 'spate') forms.push(['reference', referenceOnly(alert)]);
  for (const [form, candidate] of forms) {
    const ciphertext = await sealAlert(key, circleId, candidate, options.crypto);
    const bytes = pushPayloadBytes(alertPushPayload({ circleId, alertId, ciphertext, urgency: options.urgency, topic: alertTopic(alertId) }));
    if (bytes <= max) return { ciphertext, form, payloadBytes: bytes };
  }
  throw new Error(`alert: even its reference-only form does not fit a push of ${max} bytes`);
}

/**
 * Seals and posts an alert to POST /api/circles/:id/alerts with its id and topic; resolves with how many devices
 * the relay queued it for. When the relay answers 413 (too large) for the whole alert, sends the reference-only form.
 * Throws the relay client's RelayError for anything else.
 */
export async function sendCircleAlert(input: {
  relay: RelayClient;
  circleId: string;
  deviceToken: string;
  key: CryptoKey;
  alert: CircleAlert;
  urgency: 'high' | 'normal';
  crypto?: Crypto;
}): Promise<{ queued: number; form: SealedForPush['form'] }> {
  const alertId = circleAlertId(input.alert);
  const topic = alertTopic(alertId);
  const sealed = await sealForPush(input.key, input.circleId, input.alert, { urgency: input.urgency, ...(input.crypto ? { crypto: input.crypto } : {}) });
  const post = (ciphertext: string) => input.relay.postAlert(input.circleId, { ciphertext, urgency: input.urgency, topic, alertId }, input.deviceToken);
  try {
    return { queued: await post(sealed.ciphertext), form: sealed.form };
  } catch (error) {
    if (!(error instanceof RelayError && error.status === 413 && sealed.form === 'full' && input.alert.kind === 'spate')) throw error;
    const small = await sealAlert(input.key, input.circleId, referenceOnly(input.alert), input.crypto);
    return { queued: await post(small), form: 'reference' };
  }
}

function trim(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
