/**
 * One person, entered once: the circle's `people` records are who a connected watcher watches. Postcode, radius and
 * police force come from the record (looked up here only when the carer saved it offline, unchecked); which sources
 * are read and the sites allowed stay this browser's own choice. A person added in this browser while connected is
 * written to the circle, so the carer app shows them too.
 */
import { samePerson, samePostcode, type CaredPerson } from '../calls/person.ts';
import { DEFAULT_RADIUS_KM, type WatchedPerson } from '../geo/watched-person.ts';
import type { Clock, HttpFetch } from '../platform.ts';
import { createPostcodeClient, POSTCODES_IO_BASE_URL } from '../geo/postcodes.ts';
import { createWatchedPerson } from '../geo/watch-area.ts';
import { forceByPfa, neighboursOf } from '../sources/force-registry.ts';
import { createCircleRecords, type CircleRecords } from './circle-records.ts';
import { DEFAULT_SOURCE_CHOICES, unlocatedPerson, type CircleConnection, type WatchedPersonEntry, type WatcherStore } from './watcher-state.ts';

export interface CirclePeopleDeps {
  records: CircleRecords;
  store: Pick<WatcherStore, 'getPeople' | 'savePeople'>;
  /** A circle record without a checked location, located (postcode lookup): throws when it cannot be. */
  locate(person: { id: string; name: string; postcode: string; radiusKm: number }): Promise<WatchedPerson>;
  /** The registry's neighbouring force ids. */
  neighboursOf(forceId: string): readonly string[];
}

export interface RefreshOutcome {
  /** The circle's people now watched. */
  people: number;
  /** People whose postcode could not be located (not watched until it can), with the reason. */
  unlocated: { name: string; reason: string }[];
}

/** The circle's record for a person watched here: the fields the carer app shows, nothing of this browser's own. */
export function personRecordFrom(person: WatchedPerson, unlocated = false): Omit<CaredPerson, 'hlc'> {
  return {
    id: person.id,
    name: person.name,
    postcode: person.postcode,
    // Not located yet: saved as typed, checked later (by whichever device reaches the postcode service first).
    postcodeChecked: !unlocated,
    ...(unlocated ? {} : { lat: person.lat, lng: person.lng, forceId: person.forceId }),
    ...(person.placeName ? { placeName: person.placeName } : {}),
    radiusKm: person.radiusKm,
    phones: [],
    banks: [],
    familyNumbers: [],
  };
}

/**
 * The entry already watched here for the person about to be added (see samePerson), and why adding them is refused:
 * "Mum (CO7 6AA) is already watched — from your family's care circle." Undefined when they are not watched yet.
 */
export function alreadyWatched(
  entries: readonly WatchedPersonEntry[],
  candidate: { name: string; postcode: string },
): { entry: WatchedPersonEntry; message: string } | undefined {
  const entry = entries.find((other) => samePerson(other.person, candidate));
  if (!entry) return undefined;
  const where = entry.shared ? "from your family's care circle" : 'in this browser';
  return { entry, message: `${entry.person.name} (${entry.person.postcode}) is already watched — ${where}.` };
}

