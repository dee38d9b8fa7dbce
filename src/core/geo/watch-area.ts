import type { PostcodeClient, PostcodeLocation } from './postcodes.ts';
import { invalidPostcodeError, PostcodeLookupError } from './postcode-lookup-error.ts';
import { DEFAULT_RADIUS_KM, MAX_RADIUS_KM, type WatchedPerson } from './watched-person.ts';
import { fnv1aHex } from '../fnv1a.ts';
import { parsePostcode } from './postcode-format.ts';

export interface WatchedPersonInput {
  name: string;
  postcode: string;
  /** km, default 15. */
  radiusKm?: number;
  /** Keep an existing person's id when their postcode or radius is edited. */
  id?: string;
}

export interface WatchAreaDeps {
  postcodes: Pick<PostcodeClient, 'lookupPostcode'>;
  /** The registry's force for a postcodes.io pfa name, county or district ("Essex", "Metropolitan Police"). */
  forceByPfa(pfa: string): { id: string } | undefined;
  /** The registry's neighbouring force ids. */
  neighboursOf?(forceId: string): readonly string[];
}

/**
 * Resolves a person's postcode into a watch area: location, own police force and its neighbours.
 * For an outcode without a pfa (no real postcode near its centroid), the force comes from the outcode's counties
 * and districts, in that order, as the registry knows them by name.
 */
export async function createWatchedPerson(input: WatchedPersonInput, deps: WatchAreaDeps): Promise<WatchedPerson> {
  const { name, radiusKm } = checkWatchedPersonInput(input);
  const location = await deps.postcodes.lookupPostcode(input.postcode);
  const force = forceFor(location, deps);
  if (!force) {
    throw new PostcodeLookupError(
      'not-found',
      `Could not tell which police force covers ${location.postcode}. Try the full postcode.`,
    );
  }
  const neighbourForceIds = [...(deps.neighboursOf?.(force.id) ?? [])];
  const placeName = location.district;
  return {
    id: input.id ?? personId(name, location.postcode),
    name,
    postcode: location.postcode,
    lat: location.lat,
    lng: location.lng,
    forceId: force.id,
    ...(placeName ? { placeName } : {}),
    radiusKm,
    neighbourForceIds,
  };
}

/**
 * The form's values checked locally, no request: name given, radius 1..100 km, postcode or outcode of a UK shape
 * (src/core/geo/postcode-format.ts). Returns them tidied ({name, postcode: "CO7 6AA" | "CO7", radiusKm, id}: the id
 * the located person will have). Throws WatchAreaInputError (name, radiusKm) or PostcodeLookupError 'invalid-postcode'.
 */
export function checkWatchedPersonInput(input: WatchedPersonInput): { id: string; name: string; postcode: string; radiusKm: number } {
  const name = input.name.trim();
  if (!name) throw new WatchAreaInputError('name', 'Please give the person a name (a first name is enough).');
  const radiusKm = input.radiusKm ?? DEFAULT_RADIUS_KM;
  if (!Number.isFinite(radiusKm) || radiusKm <= 0 || radiusKm > MAX_RADIUS_KM) {
    throw new WatchAreaInputError('radiusKm', `The radius must be between 1 and ${MAX_RADIUS_KM} km (got ${String(input.radiusKm)}).`);
  }
  const parsed = parsePostcode(input.postcode);
  if (!parsed) {
    throw invalidPostcodeError(input.postcode);
  }
  const postcode = parsed.kind === 'postcode' ? parsed.postcode : parsed.outcode;
  return { id: input.id ?? personId(name, postcode), name, postcode, radiusKm };
}

/** A bad value in the watch-area form, naming the field so the form can show the message beside it. */
export class WatchAreaInputError extends Error {
  override readonly name = 'WatchAreaInputError';
  constructor(
    readonly field: 'name' | 'radiusKm',
    message: string,
  ) {
    super(message);
  }
}

function forceFor(location: PostcodeLocation, deps: WatchAreaDeps): { id: string } | undefined {
  const candidates = [location.pfa, ...(location.areas ?? [])].filter((entry): entry is string => Boolean(entry));
  for (const candidate of candidates) {
    const force = deps.forceByPfa(candidate);
    if (force) return force;
  }
  return undefined;
}

/** Deterministic: the same name and postcode give the same id on every device of the family. */
function personId(name: string, postcode: string): string {
  return `person-${fnv1aHex(`${name.toLowerCase()}|${postcode}`)}`;
}

