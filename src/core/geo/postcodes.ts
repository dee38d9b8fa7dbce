import type { HttpFetch } from '../platform.ts';
import { distanceKm, type LatLng } from './distance.ts';
import { parsePostcode } from './postcode-format.ts';
import { invalidPostcodeError, PostcodeLookupError } from './postcode-lookup-error.ts';

/** Where a postcode (or outcode) is, from postcodes.io. */
export interface PostcodeLocation {
  /** Normalised: uppercase, one space ("CO7 6AA"), or the outcode alone ("CO7"). */
  postcode: string;
  lat: number;
  lng: number;
  /** Police force area name as postcodes.io gives it ("Essex", "Metropolitan Police"). */
  pfa?: string;
  /** Local authority district ("Colchester"); for an outcode, the first of its districts. */
  district?: string;
  /** County, when there is one ("Essex"). */
  county?: string;
  /** Every district and county the outcode spans (outcodes only), for finding a force when no pfa is known. */
  areas?: string[];
  /** True when only the outcode was given: the location is its centroid. */
  outcode: boolean;
}

/** A named place from OS Open Names via postcodes.io /places. */
export interface PlaceLocation extends LatLng {
  name: string;
  /** OS local type: "City", "Town", "Village", "Hamlet", "Suburban Area", ... */
  localType?: string;
  district?: string;
  county?: string;
}

export interface PostcodeClient {
  lookupPostcode(input: string): Promise<PostcodeLocation>;
  /** Exact-name match (case-insensitive); with `near`, the closest of several same-named places. Cached per name. */
  lookupPlace(name: string, options?: { near?: LatLng }): Promise<PlaceLocation | undefined>;
}

export interface PostcodeClientOptions {
  fetch: HttpFetch;
  /** Default https://api.postcodes.io (MIT, no key, CORS on). */
  baseUrl?: string;
  /** Per-request timeout, ms (default 10 000). */
  timeoutMs?: number;
}

export const POSTCODES_IO_BASE_URL = 'https://api.postcodes.io';

/** postcodes.io's widest reverse-geocode radius, metres: finds a real postcode (and its pfa) near an outcode's centroid. */
const REVERSE_RADIUS_M = 2000;
/** OS local types that are settlements, preferred over roads or hills of the same name. */
const SETTLEMENT_TYPES = new Set(['City', 'Town', 'Village', 'Hamlet', 'Suburban Area', 'Other Settlement']);

