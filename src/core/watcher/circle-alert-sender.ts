import { spateAlertId, type AlertRecord } from '../alerts/alert.ts';
import { sendCircleAlert, spateCircleAlert } from '../alerts/send-alert.ts';
import { importCircleKey } from '../circle/circle-crypto.ts';
import { createRelayClient, RelayError } from '../circle/relay-client.ts';
import type { WatchedPerson } from '../geo/watched-person.ts';
import type { Clock, HttpFetch } from '../platform.ts';
import { isUrgent } from '../spates/escalation.ts';
import type { Spate } from '../spates/spate.ts';
import type { CircleRecords } from './circle-records.ts';
import type { CircleConnection } from './watcher-state.ts';

export type SendOutcome =
  | { sent: true; alertId: string; pushed: boolean; pushError?: string }
  | { sent: false; reason: 'no-circle' | 'failed'; detail?: string };

export interface CircleAlertSenderDeps {
  fetch: HttpFetch;
  clock: Clock;
  records: CircleRecords;
  crypto?: Crypto;
}

/**
 * Tells the circle about a spate: first its alert record (so every device has it at its next sync, pushed or not),
 * then a push to wake the devices sooner. "sent" means the record is in the circle; a push the relay refused is
 * reported beside it. Sends nothing without a circle.
 */
export function createCircleAlertSender(deps: CircleAlertSenderDeps) {
  return {
    async send(circle: CircleConnection | undefined, spate: Spate, person: WatchedPerson): Promise<SendOutcome> {
      if (!circle) return { sent: false, reason: 'no-circle' };
      let alert: AlertRecord;
      try {
        alert = await deps.records.write(circle, 'alerts', {
          id: spateAlertId(person.id, spate.id),
          personId: person.id,
          spate,
          receivedAt: new Date(deps.clock.now()).toISOString(),
        });
      } catch (error) {
        return { sent: false, reason: 'failed', detail: describe(error) };
      }
      try {
        await sendCircleAlert({
          relay: createRelayClient(circle.relayUrl.replace(/\/+$/, ''), deps.fetch),
          circleId: circle.circleId,
          deviceToken: circle.deviceToken,
          key: await importCircleKey(circle.circleKey, deps.crypto),
          alert: spateCircleAlert(alert, person.name),
          urgency: isUrgent(spate) ? 'high' : 'normal',
          ...(deps.crypto ? { crypto: deps.crypto } : {}),
        });
        return { sent: true, alertId: alert.id, pushed: true };
      } catch (error) {
        return { sent: true, alertId: alert.id, pushed: false, pushError: describe(error) };
      }
    },
  };
}

export type CircleAlertSender = ReturnType<typeof createCircleAlertSender>;

function describe(error: unknown): string {
  if (error instanceof RelayError && error.status > 0) return `relay answered HTTP ${error.status}`;
  // Unreachable relay: report what the network said, not the relay client's wording for screens.
  const cause = error instanceof RelayError ? error.cause : error;
  return cause instanceof Error ? cause.message : String(cause);
}
