import type { FeedItem } from '../sources/source.ts';
import type { Analysis, PlaceMention } from '../detect/vocabulary.ts';
import { distanceKm, latitudeGapKm, type LatLng } from './distance.ts';
import type { WatchedPerson } from './watched-person.ts';

/** Anything that can place a name: the gazetteer (one or several same-named places), or a map of earlier lookups. */
export interface PlaceResolver {
  lookup(name: string): LatLng | readonly LatLng[] | undefined;
}

export interface NearbyDeps {
  gazetteer: PlaceResolver;
  /** The force a source speaks for (registry), undefined for Google News or a user's own feed without one. */
  forceIdOfSource(sourceId: string): string | undefined;
  /** Places resolved earlier through postcodes.io /places (villages the gazetteer lacks), keyed by lowercase name. */
  placeCoordinates?: ReadonlyMap<string, LatLng>;
}

export type NearBasis = 'distance' | 'own-force' | 'none';

export interface NearMatch {
  near: boolean;
  /** Distance from the person to the nearest named place that could be located, km. */
  distanceKm?: number;
  nearestPlace?: string;
  /** `distance`: a named place lies within the radius; `own-force`: the person's own force, no place to measure. */
  basis: NearBasis;
}

/** Whole counties or regions: too broad to measure from their centre, so they never rule an item out. */
export const BROAD_KINDS: ReadonlySet<PlaceMention['kind']> = new Set(['county', 'area']);

/**
 * Is this item about somewhere near the person? Near when a place it names lies within the radius. Weaker: it comes
 * from the person's own force and names no place that can be located (or only a whole county). A far place rules an
 * item out even from a neighbouring force's source: Newcastle is not near Colchester.
 */
export function matchItemToPerson(analysis: Analysis, item: FeedItem, person: WatchedPerson, deps: NearbyDeps): NearMatch {
  return matchLocatedItem(locatePlaces(analysis.places, deps), item, person, deps);
}

/** A place an item names, with every point it may be (several same-named places: Newport), none when unknown. */
export interface LocatedPlace {
  place: PlaceMention;
  candidates: readonly LatLng[];
}

/**
 * Where each named place may be, looked up once for all the people watched: the analysis's own coordinates, the
 * gazetteer's same-named places, or an earlier lookup. Which of several candidates a person means is decided per
 * person (nearestCandidate).
 */
export function locatePlaces(places: readonly PlaceMention[], deps: Pick<NearbyDeps, 'gazetteer' | 'placeCoordinates'>): LocatedPlace[] {
  return places.map((place) => ({ place, candidates: candidatesOf(place, deps) }));
}

/** matchItemToPerson for places already located (locatePlaces): the same answer, without looking names up again. */
export function matchLocatedItem(located: readonly LocatedPlace[], item: FeedItem, person: WatchedPerson, deps: Pick<NearbyDeps, 'forceIdOfSource'>): NearMatch {
  const home: LatLng = { lat: person.lat, lng: person.lng };
  let nearestSpecific: { name: string; km: number } | undefined;
  let nearestBroad: { name: string; km: number } | undefined;
  for (const { place, candidates } of located) {
    const at = nearestCandidate(candidates, home);
    if (!at) continue;
    const candidate = { name: place.name, km: distanceKm(home, at) };
    if (BROAD_KINDS.has(place.kind)) {
      if (!nearestBroad || candidate.km < nearestBroad.km) nearestBroad = candidate;
    } else if (!nearestSpecific || candidate.km < nearestSpecific.km) {
      nearestSpecific = candidate;
    }
  }
  const measured = nearestSpecific ?? nearestBroad;
  const withDistance = measured ? { distanceKm: round1(measured.km), nearestPlace: measured.name } : {};
  if (measured && measured.km <= person.radiusKm) return { near: true, ...withDistance, basis: 'distance' };
  if (nearestSpecific) return { near: false, ...withDistance, basis: 'none' };
  const fromOwnForce = deps.forceIdOfSource(item.sourceId) === person.forceId;
  return fromOwnForce ? { near: true, basis: 'own-force' } : { near: false, ...withDistance, basis: 'none' };
}

/** How far north and south a located item's places may lie, to rule out distant people without measuring to each. */
export interface LocatedSpan {
  /** Latitudes of the southernmost and northernmost points any of its places may be, decimal degrees. */
  south: number;
  north: number;
  /** It names a place that is not a whole county or area (so a far one rules it out, see matchLocatedItem). */
  specific: boolean;
}

/** The span of located places (locatePlaces); undefined when none could be located. */
export function spanOf(located: readonly LocatedPlace[]): LocatedSpan | undefined {
  let span: LocatedSpan | undefined;
  for (const { place, candidates } of located) {
    for (const { lat } of candidates) {
      span ??= { south: lat, north: lat, specific: false };
      span.south = Math.min(span.south, lat);
      span.north = Math.max(span.north, lat);
    }
    if (candidates.length > 0 && !BROAD_KINDS.has(place.kind)) span!.specific = true;
  }
  return span;
}

/**
 * True only when matchLocatedItem would answer "not near" for this person: the item names a specific place, and every
 * point any of its places may be lies further north or south of the person than the radius. False says nothing.
 */
export function certainlyFar(span: LocatedSpan, person: Pick<WatchedPerson, 'lat' | 'radiusKm'>): boolean {
  if (!span.specific) return false;
  const gap = person.lat < span.south ? latitudeGapKm(person.lat, span.south) : person.lat > span.north ? latitudeGapKm(person.lat, span.north) : 0;
  return gap > person.radiusKm;
}

/** Where a named place is: the analysis's own coordinates, the gazetteer (nearest of same-named places), or an earlier lookup. */
export function locatePlace(
  place: PlaceMention,
  home: LatLng,
  deps: Pick<NearbyDeps, 'gazetteer' | 'placeCoordinates'>,
): LatLng | undefined {
  return nearestCandidate(candidatesOf(place, deps), home);
}

/** Every point a named place may be: its own coordinates, else the gazetteer's same-named places, else an earlier lookup. */
function candidatesOf(place: PlaceMention, deps: Pick<NearbyDeps, 'gazetteer' | 'placeCoordinates'>): readonly LatLng[] {
  if (typeof place.lat === 'number' && typeof place.lng === 'number') return [{ lat: place.lat, lng: place.lng }];
  const found = deps.gazetteer.lookup(place.name);
  if (found !== undefined && (!isList(found) || found.length > 0)) return isList(found) ? found : [found];
  const earlier = deps.placeCoordinates?.get(place.name.trim().toLowerCase());
  return earlier ? [earlier] : [];
}

/** Several places share a name (Newport): the one nearest the person is the one a local report means. */
export function nearestCandidate(candidates: readonly LatLng[], home: LatLng): LatLng | undefined {
  if (candidates.length <= 1) return candidates[0];
  return candidates.reduce((best, next) => (distanceKm(home, next) < distanceKm(home, best) ? next : best));
}

function isList(found: LatLng | readonly LatLng[]): found is readonly LatLng[] {
  return Array.isArray(found);
}

function round1(km: number): number {
  return Math.round(km * 10) / 10;
}
