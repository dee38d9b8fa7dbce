import type { PlaceMention } from '../detect/vocabulary.ts';
import type { LatLng } from './distance.ts';
import type { Gazetteer } from './gazetteer.ts';
import type { PostcodeClient } from './postcodes.ts';

/** The key a resolved place is kept under, as `NearbyDeps.placeCoordinates` reads it: trimmed, lowercase. */
export const placeCoordinatesKey = (name: string): string => name.trim().toLowerCase();

/**
 * The place names of an analysis that nothing here can locate: no coordinates of their own, not in the gazetteer,
 * not resolved before (`known`, keyed by placeCoordinatesKey). These are the villages to look up with postcodes.io
 * `/places` (OS Open Names). Returns each name once, in the analysis's order.
 */
export function unresolvedPlaceNames(
  places: readonly PlaceMention[],
  gazetteer: Pick<Gazetteer, 'lookup'>,
  known: ReadonlyMap<string, LatLng> = new Map(),
): string[] {
  const names: string[] = [];
  for (const place of places) {
    const key = placeCoordinatesKey(place.name);
    if (place.lat !== undefined || known.has(key) || gazetteer.lookup(place.name)) continue;
    if (!names.some((name) => placeCoordinatesKey(name) === key)) names.push(place.name);
  }
  return names;
}

export interface ResolvePlacesOptions {
  /** Of several same-named places, the one nearest this point (the watched person). */
  near?: LatLng;
  /** Names looked up before and not found: skipped, so a village postcodes.io lacks is not asked for again. */
  notFound?: Set<string>;
  /** At most this many look-ups per call (default 10): an article full of names cannot flood the service. */
  limit?: number;
}

/**
 * Looks each name up once with the injected `lookupPlace` (the postcodes.io client in the extension and `scan`, a
 * fake in tests) and records what it finds in `known` (keyed by placeCoordinatesKey). A name not found goes into
 * `notFound`; a failed request (offline, 5xx, timeout) leaves the name unlocated, to be tried at the next poll.
 * Never throws. Returns how many names were located.
 */
export async function resolvePlaceNames(
  names: readonly string[],
  lookupPlace: PostcodeClient['lookupPlace'],
  known: Map<string, LatLng>,
  options: ResolvePlacesOptions = {},
): Promise<number> {
  let located = 0;
  let asked = 0;
  for (const name of names) {
    const key = placeCoordinatesKey(name);
    if (known.has(key) || options.notFound?.has(key)) continue;
    if (asked >= (options.limit ?? 10)) break;
    asked += 1;
    try {
      const found = await lookupPlace(name, options.near ? { near: options.near } : {});
      if (found) {
        known.set(key, { lat: found.lat, lng: found.lng });
        located += 1;
      } else {
        options.notFound?.add(key);
      }
    } catch {
      // Unlocated for now: the item can still match on the person's own force.
    }
  }
  return located;
}
