/** Asked on a button press, with the reason beside it: browsers block pages that ask for permission unprompted. */
import { useState } from 'react';
import { enableNotifications, notificationState, type NotificationState } from '../push/enable-notifications.ts';
import type { CircleMembership } from '../sync/circle-membership.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';

const TEXT: Record<NotificationState, string> = {
  unsupported: 'This browser cannot receive notifications. Alerts still arrive when the app is open.',
  denied: 'Notifications are blocked for this app. Allow them in the browser’s site settings to get urgent alerts.',
  default: 'Get an alert on this device when a courier-fraud spate is reported near your relative, or when someone in the circle logs a call that is happening now.',
  granted: 'Notifications are on for this device.',
};

export function NotificationsPanel({ membership }: { membership: CircleMembership }) {
  const [state, setState] = useState<NotificationState>(notificationState());
  const [error, setError] = useState<string>();
  const [done, setDone] = useState(false);

  async function turnOn() {
    setError(undefined);
    try {
      const result = await enableNotifications(membership);
      setState(result);
      setDone(result === 'granted');
    } catch (caught) {
      setError((caught as Error).message);
    }
  }

  return (
    <section aria-labelledby="notifications-heading">
      <h2 id="notifications-heading">Notifications</h2>
      <p>{TEXT[state]}</p>
      {state === 'default' || (state === 'granted' && !done) ? (
        <button type="button" className="button primary" onClick={turnOn}>
          {state === 'granted' ? 'Register this device for alerts' : 'Turn on notifications'}
        </button>
      ) : null}
      <p aria-live="polite">{done ? 'This device will now receive the circle’s alerts.' : ''}</p>
      <ErrorAlert message={error} />
    </section>
  );
}
