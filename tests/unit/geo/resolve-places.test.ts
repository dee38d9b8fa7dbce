import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../src/core/detect/analyze.ts';
import { gbGazetteer } from '../../../src/core/geo/gazetteer-gb.ts';
import { matchItemToPerson } from '../../../src/core/geo/nearby.ts';
import type { PlaceLocation } from '../../../src/core/geo/postcodes.ts';
import { resolvePlaceNames, unresolvedPlaceNames } from '../../../src/core/geo/resolve-places.ts';
import type { WatchedPerson } from '../../../src/core/geo/watched-person.ts';
import type { LatLng } from '../../../src/core/geo/distance.ts';

const gazetteer = gbGazetteer();
// A person in Holt, Norfolk; Little Snoring is a village about 12 km away that the offline gazetteer lacks.
const gran: WatchedPerson = { id: 'p1', name: 'Gran', postcode: 'NR25 6AA', lat: 52.907, lng: 1.09, forceId: 'norfolk', radiusKm: 15 };
const village = 'A woman from Little Snoring was conned out of £4,000 by a man posing as a detective. A courier collected the cash.';

function fakePlaces(places: Record<string, LatLng>) {
  const asked: string[] = [];
  const lookupPlace = async (name: string): Promise<PlaceLocation | undefined> => {
    asked.push(name);
    const at = places[name.toLowerCase()];
    return at ? { name, ...at } : undefined;
  };
  return { asked, lookupPlace };
}

describe('villages the gazetteer lacks, looked up through an injected place service', () => {
  it('names only what nothing here can locate', () => {
    const analysis = analyzeText(`${village} Calls were also reported in Fakenham.`, { gazetteer });
    expect(analysis.places.map((place) => place.name)).toEqual(['Little Snoring', 'Fakenham']);
    expect(unresolvedPlaceNames(analysis.places, gazetteer)).toEqual(['Little Snoring']);
    expect(unresolvedPlaceNames(analysis.places, gazetteer, new Map([['little snoring', { lat: 52.86, lng: 0.9 }]]))).toEqual([]);
  });

  it('a located village makes the report near the person, by distance', async () => {
    const analysis = analyzeText(village, { gazetteer });
    const item = { sourceId: 'norfolk:news', url: 'https://example.test/a', title: 'Warning', text: village, publishedAt: null };
    const deps = { gazetteer: { lookup: (name: string) => gazetteer.lookup(name) }, forceIdOfSource: () => 'suffolk', placeCoordinates: new Map<string, LatLng>() };
    expect(matchItemToPerson(analysis, item, gran, deps).near).toBe(false);

    const { lookupPlace } = fakePlaces({ 'little snoring': { lat: 52.862, lng: 0.9 } });
    const located = await resolvePlaceNames(unresolvedPlaceNames(analysis.places, gazetteer), lookupPlace, deps.placeCoordinates, { near: gran });
    expect(located).toBe(1);
    expect(matchItemToPerson(analysis, item, gran, deps)).toMatchObject({ near: true, basis: 'distance', nearestPlace: 'Little Snoring' });
  });

  it('asks once per name, remembers names not found, survives a failing service and caps the look-ups', async () => {
    const known = new Map<string, LatLng>();
    const notFound = new Set<string>();
    const { asked, lookupPlace } = fakePlaces({ 'great snoring': { lat: 52.87, lng: 0.89 } });
    await resolvePlaceNames(['Great Snoring', 'Nowhere Magna', 'great snoring'], lookupPlace, known, { notFound });
    await resolvePlaceNames(['Great Snoring', 'Nowhere Magna'], lookupPlace, known, { notFound });
    expect(asked).toEqual(['Great Snoring', 'Nowhere Magna']);
    expect([...known.keys()]).toEqual(['great snoring']);

    const failing = async (): Promise<PlaceLocation | undefined> => {
      throw new Error('offline');
    };
    await expect(resolvePlaceNames(['Wighton'], failing, known, { notFound })).resolves.toBe(0);
    expect(notFound.has('wighton')).toBe(false);

    const many = fakePlaces({});
    await resolvePlaceNames(['A1', 'A2', 'A3', 'A4'], many.lookupPlace, new Map(), { limit: 2 });
    expect(many.asked).toEqual(['A1', 'A2']);
  });
});
