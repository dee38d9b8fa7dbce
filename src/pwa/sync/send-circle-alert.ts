/**
 * Sends a spate alert to the rest of the circle as an encrypted push (used by the watcher and the carer app).
 * A push carries at most 3993 bytes, so a large spate is trimmed (fewer sources, shorter titles) until it fits;
 * the full spate still reaches every device through sync.
 */
import type { AlertRecord } from '../../core/calls/alert.ts';
import { importCircleKey } from '../../core/circle/circle-crypto.ts';
import { createRelayClient, type RelayClient } from '../../core/circle/relay-client.ts';
import { sealFirstThatFits } from '../../core/circle/seal-to-fit.ts';
import type { CircleAlert } from './circle-alert.ts';
import type { CircleMembership } from './circle-membership.ts';

/** Room for the relay's own wrapper (circle id, urgency, topic, time) around the ciphertext. */
const MAX_CIPHERTEXT_CHARS = 3993 - 220;

export function spateAlert(alert: AlertRecord, personName: string | undefined): CircleAlert {
  const who = personName?.trim() || 'your relative';
  return { kind: 'spate', title: `Courier fraud warning near ${who}`, body: alert.spate.headline, alert };
}

function trimmed(alert: AlertRecord, level: number): AlertRecord {
  const spate = alert.spate;
  const keep = [3, 1, 0][level - 1] ?? 0;
  return {
    ...alert,
    spate: {
      ...spate,
      headline: level >= 3 ? spate.headline.slice(0, 200) : spate.headline,
      places: level >= 2 ? spate.places.slice(0, 5) : spate.places,
      sources: spate.sources.slice(0, keep).map((source) => ({ ...source, title: source.title.slice(0, 160) })),
    },
  };
}

/** The sealed alert, trimmed as needed to fit a push; throws when even the smallest form does not fit. */
export async function sealSpateAlertForPush(key: CryptoKey, circleId: string, alert: AlertRecord, personName: string | undefined): Promise<string> {
  const sealed = await sealFirstThatFits(key, circleId, trimLevels(alert, personName), MAX_CIPHERTEXT_CHARS);
  if (!sealed.fits) throw new Error('alert: too large for a push message even without its sources');
  return sealed.ciphertext;
}

function* trimLevels(alert: AlertRecord, personName: string | undefined): Generator<CircleAlert> {
  for (let level = 0; level <= 3; level++) yield spateAlert(level === 0 ? alert : trimmed(alert, level), personName);
}

export async function sendSpateAlert(
  membership: CircleMembership,
  alert: AlertRecord,
  options: { personName?: string; urgency?: 'high' | 'normal'; relay?: RelayClient } = {},
): Promise<number> {
  const key = await importCircleKey(membership.circleKey);
  const ciphertext = await sealSpateAlertForPush(key, membership.circleId, alert, options.personName);
  const relay = options.relay ?? createRelayClient(membership.relayOrigin);
  // The topic lets a push service replace an undelivered older push about the same spate with this one.
  const topic = `spate-${alert.spate.id.replace(/[^A-Za-z0-9_-]/g, '').slice(-26)}`;
  return relay.postAlert(membership.circleId, { ciphertext, urgency: options.urgency ?? (alert.spate.severity === 'high' ? 'high' : 'normal'), topic }, membership.deviceToken);
}
