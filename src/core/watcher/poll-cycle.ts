import type { Spate } from '../spates/spate.ts';
import type { WatchedPerson } from '../geo/watched-person.ts';
import type { Clock, HttpFetch, Random, Sleep } from '../platform.ts';
import { pollSources, type PollStage } from '../sources/poll-sources.ts';
import { alertableItems, stampFirstSeen } from '../sources/first-seen.ts';
import type { FeedItem, Source, SourceHealth } from '../sources/source.ts';
import type { SourceErrorCode } from '../sources/source-error-code.ts';
import type { CircleAlertSender } from './circle-alert-sender.ts';
import type { CirclePeople } from './circle-people.ts';
import { holdAlert, type NightSummary } from './night-summary.ts';
import { permissionRefusedMessage, siteAllowed } from './permission-request.ts';
import { mergeRecentItems } from './recent-items.ts';
import { sourcesToPoll, type SourcesForForce } from './source-plan.ts';
import type { SpateNotifier } from './spate-notifier.ts';
import { alertVersion } from '../spates/escalation.ts';
import { growthSince } from '../spates/wording.ts';
import { watchedEntries, type CycleSummary, type WatcherStore } from './watcher-state.ts';

/** Detection and clustering for everyone watched: analyzeText + findSpates, wired by the caller. */
export type SpateDetector = (input: {
  items: FeedItem[];
  /** The sources polled, so detection knows which force each speaks for. */
  sources: Source[];
  people: WatchedPerson[];
  previous: Spate[];
  now: number;
}) => Promise<{ spates: Spate[]; alerts: Spate[] }> | { spates: Spate[]; alerts: Spate[] };

/** Even with nothing new, spates are re-derived this often so that old ones fade from the popup. */
export const REDETECT_AFTER_MS = 6 * 60 * 60 * 1000;

export interface SourceProgress {
  sourceId: string;
  label: string;
  stage: PollStage;
  /** Items parsed, when fetched in full. */
  items?: number;
  error?: string;
  /** The stable code beside `error` (see SourceErrorCode), so a page or `scan` can say what to do. */
  errorCode?: SourceErrorCode;
  /** Which of a source's addresses answered: its feed, its news page (feed failed or empty), or a feed found by autodiscovery. */
  answeredBy?: SourceHealth['answeredBy'];
  /** Where autodiscovery found the source's feed, when it moved. */
  movedTo?: string;
}

export interface PollCycleDeps {
  store: WatcherStore;
  fetch: HttpFetch;
  clock: Clock;
  sleep: Sleep;
  random: Random;
  sourcesForForce: SourcesForForce;
  detect: SpateDetector;
  notifier: SpateNotifier;
  circleSender: CircleAlertSender;
  /** The circle's people, read before each poll while a circle is connected; without it the stored people are used. */
  circlePeople?: CirclePeople;
  /** The morning summary of alerts held back by quiet hours; without it held alerts are only logged. */
  nightSummary?: NightSummary;
  /**
   * Whether the user allowed the site behind a source. Sources not allowed yet are not fetched at all (the browser
   * would refuse them anyway); their health says what to do. Default: every site allowed.
   */
  hasSiteAccess?: (url: string) => Promise<boolean>;
  /** Per-source fetch timeout, ms. */
  timeoutMs?: number;
  hostGapMs?: number;
}

export interface CycleResult extends CycleSummary {
  /** Spates alerted this cycle (shown, or held back by quiet hours). */
  alerted: Spate[];
}

/**
 * One poll: fetch due sources, keep recent items, find spates for everyone watched, and for each new or escalated
 * spate not yet alerted at this version, notify and tell the circle. State is written so that a worker stopped at
 * any point neither repeats an alert (alerted versions are saved one by one) nor misses one (spates, which decide
 * "new", are saved only after their alerts).
 */
