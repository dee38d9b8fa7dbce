import type { Clock } from '../platform.ts';
import { NOTIFICATION_ICON_URL } from './notification-icon.ts';
import { isWithinQuietHours, localMinutesOf, type QuietHours } from './quiet-hours.ts';
import type { NotificationsApi } from './spate-notifier.ts';
import type { HeldAlert, WatcherStore } from './watcher-state.ts';

const NIGHT_SUMMARY_PREFIX = 'night-summary|';

/** Whether a notification is the morning summary (a click opens the popup, where the night's spates are listed). */
export function isNightSummaryNotification(notificationId: string): boolean {
  return notificationId.startsWith(NIGHT_SUMMARY_PREFIX);
}

/** "While you slept: 2 new warnings near Mum" and "Colchester, Dedham": what the night held, in one notification. */
export function describeNightSummary(held: HeldAlert[]): { title: string; message: string } {
  const names = unique(held.map((alert) => alert.personName));
  const who = names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  const warnings = held.length === 1 ? '1 new warning' : `${held.length} new warnings`;
  return { title: `While you slept: ${warnings} near ${who}`, message: unique(held.map((alert) => alert.place)).join(', ') };
}

export interface NightSummaryDeps {
  store: WatcherStore;
  notifications: NotificationsApi;
  clock: Clock;
  localMinutes?: (epochMs: number) => number;
}

/**
 * After quiet hours, one notification for every routine alert held back during them. The held list is cleared
 * before the notification is shown, so a worker restarted afterwards never shows it twice.
 */
export function createNightSummary(deps: NightSummaryDeps) {
  const localMinutes = deps.localMinutes ?? localMinutesOf;
  return {
    /** Shows the summary if alerts are held and quiet hours are over; true when it was shown. */
    async deliverIfDue(quietHours: QuietHours): Promise<boolean> {
      const held = await deps.store.getHeldAlerts();
      if (held.length === 0 || isWithinQuietHours(quietHours, localMinutes(deps.clock.now()))) return false;
      await deps.store.saveHeldAlerts([]);
      const { title, message } = describeNightSummary(held);
      const notificationId = `${NIGHT_SUMMARY_PREFIX}${new Date(deps.clock.now()).toISOString()}`;
      try {
        await deps.notifications.create(notificationId, { type: 'basic', iconUrl: NOTIFICATION_ICON_URL, title, message, priority: 1 });
        return true;
      } catch {
        // Not shown at all: keep the night's alerts for the next cycle rather than lose them.
        await deps.store.saveHeldAlerts(held);
        return false;
      }
    },
  };
}

export type NightSummary = ReturnType<typeof createNightSummary>;

/** Adds a held alert, replacing an earlier one for the same spate (a spate that grew is still one warning). */
export function holdAlert(held: HeldAlert[], alert: HeldAlert): HeldAlert[] {
  return [...held.filter((entry) => entry.spateId !== alert.spateId), alert];
}

function unique(values: string[]): string[] {
  return [...new Set(values.filter((value) => value !== ''))];
}
