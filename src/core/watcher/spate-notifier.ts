import type { Spate } from '../spates/spate.ts';
import type { WatchedPerson } from '../geo/watched-person.ts';
import type { Clock } from '../platform.ts';
import { NOTIFICATION_ICON_URL } from './notification-icon.ts';
import { isWithinQuietHours, localMinutesOf, type QuietHours } from './quiet-hours.ts';
import { describeSpate, growthSince } from '../spates/wording.ts';
import { isUrgent, alertVersion } from '../spates/escalation.ts';

export interface NotificationOptions {
  type: 'basic';
  iconUrl: string;
  title: string;
  message: string;
  contextMessage?: string;
  buttons?: { title: string }[];
  priority?: number;
  requireInteraction?: boolean;
}

/** The subset of chrome.notifications the notifier uses. */
export interface NotificationsApi {
  create(id: string, options: NotificationOptions): Promise<string>;
}

export const NOTIFICATION_BUTTONS = ['Open details', 'Call plan'] as const;

export interface NotifyOutcome {
  notificationId: string;
  version: string;
  shown: boolean;
  heldBack?: 'quiet-hours';
}

export interface SpateNotifierDeps {
  notifications: NotificationsApi;
  clock: Clock;
  /** Minutes after local midnight for an instant; defaults to the device's time zone. */
  localMinutes?: (epochMs: number) => number;
}

/** Shows one notification per spate version, unless it is night and the spate is not urgent. */
export function createSpateNotifier(deps: SpateNotifierDeps) {
  const localMinutes = deps.localMinutes ?? localMinutesOf;
  return {
    /**
     * `previous`: the spate as last detected, when it was known before; a spate that grew then says what grew
     * ("Worse now: £3,000 lost · new place: Witham"), so a second notification is not taken for a repeat.
     */
    async notify(spate: Spate, person: WatchedPerson, quietHours: QuietHours, previous?: Spate): Promise<NotifyOutcome> {
      const version = alertVersion(spate);
      const notificationId = notificationIdFor(spate.id, version);
      const urgent = isUrgent(spate);
      if (!urgent && isWithinQuietHours(quietHours, localMinutes(deps.clock.now()))) {
        return { notificationId, version, shown: false, heldBack: 'quiet-hours' };
      }
      const full: NotificationOptions = {
        type: 'basic',
        iconUrl: NOTIFICATION_ICON_URL,
        title: spate.headline,
        message: notificationMessage(spate, person, previous),
        contextMessage: `Kinwatch · for ${person.name}`,
        buttons: NOTIFICATION_BUTTONS.map((title) => ({ title })),
        priority: urgent ? 2 : 1,
        requireInteraction: urgent,
      };
      try {
        await deps.notifications.create(notificationId, full);
      } catch {
        // Firefox refuses buttons, priority and the like: the plain notification still says what matters.
        const { type, iconUrl, title, message } = full;
        await deps.notifications.create(notificationId, { type, iconUrl, title, message });
      }
      return { notificationId, version, shown: true };
    },
  };
}

export type SpateNotifier = ReturnType<typeof createSpateNotifier>;

function notificationMessage(spate: Spate, person: WatchedPerson, previous: Spate | undefined): string {
  const growth = growthSince(spate, previous);
  return growth ? `Worse now: ${growth}. ${describeSpate(spate, person)}` : describeSpate(spate, person);
}

const NOTIFICATION_PREFIX = 'spate|';

export function notificationIdFor(spateId: string, version: string): string {
  return `${NOTIFICATION_PREFIX}${spateId}|${version}`;
}

/** The spate a notification (or its button) belongs to, or undefined for someone else's notification. */
export function spateIdFromNotification(notificationId: string): string | undefined {
  if (!notificationId.startsWith(NOTIFICATION_PREFIX)) return undefined;
  return notificationId.slice(NOTIFICATION_PREFIX.length).split('|')[0];
}