export function createPollCycle(deps: PollCycleDeps) {
  let running: Promise<CycleResult> | undefined;

  async function runOnce(onProgress: ((progress: SourceProgress) => void) | undefined, personAsked: boolean): Promise<CycleResult> {
    const startedAt = new Date(deps.clock.now()).toISOString();
    const { store } = deps;
    const circle = await store.getCircle();
    // People added while the postcode service was down are looked up again: watched from the first poll that finds them.
    if (deps.circlePeople) await deps.circlePeople.locateLocal();
    // The circle's people first: a person the carer just added is watched in this very poll, and people watched here
    // before joining become the circle's (here too, not only on the options page, which may close first). Offline,
    // the people read last time stand.
    if (circle && deps.circlePeople) {
      const circlePeople = deps.circlePeople;
      await circlePeople
        .shareLocal(circle)
        .then(() => circlePeople.refresh(circle))
        .catch(() => undefined);
    }
    const [entries, customFeeds, settings, health, storedItems, previous, alertedVersions] = await Promise.all([
      store.getPeople(),
      store.getCustomFeeds(),
      store.getSettings(),
      store.getHealth(),
      store.getItems(),
      store.getSpates(),
      store.getAlertedVersions(),
    ]);
    const people = watchedEntries(entries, circle);
    // Alerts found while the circle could not be reached go first: the family gets each one, late rather than never.
    let unsent = circle ? await store.getUnsentCircleAlerts() : [];
    for (const pending of [...unsent]) {
      const sent = await deps.circleSender.send(circle, pending.spate, pending.person);
      if (!sent.sent) break;
      unsent = unsent.filter((entry) => entry !== pending);
      await store.saveUnsentCircleAlerts(unsent);
    }
    // First, before any polling: the relative learns what the night held as soon as quiet hours are over.
    if (deps.nightSummary) await deps.nightSummary.deliverIfDue(settings.quietHours);
    let held = deps.nightSummary ? await store.getHeldAlerts() : [];

    const planned = people.length > 0 ? sourcesToPoll(people, customFeeds, deps.sourcesForForce) : [];
    const sources: Source[] = [];
    const notAllowed: Source[] = [];
    for (const source of planned) {
      ((await siteAllowed(deps.hasSiteAccess, source.url)) ? sources : notAllowed).push(source);
    }
    const labels = new Map<string, Source>(sources.map((source) => [source.id, source]));
    const report = await pollSources(sources, health, {
      fetch: deps.fetch,
      clock: deps.clock,
      sleep: deps.sleep,
      random: deps.random,
      ...(deps.timeoutMs !== undefined ? { timeoutMs: deps.timeoutMs } : {}),
      ...(deps.hostGapMs !== undefined ? { hostGapMs: deps.hostGapMs } : {}),
      personAsked,
      onProgress: (sourceId, stage, result) =>
        onProgress?.({
          sourceId,
          label: labels.get(sourceId)?.label ?? sourceId,
          stage,
          ...(result?.items ? { items: result.items.length } : {}),
          ...(result?.error ? { error: result.error } : {}),
          ...(result?.errorCode ? { errorCode: result.errorCode } : {}),
          ...(result?.health.answeredBy ? { answeredBy: result.health.answeredBy } : {}),
          ...(result?.health.movedTo ? { movedTo: result.health.movedTo } : {}),
        }),
    });

    // Keep the health of sources no longer polled out of the page; keep everyone's recent items by source.
    const items: Record<string, FeedItem[]> = {};
    let newItems = 0;
    for (const polled of report.sources) {
      const before = storedItems[polled.source.id] ?? [];
      if (polled.result?.status === 'ok' && polled.result.items) {
        // An undated item is dated by its first sighting; a source's first read is a baseline (see stampFirstSeen).
        const firstRead = health[polled.source.id]?.lastOkAt === undefined;
        const stamped = stampFirstSeen(before, polled.result.items, deps.clock.now(), firstRead);
        const merged = mergeRecentItems(before, stamped, deps.clock.now());
        items[polled.source.id] = merged.items;
        newItems += merged.added;
      } else {
        items[polled.source.id] = mergeRecentItems(before, [], deps.clock.now()).items;
      }
    }
    const healthById = { ...report.healthById };
    for (const source of notAllowed) {
      // The button that asks again: "Allow" beside the person's sources, or re-adding one's own feed.
      const refused = permissionRefusedMessage(
        source.url,
        source.kind === 'custom-feed'
          ? 'In Settings, remove this feed and press "Add feed" with its address again.'
          : 'In Settings, press "Allow" under the person\'s sources.',
      );
      healthById[source.id] = {
        ...(health[source.id] ?? { sourceId: source.id, consecutiveFailures: 0 }),
        lastError: refused,
        lastErrorCode: 'not_allowed',
      };
      onProgress?.({ sourceId: source.id, label: source.label, stage: 'skipped', error: refused });
      items[source.id] = storedItems[source.id] ?? [];
    }
    await store.saveHealth(healthById);
    await store.saveItems(items);

    const persons = people.map((entry) => entry.person);
    const allItems = alertableItems(Object.values(items).flat());
    // Nothing new and no one changed since the last completed detection: its spates stand. The mark is saved only
    // after spates, so a cycle cut short is detected again next time. Spates still age out at least every few hours.
    const fingerprint = detectionFingerprint(persons, allItems);
    const mark = await store.getDetectionMark();
    const unchanged = mark?.fingerprint === fingerprint && deps.clock.now() - Date.parse(mark.at) < REDETECT_AFTER_MS;
    const { spates, alerts } = unchanged
      ? { spates: previous, alerts: [] }
      : await deps.detect({ items: allItems, sources: planned, people: persons, previous, now: deps.clock.now() });

    const alerted: Spate[] = [];
    const versions = { ...alertedVersions };
    for (const spate of alerts) {
      const version = alertVersion(spate);
      if (versions[spate.id] === version) continue;
      const person = persons.find((candidate) => candidate.id === spate.personId);
      if (!person) continue;
      const before = previous.find((candidate) => candidate.id === spate.id);
      const shown = await deps.notifier.notify(spate, person, settings.quietHours, before);
      const growth = growthSince(spate, before);
      // Held before the version is saved: a worker stopped in between alerts again (and holds again), never loses it.
      if (deps.nightSummary && (shown.heldBack || held.some((entry) => entry.spateId === spate.id))) {
        held = shown.heldBack
          ? holdAlert(held, {
              spateId: spate.id,
              personId: person.id,
              personName: person.name,
              headline: spate.headline,
              place: spate.places[0] ?? person.placeName ?? person.postcode,
              version,
              at: new Date(deps.clock.now()).toISOString(),
            })
          : held.filter((entry) => entry.spateId !== spate.id);
        await store.saveHeldAlerts(held);
      }
      versions[spate.id] = version;
      await store.saveAlertedVersions(versions);
      const sent = await deps.circleSender.send(circle, spate, person);
      if (circle && !sent.sent) {
        unsent = [...unsent.filter((entry) => entry.spate.id !== spate.id), { spate, person, at: new Date(deps.clock.now()).toISOString() }].slice(-50);
        await store.saveUnsentCircleAlerts(unsent);
      } else if (sent.sent && unsent.some((entry) => entry.spate.id === spate.id)) {
        unsent = unsent.filter((entry) => entry.spate.id !== spate.id);
        await store.saveUnsentCircleAlerts(unsent);
      }
      await store.appendNotified({
        notificationId: shown.notificationId,
        spateId: spate.id,
        personId: person.id,
        headline: spate.headline,
        version,
        at: new Date(deps.clock.now()).toISOString(),
        ...(growth ? { growth } : {}),
        shown: shown.shown,
        ...(shown.heldBack ? { heldBack: shown.heldBack } : {}),
        sentToCircle: sent.sent,
        ...(sent.sent && !sent.pushed && sent.pushError ? { circleError: `saved to the circle, not pushed: ${sent.pushError}` } : {}),
        ...(!sent.sent && sent.reason === 'failed' ? { circleError: sent.detail ?? 'failed' } : {}),
      });
      alerted.push(spate);
    }
    await store.saveSpates(spates);
    if (!unchanged) await store.saveDetectionMark({ fingerprint, at: new Date(deps.clock.now()).toISOString() });

    const summary: CycleSummary = {
      startedAt,
      finishedAt: new Date(deps.clock.now()).toISOString(),
      sourcesChecked: report.sources.filter((polled) => polled.result !== undefined).length,
      sourcesFailed: report.sources.filter((polled) => polled.result?.status === 'error').length,
      newItems,
      alerts: alerted.length,
    };
    await store.saveLastCycle(summary);
    return { ...summary, alerted };
  }

  return {
    /**
     * Runs a cycle; a second call while one runs joins it rather than polling twice. `personAsked` ("Check now"):
     * sources backing off after failures are tried again (see isDue); a site's Retry-After is still kept.
     */
    run(onProgress?: (progress: SourceProgress) => void, options: { personAsked?: boolean } = {}): Promise<CycleResult> {
      running ??= runOnce(onProgress, options.personAsked ?? false).finally(() => {
        running = undefined;
      });
      return running;
    },
  };
}

export type PollCycle = ReturnType<typeof createPollCycle>;

/** Who is watched (where, how far) and which items are held: cheap to compute, changes whenever detection could. */
function detectionFingerprint(people: WatchedPerson[], items: FeedItem[]): string {
  let hash = 2166136261;
  const feed = (text: string): void => {
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  };
  for (const person of people) feed(`${person.id}|${person.lat}|${person.lng}|${person.radiusKm}|${person.forceId};`);
  for (const item of items) feed(`${item.url}|${item.title.length}|${item.text.length};`);
  return `${people.length}:${items.length}:${(hash >>> 0).toString(16)}`;
}
