/** The app's one database and repository, and hooks the screens use to read them live. */
import { useLiveQuery } from 'dexie-react-hooks';
import type { CaredPerson } from '../core/calls/person.ts';
import { createRepository, type Repository } from '../db/repository.ts';
import { openKinwatchDb } from '../db/schema.ts';
import { markDatabaseReplaced } from './database-replaced.tsx';

export const db = openKinwatchDb({ whenReplaced: markDatabaseReplaced });

let repositoryPromise: Promise<Repository> | undefined;

export function repository(): Promise<Repository> {
  repositoryPromise ??= createRepository(db);
  return repositoryPromise;
}

export const SETTINGS = {
  carerName: 'carerName',
  postcodesBaseUrl: 'postcodesBaseUrl',
  currentPersonId: 'currentPersonId',
  persistAsked: 'persistAsked',
} as const;

export const DEFAULT_POSTCODES_BASE_URL = 'https://api.postcodes.io';

export function useSetting<T>(key: string, fallback: T): T {
  return useLiveQuery(async () => ((await db.settings.get(key))?.value as T | undefined) ?? fallback, [key], fallback);
}

export async function setSetting(key: string, value: unknown): Promise<void> {
  await db.settings.put({ key, value });
}

export function usePeople(): CaredPerson[] | undefined {
  return useLiveQuery(async () => (await db.people.toArray()).filter((person) => !person.deleted).sort((a, b) => a.name.localeCompare(b.name)));
}

/** The person the carer is looking at now, remembered between visits; the first person when none is chosen. */
export function useCurrentPerson(people: CaredPerson[] | undefined): CaredPerson | undefined {
  const chosen = useSetting<string>(SETTINGS.currentPersonId, '');
  if (!people || people.length === 0) return undefined;
  return people.find((person) => person.id === chosen) ?? people[0];
}

/**
 * Ask the browser not to evict our data, once, at the moment it starts to matter (the first person or call saved).
 * Returns whether storage is persistent.
 */
export async function askForPersistentStorage(): Promise<boolean> {
  if (!navigator.storage?.persist) return false;
  if (await navigator.storage.persisted()) return true;
  const asked = (await db.settings.get(SETTINGS.persistAsked))?.value;
  if (asked) return false;
  await setSetting(SETTINGS.persistAsked, true);
  return navigator.storage.persist();
}
