/**
 * Turning on notifications for this device: asked only when the carer presses the button (after joining a circle,
 * with an explanation beside it), then subscribed with the relay's VAPID key and registered with the relay.
 */
import type { CircleMembership } from '../sync/circle-membership.ts';
import { createRelayClient } from '../../core/circle/relay-client.ts';
import { fromBase64Url } from '../../core/circle/base64url.ts';

import type { KinwatchDb } from '../../db/schema.ts';

export type NotificationState = 'unsupported' | 'denied' | 'default' | 'granted';

/** The setting holding the push endpoint this device registered with the relay. */
export const PUSH_ENDPOINT_KEY = 'pushEndpoint';

/** An iPhone or iPad browser (iPadOS reports itself as a Mac with touch). */
function isAppleMobile(): boolean {
  return /iPhone|iPad|iPod/.test(navigator.userAgent) || (/Macintosh/.test(navigator.userAgent) && navigator.maxTouchPoints > 1);
}

function isStandalone(): boolean {
  return window.matchMedia?.('(display-mode: standalone)').matches || (navigator as { standalone?: boolean }).standalone === true;
}

export function notificationState(): NotificationState {
  if (typeof Notification === 'undefined' || !('serviceWorker' in navigator) || typeof PushManager === 'undefined') return 'unsupported';
  return Notification.permission;
}

/**
 * Whether this device will be woken for the circle's alerts, as one state:
 * - `on`: allowed, subscribed, and that subscription registered with the relay;
 * - `not-registered`: allowed, but the relay does not have this device's subscription;
 * - `off`: not asked yet; `blocked`: the person (or browser) said no;
 * - `add-to-home-screen`: an iPhone or iPad, where Web Push works only for an app added to the Home Screen (iOS 16.4+);
 * - `unsupported`: this browser has no Web Push.
 * Every device still gets every alert at its next sync; this is only about being woken sooner.
 */
export type DeviceWakeState = 'on' | 'not-registered' | 'off' | 'blocked' | 'add-to-home-screen' | 'unsupported';

export async function deviceWakeState(db: KinwatchDb): Promise<DeviceWakeState> {
  const permission = notificationState();
  if (permission === 'unsupported') return isAppleMobile() && !isStandalone() ? 'add-to-home-screen' : 'unsupported';
  if (permission === 'denied') return 'blocked';
  if (permission === 'default') return 'off';
  const registration = await navigator.serviceWorker.getRegistration();
  const subscription = await registration?.pushManager.getSubscription();
  const registered = (await db.settings.get(PUSH_ENDPOINT_KEY))?.value;
  return subscription && registered === subscription.endpoint ? 'on' : 'not-registered';
}

/** Asks, subscribes and registers; resolves with the permission; throws when the relay refuses the subscription. */
export async function enableNotifications(membership: CircleMembership, db?: KinwatchDb): Promise<NotificationState> {
  if (notificationState() === 'unsupported') return 'unsupported';
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') return permission;
  const relay = createRelayClient(membership.relayOrigin);
  const registration = await navigator.serviceWorker.ready;
  const publicKey = await relay.pushKey();
  let subscription = await registration.pushManager.getSubscription();
  const current = subscription?.options.applicationServerKey;
  // A subscription made for another relay key cannot receive this relay's pushes: replace it.
  if (subscription && current && new Uint8Array(current).join() !== fromBase64Url(publicKey).join()) {
    await subscription.unsubscribe();
    subscription = null;
  }
  subscription ??= await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: fromBase64Url(publicKey) });
  const json = subscription.toJSON() as { endpoint: string; keys: { p256dh: string; auth: string } };
  await relay.putPushSubscription(membership.deviceId, { endpoint: json.endpoint, keys: json.keys }, membership.deviceToken);
  await db?.settings.put({ key: PUSH_ENDPOINT_KEY, value: json.endpoint });
  return 'granted';
}
