/**
 * Whether this device will be woken for alerts, as one clear state with what to do. Permission is asked only on a
 * button press, with the reason beside it: browsers block pages that ask unprompted.
 */
import { useEffect, useState } from 'react';
import { db } from '../app-data.ts';
import { deviceWakeState, enableNotifications, type DeviceWakeState } from '../push/enable-notifications.ts';
import type { CircleMembership } from '../sync/circle-membership.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';

/** What each state means for the carer, and what they can do. Never promises a wake-up that will not happen. */
export const WAKE_STATE_TEXT: Record<DeviceWakeState, { title: string; text: string }> = {
  on: { title: 'On and working', text: 'This device will be woken for the circle’s alerts, even when Kinwatch is closed.' },
  'not-registered': {
    title: 'Allowed, not registered',
    text: 'Notifications are allowed, but the circle does not know this device yet, so it will not be woken. Register it below.',
  },
  off: {
    title: 'Off',
    text: 'This device will not be woken for alerts. Turn notifications on to hear at once about a spate near your relative or a call happening now.',
  },
  blocked: {
    title: 'Blocked',
    text: 'Notifications are blocked for Kinwatch, so this device will not be woken. Allow them in the browser’s site settings (the icon beside the address), then come back here.',
  },
  'add-to-home-screen': {
    title: 'Add to Home Screen first',
    text: 'On an iPhone or iPad, Kinwatch can only wake you once it is on the Home Screen: tap Share, then “Add to Home Screen”, and open Kinwatch from there to turn notifications on. Until then this device is not woken: alerts appear when you open Kinwatch.',
  },
  unsupported: {
    title: 'Not supported here',
    text: 'This browser cannot be woken for alerts. Alerts appear each time you open Kinwatch; for notifications use Chrome, Edge or Firefox, or Safari on a Mac.',
  },
};

export function NotificationsPanel({ membership }: { membership: CircleMembership }) {
  const [state, setState] = useState<DeviceWakeState | undefined>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void deviceWakeState(db).then(setState);
  }, []);

  async function turnOn() {
    setError(undefined);
    setBusy(true);
    try {
      await enableNotifications(membership, db);
    } catch (caught) {
      setError(`Notifications could not be turned on: ${(caught as Error).message}`);
    }
    setState(await deviceWakeState(db));
    setBusy(false);
  }

  const words = state ? WAKE_STATE_TEXT[state] : undefined;
  return (
    <section aria-labelledby="notifications-heading">
      <h2 id="notifications-heading">Notifications on this device</h2>
      <p role="status" data-wake-state={state}>
        {words ? (
          <>
            <strong>{words.title}.</strong> {words.text}
          </>
        ) : (
          'Checking…'
        )}
      </p>
      {state === 'off' || state === 'not-registered' ? (
        <button type="button" className="button primary" onClick={() => void turnOn()} disabled={busy}>
          {busy ? 'Turning on…' : state === 'not-registered' ? 'Register this device for alerts' : 'Turn on notifications'}
        </button>
      ) : null}
      <p className="hint">Every device in the circle gets every alert when it next syncs; notifications only make it sooner.</p>
      <ErrorAlert message={error} />
    </section>
  );
}
