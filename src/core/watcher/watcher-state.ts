import type { CaredPerson } from '../calls/person.ts';
import type { Spate } from '../spates/spate.ts';
import type { WatchedPerson } from '../geo/watched-person.ts';
import type { FeedItem, SourceHealth } from '../sources/source.ts';
import { DEFAULT_QUIET_HOURS, type QuietHours } from './quiet-hours.ts';

/** What the relative chose on the options page. */
export interface WatcherSettings {
  /** Minutes between polls (default 15; at least 5 so force sites are not hammered). */
  pollIntervalMinutes: number;
  quietHours: QuietHours;
  /** Carer app address for links when no circle gives a relay address; empty when none. */
  carerAppUrl: string;
}

export const DEFAULT_POLL_INTERVAL_MINUTES = 15;
export const MIN_POLL_INTERVAL_MINUTES = 5;

export const DEFAULT_SETTINGS: WatcherSettings = {
  pollIntervalMinutes: DEFAULT_POLL_INTERVAL_MINUTES,
  quietHours: DEFAULT_QUIET_HOURS,
  carerAppUrl: '',
};

/** Which of a person's suggested sources are read. */
export interface PersonSourceChoices {
  includeNeighbours: boolean;
  includeGoogleNews: boolean;
  /** Sources switched off one by one on the options page. */
  disabledSourceIds: string[];
}

/** As the registry suggests: the person's own force and Google News; neighbours are one tick away. */
export const DEFAULT_SOURCE_CHOICES: PersonSourceChoices = {
  includeNeighbours: false,
  includeGoogleNews: true,
  disabledSourceIds: [],
};

export interface WatchedPersonEntry {
  person: WatchedPerson;
  sources: PersonSourceChoices;
  /**
   * True for a person of the connected care circle (a `people` record, same id on every device). While a circle is
   * connected only these are watched; the others are this browser's own.
   */
  shared?: true;
  /**
   * Set while the person's postcode has not been located (the postcode service could not be reached when they were
   * added, or a carer saved them offline): `person` then has only id, name, postcode and radius (lat/lng NaN, no
   * force). Such a person is NOT watched; the postcode is looked up again at each poll.
   */
  unlocated?: { reason: string };
}

/** Who is watched now: the circle's people when a circle is connected, otherwise everyone this browser keeps; never a person not located yet. */
export function watchedEntries(entries: readonly WatchedPersonEntry[], circle: CircleConnection | undefined): WatchedPersonEntry[] {
  return entries.filter((entry) => !entry.unlocated && (!circle || entry.shared));
}

/** A person saved as typed, postcode not located yet (lat/lng NaN, forceId ""): kept with `unlocated`, not watched. */
export function unlocatedPerson(input: { id: string; name: string; postcode: string; radiusKm: number }): WatchedPerson {
  return { id: input.id, name: input.name, postcode: input.postcode, lat: Number.NaN, lng: Number.NaN, forceId: '', radiusKm: input.radiusKm };
}

/** What the popup and options page say of a person not located yet. */
export function notWatchedYetMessage(entry: WatchedPersonEntry): string {
  return `${entry.person.name} is NOT being watched yet: their postcode ${entry.person.postcode} could not be checked (${entry.unlocated?.reason ?? 'not looked up yet'}). Kinwatch tries again at each check.`;
}

/** An RSS/Atom feed the relative added by address (e.g. a Neighbourhood Alert area). */
export interface CustomFeed {
  id: string;
  url: string;
  label: string;
  addedAt: string;
}

/** The family's care circle this browser joined; without it nothing leaves the browser. */
export interface CircleConnection {
  /** Relay origin, e.g. "https://kinwatch.example.org". */
  relayUrl: string;
  circleId: string;
  deviceId: string;
  deviceToken: string;
  /** The circle's symmetric key, as the invite link carried it (base64url). */
  circleKey: string;
  connectedAt: string;
}

/** What the watcher has read of its circle's records, and its own clock for the records it writes. */
export interface CircleRecordsState {
  circleId: string;
  /** The relay sequence number read up to. */
  seq: number;
  /** The newest hybrid logical clock this device issued or saw. */
  lastHlc?: string;
  /** The newest version of each of the circle's people, tombstones included, by id. */
  people: Record<string, CaredPerson>;
}

