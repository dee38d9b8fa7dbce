import type { AlertRecord } from '../calls/alert.ts';
import { importCircleKey } from '../circle/circle-crypto.ts';
import { formatHlc } from '../circle/hlc.ts';
import { createRelayClient, RelayError } from '../circle/relay-client.ts';
import { sealFirstThatFits } from '../circle/seal-to-fit.ts';
import type { Spate } from '../detect/spate.ts';
import type { WatchedPerson } from '../geo/watched-person.ts';
import type { Clock, HttpFetch } from '../platform.ts';
import { describeSpate } from './spate-wording.ts';
import { isUrgent } from './spate-version.ts';
import type { CircleConnection } from './watcher-state.ts';

/**
 * What the circle's devices decrypt from an alert push (the carer app's "spate" alert): the notification's title and
 * body, and the alert record its inbox files.
 */
export interface CircleSpateAlert {
  kind: 'spate';
  title: string;
  body: string;
  alert: AlertRecord;
}

/**
 * A push message is at most ~4 KB after the relay's wrapping; the sealed alert must leave room for it. Sources are
 * trimmed (the spate keeps its counts) until the ciphertext fits.
 */
export const MAX_ALERT_CIPHERTEXT_CHARS = 3200;

export type SendOutcome = { sent: true } | { sent: false; reason: 'no-circle' | 'failed'; detail?: string };

export interface CircleAlertSenderDeps {
  fetch: HttpFetch;
  clock: Clock;
  crypto?: Crypto;
}

/** Sends a spate, sealed with the circle key, to POST /api/circles/:id/alerts. Sends nothing without a circle. */
export function createCircleAlertSender(deps: CircleAlertSenderDeps) {
  return {
    async send(circle: CircleConnection | undefined, spate: Spate, person: WatchedPerson): Promise<SendOutcome> {
      if (!circle) return { sent: false, reason: 'no-circle' };
      try {
        const key = await importCircleKey(circle.circleKey, deps.crypto);
        const ciphertext = await sealCompact(key, circle, spate, person, deps);
        const topic = topicFor(spate.id);
        const relay = createRelayClient(circle.relayUrl.replace(/\/+$/, ''), deps.fetch);
        await relay.postAlert(
          encodeURIComponent(circle.circleId),
          { ciphertext, urgency: isUrgent(spate) ? 'high' : 'normal', ...(topic ? { topic } : {}) },
          circle.deviceToken,
        );
        return { sent: true };
      } catch (error) {
        if (error instanceof RelayError && error.status > 0) return { sent: false, reason: 'failed', detail: `relay answered HTTP ${error.status}` };
        // Unreachable relay: report what the network said, not the relay client's wording for screens.
        const cause = error instanceof RelayError ? error.cause : error;
        return { sent: false, reason: 'failed', detail: cause instanceof Error ? cause.message : String(cause) };
      }
    },
  };
}

export type CircleAlertSender = ReturnType<typeof createCircleAlertSender>;

async function sealCompact(key: CryptoKey, circle: CircleConnection, spate: Spate, person: WatchedPerson, deps: CircleAlertSenderDeps): Promise<string> {
  // When even the form without sources is too long, it is sent anyway and the relay decides.
  return (await sealFirstThatFits(key, circle.circleId, compactForms(circle, spate, person, deps.clock), MAX_ALERT_CIPHERTEXT_CHARS, deps.crypto)).ciphertext;
}

/** The alert with its first five sources, then one fewer each time down to none; built lazily, stamped when built. */
function* compactForms(circle: CircleConnection, spate: Spate, person: WatchedPerson, clock: Clock): Generator<CircleSpateAlert> {
  for (let sources = spate.sources.slice(0, 5); ; sources = sources.slice(0, -1)) {
    const now = clock.now();
    yield {
      kind: 'spate',
      title: spate.headline,
      body: describeSpate(spate, person),
      alert: {
        id: spate.id,
        // The circle's clock format, so a later version of the same spate wins in every inbox.
        hlc: formatHlc({ wallMs: now, counter: 0, nodeId: hlcNodeId(circle.deviceId) }),
        personId: person.id,
        spate: { ...spate, sources },
        receivedAt: new Date(now).toISOString(),
      },
    };
    if (sources.length === 0) return;
  }
}

/** RFC 8030 topic: a newer alert for the same spate replaces an undelivered older one. */
function topicFor(spateId: string): string | undefined {
  const topic = spateId.replace(/[^A-Za-z0-9_-]/g, '').slice(-32);
  return topic.length > 0 ? topic : undefined;
}

function hlcNodeId(deviceId: string): string {
  return deviceId.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 64) || 'watcher';
}
