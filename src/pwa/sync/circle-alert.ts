/**
 * What travels inside an encrypted push: the alert itself, small enough for one push message (the relay refuses
 * more than 3993 bytes), with the text the notification shows and the screen a click opens.
 */
import type { AlertRecord } from '../../core/calls/alert.ts';

export type CircleAlert =
  | { kind: 'spate'; title: string; body: string; alert: AlertRecord }
  | { kind: 'live-call'; title: string; body: string; callId: string; personId: string };

export function liveCallAlert(callId: string, personId: string, personName: string | undefined): CircleAlert {
  const who = personName?.trim() || 'Mum';
  return {
    kind: 'live-call',
    title: 'Urgent: call them now',
    body: `${who} may be on the phone with a fraudster now`,
    callId,
    personId,
  };
}

/** The in-app path a notification click opens. */
export function alertPath(alert: CircleAlert): string {
  return alert.kind === 'live-call' ? `/calls/${encodeURIComponent(alert.callId)}` : '/alerts';
}