/**
 * An alert the circle has not got yet (the relay could not be reached or refused it): sent again at the next poll,
 * the newest version per spate, so an alert found offline still becomes a circle record.
 */
export interface UnsentCircleAlert {
  spate: Spate;
  person: WatchedPerson;
  /** ISO time it was first found unsent. */
  at: string;
}

/** One line of the notification log: what was shown (or held back) for which spate version. */
export interface NotifiedEntry {
  notificationId: string;
  spateId: string;
  personId: string;
  headline: string;
  /** The spate version alerted: changes when reports are added or severity rises. */
  version: string;
  at: string;
  /**
   * What grew since the spate's previous version, as the notification said it after "Worse now: " (growthSince,
   * wording.ts): "£3,000 lost (was £1,800) · new place: Rowhedge". Absent for a first alert and in older entries.
   */
  growth?: string;
  shown: boolean;
  /** Why it was not shown, when it was not. */
  heldBack?: 'quiet-hours';
  sentToCircle: boolean;
  /** Why it did not reach the circle, when it did not and a circle was connected. */
  circleError?: string;
}

/**
 * A routine alert held back by quiet hours, kept until the morning summary tells the relative about it. One per
 * spate: a spate that grows during the night is one warning, not several.
 */
export interface HeldAlert {
  spateId: string;
  personId: string;
  personName: string;
  headline: string;
  /** Where it happened, as the popup names it: the spate's first place, else the person's own. */
  place: string;
  version: string;
  at: string;
}

/** The outcome of the last poll cycle, for the popup. */
export interface CycleSummary {
  startedAt: string;
  finishedAt: string;
  sourcesChecked: number;
  sourcesFailed: number;
  newItems: number;
  alerts: number;
}

/** What the last completed detection ran over: an unchanged input need not be analysed again. */
export interface DetectionMark {
  fingerprint: string;
  at: string;
}

/**
 * Everything the watcher keeps between service-worker lives. The extension stores it in chrome.storage.local
 * (src/db/extension-store.ts); tests keep it in a Map.
 */
export interface WatcherStore {
  getSettings(): Promise<WatcherSettings>;
  saveSettings(settings: WatcherSettings): Promise<void>;
  getPeople(): Promise<WatchedPersonEntry[]>;
  savePeople(people: WatchedPersonEntry[]): Promise<void>;
  getCustomFeeds(): Promise<CustomFeed[]>;
  saveCustomFeeds(feeds: CustomFeed[]): Promise<void>;
  getHealth(): Promise<Record<string, SourceHealth>>;
  saveHealth(health: Record<string, SourceHealth>): Promise<void>;
  /** Recent items per source: spates are clustered over a window, not only over what is new this cycle. */
  getItems(): Promise<Record<string, FeedItem[]>>;
  saveItems(items: Record<string, FeedItem[]>): Promise<void>;
  getSpates(): Promise<Spate[]>;
  saveSpates(spates: Spate[]): Promise<void>;
  /** Spate id → version last alerted: the guard against repeating an alert after a restart. */
  getAlertedVersions(): Promise<Record<string, string>>;
  saveAlertedVersions(versions: Record<string, string>): Promise<void>;
  getNotifiedLog(): Promise<NotifiedEntry[]>;
  appendNotified(entry: NotifiedEntry): Promise<void>;
  /** Alerts held back by quiet hours and not yet summarised. */
  getHeldAlerts(): Promise<HeldAlert[]>;
  saveHeldAlerts(held: HeldAlert[]): Promise<void>;
  getCircle(): Promise<CircleConnection | undefined>;
  /** Alerts not yet in the circle, oldest first. */
  getUnsentCircleAlerts(): Promise<UnsentCircleAlert[]>;
  saveUnsentCircleAlerts(alerts: UnsentCircleAlert[]): Promise<void>;
  getCircleRecordsState(): Promise<CircleRecordsState | undefined>;
  saveCircleRecordsState(state: CircleRecordsState): Promise<void>;
  saveCircle(circle: CircleConnection | undefined): Promise<void>;
  getDetectionMark(): Promise<DetectionMark | undefined>;
  saveDetectionMark(mark: DetectionMark): Promise<void>;
  getLastCycle(): Promise<CycleSummary | undefined>;
  saveLastCycle(summary: CycleSummary): Promise<void>;
}
