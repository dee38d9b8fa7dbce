/// <reference lib="webworker" />
/**
 * The service worker's side of Web Push: the relay's message carries an alert encrypted with the circle key.
 * Decrypt it, keep it in the app's database (so the inbox has it even if the notification is dismissed), show a
 * notification, and open the right screen when it is clicked.
 */
import { importCircleKey, openAlert } from '../../core/circle/circle-crypto.ts';
import { createRepository } from '../../db/repository.ts';
import { openKinwatchDb, type KinwatchDb } from '../../db/schema.ts';
import { alertPath, type CircleAlert } from '../sync/circle-alert.ts';
import { loadMembership } from '../sync/circle-membership.ts';
import { createRelayClient } from '../../core/circle/relay-client.ts';
import { syncOnce } from '../sync/sync-engine.ts';
import { ClockDriftError } from '../../core/circle/hlc.ts';

interface RelayPush {
  kind: 'alert';
  circleId: string;
  ciphertext: string;
  urgency: 'high' | 'normal';
  topic?: string;
}

export async function handlePush(scope: ServiceWorkerGlobalScope, db: KinwatchDb, data: unknown): Promise<void> {
  const push = data as Partial<RelayPush> | null;
  const membership = await loadMembership(db);
  let alert: CircleAlert | undefined;
  if (membership && push?.kind === 'alert' && push.circleId === membership.circleId && typeof push.ciphertext === 'string') {
    try {
      alert = await openAlert<CircleAlert>(await importCircleKey(membership.circleKey), membership.circleId, push.ciphertext);
    } catch {
      alert = undefined;
    }
  }
  if (!alert) {
    // A push must always show something; say only that there is news, nothing unverified.
    await scope.registration.showNotification('Kinwatch', { body: 'New activity in your care circle. Open the app to see it.', tag: 'kinwatch-unread', data: { url: '/alerts' } });
    return;
  }
  const repository = await createRepository(db);
  if (alert.kind === 'spate') {
    // From a sender whose clock is set ahead, the record waits for a later sync (held there); the alert still shows.
    await repository
      .applyRemoteRecord('alerts', { ...alert.alert, receivedAt: alert.alert.receivedAt || new Date().toISOString() })
      .catch((error: unknown) => {
        if (!(error instanceof ClockDriftError)) throw error;
      });
  }
  await scope.registration.showNotification(alert.title, {
    body: alert.body,
    tag: push?.topic ?? (alert.kind === 'spate' ? `spate-${alert.alert.id}` : `call-${alert.callId}`),
    requireInteraction: push?.urgency === 'high',
    data: { url: alertPath(alert) },
  });
  // Fetch what came with it (the live call's record, say), so the screen the notification opens has it offline too.
  if (membership) {
    await syncOnce({ db, repository, membership, relay: createRelayClient(membership.relayOrigin) }).catch(() => undefined);
  }
}

export async function openFromNotification(scope: ServiceWorkerGlobalScope, url: string): Promise<void> {
  const target = new URL(url, scope.location.origin);
  if (target.origin !== scope.location.origin) return;
  const windows = await scope.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const existing = windows[0];
  if (existing) {
    await existing.focus();
    await existing.navigate(target.href).catch(() => existing.postMessage({ type: 'NAVIGATE', url: target.pathname }));
    return;
  }
  await scope.clients.openWindow(target.href);
}

/** Registers the push and notification-click listeners; the service worker calls this once. */
export function registerPushHandlers(scope: ServiceWorkerGlobalScope): void {
  let db: KinwatchDb | undefined;
  scope.addEventListener('push', (event) => {
    db ??= openKinwatchDb();
    let data: unknown = null;
    try {
      data = event.data?.json() ?? null;
    } catch {
      data = null;
    }
    const database = db;
    // Whatever fails, the user still sees that something arrived (and the browser keeps the push permission).
    event.waitUntil(
      handlePush(scope, database, data).catch(() =>
        scope.registration.showNotification('Kinwatch', { body: 'New activity in your care circle. Open the app to see it.', tag: 'kinwatch-unread', data: { url: '/alerts' } }),
      ),
    );
  });
  scope.addEventListener('notificationclick', (event) => {
    event.notification.close();
    const url = (event.notification.data as { url?: string } | null)?.url ?? '/alerts';
    event.waitUntil(openFromNotification(scope, url));
  });
}