export function createPostcodeClient(options: PostcodeClientOptions): PostcodeClient {
  const baseUrl = (options.baseUrl ?? POSTCODES_IO_BASE_URL).replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 10_000;
  const placeCache = new Map<string, Promise<PlaceLocation[]>>();

  async function getJson(path: string): Promise<{ status: number; body: Record<string, unknown> }> {
    let response: Response;
    try {
      response = await options.fetch(baseUrl + path, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      // A fetch that refuses on purpose (e.g. the site is not allowed) has already said why.
      if (error instanceof PostcodeLookupError) throw error;
      throw new PostcodeLookupError(
        'unavailable',
        `The postcode service could not be reached (${error instanceof Error ? error.message : String(error)}). Try again later.`,
        0,
      );
    }
    if (response.status === 429 || response.status >= 500) {
      throw new PostcodeLookupError(
        'unavailable',
        `The postcode service is not answering right now (HTTP ${response.status}). Try again later.`,
        response.status,
      );
    }
    let body: Record<string, unknown>;
    try {
      body = (await response.json()) as Record<string, unknown>;
    } catch {
      throw new PostcodeLookupError('unavailable', 'The postcode service sent an unreadable answer. Try again later.', response.status);
    }
    return { status: response.status, body };
  }

  async function lookupPostcode(input: string): Promise<PostcodeLocation> {
    const parsed = parsePostcode(input);
    if (!parsed) {
      throw invalidPostcodeError(input);
    }
    if (parsed.kind === 'postcode') {
      const { status, body } = await getJson(`/postcodes/${encodeURIComponent(parsed.postcode)}`);
      if (status === 404) throw new PostcodeLookupError('not-found', `Postcode not found: ${parsed.postcode}. Check it on a letter or bill.`, 404);
      const result = expectResult(body, status);
      return {
        postcode: stringOr(result.postcode, parsed.postcode),
        ...coordinates(result),
        ...optional('pfa', result.pfa),
        ...optional('district', result.admin_district),
        ...optional('county', result.admin_county),
        outcode: false,
      };
    }
    const { status, body } = await getJson(`/outcodes/${encodeURIComponent(parsed.outcode)}`);
    if (status === 404) throw new PostcodeLookupError('not-found', `Postcode area not found: ${parsed.outcode}. Check it on a letter or bill.`, 404);
    const result = expectResult(body, status);
    const centre = coordinates(result);
    const districts = stringList(result.admin_district);
    const counties = stringList(result.admin_county);
    // Outcodes carry no police force area: take it from the nearest real postcode to the centroid.
    const pfa = await nearestPfa(centre);
    return {
      postcode: parsed.outcode,
      ...centre,
      ...optional('pfa', pfa),
      ...optional('district', districts[0]),
      ...optional('county', counties[0]),
      areas: [...counties, ...districts],
      outcode: true,
    };
  }

  async function nearestPfa(centre: LatLng): Promise<string | undefined> {
    const { status, body } = await getJson(`/postcodes?lon=${centre.lng}&lat=${centre.lat}&radius=${REVERSE_RADIUS_M}&limit=1`);
    if (status !== 200 || !Array.isArray(body.result)) return undefined;
    const nearest = body.result[0] as Record<string, unknown> | undefined;
    return typeof nearest?.pfa === 'string' && nearest.pfa ? nearest.pfa : undefined;
  }

  async function placesNamed(name: string): Promise<PlaceLocation[]> {
    const key = name.trim().toLowerCase();
    let pending = placeCache.get(key);
    if (!pending) {
      pending = (async () => {
        const { status, body } = await getJson(`/places?q=${encodeURIComponent(name.trim())}&limit=100`);
        if (status !== 200 || !Array.isArray(body.result)) return [];
        return (body.result as Record<string, unknown>[])
          .filter((place) => typeof place.name_1 === 'string' && place.name_1.toLowerCase() === key)
          .filter((place) => typeof place.latitude === 'number' && typeof place.longitude === 'number')
          .sort((a, b) => Number(!SETTLEMENT_TYPES.has(String(a.local_type))) - Number(!SETTLEMENT_TYPES.has(String(b.local_type))))
          .map((place) => ({
            name: String(place.name_1),
            lat: place.latitude as number,
            lng: place.longitude as number,
            ...optional('localType', place.local_type),
            ...optional('district', place.district_borough),
            ...optional('county', place.county_unitary),
          }));
      })();
      // A failed lookup is not cached: the next call tries again.
      pending.catch(() => placeCache.delete(key));
      placeCache.set(key, pending);
    }
    return pending;
  }

  async function lookupPlace(name: string, lookupOptions: { near?: LatLng } = {}): Promise<PlaceLocation | undefined> {
    if (!name.trim()) return undefined;
    const candidates = await placesNamed(name);
    const near = lookupOptions.near;
    if (!near || candidates.length < 2) return candidates[0];
    return [...candidates].sort((a, b) => distanceKm(near, a) - distanceKm(near, b))[0];
  }

  return { lookupPostcode, lookupPlace };
}

function expectResult(body: Record<string, unknown>, status: number): Record<string, unknown> {
  if (status !== 200 || typeof body.result !== 'object' || body.result === null) {
    throw new PostcodeLookupError('unavailable', `The postcode service gave an unexpected answer (HTTP ${status}). Try again later.`, status);
  }
  return body.result as Record<string, unknown>;
}

function coordinates(result: Record<string, unknown>): LatLng {
  if (typeof result.latitude !== 'number' || typeof result.longitude !== 'number') {
    // Some valid postcodes (e.g. new or PO boxes) have no grid reference: nothing to measure from.
    throw new PostcodeLookupError('not-found', 'That postcode has no location on record. Try a neighbour\'s postcode or the outcode alone (e.g. "CO7").', 200);
  }
  return { lat: result.latitude, lng: result.longitude };
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' && value ? value : fallback;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string' && entry.length > 0) : [];
}

function optional<K extends string>(key: K, value: unknown): { [P in K]?: string } {
  return (typeof value === 'string' && value ? { [key]: value } : {}) as { [P in K]?: string };
}
