import { spateAlertId } from '../alerts/alert.ts';
import type { CircleConnection, WatcherSettings } from './watcher-state.ts';

/** The carer app's address: the circle's relay serves it; otherwise the one set on the options page or at build. */
export function carerAppBase(circle: CircleConnection | undefined, settings: WatcherSettings, buildDefault: string): string | undefined {
  const base = circle?.relayUrl || settings.carerAppUrl || buildDefault;
  return base ? base.replace(/\/+$/, '') : undefined;
}

/**
 * Where a notification's buttons lead: 0 "Open details" → that alert in the carer app; 1 "Call plan" → its phone
 * script. Without a carer app, the popup with that spate. `personId` is the spate's person (the alert id names both).
 */
export function notificationTarget(base: string | undefined, spate: { id: string; personId?: string }, buttonIndex: number | undefined, popupUrl: string): string {
  if (!base || !spate.personId) return `${popupUrl}?spate=${encodeURIComponent(spate.id)}`;
  const alertId = encodeURIComponent(spateAlertId(spate.personId, spate.id));
  if (buttonIndex === 1) return `${base}/alerts/${alertId}/script`;
  return `${base}/alerts/${alertId}`;
}
