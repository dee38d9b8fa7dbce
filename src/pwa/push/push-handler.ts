/// <reference lib="webworker" />
/**
 * The service worker's side of Web Push: the relay's message carries an alert encrypted with the circle key.
 * Decrypt it, keep it in the app's database (so the inbox has it even if the notification is dismissed), show a
 * notification, and open the right screen when it is clicked.
 */
import { alertPath, type AlertPushPayload, type CircleAlert } from '../../core/alerts/alert.ts';
import { spateCircleAlert } from '../../core/alerts/send-alert.ts';
import { importCircleKey, openAlert } from '../../core/circle/circle-crypto.ts';
import { ClockDriftError } from '../../core/circle/hlc.ts';
import { createRelayClient } from '../../core/circle/relay-client.ts';
import { createRepository, type Repository } from '../../db/repository.ts';
import { openKinwatchDb, type KinwatchDb } from '../../db/schema.ts';
import { loadMembership, type CircleMembership } from '../sync/circle-membership.ts';
import { syncOnce } from '../sync/sync-engine.ts';

const GENERIC = { title: 'Kinwatch', body: 'New activity in your care circle. Open the app to see it.', tag: 'kinwatch-unread', url: '/alerts' };

/**
 * A push is a wake-up for an alert already in the circle's records. It carries the alert itself, or only its id
 * (when the alert did not fit, or the push service refused the larger body): then this device syncs and shows the
 * alert from its own database. Either way the alert is stored, a notification names the right person, and a click
 * opens that alert.
 */
export async function handlePush(scope: ServiceWorkerGlobalScope, db: KinwatchDb, data: unknown): Promise<void> {
  const push = data as Partial<AlertPushPayload> | null;
  const membership = await loadMembership(db);
  const urgent = push?.urgency === 'high';
  if (!membership || push?.kind !== 'alert' || push.circleId !== membership.circleId) return showGeneric(scope, GENERIC.url, urgent);
  let alert: CircleAlert | undefined;
  if (typeof push.ciphertext === 'string') {
    try {
      alert = await openAlert<CircleAlert>(await importCircleKey(membership.circleKey), membership.circleId, push.ciphertext);
    } catch {
      // Not from this circle's key: say only that there is news, nothing unverified.
      return showGeneric(scope, GENERIC.url, urgent);
    }
  }
  const repository = await createRepository(db);
  if (alert?.kind === 'spate') {
    // From a sender whose clock is set ahead, the record waits for a later sync (held there); the alert still shows.
    await repository
      .applyRemoteRecord('alerts', { ...alert.alert, receivedAt: alert.alert.receivedAt || new Date().toISOString() })
      .catch((error: unknown) => {
        if (!(error instanceof ClockDriftError)) throw error;
      });
  }
  // Fetch what came with it (the alert's record, the live call's record), so what the notification opens is here,
  // offline too. An id-only push needs it to know what to say.
  const synced = syncNow(db, repository, membership);
  if (!alert || alert.kind === 'spate-ref') await synced;
  const alertId = alert?.kind === 'spate' ? alert.alert.id : alert?.kind === 'spate-ref' ? alert.alertId : alert ? undefined : push.alertId;
  const shown = alert?.kind === 'spate' || alert?.kind === 'live-call' ? alert : alertId ? ((await storedAlert(db, alertId)) ?? alert) : alert;
  if (!shown) return showGeneric(scope, push.alertId ? alertPath({ alertId: push.alertId }) : GENERIC.url, urgent);
  await scope.registration.showNotification(shown.title, {
    body: shown.body,
    tag: push.topic ?? (alertId ?? GENERIC.tag),
    requireInteraction: push.urgency === 'high',
    data: { url: alertPath(shown.kind === 'live-call' ? shown : { alertId: alertId! }) },
  });
  await synced;
}

function syncNow(db: KinwatchDb, repository: Repository, membership: CircleMembership): Promise<unknown> {
  return syncOnce({ db, repository, membership, relay: createRelayClient(membership.relayOrigin) }).catch(() => undefined);
}

/** The stored alert as a notification names it, with its person's name from this device's people. */
async function storedAlert(db: KinwatchDb, alertId: string): Promise<CircleAlert | undefined> {
  const record = await db.alerts.get(alertId);
  if (!record || record.deleted) return undefined;
  const person = await db.people.get(record.personId);
  return spateCircleAlert(record, person && !person.deleted ? person.name : undefined);
}

/** "There is news, open the app": an urgent push's stays on screen until seen, as the alert itself would have. */
function showGeneric(scope: ServiceWorkerGlobalScope, url = GENERIC.url, urgent = false): Promise<void> {
  return scope.registration.showNotification(GENERIC.title, { body: GENERIC.body, tag: GENERIC.tag, requireInteraction: urgent, data: { url } });
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
        showGeneric(scope, GENERIC.url, (data as { urgency?: unknown } | null)?.urgency === 'high'),
      ),
    );
  });
  scope.addEventListener('notificationclick', (event) => {
    event.notification.close();
    const url = (event.notification.data as { url?: string } | null)?.url ?? '/alerts';
    event.waitUntil(openFromNotification(scope, url));
  });
}