export function createCirclePeople(deps: CirclePeopleDeps) {
  async function toWatched(row: CaredPerson, before: WatchedPersonEntry | undefined): Promise<WatchedPerson> {
    const radiusKm = row.radiusKm ?? before?.person.radiusKm ?? DEFAULT_RADIUS_KM;
    if (row.lat !== undefined && row.lng !== undefined && row.forceId) {
      return {
        id: row.id,
        name: row.name,
        postcode: row.postcode,
        lat: row.lat,
        lng: row.lng,
        forceId: row.forceId,
        ...(row.placeName ? { placeName: row.placeName } : {}),
        radiusKm,
        neighbourForceIds: [...deps.neighboursOf(row.forceId)],
      };
    }
    // Saved offline by the carer: reuse what this browser located for the same postcode, else look it up.
    if (before && !before.unlocated && samePostcode(before.person.postcode, row.postcode)) return { ...before.person, name: row.name, radiusKm };
    return deps.locate({ id: row.id, name: row.name, postcode: row.postcode, radiusKm });
  }

  return {
    /**
     * Reads the circle's people and makes them this browser's shared entries (keeping each one's source choices).
     * Throws RelayError when the relay cannot be read; the entries already kept stay as they are.
     */
    async refresh(circle: CircleConnection): Promise<RefreshOutcome> {
      const rows = await deps.records.pullPeople(circle);
      const entries = await deps.store.getPeople();
      const byId = new Map(entries.map((entry) => [entry.person.id, entry]));
      const shared: WatchedPersonEntry[] = [];
      const unlocated: RefreshOutcome['unlocated'] = [];
      for (const row of rows) {
        const before = byId.get(row.id);
        try {
          shared.push({ person: await toWatched(row, before), sources: before?.sources ?? DEFAULT_SOURCE_CHOICES, shared: true });
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          unlocated.push({ name: row.name, reason });
          if (before?.shared && !before.unlocated) shared.push(before);
          else {
            // Kept, plainly not watched, and looked up again at the next poll.
            const radiusKm = row.radiusKm ?? before?.person.radiusKm ?? DEFAULT_RADIUS_KM;
            const person = unlocatedPerson({ id: row.id, name: row.name, postcode: row.postcode, radiusKm });
            shared.push({ person, sources: before?.sources ?? DEFAULT_SOURCE_CHOICES, shared: true, unlocated: { reason } });
          }
        }
      }
      const ids = new Set(shared.map((entry) => entry.person.id));
      // This browser's own people stay (unwatched while connected); shared people the circle no longer has go.
      const local = (await deps.store.getPeople()).filter((entry) => !entry.shared && !ids.has(entry.person.id));
      await deps.store.savePeople([...local, ...shared]);
      return { people: shared.length, unlocated };
    },

    /**
     * This browser's own people not located yet (added while the postcode service could not be reached): each looked
     * up again — the same lookup as a circle record saved offline — and watched from now on when found. Resolves with
     * the people still not located, with the reason. Never throws.
     */
    async locateLocal(): Promise<RefreshOutcome['unlocated']> {
      const entries = await deps.store.getPeople();
      if (!entries.some((entry) => entry.unlocated && !entry.shared)) return [];
      const next: WatchedPersonEntry[] = [];
      const unlocated: RefreshOutcome['unlocated'] = [];
      for (const entry of entries) {
        if (!entry.unlocated || entry.shared) {
          next.push(entry);
          continue;
        }
        const { id, name, postcode, radiusKm } = entry.person;
        try {
          next.push({ person: await deps.locate({ id, name, postcode, radiusKm }), sources: entry.sources });
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          unlocated.push({ name, reason });
          next.push({ ...entry, unlocated: { reason } });
        }
      }
      // Re-read so a person added or removed meanwhile on the options page is not undone.
      const now = await deps.store.getPeople();
      const byId = new Map(next.map((entry) => [entry.person.id, entry]));
      await deps.store.savePeople(now.map((entry) => (entry.unlocated && !entry.shared ? (byId.get(entry.person.id) ?? entry) : entry)));
      return unlocated;
    },

    /** Writes a person entered in this browser to the circle and keeps them as a shared entry. Throws RelayError. */
    async add(circle: CircleConnection, entry: WatchedPersonEntry): Promise<void> {
      await deps.records.write(circle, 'people', personRecordFrom(entry.person, Boolean(entry.unlocated)));
      const entries = await deps.store.getPeople();
      await deps.store.savePeople([...entries.filter((other) => other.person.id !== entry.person.id), { ...entry, shared: true }]);
    },

    /**
     * On joining a circle: each person this browser watched becomes the circle's — the same person already in the
     * circle (same name and postcode) is adopted by the circle's id, anyone else is written to the circle. Resolves
     * with how many were written. Throws RelayError.
     */
    async shareLocal(circle: CircleConnection): Promise<number> {
      if ((await deps.store.getPeople()).every((entry) => entry.shared)) return 0;
      const circleRows = await deps.records.pullPeople(circle);
      const entries = await deps.store.getPeople();
      let written = 0;
      const next: WatchedPersonEntry[] = [];
      for (const entry of entries) {
        if (entry.shared) {
          next.push(entry);
          continue;
        }
        const same = circleRows.find((row) => samePerson(row, entry.person));
        if (same) {
          next.push({ ...entry, person: { ...entry.person, id: same.id }, shared: true });
          continue;
        }
        await deps.records.write(circle, 'people', personRecordFrom(entry.person, Boolean(entry.unlocated)));
        written++;
        next.push({ ...entry, shared: true });
      }
      await deps.store.savePeople(next);
      return written;
    },
  };
}

export type CirclePeople = ReturnType<typeof createCirclePeople>;

/**
 * The circle's records and people over one browser's (or test's) fetch, clock and store, with the force registry and
 * the postcode service: what the background and the options page both use.
 */
export function createCircleLink(deps: {
  fetch: HttpFetch;
  clock: Clock;
  store: CirclePeopleDeps['store'] & Parameters<typeof createCircleRecords>[0]['store'];
  /** postcodes.io or a stand-in (default postcodes.io). */
  postcodesBaseUrl?: string;
  /** The fetch for the postcode service (default `fetch`): the background's asks only once the site is allowed. */
  postcodesFetch?: HttpFetch;
}): { records: CircleRecords; people: CirclePeople } {
  const records = createCircleRecords({ fetch: deps.fetch, clock: deps.clock, store: deps.store });
  const postcodes = createPostcodeClient({ fetch: deps.postcodesFetch ?? deps.fetch, baseUrl: deps.postcodesBaseUrl ?? POSTCODES_IO_BASE_URL });
  const people = createCirclePeople({
    records,
    store: deps.store,
    locate: (person) => createWatchedPerson(person, { postcodes, forceByPfa, neighboursOf }),
    neighboursOf,
  });
  return { records, people };
}
