import { describe, expect, it } from 'vitest';
import { locatePlaces, matchItemToPerson, matchLocatedItem, type NearbyDeps } from '../../../src/core/geo/nearby.ts';
import type { Analysis, PlaceMention } from '../../../src/core/detect/vocabulary.ts';
import type { FeedItem } from '../../../src/core/sources/source.ts';
import type { WatchedPerson } from '../../../src/core/geo/watched-person.ts';

const mum: WatchedPerson = { id: 'p1', name: 'Mum', postcode: 'CO7 6AA', lat: 51.8566, lng: 0.9595, forceId: 'essex', radiusKm: 15 };

const gazetteer = new Map<string, { lat: number; lng: number }[]>([
  ['colchester', [{ lat: 51.8892, lng: 0.9042 }]],
  ['clacton-on-sea', [{ lat: 51.7898, lng: 1.1545 }]],
  ['chelmsford', [{ lat: 51.7356, lng: 0.4685 }]],
  ['newcastle upon tyne', [{ lat: 54.9783, lng: -1.6178 }]],
  ['essex', [{ lat: 51.77, lng: 0.6 }]],
  ['newport', [{ lat: 51.5842, lng: -2.9977 }, { lat: 51.9845, lng: 0.2157 }]],
]);
const deps: NearbyDeps = {
  gazetteer: { lookup: (name) => gazetteer.get(name.toLowerCase()) },
  forceIdOfSource: (sourceId) => ({ 'essex:news': 'essex', 'northumbria:news': 'northumbria', 'suffolk:news': 'suffolk' })[sourceId],
  placeCoordinates: new Map([['rowhedge', { lat: 51.8567, lng: 0.945 }]]),
};

const analysis = (places: PlaceMention[]): Analysis => ({
  relevant: true,
  score: 0.9,
  reasons: [],
  tactics: ['courier-collection'],
  impersonated: ['police'],
  claimedAs: [],
  places,
  counts: {},
});
const item = (sourceId: string): FeedItem => ({ sourceId, url: `https://example.test/${sourceId}`, title: 'Warning', text: '', publishedAt: null });

describe('nearby', () => {
  it('is near when a named place lies within the radius, giving the distance and the place', () => {
    const match = matchItemToPerson(analysis([{ name: 'Colchester' }]), item('google-news:essex'), mum, deps);
    expect(match).toEqual({ near: true, distanceKm: 5.2, nearestPlace: 'Colchester', basis: 'distance' });
  });

  it('measures from the nearest of several named places', () => {
    const match = matchItemToPerson(analysis([{ name: 'Chelmsford' }, { name: 'Colchester' }, { name: 'Clacton-on-Sea' }]), item('essex:news'), mum, deps);
    expect(match.near).toBe(true);
    expect(match.nearestPlace).toBe('Colchester');
    expect(match.distanceKm).toBeLessThan(15);
  });

  it('uses villages resolved earlier through the places lookup', () => {
    const match = matchItemToPerson(analysis([{ name: 'Rowhedge' }]), item('google-news:essex'), mum, deps);
    expect(match).toMatchObject({ near: true, nearestPlace: 'Rowhedge', basis: 'distance' });
    expect(match.distanceKm).toBeLessThan(1.5);
  });

  it('is not near when every named place is outside the radius, even from the own force', () => {
    const match = matchItemToPerson(analysis([{ name: 'Chelmsford' }]), item('essex:news'), mum, deps);
    expect(match.near).toBe(false);
    expect(match.distanceKm).toBeGreaterThan(30);
  });

  it('is not near for Newcastle, whichever source reports it', () => {
    for (const sourceId of ['suffolk:news', 'northumbria:news', 'essex:news']) {
      const match = matchItemToPerson(analysis([{ name: 'Newcastle upon Tyne' }]), item(sourceId), mum, deps);
      expect(match.near).toBe(false);
      expect(match.distanceKm).toBeGreaterThan(350);
    }
  });

  it('falls back to the own force when the item names no place it can locate', () => {
    expect(matchItemToPerson(analysis([]), item('essex:news'), mum, deps)).toEqual({ near: true, basis: 'own-force' });
    expect(matchItemToPerson(analysis([{ name: 'Nowhereville' }]), item('essex:news'), mum, deps).basis).toBe('own-force');
  });

  it('treats a whole-county mention like no place: own force near, neighbour not', () => {
    const county = analysis([{ name: 'Essex', kind: 'county' }]);
    expect(matchItemToPerson(county, item('essex:news'), mum, deps)).toMatchObject({ near: true, basis: 'own-force' });
    expect(matchItemToPerson(county, item('suffolk:news'), mum, deps).near).toBe(false);
  });

  it('does not fall back to the force for a neighbouring force or an unlabelled feed', () => {
    expect(matchItemToPerson(analysis([]), item('suffolk:news'), mum, deps).near).toBe(false);
    expect(matchItemToPerson(analysis([]), item('google-news:essex'), mum, deps).near).toBe(false);
  });

  it('picks the same-named place nearest the person', () => {
    const match = matchItemToPerson(analysis([{ name: 'Newport' }]), item('google-news:essex'), { ...mum, radiusKm: 60 }, deps);
    expect(match.near).toBe(true);
    expect(match.distanceKm).toBeLessThan(60);
  });

  it('trusts coordinates the analysis already carries', () => {
    const match = matchItemToPerson(analysis([{ name: 'Somewhere', lat: 51.86, lng: 0.96 }]), item('x'), mum, deps);
    expect(match).toMatchObject({ near: true, basis: 'distance', nearestPlace: 'Somewhere' });
  });

  it('locates an item\'s places once and gives every person the answer matching gives them, Newport included', () => {
    const cardiffGran: WatchedPerson = { ...mum, id: 'p2', lat: 51.4816, lng: -3.1791, forceId: 'south-wales', radiusKm: 30 };
    const named = analysis([{ name: 'Newport' }, { name: 'Rowhedge' }, { name: 'Essex', kind: 'county' }, { name: 'Nowhereville' }]);
    let lookups = 0;
    const counting: NearbyDeps = { ...deps, gazetteer: { lookup: (name) => (lookups++, deps.gazetteer.lookup(name)) } };
    const located = locatePlaces(named.places, counting);
    expect(lookups).toBe(4);
    for (const person of [mum, { ...mum, radiusKm: 60 }, cardiffGran]) {
      for (const sourceId of ['essex:news', 'google-news:essex']) {
        expect(matchLocatedItem(located, item(sourceId), person, deps)).toEqual(matchItemToPerson(named, item(sourceId), person, deps));
      }
    }
    expect(lookups).toBe(4);
    // Each person gets the Newport nearest them: Cardiff's is a few km away, Mum's the Essex one.
    expect(matchLocatedItem(located, item('x'), cardiffGran, deps)).toMatchObject({ near: true, nearestPlace: 'Newport' });
    expect(matchLocatedItem(located, item('x'), cardiffGran, deps).distanceKm).toBeLessThan(20);
  });
});
