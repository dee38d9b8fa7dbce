import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distanceKm, latitudeGapKm } from '../../../src/core/geo/distance.ts';
import { certainlyFar, matchLocatedItem, spanOf, type LocatedPlace } from '../../../src/core/geo/nearby.ts';
import type { FeedItem } from '../../../src/core/sources/source.ts';

const ukLat = fc.double({ min: 49.8, max: 60.9, noNaN: true });
const ukLng = fc.double({ min: -8.2, max: 1.8, noNaN: true });
const point = fc.record({ lat: ukLat, lng: ukLng });
const kind = fc.constantFrom('town', 'village', 'district', 'county', 'area', undefined);
const located = fc.array(
  fc.record({ name: fc.constantFrom('Wivenhoe', 'Newport', 'Essex', 'Rowhedge'), kind, candidates: fc.array(point, { maxLength: 3 }) }),
  { maxLength: 4 },
);
const item = { sourceId: 'essex-police', url: 'https://www.essex.police.uk/news/1', title: 'Warning', text: '' } as unknown as FeedItem;

describe('ruling out far people on latitude before measuring (find-spates)', () => {
  it('latitudeGapKm never exceeds the haversine distance, whatever the longitudes', () => {
    fc.assert(fc.property(point, point, (a, b) => latitudeGapKm(a.lat, b.lat) <= distanceKm(a, b)), { numRuns: 2000 });
  });

  it('rules out only items that matchLocatedItem finds not near: certainlyFar is never wrong', () => {
    let ruledOut = 0;
    fc.assert(
      fc.property(located, point, fc.integer({ min: 1, max: 60 }), fc.boolean(), (places, home, radiusKm, ownForce) => {
        const locatedPlaces: LocatedPlace[] = places.map(({ name, kind, candidates }) => ({ place: { name, ...(kind ? { kind } : {}) }, candidates }));
        const person = { id: 'mum', name: 'Mum', postcode: 'CO7 6AA', ...home, radiusKm, forceId: 'essex' };
        const span = spanOf(locatedPlaces);
        if (!span || !certainlyFar(span, person)) return true;
        ruledOut += 1;
        return !matchLocatedItem(locatedPlaces, item, person, { forceIdOfSource: () => (ownForce ? 'essex' : undefined) }).near;
      }),
      { numRuns: 3000 },
    );
    expect(ruledOut).toBeGreaterThan(100);
  });

  it('keeps a report that names only a county, which the person’s own force may still mean', () => {
    const essex: LocatedPlace[] = [{ place: { name: 'Essex', kind: 'county' }, candidates: [{ lat: 51.8, lng: 0.6 }] }];
    const farNorth = { id: 'dad', name: 'Dad', postcode: 'IV1 1AA', lat: 57.5, lng: -4.2, radiusKm: 15, forceId: 'essex' };
    expect(certainlyFar(spanOf(essex)!, farNorth)).toBe(false);
    const colchester: LocatedPlace[] = [{ place: { name: 'Colchester', kind: 'town' }, candidates: [{ lat: 51.89, lng: 0.9 }] }];
    expect(certainlyFar(spanOf(colchester)!, farNorth)).toBe(true);
  });
});
