import type { CircleConnection, WatcherSettings } from './watcher-state.ts';

/** The carer app's address: the circle's relay serves it; otherwise the one set on the options page or at build. */
export function carerAppBase(circle: CircleConnection | undefined, settings: WatcherSettings, buildDefault: string): string | undefined {
  const base = circle?.relayUrl || settings.carerAppUrl || buildDefault;
  return base ? base.replace(/\/+$/, '') : undefined;
}

/** Where a notification's buttons lead: 0 "Open details" → the alerts inbox; 1 "Call plan" → the phone script. */
export function notificationTarget(base: string | undefined, spateId: string, buttonIndex: number | undefined, popupUrl: string): string {
  if (!base) return `${popupUrl}?spate=${encodeURIComponent(spateId)}`;
  if (buttonIndex === 1) return `${base}/alerts/${encodeURIComponent(spateId)}/script`;
  return `${base}/alerts`;
}
