/**
 * The popup's lines on how this browser gets alerts, so no one relies on an alert that will not come: whether it
 * can show notifications, and whether it is connected to the family's care circle.
 */
import { useCallback } from 'react';
import type { PageDeps } from './page-deps.ts';
import { useStored } from './use-stored.ts';

/** chrome.notifications.getPermissionLevel(); Firefox has no such call, hence "unknown". */
export type NotificationLevel = 'granted' | 'denied' | 'unknown';

export interface AlertReachLine {
  /** True when the line says something works; false when it says what is missing. */
  ok: boolean;
  text: string;
}

/** Two lines: notifications in this browser, then the care circle. */
export function alertReachLines(state: { notifications: NotificationLevel; connectedToCircle: boolean }): AlertReachLine[] {
  const notifications: AlertReachLine =
    state.notifications === 'denied'
      ? { ok: false, text: 'Notifications are blocked for Kinwatch in this browser: new warnings show only here. Allow notifications for Kinwatch in the browser’s settings.' }
      : { ok: true, text: 'This browser shows a notification for each new warning, while it is open.' };
  const circle: AlertReachLine = state.connectedToCircle
    ? { ok: true, text: 'Connected to your care circle: each warning is also sent to the family’s phones with the carer app.' }
    : { ok: false, text: 'Not connected to a care circle: warnings reach only this browser. Paste the family’s invite link in Settings.' };
  return [notifications, circle];
}

export function AlertReach({ deps }: { deps: PageDeps }) {
  const load = useCallback(
    async () => alertReachLines({ notifications: await deps.notificationLevel(), connectedToCircle: Boolean(await deps.store.getCircle()) }),
    [deps],
  );
  const { value: lines } = useStored(load, { deps, keys: ['circle'] });
  if (!lines) return null;
  return (
    <ul aria-label="How this browser gets alerts" className="alert-reach">
      {lines.map((line) => (
        <li key={line.text} className={line.ok ? 'ok' : 'warning'}>
          {line.text}
        </li>
      ))}
    </ul>
  );
}
