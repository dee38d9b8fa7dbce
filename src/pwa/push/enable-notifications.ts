/**
 * Turning on notifications for this device: asked only when the carer presses the button (after joining a circle,
 * with an explanation beside it), then subscribed with the relay's VAPID key and registered with the relay.
 */
import type { CircleMembership } from '../sync/circle-membership.ts';
import { createRelayClient } from '../../core/circle/relay-client.ts';
import { fromBase64Url } from '../../core/circle/base64url.ts';

export type NotificationState = 'unsupported' | 'denied' | 'default' | 'granted';

export function notificationState(): NotificationState {
  if (typeof Notification === 'undefined' || !('serviceWorker' in navigator) || typeof PushManager === 'undefined') return 'unsupported';
  return Notification.permission;
}

export async function enableNotifications(membership: CircleMembership): Promise<NotificationState> {
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
  return 'granted';
}
