import { createPostcodeClient, POSTCODES_IO_BASE_URL } from '../geo/postcodes.ts';
import { PostcodeLookupError } from '../geo/postcode-lookup-error.ts';
import type { HttpFetch, WatcherPlatform } from '../platform.ts';
import { postcodeServiceNotAllowedReason, siteAllowed } from './permission-request.ts';
import { sourcesForKnownForce } from '../sources/force-registry.ts';
import { carerAppBase, notificationTarget } from './carer-app-links.ts';
import { createCircleAlertSender } from './circle-alert-sender.ts';
import { createCircleLink } from './circle-people.ts';
import { createNightSummary, isNightSummaryNotification } from './night-summary.ts';
import { createPollAlarm, type AlarmsApi } from './poll-alarm.ts';
import { createPollCycle, type PollCycleDeps, type SourceProgress } from './poll-cycle.ts';
import { createSpateDetector } from './spate-detector.ts';
import { createSpateNotifier, spateIdFromNotification, type NotificationsApi } from './spate-notifier.ts';
import type { CheckNowReply } from './watcher-protocol.ts';
import { MIN_POLL_INTERVAL_MINUTES } from './watcher-state.ts';

/** The worker polls with the same store, site access and limits as one poll cycle. */
type PollServices = 'store' | 'hasSiteAccess' | 'timeoutMs' | 'hostGapMs';

export interface WatcherBackgroundDeps extends Pick<PollCycleDeps, PollServices>, Partial<Pick<PollCycleDeps, 'sourcesForForce' | 'detect'>> {
  /** fetch, clock, sleep and random of the platform it runs on (src/platform/browser.ts; tests pass their own). */
  platform: WatcherPlatform;
  alarms: AlarmsApi;
  notifications: NotificationsApi;
  /** Tells open pages how a check is going ('poll-progress' of WatcherProtocol); pages that are closed simply miss it. */
  broadcast(progress: SourceProgress): void;
  openUrl(url: string): Promise<void>;
  /** Opens the extension's options page (runtime.openOptionsPage). */
  openOptionsPage?(): Promise<void>;
  /** chrome-extension://<id>/popup.html */
  popupUrl: string;
  /** Carer app address set at build time, if any. */
  defaultCarerAppUrl: string;
  localMinutes?: (epochMs: number) => number;
  /**
   * postcodes.io or a stand-in (default postcodes.io): locates a circle person saved without a checked postcode, and
   * villages the gazetteer lacks.
   */
  postcodesBaseUrl?: string;
}

/**
 * The watcher, assembled once for every caller: everything the background worker does, as one object the entrypoint
 * connects to browser events; the test harness builds the same with a fake browser. Detection defaults to the real
 * engine with village look-ups, sources to the force registry.
 */
export function createWatcherBackground(deps: WatcherBackgroundDeps) {
  const { fetch, clock, sleep, random } = deps.platform;
  const alarm = createPollAlarm(deps.alarms);
  const postcodesBaseUrl = deps.postcodesBaseUrl ?? POSTCODES_IO_BASE_URL;
  // The postcode service is a site like any other: asked only once the user allowed it. It answers any origin, so
  // without this check a refusal on the options page would be worked round at the next poll.
  const postcodesFetch: HttpFetch = async (url, init) => {
    if (!(await siteAllowed(deps.hasSiteAccess, url))) throw new PostcodeLookupError('unavailable', postcodeServiceNotAllowedReason(postcodesBaseUrl));
    return fetch(url, init);
  };
  const { records, people: circlePeople } = createCircleLink({ fetch, clock, store: deps.store, postcodesBaseUrl, postcodesFetch });
  const postcodes = createPostcodeClient({ fetch: postcodesFetch, baseUrl: postcodesBaseUrl });
  const cycle = createPollCycle({
    store: deps.store,
    fetch,
    clock,
    sleep,
    random,
    sourcesForForce: deps.sourcesForForce ?? sourcesForKnownForce,
    detect: deps.detect ?? createSpateDetector({ lookupPlace: postcodes.lookupPlace }),
    notifier: createSpateNotifier({
      notifications: deps.notifications,
      clock,
      ...(deps.localMinutes ? { localMinutes: deps.localMinutes } : {}),
    }),
    circleSender: createCircleAlertSender({ fetch, clock, records }),
    circlePeople,
    nightSummary: createNightSummary({
      store: deps.store,
      notifications: deps.notifications,
      clock,
      ...(deps.localMinutes ? { localMinutes: deps.localMinutes } : {}),
    }),
    ...(deps.hasSiteAccess ? { hasSiteAccess: deps.hasSiteAccess } : {}),
    ...(deps.timeoutMs !== undefined ? { timeoutMs: deps.timeoutMs } : {}),
    ...(deps.hostGapMs !== undefined ? { hostGapMs: deps.hostGapMs } : {}),
  });

  async function ensureAlarm(): Promise<boolean> {
    const settings = await deps.store.getSettings();
    return alarm.ensure(Math.max(MIN_POLL_INTERVAL_MINUTES, settings.pollIntervalMinutes));
  }

  async function checkNow(): Promise<CheckNowReply> {
    try {
      // A person asked: a source that failed earlier is tried again now, not when its backoff ends.
      const { alerted, ...summary } = await cycle.run((progress) => deps.broadcast(progress), { personAsked: true });
      return { ok: true, result: { ...summary, alertedSpateIds: alerted.map((spate) => spate.id) } };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  }

  return {
    cycle,
    /** On every worker start, onStartup and onInstalled: MV3 may have dropped the alarm. */
    ensureAlarm,
    /**
     * runtime.onInstalled: the alarm, and on a fresh install with no one set up yet the options page, so a new user
     * lands where a person is added rather than on an extension that silently watches no one.
     */
    async onInstalled(details: { reason: string }): Promise<void> {
      await ensureAlarm();
      if (details.reason === 'install' && (await deps.store.getPeople()).length === 0) await deps.openOptionsPage?.();
    },
    async onAlarm(fired: { name: string }): Promise<void> {
      if (alarm.isPollAlarm(fired)) await cycle.run();
    },
    /**
     * 'check-now' from the popup: one poll cycle at once, progress broadcast as it goes. A cycle that throws is
     * answered `{ ok: false, error }` with its message; never rejects.
     */
    checkNow,
    /** 'settings-changed' from the options page: the poll alarm follows the saved interval. */
    async onSettingsChanged(): Promise<void> {
      await ensureAlarm();
    },
    async onNotificationClicked(notificationId: string, buttonIndex?: number): Promise<void> {
      // The night's spates are listed together in the popup.
      if (isNightSummaryNotification(notificationId)) return deps.openUrl(deps.popupUrl);
      const spateId = spateIdFromNotification(notificationId);
      if (spateId === undefined) return;
      const [circle, settings, spates, log] = await Promise.all([deps.store.getCircle(), deps.store.getSettings(), deps.store.getSpates(), deps.store.getNotifiedLog()]);
      // The spate may have faded since: the notification log still says whose it was.
      const personId = spates.find((spate) => spate.id === spateId)?.personId ?? log.find((entry) => entry.spateId === spateId)?.personId;
      const spate = personId ? { id: spateId, personId } : { id: spateId };
      await deps.openUrl(notificationTarget(carerAppBase(circle, settings, deps.defaultCarerAppUrl), spate, buttonIndex, deps.popupUrl));
    },
  };
}

export type WatcherBackground = ReturnType<typeof createWatcherBackground>;
