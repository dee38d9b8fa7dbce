/**
 * The carer app's postcode handling: the shape is checked locally before any request (a partial "CO7 6" is refused,
 * never saved as the outcode "CO76"), the lookup fills in place and force, and people saved while the postcode
 * service could not be reached are checked again automatically when it can (at start and when the device comes
 * back online). A force once known is kept until a lookup says otherwise.
 */
import type { CaredPerson } from '../core/calls/person.ts';
import { PostcodeLookupError } from '../core/geo/postcode-lookup-error.ts';
import { isUkPostcodeArea, postcodeArea } from '../core/geo/postcode-areas.ts';
import { parsePostcode, type ParsedPostcode } from '../core/geo/postcode-format.ts';
import { createPostcodeClient } from '../core/geo/postcodes.ts';
import { db, DEFAULT_POSTCODES_BASE_URL, repository, SETTINGS } from './app-data.ts';
import { forceIdForPfa } from './forces.ts';

export type Place = Pick<CaredPerson, 'postcodeChecked' | 'lat' | 'lng' | 'forceId' | 'placeName'>;

const INCODE = /^[0-9][A-Z]{2}$/;

/**
 * A postcode or outcode as typed, or an error message for people, checked with no network. "CO7 6AA" and "CO7" pass;
 * "CO7 6" (cut short), "CO7 6AAA" (too long), "XX1 1XX" (no such postcode area) and "hello" do not.
 */
export function checkPostcodeShape(input: string): { parsed: ParsedPostcode } | { error: string } {
  const typed = input.trim();
  const words = typed.toUpperCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return { error: 'Enter their postcode, like CO7 6AA.' };
  // Two parts typed: the second must be a whole inward code (a digit and two letters).
  if (words.length === 2 && !INCODE.test(words[1]!)) {
    if (/^[0-9][A-Z]{2}./.test(words[1]!)) {
      return { error: `“${typed}” is too long: the second part of a postcode is a number and two letters, like 6AA in CO7 6AA.` };
    }
    if (/^[0-9][A-Z]?$/.test(words[1]!)) {
      return { error: `“${typed}” looks cut short: enter the whole postcode, like CO7 6AA, or just its first part, like CO7.` };
    }
    return { error: `“${typed}” is not a UK postcode: the second part is a number and two letters, like 6AA in CO7 6AA.` };
  }
  const parsed = words.length <= 2 ? parsePostcode(words.join('')) : undefined;
  if (!parsed) {
    // All run together: a whole postcode with more after it.
    const word = words[0]!;
    if (words.length === 1 && [5, 6, 7].some((length) => length < word.length && parsePostcode(word.slice(0, length))?.kind === 'postcode')) {
      return { error: `“${typed}” is too long: a UK postcode has at most 7 letters and numbers, like CO7 6AA.` };
    }
    return { error: 'Enter a UK postcode, like CO7 6AA.' };
  }
  if (!isUkPostcodeArea(parsed.outcode)) {
    return {
      error: `“${typed}” is not a UK postcode: no postcode starts with ${postcodeArea(parsed.outcode)}. Check the letters at the start, like CO in CO7 6AA.`,
    };
  }
  return { parsed };
}

async function postcodeClient() {
  const baseUrl = ((await db.settings.get(SETTINGS.postcodesBaseUrl))?.value as string | undefined) || DEFAULT_POSTCODES_BASE_URL;
  return createPostcodeClient({ fetch: (url, init) => fetch(url, init), baseUrl });
}

/**
 * Looks the postcode up. Resolves with the place; rejects with PostcodeLookupError (`retryable` false: the postcode
 * does not exist; true: the service could not be reached).
 */
export async function lookUpPlace(postcode: string): Promise<Place> {
  const location = await (await postcodeClient()).lookupPostcode(postcode);
  const forceId = location.pfa ? forceIdForPfa(location.pfa) : undefined;
  return {
    postcodeChecked: true,
    lat: location.lat,
    lng: location.lng,
    ...(forceId ? { forceId } : {}),
    ...(location.district ? { placeName: location.district } : {}),
  };
}

/** Checks every person saved with an unchecked postcode; returns how many were checked. Network failures are quiet. */
export async function recheckPostcodes(): Promise<number> {
  const waiting = (await db.people.toArray()).filter((person) => !person.deleted && !person.postcodeChecked);
  let checked = 0;
  for (const person of waiting) {
    try {
      const place = await lookUpPlace(person.postcode);
      const { hlc: _hlc, ...rest } = person;
      // A force known before stays when the service gives none.
      await (await repository()).saveRecord('people', { ...rest, ...place, forceId: place.forceId ?? person.forceId });
      checked++;
    } catch (error) {
      if (error instanceof PostcodeLookupError && error.retryable) return checked;
      // A postcode the service says does not exist stays unchecked; the person's screen says so.
    }
  }
  return checked;
}

/** Starts the automatic re-check: now, and each time the device comes back online. */
export function startPostcodeRecheck(): void {
  void recheckPostcodes();
  window.addEventListener('online', () => void recheckPostcodes());
}
